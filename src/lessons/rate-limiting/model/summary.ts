// The headless runner's result for the rate-limiting lesson: the common request and latency
// figures plus `summary.rateLimiter` (names from the lesson catalogue).
import type { RunSummary } from '../../../sim/model.ts';
import type { RateLimitingSim } from './RateLimitingSim.ts';
import { maxInWindowBound } from './theory.ts';

const round = (x: number, digits = 4) => Math.round(x * 10 ** digits) / 10 ** digits;

export function rateLimiterSummary(m: RateLimitingSim): RunSummary {
  const p = m.params;
  const measuredS = Math.max(m.nowS - m.warmupS, 1e-9);
  const lat = m.latency;
  const bound = maxInWindowBound(p);
  return {
    requests: {
      arrived: m.stats.arrived,
      completed: m.stats.accepted,
      rejected: m.stats.rejected,
      failed: 0,
    },
    latencyMs: {
      mean: round(lat.mean),
      p50: round(lat.quantile(0.5)),
      p95: round(lat.quantile(0.95)),
      p99: round(lat.quantile(0.99)),
      max: round(lat.max),
    },
    throughputRps: round(m.stats.accepted / measuredS),
    rateLimiter: {
      algorithm: String(p.algorithm),
      limit: Number(p.limit),
      windowS: Number(p.windowS),
      accepted: m.stats.accepted,
      rejected: m.stats.rejected,
      maxAcceptedInWindow: m.peak.max,
      maxAcceptedInWindowBound: bound.bound,
      maxQueueDelayMs: round(m.maxQueueDelayMs),
      gateways: Number(p.gateways),
      centralStore: p.centralStore === true,
      acceptedDuringOutage: m.stats.allowedInOutage,
      rejectedDuringOutage: m.stats.refusedInOutage,
      memoryWordsPerClient: Math.max(0, ...m.limiters.map((l) => l.memoryWords())),
    },
  };
}
