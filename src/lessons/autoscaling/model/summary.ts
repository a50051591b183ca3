// The headless runner's result for the autoscaling lesson: the common request and latency
// figures plus `summary.autoscaler` (names from the lesson catalogue).
import { DAY_S, RAMP_S, SPIKE_START_S } from '../../../sim/blocks/autoscaling/DemandCurve.ts';
import type { RunSummary } from '../../../sim/model.ts';
import type { AutoscalingSim } from './AutoscalingSim.ts';
import { settledInstances } from './theory.ts';

const round = (x: number, digits = 4) => Math.round(x * 10 ** digits) / 10 ** digits;

/** When the demand jumps that a settling time is measured from happen, within [from, to]. */
export function demandJumps(m: AutoscalingSim, fromS: number, toS: number): number[] {
  const p = m.params;
  const jumps: number[] = [];
  const pattern = String(p.demandPattern);
  if (pattern === 'step' || pattern === 'flash-crowd') jumps.push(Number(p.stepAtS));
  if (pattern === 'morning-spike') {
    // Spike starts and ends on every day of the run.
    const startOfDay0 = -Number(p.startHour) * 3600;
    for (let day = startOfDay0; day <= toS; day += DAY_S) {
      jumps.push(day + SPIKE_START_S, day + SPIKE_START_S + 2 * RAMP_S + Number(p.spikeDurationS));
    }
  }
  if (Number(p.surpriseAtS) > 0) jumps.push(Number(p.surpriseAtS));
  return jumps.filter((t) => t >= fromS && t <= toS).sort((a, b) => a - b);
}

/**
 * Seconds from the first demand jump in the statistics window until the fleet size entered, for good, the band of ±10 % (at least ±1 instance)
 * around the size it had when the next jump came (or the run ended). Null when the window has
 * no jump (the daily curves never stop moving) or the fleet had not settled by then.
 */
export function secondsToSettle(m: AutoscalingSim): number | null {
  const now = m.nowS;
  const jumps = demandJumps(m, m.warmupS, now);
  const from = jumps[0];
  if (from === undefined || from >= now) return null;
  const until = jumps[1] ?? now;
  const trace = m.fleetTrace;
  const at = (t: number) => {
    let active = trace[0]?.active ?? 0;
    for (const p of trace) {
      if (p.atS > t) break;
      active = p.active;
    }
    return active;
  };
  const final = at(until);
  const band = Math.max(1, 0.1 * final);
  const outside = (n: number) => Math.abs(n - final) > band;
  let settledAt = outside(at(from)) ? NaN : from;
  for (const p of trace) {
    if (p.atS <= from || p.atS > until) continue;
    if (outside(p.active)) settledAt = NaN;
    else if (Number.isNaN(settledAt)) settledAt = p.atS;
  }
  return Number.isNaN(settledAt) ? null : round(settledAt - from, 1);
}

/**
 * The instances an exact target tracker needs at the peak demand seen after the warm-up, and
 * how far `maxActive` (the most instances active at once) went over it, in percent.
 */
export function overshoot(
  m: AutoscalingSim,
  maxActive: number,
): { idealAtPeak: number; overshootPct: number } {
  const idealAtPeak = settledInstances(
    m.stats.peakDemandRps,
    Number(m.params.instanceCapacity),
    Number(m.params.targetUtilization),
  );
  return {
    idealAtPeak,
    overshootPct: idealAtPeak > 0 ? round((100 * (maxActive - idealAtPeak)) / idealAtPeak, 2) : 0,
  };
}

export function autoscalerSummary(m: AutoscalingSim): RunSummary {
  const p = m.params;
  const s = m.stats;
  const measuredS = Math.max(m.nowS - m.warmupS, 1e-9);
  const lat = m.latency;
  const { idealAtPeak: idealPeak, overshootPct } = overshoot(m, s.maxActive);
  m.fleet.touch(); // bills up to now, also when the run ends between two traffic steps
  const instanceHours = m.fleet.billedSeconds / 3600;
  const active = m.fleet.active;
  return {
    requests: {
      arrived: s.arrived,
      completed: round(s.completed, 1),
      rejected: 0,
      failed: round(s.failed, 1),
    },
    latencyMs: {
      mean: round(lat.mean),
      p50: round(lat.quantile(0.5)),
      p95: round(lat.quantile(0.95)),
      p99: round(lat.quantile(0.99)),
      max: round(lat.max),
    },
    throughputRps: round(s.completed / measuredS),
    autoscaler: {
      policy: String(p.policy),
      scalingMetric: String(p.scalingMetric),
      finalInstances: active,
      maxInstances: Number.isFinite(s.minActive) ? s.maxActive : active,
      minInstances: Number.isFinite(s.minActive) ? s.minActive : active,
      scaleOutEvents: s.scaleOut,
      scaleInEvents: s.scaleIn,
      directionChanges: s.directionChanges,
      peakDemandRps: round(s.peakDemandRps, 2),
      idealInstancesAtPeak: idealPeak,
      overshootPct,
      secondsToSettle: secondsToSettle(m),
      underProvisionedS: round(s.underProvisionedS, 1),
      sloViolationS: round(s.sloViolationS, 1),
      instanceHours: round(instanceHours, 4),
      cost: round(instanceHours * Number(p.costPerInstanceHour), 4),
    },
  };
}
