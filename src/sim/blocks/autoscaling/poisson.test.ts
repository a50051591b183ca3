// Poisson counts: mean, variance and probabilities within a few standard errors at small and
// large means (both algorithms), fixed seeds; ln k! against a direct sum.
import { describe, expect, it } from 'vitest';
import { Random } from '../../core/Random.ts';
import { logFactorial, poisson } from './poisson.ts';

function sample(mean: number, n: number, seed: number): number[] {
  const rng = new Random(seed, 1);
  const out: number[] = new Array<number>(n);
  for (let i = 0; i < n; i++) out[i] = poisson(rng, mean);
  return out;
}

describe('poisson', () => {
  it.each([
    [0.5, 200_000],
    [7, 200_000],
    [10, 200_000], // the first mean on the rejection algorithm
    [30, 200_000],
    [1000, 100_000],
    [1e5, 50_000],
  ])('mean %d: sample mean and variance within 5 standard errors', (mean, n) => {
    for (const seed of [1, 2]) {
      const xs = sample(mean, n, seed);
      let sum = 0;
      let bad = 0;
      for (const x of xs) {
        if (!Number.isInteger(x) || x < 0) bad++;
        sum += x;
      }
      expect(bad).toBe(0);
      const m = sum / n;
      let ss = 0;
      for (const x of xs) ss += (x - m) * (x - m);
      const v = ss / (n - 1);
      // SE of the mean sqrt(lambda / n); of the variance sqrt((lambda + 2 lambda^2) / n),
      // from the Poisson fourth central moment lambda (1 + 3 lambda).
      expect(Math.abs(m - mean)).toBeLessThan(5 * Math.sqrt(mean / n));
      expect(Math.abs(v - mean)).toBeLessThan(5 * Math.sqrt((mean + 2 * mean * mean) / n));
    }
  });

  it.each([0.5, 7, 30])('mean %d: each probability near the mean matches the pmf', (mean) => {
    const n = 200_000;
    const xs = sample(mean, n, 7);
    const freq = new Map<number, number>();
    for (const x of xs) freq.set(x, (freq.get(x) ?? 0) + 1);
    const lo = Math.max(0, Math.floor(mean - 2 * Math.sqrt(mean)));
    const hi = Math.ceil(mean + 2 * Math.sqrt(mean));
    for (let k = lo; k <= hi; k++) {
      const p = Math.exp(-mean + k * Math.log(mean) - logFactorial(k));
      const se = Math.sqrt((p * (1 - p)) / n);
      expect(Math.abs((freq.get(k) ?? 0) / n - p)).toBeLessThan(5 * se);
    }
  });

  it('gives 0 for a mean of 0, negative or NaN, and is deterministic per seed', () => {
    const rng = new Random(1, 1);
    expect(poisson(rng, 0)).toBe(0);
    expect(poisson(rng, -3)).toBe(0);
    expect(poisson(rng, NaN)).toBe(0);
    expect(sample(30, 50, 9)).toEqual(sample(30, 50, 9));
    expect(sample(30, 50, 9)).not.toEqual(sample(30, 50, 10));
  });

  it('logFactorial equals the direct sum of logs, in the table and in the Stirling range', () => {
    let direct = 0;
    expect(logFactorial(0)).toBe(0);
    for (let k = 1; k <= 5000; k++) {
      direct += Math.log(k);
      expect(Math.abs(logFactorial(k) - direct)).toBeLessThanOrEqual(1e-12 * Math.max(1, direct));
    }
    // Either side of the table edge.
    expect(logFactorial(255)).toBeCloseTo(logFactorial(256) - Math.log(256), 10);
  });
});
