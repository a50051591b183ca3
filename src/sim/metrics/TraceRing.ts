// A bounded ring of recent request events for the animation: (time, kind, server, client).
// The page receives only what is new since its last snapshot, capped to the latest entries.
import { PackedRing } from './PackedRing.ts';

export const TRACE_FIELDS = 4;

/** Kinds of traced events. */
export const TraceKind = {
  routed: 0,
  started: 1,
  completed: 2,
  rejected: 3,
  failed: 4,
} as const;

export class TraceRing {
  private readonly ring: PackedRing;

  /** `capacity` is rounded up to a power of two. */
  constructor(
    capacity = 4096,
    /** Source of the time stamped on each entry. */
    private readonly clock: { readonly now: number } = { now: 0 },
  ) {
    this.ring = new PackedRing(TRACE_FIELDS, capacity);
  }

  /** Records an event at the clock's current time. */
  record(kind: number, server: number, client: number): void {
    const o = this.ring.next();
    const x = this.ring.buffer;
    x[o] = this.clock.now;
    x[o + 1] = kind;
    x[o + 2] = server;
    x[o + 3] = client;
  }

  /** Entries written since the last call, at most `max` (the newest), packed flat. */
  takeNew(max: number): Float64Array {
    return this.ring.takeNew(max);
  }
}
