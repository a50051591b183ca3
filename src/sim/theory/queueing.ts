// Closed-form queueing results used as theory overlays and in agreement tests. Rates are per
// second, times in seconds. Each returns null when the queue is unstable (load >= 1).

/** Mean and quantiles of the time in system (waiting + service). */
export interface SojournTheory {
  readonly meanS: number;
  /** The q-quantile of the time in system. */
  quantileS(q: number): number;
}

/** Solves f(t) = target for increasing f by bisection on [0, hi]. */
function invert(f: (t: number) => number, target: number, hi: number): number {
  let lo = 0;
  let h = hi;
  while (f(h) < target) h *= 2;
  for (let i = 0; i < 200; i++) {
    const mid = (lo + h) / 2;
    if (f(mid) < target) lo = mid;
    else h = mid;
  }
  return (lo + h) / 2;
}

/** Erlang C: probability an arrival waits in M/M/c with offered load a = lambda/mu. */
export function erlangC(c: number, a: number): number {
  let b = 1;
  for (let k = 1; k <= c; k++) b = (a * b) / (k + a * b);
  const rho = a / c;
  return b / (1 - rho * (1 - b));
}

/** M/M/c: one FIFO queue, c identical servers of rate mu. M/M/1 is c = 1. */
export function mmc(lambda: number, mu: number, c: number): SojournTheory | null {
  const a = lambda / mu;
  if (a >= c) return null;
  const pWait = erlangC(c, a);
  const theta = c * mu - lambda; // rate of the waiting time, given that one waits
  const meanS = pWait / theta + 1 / mu;
  // P(T <= t) with T = S + W, S ~ Exp(mu), W = 0 w.p. 1 - pWait, else Exp(theta).
  const cdf = (t: number) => {
    const service = 1 - Math.exp(-mu * t);
    const both =
      Math.abs(theta - mu) < 1e-12 * mu
        ? 1 - Math.exp(-mu * t) * (1 + mu * t)
        : 1 - (theta * Math.exp(-mu * t) - mu * Math.exp(-theta * t)) / (theta - mu);
    return (1 - pWait) * service + pWait * both;
  };
  return { meanS, quantileS: (q) => invert(cdf, q, meanS) };
}

/**
 * G/M/1 with Erlang-k inter-arrival times (E_k/M/1): what each server sees under round robin
 * over k servers of a Poisson stream. Time in system is exponential with rate mu (1 - sigma),
 * where sigma solves sigma = A*(mu (1 - sigma)) and A* is the inter-arrival Laplace transform.
 */
export function ekm1(lambdaPerServer: number, mu: number, k: number): SojournTheory | null {
  if (lambdaPerServer >= mu) return null;
  const phase = k * lambdaPerServer;
  const transform = (s: number) => Math.pow(phase / (phase + s), k);
  let sigma = lambdaPerServer / mu;
  for (let i = 0; i < 10_000; i++) {
    const next = transform(mu * (1 - sigma));
    if (Math.abs(next - sigma) < 1e-14) {
      sigma = next;
      break;
    }
    sigma = next;
  }
  const rate = mu * (1 - sigma);
  return { meanS: 1 / rate, quantileS: (q) => -Math.log(1 - q) / rate };
}

/**
 * Power of d choices as the number of servers grows (the supermarket model of Mitzenmacher
 * and Vvedenskaya et al.): the share of servers with at least i requests is
 * rho^((d^i - 1)/(d - 1)); Little's law turns the mean queue into the mean time in system.
 */
export function supermarketMeanS(rho: number, mu: number, d = 2): number | null {
  if (rho >= 1) return null;
  let sum = 0;
  for (let i = 1; i < 200; i++) {
    const term = Math.pow(rho, (Math.pow(d, i) - 1) / (d - 1));
    sum += term;
    if (term < 1e-15) break;
  }
  return sum / (rho * mu);
}
