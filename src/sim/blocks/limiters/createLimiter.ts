// Builds the rate limiter for one client from an algorithm name and the shared configuration.
import { FixedWindow } from './FixedWindow.ts';
import { LeakyBucket } from './LeakyBucket.ts';
import { SlidingCounter } from './SlidingCounter.ts';
import { SlidingLog } from './SlidingLog.ts';
import { TokenBucket } from './TokenBucket.ts';
import type { LimiterAlgorithm, LimiterConfig, RateLimiter } from './types.ts';

/** A fresh limiter (one client's state) of the given algorithm; throws RangeError on bad config. */
export function createLimiter(algorithm: LimiterAlgorithm, config: LimiterConfig): RateLimiter {
  switch (algorithm) {
    case 'fixed-window':
      return new FixedWindow(config);
    case 'sliding-log':
      return new SlidingLog(config);
    case 'sliding-counter':
      return new SlidingCounter(config);
    case 'token-bucket':
      return new TokenBucket(config);
    case 'leaky-bucket':
      return new LeakyBucket(config);
  }
}
