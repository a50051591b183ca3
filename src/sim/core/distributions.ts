// Random variates for service times, inter-arrival gaps and sizes. Each sampler is built once
// with its parameters and then draws with no allocation.
import type { Random } from './Random.ts';

export type DistributionName =
  'constant' | 'uniform' | 'exponential' | 'lognormal' | 'pareto' | 'bimodal' | 'empirical';

/** Draws values with a given mean; `sample` allocates nothing. */
export interface Sampler {
  readonly mean: number;
  sample(rng: Random): number;
}

export function constant(value: number): Sampler {
  return { mean: value, sample: () => value };
}

export function uniform(min: number, max: number): Sampler {
  return { mean: (min + max) / 2, sample: (rng) => min + (max - min) * rng.next() };
}

export function exponential(mean: number): Sampler {
  return { mean, sample: (rng) => -mean * Math.log(rng.nextOpen()) };
}

/** Standard normal by Box–Muller (one of the pair is used, so no hidden state between draws). */
export function standardNormal(rng: Random): number {
  return Math.sqrt(-2 * Math.log(rng.nextOpen())) * Math.cos(2 * Math.PI * rng.next());
}

/** Lognormal with the given mean and log-space standard deviation `sigma` (heavy right tail). */
export function lognormal(mean: number, sigma: number): Sampler {
  const mu = Math.log(mean) - (sigma * sigma) / 2;
  return { mean, sample: (rng) => Math.exp(mu + sigma * standardNormal(rng)) };
}

/** Pareto (type I) with shape `alpha` > 1 and the given mean. */
export function pareto(mean: number, alpha: number): Sampler {
  const xm = (mean * (alpha - 1)) / alpha;
  return { mean, sample: (rng) => xm / Math.pow(rng.nextOpen(), 1 / alpha) };
}

/** With probability `pSlow` a value `ratio` times the fast value, otherwise the fast value. */
export function bimodal(mean: number, pSlow: number, ratio: number): Sampler {
  const fast = mean / (1 - pSlow + pSlow * ratio);
  const slow = fast * ratio;
  return { mean, sample: (rng) => (rng.next() < pSlow ? slow : fast) };
}

/** Draws uniformly from observed values (a recorded trace). */
export function empirical(values: readonly number[]): Sampler {
  if (values.length === 0) throw new Error('empirical distribution needs at least one value');
  const data = Float64Array.from(values);
  const mean = data.reduce((s, v) => s + v, 0) / data.length;
  return { mean, sample: (rng) => data[rng.int(data.length)] as number };
}
