// Sliding-log rate limiter: remembers the time of every accepted request still inside the
// rolling window, so it is exact (never more than `limit` in any window) at O(limit) memory.
import { TimeRing } from '../../core/TimeRing.ts';
import {
  requireCount,
  requirePositive,
  type LimiterConfig,
  type LimiterDecision,
  type RateLimiter,
} from './types.ts';

/**
 * Keeps the timestamps of accepted requests in a growable ring. At `now` it first drops every
 * timestamp `<= now − W`, then accepts if fewer than `limit` remain. Hence any half-open
 * interval (t − W, t] holds at most `limit` accepted requests. For a rejected request
 * `retryAfterS` = oldest + W − now (when the oldest entry expires); `resetInS` is the same
 * quantity after the decision. The log never holds more than `limit` entries.
 */
export class SlidingLog implements RateLimiter {
  readonly algorithm = 'sliding-log';
  private readonly limit: number;
  private readonly windowS: number;
  private readonly log: TimeRing;

  constructor(config: Pick<LimiterConfig, 'limit' | 'windowS'>) {
    requireCount('limit', config.limit);
    requirePositive('windowS', config.windowS);
    this.limit = config.limit;
    this.windowS = config.windowS;
    this.log = new TimeRing(Math.min(config.limit, 64));
  }

  decide(nowS: number, out: LimiterDecision): void {
    const log = this.log;
    log.dropUpTo(nowS - this.windowS);
    out.delayS = 0;
    if (log.length < this.limit) {
      log.push(nowS);
      out.allowed = true;
      out.remaining = this.limit - log.length;
      out.retryAfterS = 0;
    } else {
      out.allowed = false;
      out.remaining = 0;
      out.retryAfterS = log.first() + this.windowS - nowS;
    }
    out.resetInS = log.first() + this.windowS - nowS;
  }

  /** Log length: one timestamp per accepted request still in the window. */
  memoryWords(): number {
    return this.log.length;
  }

  /** Accepted requests in (nowS − W, nowS]. */
  level(nowS: number): number {
    return this.log.countAbove(nowS - this.windowS);
  }
}
