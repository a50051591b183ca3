// The headless runner's result summary for the load-balancing lesson: the common request and
// latency figures plus `servers[]` and `remappedShare` (see docs/sim-model.md).
import type { RunSummary } from '../../../sim/model.ts';
import type { LoadBalancingSim } from './LoadBalancingSim.ts';

export interface ServerSummary {
  readonly id: string;
  readonly speed: number;
  readonly weight: number;
  /** Share of the server's slots busy, averaged over the measured time. */
  readonly utilization: number;
  readonly completed: number;
  /** Requests served by this server over all served, after the warm-up. */
  readonly share: number;
  /** Time-averaged requests waiting (not in service). */
  readonly meanQueueLength: number;
}

const round = (x: number, digits = 6) => {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
};

export function summarize(m: LoadBalancingSim): RunSummary {
  const measuredS = Math.max(m.nowS - m.warmupS, 1e-9);
  const lat = m.latency;
  const pool = m.pool;
  const servers: ServerSummary[] = [];
  const counts = m.statsCounts();
  const completedTotal = counts.completed;
  for (let i = 0; i < pool.count; i++) {
    servers.push({
      id: m.serverName(i),
      speed: pool.speed[i] as number,
      weight: round(m.balancer.weights[i] as number),
      utilization: round((pool.busyIntegral[i] as number) / measuredS),
      completed: pool.completedCount[i] as number,
      share: round(completedTotal > 0 ? (pool.completedCount[i] as number) / completedTotal : 0),
      meanQueueLength: round((pool.queueIntegral[i] as number) / measuredS),
    });
  }
  const last = m.remaps[m.remaps.length - 1];
  return {
    requests: counts,
    latencyMs: {
      mean: round(lat.mean, 4),
      p50: round(lat.quantile(0.5), 4),
      p95: round(lat.quantile(0.95), 4),
      p99: round(lat.quantile(0.99), 4),
      max: round(lat.max, 4),
    },
    throughputRps: round(counts.completed / measuredS, 4),
    servers,
    ...(last
      ? {
          remappedShare: round(last.share),
          remapEvents: m.remaps.map((r) => ({ ...r, tS: round(r.tS), share: round(r.share) })),
        }
      : {}),
  };
}
