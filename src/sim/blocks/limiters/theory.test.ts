// Properties from the course notes, checked exactly with SlidingMax (the most accepted
// requests in any half-open window (t − W, t]) on attack traffic and on seeded random traffic.
import { describe, expect, it } from 'vitest';
import { Random } from '../../core/Random.ts';
import { SlidingMax } from '../../metrics/SlidingMax.ts';
import { FixedWindow } from './FixedWindow.ts';
import { LeakyBucket } from './LeakyBucket.ts';
import { SlidingCounter } from './SlidingCounter.ts';
import { SlidingLog } from './SlidingLog.ts';
import { TokenBucket } from './TokenBucket.ts';
import { newDecision, type RateLimiter } from './types.ts';

const SEEDS = [1, 2, 3, 4, 5, 6, 7, 8];

/** Runs `times` (non-decreasing) through `limiter`; returns the accepted times and leave times. */
function run(
  limiter: RateLimiter,
  times: readonly number[],
): { accepted: number[]; left: number[] } {
  const d = newDecision();
  const accepted: number[] = [];
  const left: number[] = [];
  for (const t of times) {
    limiter.decide(t, d);
    if (!d.allowed) continue;
    accepted.push(t);
    left.push(t + d.delayS);
  }
  return { accepted, left };
}

/** Most events in any half-open window of length `windowS`. */
function maxInWindow(times: readonly number[], windowS: number): number {
  const m = new SlidingMax(windowS);
  for (const t of times) m.add(t);
  return m.max;
}

/** Poisson arrivals at `rate` per second over [0, durationS). */
function poisson(seed: number, rate: number, durationS: number): number[] {
  const rng = new Random(seed);
  const times: number[] = [];
  for (
    let t = -Math.log(rng.nextOpen()) / rate;
    t < durationS;
    t -= Math.log(rng.nextOpen()) / rate
  ) {
    times.push(t);
  }
  return times;
}

/**
 * Random bursts: bursts start as a Poisson process at `burstRate` per second; each is 1 to
 * `maxBurst` requests 1 ms apart. Sorted, since bursts may overlap.
 */
function randomBursts(
  seed: number,
  burstRate: number,
  maxBurst: number,
  durationS: number,
): number[] {
  const rng = new Random(seed, 1);
  const times: number[] = [];
  for (const start of poisson(seed, burstRate, durationS)) {
    const n = 1 + rng.int(maxBurst);
    for (let i = 0; i < n; i++) times.push(start + i * 0.001);
  }
  return times.sort((a, b) => a - b);
}

/**
 * The boundary attack: `limit` requests 1 ms apart ending 1 ms before the boundary at
 * `boundaryS`, then `limit` requests 1 ms apart starting 1 ms after it.
 */
function boundaryAttack(limit: number, boundaryS: number): number[] {
  const times: number[] = [];
  for (let i = limit; i >= 1; i--) times.push(boundaryS - i * 0.001);
  for (let i = 1; i <= limit; i++) times.push(boundaryS + i * 0.001);
  return times;
}

const LIMIT = 50;
const WINDOW_S = 10;

describe('fixed window', () => {
  it('accepts exactly 2·limit within one window length under the boundary attack', () => {
    // 50 just before t = 60 and 50 just after: 100 accepted within 0.1 s.
    const { accepted } = run(
      new FixedWindow({ limit: LIMIT, windowS: WINDOW_S }),
      boundaryAttack(LIMIT, 60),
    );
    expect(accepted.length).toBe(2 * LIMIT);
    expect(maxInWindow(accepted, WINDOW_S)).toBe(2 * LIMIT);
  });

  it('exceeds its limit on Poisson traffic at 3x its rate, and hits 2·limit on bursts', () => {
    // Poisson at 3 · 50 / 10 s = 15 requests/s for 200 windows. Each window fills up early, at
    // a random point; when window k fills sooner than window k − 1 did, the rolling window
    // ending at k's last acceptance still holds the late acceptances of window k − 1.
    for (const seed of SEEDS) {
      const { accepted } = run(
        new FixedWindow({ limit: LIMIT, windowS: WINDOW_S }),
        poisson(seed, (3 * LIMIT) / WINDOW_S, 200 * WINDOW_S),
      );
      const max = maxInWindow(accepted, WINDOW_S);
      expect(max).toBeGreaterThan(LIMIT); // 73 to 80 for these seeds
      expect(max).toBeLessThanOrEqual(2 * LIMIT);
      // Random bursts (see randomBursts: 1 to 40 requests, 0.5 bursts/s) hit the full 2·limit.
      const bursty = run(
        new FixedWindow({ limit: LIMIT, windowS: WINDOW_S }),
        randomBursts(seed, 0.5, 40, 2000),
      );
      expect(maxInWindow(bursty.accepted, WINDOW_S)).toBe(2 * LIMIT);
    }
  });
});

