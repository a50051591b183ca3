import { describe, expect, it } from 'vitest';
import { Random } from './Random.ts';
import {
  bimodal,
  constant,
  empirical,
  exponential,
  lognormal,
  pareto,
  standardNormal,
  uniform,
  type Sampler,
} from './distributions.ts';

function sample(s: Sampler, n: number, seed = 1): Float64Array {
  const rng = new Random(seed, 9);
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) out[i] = s.sample(rng);
  return out;
}

function meanOf(xs: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < xs.length; i++) s += xs[i] as number;
  return s / xs.length;
}

function sdOf(xs: ArrayLike<number>): number {
  const m = meanOf(xs);
  let s = 0;
  for (let i = 0; i < xs.length; i++) s += ((xs[i] as number) - m) ** 2;
  return Math.sqrt(s / (xs.length - 1));
}

function minOf(xs: Float64Array): number {
  return xs.reduce((m, x) => (x < m ? x : m), Infinity);
}

function quantileOf(xs: Float64Array, q: number): number {
  const sorted = Float64Array.from(xs).sort();
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] as number;
}

const N = 200_000;

/**
 * Each sampler's mean is checked against its declared `mean` within 4 standard errors,
 * 4 * sd / sqrt(n), where sd is the distribution's true standard deviation (a draw beyond
 * that happens about once in 16 000 runs; the seeds are fixed, so the test is deterministic).
 */
const cases: { name: string; sampler: Sampler; sd: number; n: number }[] = [
  { name: 'uniform(2, 6)', sampler: uniform(2, 6), sd: 4 / Math.sqrt(12), n: N },
  { name: 'exponential(3)', sampler: exponential(3), sd: 3, n: N },
  {
    name: 'lognormal(0.05, sigma 1.5)',
    sampler: lognormal(0.05, 1.5),
    sd: 0.05 * Math.sqrt(Math.exp(1.5 ** 2) - 1), // about 2.9 x the mean
    n: N,
  },
  {
    name: 'pareto(10, alpha 3.5)',
    sampler: pareto(10, 3.5),
    sd: 10 / Math.sqrt(3.5 * 1.5), // mean / sqrt(alpha (alpha - 2))
    n: N,
  },
  {
    // The lesson's "bimodal" cost: 99 % fast, 1 % 500 times slower. Its sd is 8.3 x the mean,
    // so it gets more draws.
    name: 'bimodal(0.05, 1 %, x500)',
    sampler: bimodal(0.05, 0.01, 500),
    sd: Math.sqrt(0.01 * 0.99) * 499 * (0.05 / (0.99 + 0.01 * 500)),
    n: 1_000_000,
  },
  {
    name: 'empirical([1, 2, 3, 10])',
    sampler: empirical([1, 2, 3, 10]),
    sd: Math.sqrt(((1 - 4) ** 2 + (2 - 4) ** 2 + (3 - 4) ** 2 + (10 - 4) ** 2) / 4),
    n: N,
  },
];

