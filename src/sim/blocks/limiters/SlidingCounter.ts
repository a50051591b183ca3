// Sliding-window-counter rate limiter: two counters (previous and current aligned window)
// blended as if the previous window's requests had been spread evenly. O(1) memory, approximate.
import {
  alignedWindowIndex,
  requireCount,
  requirePositive,
  type LimiterConfig,
  type LimiterDecision,
  type RateLimiter,
} from './types.ts';

/**
 * Weighted two-window approximation over aligned windows [k·W, (k+1)·W). At `now` in window k,
 * with f = (now − k·W) / W in [0, 1), `prev` the count accepted in window k − 1 (0 if that
 * window saw nothing) and `current` the count so far in window k:
 *
 *   estimate = prev · (1 − f) + current
 *
 * **Rule:** a request is accepted iff `estimate + 1 <= limit` (it would not push the estimate
 * over the limit), and then `current` grows by one.
 *
 * **Bound (tested in `theory.test.ts`):** any half-open interval (t − W, t] holds at most
 * `limit + floor(prev · f)` accepted requests, where f is t's position in its window k and
 * `prev` the count of window k − 1; so never more than `2·limit − 1`. Proof: the interval
 * meets only windows k − 1 and k; all `prev` of window k − 1 may lie inside it; each request
 * accepted in window k at fraction g <= f left `current <= limit − prev · (1 − g)
 * <= limit − prev · (1 − f)`; add the two, and use prev <= limit, f < 1. The bound is tight:
 * `limit` requests in the last instant of one window, then a steady stream through the next,
 * get `2·limit − 1` through within one window length. The fixed-window attack (a burst either
 * side of a boundary) gets only `limit` through, and on Poisson traffic the excess is small.
 *
 * `remaining` is floor(limit − estimate) after the decision. `retryAfterS` (rejected) is the
 * wait until the estimate has fallen enough to admit one request, and `resetInS` the wait until
 * `remaining` would grow by one, both assuming no further requests. Stores two counters and the
 * window index (3 words).
 */
export class SlidingCounter implements RateLimiter {
  readonly algorithm = 'sliding-counter';
  private readonly limit: number;
  private readonly windowS: number;
  private window = 0;
  private prev = 0;
  private current = 0;

  constructor(config: Pick<LimiterConfig, 'limit' | 'windowS'>) {
    requireCount('limit', config.limit);
    requirePositive('windowS', config.windowS);
    this.limit = config.limit;
    this.windowS = config.windowS;
  }

  /** Index of the window holding `t` (same boundary convention as FixedWindow). */
  windowIndex(t: number): number {
    return alignedWindowIndex(t, this.windowS);
  }

  /** Moves the counters to window `k` (k never decreases). */
  private roll(k: number): void {
    if (k === this.window) return;
    this.prev = k === this.window + 1 ? this.current : 0;
    this.current = 0;
    this.window = k;
  }

  /** Fraction of window `window` elapsed at `t`, in [0, 1). */
  private fraction(t: number): number {
    return Math.min(1, Math.max(0, (t - this.window * this.windowS) / this.windowS));
  }

  decide(nowS: number, out: LimiterDecision): void {
    this.roll(this.windowIndex(nowS));
    const f = this.fraction(nowS);
    let estimate = this.prev * (1 - f) + this.current;
    out.delayS = 0;
    if (estimate + 1 <= this.limit) {
      this.current++;
      estimate += 1;
      out.allowed = true;
      out.retryAfterS = 0;
    } else {
      out.allowed = false;
      out.retryAfterS = this.timeUntilRoom(nowS, f, 1);
    }
    const remaining = Math.max(0, Math.floor(this.limit - estimate));
    out.remaining = remaining;
    out.resetInS = out.allowed ? this.timeUntilRoom(nowS, f, remaining + 1) : out.retryAfterS;
  }

  /**
   * Seconds from `nowS` (at fraction `f` of the current window) until `need` requests would
   * fit, i.e. until estimate + need <= limit, if nothing else arrives. `need` <= limit.
   */
  private timeUntilRoom(nowS: number, f: number, need: number): number {
    const room = this.limit - need;
    const { prev, current, windowS } = this;
    if (prev * (1 - f) + current <= room) return 0;
    const boundary = (this.window + 1) * windowS;
    // Still inside this window: prev · (1 − g) + current <= room once g reaches gStar.
    if (current <= room && prev > 0) {
      const gStar = 1 - (room - current) / prev;
      if (gStar < 1) return Math.max(0, (gStar - f) * windowS);
    }
    // In the next window `current` becomes `prev` and the new count is 0.
    const g = current > 0 ? Math.max(0, 1 - room / current) : 0;
    return boundary - nowS + g * windowS;
  }

  /** Window index and the two counters. */
  memoryWords(): number {
    return 3;
  }

  /** The estimate at `nowS`: prev · (1 − f) + current, as the limiter would compute it. */
  level(nowS: number): number {
    const k = this.windowIndex(nowS);
    if (k === this.window) return this.prev * (1 - this.fraction(nowS)) + this.current;
    const prev = k === this.window + 1 ? this.current : 0;
    const f = Math.min(1, Math.max(0, (nowS - k * this.windowS) / this.windowS));
    return prev * (1 - f);
  }
}
