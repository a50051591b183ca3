// A bounded ring of recent requests with the limiter's full answer for each, so the page can
// draw the timeline and show the 429 response (or the remaining allowance) of any request.
import type { LimiterDecision } from '../../../sim/blocks/limiters/types.ts';
import { PackedRing } from '../../../sim/metrics/PackedRing.ts';

/**
 * Numbers per entry: time, allowed, gateway, remaining, resetInS, retryAfterS, delayS, outage,
 * and the request's number in the run (1 for the first; the page may only see a sample).
 */
export const REQUEST_FIELDS = 9;

export class RequestLog {
  private readonly ring: PackedRing;

  /** `capacity` is rounded up to a power of two. */
  constructor(capacity: number) {
    this.ring = new PackedRing(REQUEST_FIELDS, capacity);
  }

  record(t: number, d: LimiterDecision, gateway: number, outage: boolean, serial: number): void {
    const o = this.ring.next();
    const x = this.ring.buffer;
    x[o] = t;
    x[o + 1] = d.allowed ? 1 : 0;
    x[o + 2] = gateway;
    x[o + 3] = d.remaining;
    x[o + 4] = d.resetInS;
    x[o + 5] = d.retryAfterS;
    x[o + 6] = d.delayS;
    x[o + 7] = outage ? 1 : 0;
    x[o + 8] = serial;
  }

  /** Entries written since the last call, at most `max` (the newest), packed flat. */
  takeNew(max: number): Float64Array {
    return this.ring.takeNew(max);
  }
}
