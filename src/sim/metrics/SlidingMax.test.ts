import { describe, expect, it } from 'vitest';
import { Random } from '../core/Random.ts';
import { SlidingMax } from './SlidingMax.ts';

/** O(n²) reference: for each event i, count the j with t_i − W < t_j <= t_i (same float test). */
function bruteMax(times: readonly number[], windowS: number): number {
  let best = 0;
  for (const ti of times) {
    let n = 0;
    for (const tj of times) if (!(tj <= ti - windowS) && tj <= ti) n++;
    best = Math.max(best, n);
  }
  return best;
}

/** Poisson-ish stream at `rate`, times rounded to `grid` so that ties and exact gaps of W occur. */
function stream(rng: Random, n: number, rate: number, grid: number): number[] {
  const times: number[] = [];
  let t = 0;
  for (let i = 0; i < n; i++) {
    t += -Math.log(rng.nextOpen()) / rate;
    times.push(grid > 0 ? Math.round(t / grid) * grid : t);
  }
  return times;
}

describe('SlidingMax', () => {
  it('counts half-open windows (t − W, t]: an event exactly W earlier is out', () => {
    const m = new SlidingMax(1);
    expect(m.max).toBe(0);
    expect(m.maxEndS).toBeNaN();
    expect(m.add(0)).toBe(1);
    expect(m.add(0.5)).toBe(2);
    expect(m.add(1)).toBe(2); // 0 is dropped: (0, 1] holds 0.5 and 1
    expect(m.add(1)).toBe(3); // ties all count
    expect(m.add(2.5)).toBe(1);
    expect(m.max).toBe(3);
    expect(m.maxEndS).toBe(1);
    expect(m.current).toBe(1);
    expect(m.countAt(3)).toBe(1);
    expect(m.countAt(3.5)).toBe(0); // 2.5 <= 3.5 − 1 has left the window
    m.reset();
    expect(m.max).toBe(0);
    expect(m.add(7)).toBe(1);
  });

  it('matches the brute-force maximum on random streams (several seeds and windows)', () => {
    for (const seed of [1, 2, 3, 4, 5, 6]) {
      const rng = new Random(seed);
      for (const [windowS, grid] of [
        [1, 0],
        [1, 0.25],
        [0.3, 0.1],
        [5, 0.5],
      ] as const) {
        const times = stream(rng, 400, 3 + rng.int(20), grid);
        const m = new SlidingMax(windowS, 2);
        for (const t of times) m.add(t);
        expect(m.max).toBe(bruteMax(times, windowS));
      }
    }
  });

  it('returns, for each event, the count of events up to it in its window', () => {
    const rng = new Random(42);
    const times = stream(rng, 300, 10, 0.05);
    const m = new SlidingMax(0.5);
    times.forEach((t, i) => {
      let n = 0;
      for (let j = 0; j <= i; j++) if (!((times[j] as number) <= t - 0.5)) n++;
      expect(m.add(t)).toBe(n);
    });
  });

  it('rejects a window length that is not a positive finite number', () => {
    expect(() => new SlidingMax(0)).toThrow(RangeError);
    expect(() => new SlidingMax(Number.NaN)).toThrow(RangeError);
    expect(() => new SlidingMax(Infinity)).toThrow(RangeError);
  });
});
