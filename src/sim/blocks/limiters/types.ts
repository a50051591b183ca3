// Shared shapes of the rate-limiter blocks: the per-request decision (filled in place, with the
// numbers behind the 429 headers), the per-client limiter interface and the configuration.

/** What a limiter answered for one request; filled in place (no allocation per request). */
export interface LimiterDecision {
  allowed: boolean;
  /** Requests still allowed now after this one (for X-RateLimit-Remaining); integer >= 0. */
  remaining: number;
  /** Seconds until the limiter's allowance next resets or refills by one (X-RateLimit-Reset). */
  resetInS: number;
  /**
   * For a rejected request: seconds after which a retry could succeed (Retry-After); 0 if
   * allowed.
   */
  retryAfterS: number;
  /**
   * For the leaky bucket: seconds the accepted request waits in the queue before it leaves;
   * else 0.
   */
  delayS: number;
}

/** A decision with every field zero / false, to be reused across `decide` calls. */
/**
 * Index k of the aligned window [k W, (k + 1) W) holding time t, robust to rounding: a time
 * that equals a computed boundary k W opens window k. Shared by every windowed limiter.
 */
export function alignedWindowIndex(t: number, windowS: number): number {
  let k = Math.floor(t / windowS);
  if ((k + 1) * windowS <= t) k++;
  else if (k * windowS > t) k--;
  return k;
}

export function newDecision(): LimiterDecision {
  return { allowed: false, remaining: 0, resetInS: 0, retryAfterS: 0, delayS: 0 };
}

/** The five algorithms, by the names used in parameters and URLs, in the order lessons list them. */
export const LIMITER_ALGORITHMS = [
  'fixed-window',
  'sliding-log',
  'sliding-counter',
  'token-bucket',
  'leaky-bucket',
] as const;
export type LimiterAlgorithm = (typeof LIMITER_ALGORITHMS)[number];

/** One client's limiter state. `nowS` never decreases between calls. */
export interface RateLimiter {
  readonly algorithm: LimiterAlgorithm;
  /** Decides on one request arriving at `nowS` and records it if accepted. */
  decide(nowS: number, out: LimiterDecision): void;
  /**
   * Numbers this limiter stores for one client right now (log length, counters, token
   * count…), for the "memory per client" view.
   */
  memoryWords(): number;
  /**
   * A level to plot: tokens in the bucket, queue length of the leaky bucket, or the current
   * window count for the others (the weighted estimate for the sliding counter).
   */
  level(nowS: number): number;
}

/**
 * Parameters of every algorithm; each limiter reads only its own: `limit` per `windowS` (the
 * window algorithms), `bucketCapacity` and `refillRate` in tokens/s (token bucket), `queueSize`
 * and `drainRate` in requests/s (leaky bucket).
 */
export interface LimiterConfig {
  limit: number;
  windowS: number;
  bucketCapacity: number;
  refillRate: number;
  queueSize: number;
  drainRate: number;
}

/** Throws a RangeError unless `value` is an integer >= 1 (limits, capacities, queue sizes). */
export function requireCount(name: string, value: number): void {
  if (!Number.isInteger(value) || value < 1) {
    throw new RangeError(`${name} must be an integer >= 1, got ${value}`);
  }
}

/** Throws a RangeError unless `value` is finite and > 0 (window lengths, rates). */
export function requirePositive(name: string, value: number): void {
  if (!Number.isFinite(value) || value <= 0) {
    throw new RangeError(`${name} must be a finite number > 0, got ${value}`);
  }
}
