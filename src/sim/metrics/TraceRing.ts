// A bounded ring of recent request events for the animation: (time, kind, server, client).
// The page receives only what is new since its last snapshot, capped to the latest entries.

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
  private readonly data: Float64Array;
  private readonly capacity: number;
  private readonly mask: number;
  private written = 0;
  private readCursor = 0;

  /** `capacity` is rounded up to a power of two (so the ring index is a bit mask). */
  constructor(
    capacity = 4096,
    /** Source of the time stamped on each entry. */
    private readonly clock: { readonly now: number } = { now: 0 },
  ) {
    capacity = 2 ** Math.ceil(Math.log2(Math.max(2, capacity)));
    this.capacity = capacity;
    this.mask = capacity - 1;
    this.data = new Float64Array(capacity * TRACE_FIELDS);
  }

  /** Records an event at the clock's current time. */
  record(kind: number, server: number, client: number): void {
    const o = (this.written & this.mask) * TRACE_FIELDS;
    this.data[o] = this.clock.now;
    this.data[o + 1] = kind;
    this.data[o + 2] = server;
    this.data[o + 3] = client;
    this.written++;
  }

  /** Entries written since the last call, at most `max` (the newest), packed flat. */
  takeNew(max: number): Float64Array {
    const from = Math.max(this.readCursor, this.written - Math.min(max, this.capacity));
    const n = this.written - from;
    const out = new Float64Array(n * TRACE_FIELDS);
    for (let k = 0; k < n; k++) {
      const o = ((from + k) & this.mask) * TRACE_FIELDS;
      out.set(this.data.subarray(o, o + TRACE_FIELDS), k * TRACE_FIELDS);
    }
    this.readCursor = this.written;
    return out;
  }
}
