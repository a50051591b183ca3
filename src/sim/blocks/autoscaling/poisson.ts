// Poisson-distributed counts, exact at every mean: multiplication of uniforms for small means,
// Hörmann's transformed rejection with squeeze (PTRS, 1993) from a mean of 10 on. Arrivals per
// second in the autoscaling lessons are drawn here, so bursts are as large as real ones.
import type { Random } from '../../core/Random.ts';

const LOG_FACTORIAL_TABLE = (() => {
  const t = new Float64Array(256);
  for (let k = 1; k < t.length; k++) t[k] = (t[k - 1] as number) + Math.log(k);
  return t;
})();

/** ln(k!) for a whole k >= 0: a table, then Stirling's series (error below 1e-12). */
export function logFactorial(k: number): number {
  if (k < LOG_FACTORIAL_TABLE.length) return LOG_FACTORIAL_TABLE[k] as number;
  const x = k + 1;
  const inv = 1 / x;
  const inv2 = inv * inv;
  return (
    (x - 0.5) * Math.log(x) -
    x +
    0.5 * Math.log(2 * Math.PI) +
    inv * (1 / 12 - inv2 * (1 / 360 - inv2 / 1260))
  );
}

/** A Poisson count with mean `mean` (0 for a mean of 0 or less). */
export function poisson(rng: Random, mean: number): number {
  if (!(mean > 0)) return 0;
  if (mean < 10) {
    const limit = Math.exp(-mean);
    let k = 0;
    let p = rng.next();
    while (p > limit) {
      k++;
      p *= rng.next();
    }
    return k;
  }
  const sqrtMean = Math.sqrt(mean);
  const logMean = Math.log(mean);
  const b = 0.931 + 2.53 * sqrtMean;
  const a = -0.059 + 0.02483 * b;
  const invAlpha = 1.1239 + 1.1328 / (b - 3.4);
  const vr = 0.9277 - 3.6224 / (b - 2);
  for (;;) {
    const u = rng.next() - 0.5;
    const v = rng.next();
    const us = 0.5 - Math.abs(u);
    const k = Math.floor(((2 * a) / us + b) * u + mean + 0.43);
    if (us >= 0.07 && v <= vr) return k;
    if (k < 0 || (us < 0.013 && v > us)) continue;
    const lhs = Math.log(v) + Math.log(invAlpha) - Math.log(a / (us * us) + b);
    if (lhs <= -mean + k * logMean - logFactorial(k)) return k;
  }
}
