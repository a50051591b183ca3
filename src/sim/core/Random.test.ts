import { describe, expect, it } from 'vitest';
import { Random, mix32 } from './Random.ts';

function draws(rng: Random, n: number): number[] {
  return Array.from({ length: n }, () => rng.next());
}

/** Pearson's chi-square statistic of observed counts against equal expected counts. */
function chiSquare(counts: readonly number[], total: number): number {
  const expected = total / counts.length;
  return counts.reduce((s, c) => s + ((c - expected) * (c - expected)) / expected, 0);
}

/**
 * Upper 0.1 % point of the chi-square distribution with 99 degrees of freedom (tables give
 * 148.23; Wilson-Hilferty gives 148.3). A correct generator exceeds it once in a thousand runs;
 * the seeds below are fixed, so the test is deterministic.
 */
const CHI2_99_P999 = 148.23;
/** Upper 0.1 % point with 9 degrees of freedom. */
const CHI2_9_P999 = 27.88;

describe('Random', () => {
  it('repeats the same sequence for the same seed and stream', () => {
    expect(draws(new Random(42), 1000)).toEqual(draws(new Random(42), 1000));
    expect(draws(new Random(42, 3), 1000)).toEqual(draws(new Random(42, 3), 1000));
  });

  it('keeps its output fixed across versions and runtimes (golden values)', () => {
    // Saved runs and graded assignments replay from (scenario, seed): if these values change,
    // every recorded result stops reproducing. The values were cross-checked against an
    // independent (Python) implementation of splitmix32 seeding and sfc32.
    const r = new Random(42, 0);
    expect([r.nextUint32(), r.nextUint32(), r.nextUint32(), r.nextUint32()]).toEqual([
      4293122726, 258407953, 2406114054, 1396673485,
    ]);
    expect([mix32(0), mix32(1), mix32(0xffffffff)]).toEqual([2462723854, 2527132011, 920564995]);
  });

  it('gives different sequences for different seeds and for different streams', () => {
    const base = draws(new Random(1, 0), 100);
    for (const other of [new Random(2, 0), new Random(1, 1), new Random(0, 0), new Random(1, 2)]) {
      const seq = draws(other, 100);
      expect(seq).not.toEqual(base);
      // Not merely shifted copies: hardly any value is shared.
      const shared = seq.filter((x) => base.includes(x)).length;
      expect(shared).toBeLessThanOrEqual(1);
    }
  });

  it('gives uncorrelated streams for neighbouring seeds', () => {
    const n = 10_000;
    const x = draws(new Random(100), n);
    const y = draws(new Random(101), n);
    const mean = (v: number[]) => v.reduce((s, t) => s + t, 0) / v.length;
    const mx = mean(x);
    const my = mean(y);
    let sxy = 0;
    let sxx = 0;
    let syy = 0;
    for (let i = 0; i < n; i++) {
      const dx = (x[i] as number) - mx;
      const dy = (y[i] as number) - my;
      sxy += dx * dy;
      sxx += dx * dx;
      syy += dy * dy;
    }
    // Independent streams: the sample correlation has standard deviation 1/sqrt(n) = 0.01.
    expect(Math.abs(sxy / Math.sqrt(sxx * syy))).toBeLessThan(0.04);
  });

  it('draws uniformly on [0, 1): chi-square over 100 bins of 1e5 draws, several seeds', () => {
    const n = 100_000;
    for (const seed of [1, 2, 3, 42, 4_000_000_000]) {
      const rng = new Random(seed);
      const counts = new Array<number>(100).fill(0);
      let outside = 0;
      for (let i = 0; i < n; i++) {
        const u = rng.next();
        if (!(u >= 0 && u < 1)) outside++;
        const bin = Math.floor(u * 100);
        counts[bin] = (counts[bin] as number) + 1;
      }
      expect(outside).toBe(0);
      expect(chiSquare(counts, n)).toBeLessThan(CHI2_99_P999);
    }
  });

  it('nextOpen stays in (0, 1] so it is safe inside a logarithm', () => {
    const rng = new Random(9);
    let outside = 0;
    for (let i = 0; i < 100_000; i++) {
      const u = rng.nextOpen();
      if (!(u > 0 && u <= 1)) outside++;
    }
    expect(outside).toBe(0);
  });

  it('int(n) gives whole numbers in [0, n), each about equally often', () => {
    const rng = new Random(5);
    for (const n of [1, 2, 3, 7, 100, 1_000_003]) {
      const seen = new Set<number>();
      let bad = 0;
      for (let i = 0; i < 2000; i++) {
        const k = rng.int(n);
        if (!Number.isInteger(k) || k < 0 || k >= n) bad++;
        seen.add(k);
      }
      expect(bad).toBe(0);
      // Small ranges are covered completely.
      if (n <= 100) expect(seen.size).toBe(n);
    }
    const total = 100_000;
    const counts = new Array<number>(10).fill(0);
    for (let i = 0; i < total; i++) {
      const k = rng.int(10);
      counts[k] = (counts[k] as number) + 1;
    }
    expect(chiSquare(counts, total)).toBeLessThan(CHI2_9_P999);
  });
});
