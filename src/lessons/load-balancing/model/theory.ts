// Which textbook queue a load-balancing configuration is, and what theory predicts for it.
// Theory applies only where its assumptions hold; otherwise this says why not.
import { ekm1, mmc, supermarketMeanS } from '../../../sim/theory/queueing.ts';
import type { ParamValue } from '../../../sim/params.ts';

export interface LbTheory {
  /** Name of the model, e.g. "M/M/1 per server". */
  readonly model: string;
  readonly meanMs: number;
  readonly p50Ms: number | null;
  readonly p95Ms: number | null;
  readonly p99Ms: number | null;
}

export type TheoryVerdict =
  { readonly theory: LbTheory } | { readonly theory: null; readonly reason: string };

/** Theory for the current parameters, or the reason none applies. */
export function lbTheory(params: Readonly<Record<string, ParamValue>>): TheoryVerdict {
  const n = Number(params.servers);
  const c = Number(params.serverConcurrency);
  const lambda = Number(params.arrivalRate);
  const mu = 1000 / Number(params.serviceTimeMs);
  const algorithm = String(params.algorithm);
  if (params.serviceTimeDistribution !== 'exponential') {
    return { theory: null, reason: 'closed forms here assume exponential request cost' };
  }
  // One server of the A, B, C pattern is A (speed 1); mixed speeds are random.
  if (params.serverProfile === 'mixed' || (params.serverProfile !== 'equal' && n > 1)) {
    return { theory: null, reason: 'closed forms here assume identical servers' };
  }
  if (Number(params.failServerIndex) >= 0) {
    return { theory: null, reason: 'a server failure is not in the textbook model' };
  }
  const rho = lambda / (n * c * mu);
  if (rho >= 1)
    return {
      theory: null,
      reason: `offered load is ${(rho * 100).toFixed(0)} % of capacity: no steady state`,
    };
  const ms = (s: number) => s * 1000;
  const full = (model: string, q: ReturnType<typeof mmc>): TheoryVerdict =>
    q
      ? {
          theory: {
            model,
            meanMs: ms(q.meanS),
            p50Ms: ms(q.quantileS(0.5)),
            p95Ms: ms(q.quantileS(0.95)),
            p99Ms: ms(q.quantileS(0.99)),
          },
        }
      : { theory: null, reason: 'unstable' };
  if (n === 1)
    return full(c === 1 ? 'M/M/1' : `M/M/${c} (one queue, ${c} slots)`, mmc(lambda, mu, c));
  if (c === 1 && algorithm === 'random')
    return full('M/M/1 per server (random split)', mmc(lambda / n, mu, 1));
  if (c === 1 && algorithm === 'round-robin') {
    return full(`E${n}/M/1 per server (round robin)`, ekm1(lambda / n, mu, n));
  }
  if (c === 1 && algorithm === 'power-of-two') {
    const mean = supermarketMeanS(rho, mu, 2);
    if (mean === null) return { theory: null, reason: 'unstable' };
    return {
      theory: {
        model: 'Supermarket-model limit (many servers)',
        meanMs: ms(mean),
        p50Ms: null,
        p95Ms: null,
        p99Ms: null,
      },
    };
  }
  return { theory: null, reason: `no closed form for ${algorithm} with these settings` };
}

/** The M/M/c lower bound: all servers' slots sharing one queue (the best any balancer can do). */
export function sharedQueueBound(params: Readonly<Record<string, ParamValue>>): LbTheory | null {
  if (params.serviceTimeDistribution !== 'exponential' || params.serverProfile !== 'equal')
    return null;
  const slots = Number(params.servers) * Number(params.serverConcurrency);
  const q = mmc(Number(params.arrivalRate), 1000 / Number(params.serviceTimeMs), slots);
  if (!q) return null;
  return {
    model: `M/M/${slots} shared queue`,
    meanMs: q.meanS * 1000,
    p50Ms: null,
    p95Ms: null,
    p99Ms: null,
  };
}