describe('distributions', () => {
  it.each(cases)('$name: sample mean within 4 standard errors of `mean`', (c) => {
    const xs = sample(c.sampler, c.n);
    const tolerance = (4 * c.sd) / Math.sqrt(c.n);
    expect(Math.abs(meanOf(xs) - c.sampler.mean)).toBeLessThan(tolerance);
  });

  it('constant always returns its value, which is its mean', () => {
    const s = constant(0.25);
    expect(s.mean).toBe(0.25);
    expect(new Set(sample(s, 1000))).toEqual(new Set([0.25]));
  });

  it('uniform stays inside its bounds', () => {
    const xs = sample(uniform(2, 6), 10_000);
    expect(minOf(xs)).toBeGreaterThanOrEqual(2);
    expect(-minOf(xs.map((x) => -x))).toBeLessThan(6);
  });

  it('exponential is positive and has P(X > mean) = 1/e and sd = mean', () => {
    const xs = sample(exponential(2), N);
    expect(minOf(xs)).toBeGreaterThan(0);
    const above = xs.filter((x) => x > 2).length / N;
    // Binomial sd of the share is sqrt(p (1 - p) / n) = 0.0011; allow 4 of them.
    expect(Math.abs(above - Math.exp(-1))).toBeLessThan(0.0045);
    expect(sdOf(xs) / 2).toBeCloseTo(1, 1);
  });

  it('standardNormal has mean 0, variance 1 and 95 % within +-1.96', () => {
    const rng = new Random(3);
    const xs = Float64Array.from({ length: N }, () => standardNormal(rng));
    expect(Math.abs(meanOf(xs))).toBeLessThan(4 / Math.sqrt(N));
    expect(sdOf(xs)).toBeCloseTo(1, 2);
    const inside = xs.filter((x) => Math.abs(x) <= 1.959964).length / N;
    expect(Math.abs(inside - 0.95)).toBeLessThan(4 * Math.sqrt((0.95 * 0.05) / N));
  });

  it('lognormal has a heavy right tail: median mean*exp(-sigma^2/2), log-sd sigma', () => {
    const mean = 0.05;
    const sigma = 1.5;
    const xs = sample(lognormal(mean, sigma), N);
    const median = quantileOf(xs, 0.5);
    // The sample median has relative sd about sqrt(pi / 2) sigma / sqrt(n) = 0.42 %: allow 4.
    expect(Math.abs(median / (mean * Math.exp((-sigma * sigma) / 2)) - 1)).toBeLessThan(0.017);
    const logs = xs.map((x) => Math.log(x));
    expect(Math.abs(sdOf(logs) - sigma)).toBeLessThan(0.01);
    // Heavy tail: the mean sits far above the median, and p99 is over 10x the median.
    expect(mean / median).toBeGreaterThan(3);
    expect(quantileOf(xs, 0.99) / median).toBeGreaterThan(10);
  });

  it('pareto has minimum xm = mean (alpha - 1) / alpha and tail P(X > x) = (xm / x)^alpha', () => {
    const alpha = 1.5;
    const mean = 3;
    const xm = (mean * (alpha - 1)) / alpha;
    const xs = sample(pareto(mean, alpha), N);
    expect(minOf(xs)).toBeGreaterThanOrEqual(xm);
    expect(minOf(xs)).toBeLessThan(xm * 1.001);
    for (const k of [2, 10, 100]) {
      const p = Math.pow(1 / k, alpha);
      const share = xs.filter((x) => x > k * xm).length / N;
      expect(Math.abs(share - p)).toBeLessThan(4 * Math.sqrt((p * (1 - p)) / N));
    }
  });

  it('bimodal takes exactly two values, ratio apart, the slow one with probability pSlow', () => {
    const s = bimodal(0.05, 0.01, 500);
    const xs = sample(s, N);
    const values = [...new Set(xs)].sort((a, b) => a - b);
    expect(values).toHaveLength(2);
    const [fast, slow] = values as [number, number];
    expect(slow / fast).toBeCloseTo(500, 9);
    expect(0.99 * fast + 0.01 * slow).toBeCloseTo(0.05, 12);
    const slowShare = xs.filter((x) => x === slow).length / N;
    expect(Math.abs(slowShare - 0.01)).toBeLessThan(4 * Math.sqrt((0.01 * 0.99) / N));
  });

  it('empirical draws only recorded values, each about equally often, and needs one value', () => {
    const xs = sample(empirical([1, 2, 3, 10]), N);
    for (const v of [1, 2, 3, 10]) {
      const share = xs.filter((x) => x === v).length / N;
      expect(Math.abs(share - 0.25)).toBeLessThan(4 * Math.sqrt((0.25 * 0.75) / N));
    }
    expect(xs.every((x) => [1, 2, 3, 10].includes(x))).toBe(true);
    expect(() => empirical([])).toThrow(/at least one value/);
  });

  it('draws the same values for the same seed', () => {
    expect(sample(lognormal(1, 1), 100, 5)).toEqual(sample(lognormal(1, 1), 100, 5));
  });
});
