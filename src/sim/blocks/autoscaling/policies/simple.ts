// Simple scaling: one fixed adjustment per alarm. Above the scale-out threshold for every
// evaluation period: add the step size. Below the scale-in threshold for every period: remove
// one. Nothing about the size of the breach reaches the decision.
import {
  breaching,
  latest,
  REASON,
  type Decision,
  type PolicyContext,
  type ScalingPolicy,
} from '../policy.ts';

export function decideSimple(ctx: PolicyContext): Decision | null {
  const { datapoints, target } = ctx.metric;
  const value = latest(datapoints);
  if (!Number.isFinite(value) || !(target > 0)) return null;
  const s = ctx.settings;
  const n = datapoints.length;
  const current = ctx.fleet.desired;
  const outAt = (target * s.scaleOutAtPct) / 100;
  const inAt = (target * s.scaleInAtPct) / 100;
  if (breaching(datapoints, outAt, 1) === n) {
    return {
      desired: current + s.stepSize,
      reason: { code: REASON.simpleOut, value, threshold: outAt, periods: n },
      reactive: true,
    };
  }
  if (breaching(datapoints, inAt, -1) === n && current > 1) {
    return {
      desired: current - 1,
      reason: { code: REASON.simpleIn, value, threshold: inAt, periods: n },
      reactive: true,
    };
  }
  return null;
}

export const simple: ScalingPolicy = { name: 'simple', decide: decideSimple };