describe('sliding log', () => {
  it('never accepts more than `limit` in any window under the boundary attack', () => {
    const { accepted } = run(
      new SlidingLog({ limit: LIMIT, windowS: WINDOW_S }),
      boundaryAttack(LIMIT, 60),
    );
    expect(accepted.length).toBe(LIMIT);
    expect(maxInWindow(accepted, WINDOW_S)).toBe(LIMIT);
  });

  it('is exactly at its limit, never above, on Poisson traffic at 3x and on random bursts', () => {
    for (const seed of SEEDS) {
      // Poisson at 15 requests/s for 200 windows of 10 s.
      const steady = run(
        new SlidingLog({ limit: LIMIT, windowS: WINDOW_S }),
        poisson(seed, (3 * LIMIT) / WINDOW_S, 200 * WINDOW_S),
      );
      expect(maxInWindow(steady.accepted, WINDOW_S)).toBe(LIMIT);
      // Bursts of 1 to 40 requests (1 ms apart) starting at 0.5 per second, for 2000 s.
      const bursty = run(
        new SlidingLog({ limit: LIMIT, windowS: WINDOW_S }),
        randomBursts(seed, 0.5, 40, 2000),
      );
      expect(maxInWindow(bursty.accepted, WINDOW_S)).toBeLessThanOrEqual(LIMIT);
    }
  });
});

describe('sliding counter', () => {
  // Documented bound: (t − W, t] holds at most limit + floor(prev · f) accepted, where f is t's
  // position in its aligned window and prev the previous window's count; hence <= 2·limit − 1.

  it('lets only `limit` through under the boundary attack', () => {
    const { accepted } = run(
      new SlidingCounter({ limit: LIMIT, windowS: WINDOW_S }),
      boundaryAttack(LIMIT, 60),
    );
    expect(maxInWindow(accepted, WINDOW_S)).toBe(LIMIT);
  });

  it('reaches exactly 2·limit − 1 in one window length on its worst-case traffic', () => {
    // `limit` requests at 0.999 W (the end of window 0, which has no predecessor), then one
    // request every W/1000 through window 1: window 1 accepts one more each time
    // limit · (1 − f) falls by one, i.e. limit − 1 of them before f reaches 1.
    for (const limit of [1, 2, 5, 10, 100]) {
      const times: number[] = [];
      for (let i = 0; i < limit; i++) times.push(0.999);
      for (let i = 0; i < 1000; i++) times.push(1 + i / 1000);
      const { accepted } = run(new SlidingCounter({ limit, windowS: 1 }), times);
      expect(maxInWindow(accepted, 1)).toBe(2 * limit - 1);
    }
  });

  it('stays within limit + floor(prev · f) at every accepted request on random traffic', () => {
    for (const seed of SEEDS) {
      // Poisson at 3x the limit rate for 200 windows (smooth), then random bursts as for the
      // log (clumpy: 5 bursts of 1 to 40 requests per 10 s window on average).
      const poissonMax = checkCounterBound(poisson(seed, (3 * LIMIT) / WINDOW_S, 200 * WINDOW_S));
      const burstMax = checkCounterBound(randomBursts(seed, 0.5, 40, 2000));
      // Smooth traffic: the even-spread assumption holds, so the excess is a few percent
      // (52 or 53 for these seeds). Clumpy traffic: up to about 1.75 x limit (78 to 87 here).
      expect(poissonMax).toBeGreaterThanOrEqual(LIMIT);
      expect(poissonMax).toBeLessThanOrEqual(1.1 * LIMIT);
      expect(burstMax).toBeGreaterThan(1.2 * LIMIT);
      expect(burstMax).toBeLessThanOrEqual(2 * LIMIT - 1);
    }
  });
});

/**
 * Runs `times` through a sliding counter (limit 50 per 10 s), checks the documented bound at
 * every accepted request and returns the most accepted in any window of length W.
 */
