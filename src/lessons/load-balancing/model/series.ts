// Time series and per-server readouts for the lesson's charts, packed as typed arrays so the
// worker can transfer them to the page without copying.
import { COARSE_BINS } from '../../../sim/metrics/TimeBuckets.ts';
import type { LoadBalancingSim } from './LoadBalancingSim.ts';

export interface LbCounters {
  arrived: number;
  completed: number;
  rejected: number;
  failed: number;
}

/** Seconds over which the per-server bars are averaged. */
const RECENT_S = 10;

/** Bulk arrays for the charts: one entry per time bucket, plus per-server recent figures. */
export function seriesArrays(m: LoadBalancingSim): Record<string, Float64Array> {
  const b = m.buckets;
  const w = b.widthS;
  const now = m.nowS;
  const { n, t, spanS } = b.frame(now);
  const p50 = new Float64Array(n);
  const p95 = new Float64Array(n);
  const p99 = new Float64Array(n);
  const throughput = new Float64Array(n);
  const errors = new Float64Array(n);
  const arrivals = new Float64Array(n);
  // Completions per bucket are the bucket's latency count (not counted apart).
  const [arrived, , rejected, failed] = b.counters as [
    Float64Array,
    Float64Array,
    Float64Array,
    Float64Array,
  ];
  for (let i = 0; i < n; i++) {
    const span = spanS[i] as number;
    p50[i] = b.bucketQuantile(i, 0.5);
    p95[i] = b.bucketQuantile(i, 0.95);
    p99[i] = b.bucketQuantile(i, 0.99);
    throughput[i] = b.latencyCount(i) / span;
    errors[i] = ((rejected[i] as number) + (failed[i] as number)) / span;
    arrivals[i] = (arrived[i] as number) / span;
  }
  // Per-server utilisation and queue length over the last RECENT_S seconds.
  const servers = m.pool.count;
  const utilRecent = new Float64Array(servers);
  const queueRecent = new Float64Array(servers);
  const from = Math.max(0, Math.floor((now - RECENT_S) / w));
  const span = Math.max(now - from * w, 1e-9);
  for (let s = 0; s < servers; s++) {
    const busy = b.levels[2 * s] as Float64Array;
    const queue = b.levels[2 * s + 1] as Float64Array;
    let busySum = 0;
    let queueSum = 0;
    for (let i = from; i < n; i++) {
      busySum += busy[i] as number;
      queueSum += queue[i] as number;
    }
    utilRecent[s] = busySum / span / m.pool.slots;
    queueRecent[s] = queueSum / span;
  }
  // Latency distribution since the warm-up, on the coarse bins summed over all buckets.
  const dist = new Float64Array(COARSE_BINS);
  const warmBucket = Math.ceil(m.warmupS / w);
  for (let i = warmBucket; i < n; i++) {
    for (let k = 0; k < COARSE_BINS; k++) {
      dist[k] = (dist[k] as number) + (b.latencyBins[i * COARSE_BINS + k] as number);
    }
  }
  return { t, p50, p95, p99, throughput, errors, arrivals, utilRecent, queueRecent, dist };
}
