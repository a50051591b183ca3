import { describe, expect, it } from 'vitest';
import { Random } from '../../core/Random.ts';
import { createLimiter } from './createLimiter.ts';
import { newDecision, type LimiterAlgorithm, type LimiterConfig } from './types.ts';

const CONFIG: LimiterConfig = {
  limit: 5,
  windowS: 1,
  bucketCapacity: 5,
  refillRate: 5,
  queueSize: 4,
  drainRate: 5,
};
const ALGORITHMS: LimiterAlgorithm[] = [
  'fixed-window',
  'sliding-log',
  'sliding-counter',
  'token-bucket',
  'leaky-bucket',
];

describe('createLimiter', () => {
  it('builds each algorithm with independent state', () => {
    for (const algorithm of ALGORITHMS) {
      const a = createLimiter(algorithm, CONFIG);
      const b = createLimiter(algorithm, CONFIG);
      expect(a.algorithm).toBe(algorithm);
      const d = newDecision();
      for (let i = 0; i < 20; i++) a.decide(0, d);
      expect(d.allowed).toBe(false);
      b.decide(0, d);
      expect(d.allowed).toBe(true);
    }
  });

  it('gives every rejected request the shortest Retry-After that works', () => {
    // Poisson traffic at 20 requests/s (4x every limiter's rate) for 30 s, seeds 1 to 3. After
    // each rejection at t the same client retries 1 µs before t + retryAfterS (still refused)
    // and 1 ns after it (accepted); the stream then carries on from there.
    for (const algorithm of ALGORITHMS) {
      for (const seed of [1, 2, 3]) {
        const rng = new Random(seed);
        const limiter = createLimiter(algorithm, CONFIG);
        const d = newDecision();
        let rejections = 0;
        for (let t = 0; t < 30; t -= Math.log(rng.nextOpen()) / 20) {
          limiter.decide(t, d);
          if (d.allowed) continue;
          rejections++;
          const retryAt = t + d.retryAfterS;
          expect(d.retryAfterS).toBeGreaterThan(0);
          if (d.retryAfterS > 1e-6) {
            limiter.decide(retryAt - 1e-6, d);
            expect(d.allowed).toBe(false);
          }
          limiter.decide(retryAt + 1e-9, d);
          expect(d.allowed).toBe(true);
          t = retryAt + 1e-9;
        }
        expect(rejections).toBeGreaterThan(20);
      }
    }
  });

  it('returns an all-zero decision from newDecision', () => {
    expect(newDecision()).toEqual({
      allowed: false,
      remaining: 0,
      resetInS: 0,
      retryAfterS: 0,
      delayS: 0,
    });
  });
});