function checkCounterBound(times: readonly number[]): number {
  const limiter = new SlidingCounter({ limit: LIMIT, windowS: WINDOW_S });
  const { accepted } = run(limiter, times);
  const perWindow = new Map<number, number>();
  const m = new SlidingMax(WINDOW_S);
  for (const t of accepted) {
    const k = limiter.windowIndex(t);
    perWindow.set(k, (perWindow.get(k) ?? 0) + 1);
    const prev = perWindow.get(k - 1) ?? 0;
    const f = (t - k * WINDOW_S) / WINDOW_S;
    expect(m.add(t)).toBeLessThanOrEqual(LIMIT + Math.floor(prev * f));
  }
  return m.max;
}

describe('token bucket', () => {
  const CAPACITY = 20;
  const RATE = 4; // tokens per second; capacity + rate · W = 20 + 4 · 10 = 60

  it('never accepts capacity + refillRate · W or more in a window of length W', () => {
    const bound = CAPACITY + RATE * WINDOW_S;
    const attack = run(
      new TokenBucket({ bucketCapacity: CAPACITY, refillRate: RATE }),
      boundaryAttack(LIMIT, 60),
    );
    // The attack spans 0.1 s: the full bucket plus floor(0.1 · 4) = 0 refilled tokens.
    expect(attack.accepted.length).toBe(CAPACITY);
    for (const seed of SEEDS) {
      // Poisson at 3 · 60 / 10 s = 18 requests/s for 200 windows, and random bursts.
      for (const times of [
        poisson(seed, (3 * bound) / WINDOW_S, 200 * WINDOW_S),
        randomBursts(seed, 0.5, 40, 2000),
      ]) {
        const { accepted } = run(
          new TokenBucket({ bucketCapacity: CAPACITY, refillRate: RATE }),
          times,
        );
        expect(maxInWindow(accepted, WINDOW_S)).toBeLessThan(bound);
      }
    }
  });

  it('comes within one request of the bound: a full bucket spent, then steady refill', () => {
    // Full bucket spent at t = 0, then a request every 1/8 s: a token arrives every 1/4 s,
    // and (−ε, 10 − ε] holds 20 + 39 = 59. Times are multiples of 1/8: exact arithmetic.
    const times: number[] = [];
    for (let i = 0; i < CAPACITY; i++) times.push(0);
    for (let i = 1; i <= 160; i++) times.push(i / 8);
    const { accepted } = run(
      new TokenBucket({ bucketCapacity: CAPACITY, refillRate: RATE }),
      times,
    );
    expect(maxInWindow(accepted, WINDOW_S)).toBe(CAPACITY + RATE * WINDOW_S - 1);
  });
});

describe('leaky bucket', () => {
  const QUEUE = 30;
  const DRAIN = 4; // requests per second

  it('never lets more than floor(L · drainRate) + 1 leave in any interval of length L', () => {
    for (const seed of SEEDS) {
      // Poisson at 3x the drain rate for 500 s, random bursts, and the boundary attack.
      for (const times of [
        poisson(seed, 3 * DRAIN, 500),
        randomBursts(seed, 0.5, 40, 2000),
        boundaryAttack(LIMIT, 60),
      ]) {
        const limiter = new LeakyBucket({ queueSize: QUEUE, drainRate: DRAIN });
        const d = newDecision();
        const left: number[] = [];
        for (const t of times) {
          limiter.decide(t, d);
          if (!d.allowed) continue;
          expect(d.delayS).toBeLessThanOrEqual(QUEUE / DRAIN);
          left.push(t + d.delayS);
        }
        for (const lengthS of [0.1, 0.3, 1, 2.6, WINDOW_S]) {
          expect(maxInWindow(left, lengthS)).toBeLessThanOrEqual(Math.floor(lengthS * DRAIN) + 1);
        }
      }
    }
  });

  it('drains at drainRate while saturated', () => {
    // Poisson at 12 requests/s for 500 s against a drain of 4/s: the queue stays busy, so
    // departures leave 1/4 s apart. (t − 10, t] then holds 40 in exact arithmetic; leave times
    // are running sums rounded to double (a gap can come out an ulp short where a sum crosses
    // a power of two), so the 41st of the closed-interval bound floor(10 · 4) + 1 may show up.
    for (const seed of SEEDS) {
      const { left } = run(
        new LeakyBucket({ queueSize: QUEUE, drainRate: DRAIN }),
        poisson(seed, 3 * DRAIN, 500),
      );
      const busy = left.filter((t) => t >= 100 && t < 400).length;
      expect(busy).toBeGreaterThanOrEqual(300 * DRAIN);
      expect(busy).toBeLessThanOrEqual(300 * DRAIN + 1);
      expect(maxInWindow(left, WINDOW_S)).toBeGreaterThanOrEqual(DRAIN * WINDOW_S);
    }
  });
});
