// Token-bucket rate limiter: a bucket of `bucketCapacity` tokens refilled continuously at
// `refillRate` per second; each request spends one. Allows bursts up to the capacity.
import {
  requireCount,
  requirePositive,
  type LimiterConfig,
  type LimiterDecision,
  type RateLimiter,
} from './types.ts';

/**
 * Starts full. At `now` the bucket first refills by `refillRate · (now − last)`, capped at
 * `bucketCapacity`; a request is accepted iff at least one whole token is there, and takes it.
 * In any half-open interval (t − W, t] it accepts fewer than `bucketCapacity + refillRate · W`
 * requests (the tokens present at the start plus those refilled inside; refill while full is
 * lost). For a rejected request `retryAfterS` = (1 − tokens) / refillRate. `remaining` is the
 * whole tokens left; `resetInS` the time until that grows by one (0 when full). Stores two
 * numbers: the token count and the time it was last brought up to date.
 */
export class TokenBucket implements RateLimiter {
  readonly algorithm = 'token-bucket';
  private readonly capacity: number;
  private readonly refillRate: number;
  private tokens: number;
  private lastS = 0;

  constructor(config: Pick<LimiterConfig, 'bucketCapacity' | 'refillRate'>) {
    requireCount('bucketCapacity', config.bucketCapacity);
    requirePositive('refillRate', config.refillRate);
    this.capacity = config.bucketCapacity;
    this.refillRate = config.refillRate;
    this.tokens = config.bucketCapacity;
  }

  /** Tokens at `nowS` (>= the last update) without changing the state. */
  private tokensAt(nowS: number): number {
    const elapsed = nowS - this.lastS;
    if (elapsed <= 0) return this.tokens;
    return Math.min(this.capacity, this.tokens + elapsed * this.refillRate);
  }

  decide(nowS: number, out: LimiterDecision): void {
    let tokens = this.tokensAt(nowS);
    if (nowS > this.lastS) this.lastS = nowS;
    out.delayS = 0;
    if (tokens >= 1) {
      tokens -= 1;
      out.allowed = true;
      out.retryAfterS = 0;
    } else {
      out.allowed = false;
      out.retryAfterS = (1 - tokens) / this.refillRate;
    }
    this.tokens = tokens;
    const whole = Math.floor(tokens);
    out.remaining = whole;
    out.resetInS =
      tokens >= this.capacity ? 0 : (Math.min(this.capacity, whole + 1) - tokens) / this.refillRate;
  }

  /** Token count and last update time. */
  memoryWords(): number {
    return 2;
  }

  /** Tokens in the bucket at `nowS` (fractional). */
  level(nowS: number): number {
    return this.tokensAt(nowS);
  }
}
