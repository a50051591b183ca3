// Fixed-window rate limiter: one counter per aligned window [k·W, (k+1)·W), reset at each
// boundary. Cheap, but a burst either side of a boundary gets up to twice the limit through.
import {
  alignedWindowIndex,
  requireCount,
  requirePositive,
  type LimiterConfig,
  type LimiterDecision,
  type RateLimiter,
} from './types.ts';

/**
 * Accepts at most `limit` requests in each window [k·W, (k+1)·W). `resetInS` and (for a
 * rejected request) `retryAfterS` are the time to the next boundary; `remaining` is what is
 * left of this window's `limit`. Stores two numbers: the window index and its count.
 */
export class FixedWindow implements RateLimiter {
  readonly algorithm = 'fixed-window';
  private readonly limit: number;
  private readonly windowS: number;
  /** Index k of the window the count belongs to. */
  private window = 0;
  private count = 0;

  constructor(config: Pick<LimiterConfig, 'limit' | 'windowS'>) {
    requireCount('limit', config.limit);
    requirePositive('windowS', config.windowS);
    this.limit = config.limit;
    this.windowS = config.windowS;
  }

  /**
   * Index of the window holding `t`, consistent with the boundaries `k·W` as computed in
   * floating point (so t = k·W always opens window k, even where t / W rounds below k).
   */
  windowIndex(t: number): number {
    return alignedWindowIndex(t, this.windowS);
  }

  decide(nowS: number, out: LimiterDecision): void {
    const k = this.windowIndex(nowS);
    if (k !== this.window) {
      this.window = k;
      this.count = 0;
    }
    const resetInS = (k + 1) * this.windowS - nowS;
    out.resetInS = resetInS;
    out.delayS = 0;
    if (this.count < this.limit) {
      this.count++;
      out.allowed = true;
      out.remaining = this.limit - this.count;
      out.retryAfterS = 0;
    } else {
      out.allowed = false;
      out.remaining = 0;
      out.retryAfterS = resetInS;
    }
  }

  memoryWords(): number {
    return 2;
  }

  /** Requests accepted so far in the window holding `nowS`. */
  level(nowS: number): number {
    return this.windowIndex(nowS) === this.window ? this.count : 0;
  }
}
