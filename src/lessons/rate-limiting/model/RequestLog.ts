// A bounded ring of recent requests with the limiter's full answer for each, so the page can
// draw the timeline and show the 429 response (or the remaining allowance) of any request.
import type { LimiterDecision } from '../../../sim/blocks/limiters/types.ts';

/**
 * Numbers per entry: time, allowed, gateway, remaining, resetInS, retryAfterS, delayS, outage,
 * and the request's number in the run (1 for the first; the page may only see a sample).
 */
export const REQUEST_FIELDS = 9;

export class RequestLog {
  private readonly data: Float64Array;
  private readonly mask: number;
  private written = 0;
  private readCursor = 0;

  /** `capacity` is rounded up to a power of two. */
  constructor(capacity: number) {
    const cap = 2 ** Math.ceil(Math.log2(Math.max(2, capacity)));
    this.mask = cap - 1;
    this.data = new Float64Array(cap * REQUEST_FIELDS);
  }

  record(t: number, d: LimiterDecision, gateway: number, outage: boolean, serial: number): void {
    const o = (this.written & this.mask) * REQUEST_FIELDS;
    const x = this.data;
    x[o] = t;
    x[o + 1] = d.allowed ? 1 : 0;
    x[o + 2] = gateway;
    x[o + 3] = d.remaining;
    x[o + 4] = d.resetInS;
    x[o + 5] = d.retryAfterS;
    x[o + 6] = d.delayS;
    x[o + 7] = outage ? 1 : 0;
    x[o + 8] = serial;
    this.written++;
  }

  /** Entries written since the last call, at most `max` (the newest), packed flat. */
  takeNew(max: number): Float64Array {
    const from = Math.max(this.readCursor, this.written - Math.min(max, this.mask + 1));
    const n = this.written - from;
    const out = new Float64Array(n * REQUEST_FIELDS);
    for (let k = 0; k < n; k++) {
      const o = ((from + k) & this.mask) * REQUEST_FIELDS;
      out.set(this.data.subarray(o, o + REQUEST_FIELDS), k * REQUEST_FIELDS);
    }
    this.readCursor = this.written;
    return out;
  }
}
