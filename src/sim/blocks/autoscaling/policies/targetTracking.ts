// Target tracking: keep the metric at its target by sizing the fleet in proportion. When every
// datapoint of the evaluation periods is above the target (or every one below), the policy
// wants ceil(current x latest / target) instances: the count at which the latest load would
// sit exactly at the target if the metric falls in proportion to capacity. "Current" counts
// the instances still booting, which is why short cooldowns let it compound.
import {
  breaching,
  latest,
  REASON,
  type Decision,
  type PolicyContext,
  type ScalingPolicy,
} from '../policy.ts';

/** The count that would bring `value` to `target`, from `current` instances. */
export function proportionalCount(current: number, value: number, target: number): number {
  // The small slack keeps exact ratios (3 x 70 / 70) from rounding up through float error.
  return Math.ceil((current * value) / target - 1e-9);
}

/** The target-tracking decision, shared with the predictive+reactive hybrid. */
export function trackTarget(ctx: PolicyContext): Decision | null {
  const { datapoints, target } = ctx.metric;
  const value = latest(datapoints);
  if (!Number.isFinite(value) || !(target > 0)) return null;
  const n = datapoints.length;
  const current = ctx.fleet.desired;
  const wanted = proportionalCount(current, value, target);
  if (wanted > current && breaching(datapoints, target, 1) === n) {
    return {
      desired: wanted,
      reason: { code: REASON.targetOut, value, threshold: target, periods: n },
      reactive: true,
    };
  }
  if (wanted < current && breaching(datapoints, target, -1) === n) {
    return {
      desired: wanted,
      reason: { code: REASON.targetIn, value, threshold: target, periods: n },
      reactive: true,
    };
  }
  return null;
}

export const targetTracking: ScalingPolicy = { name: 'target-tracking', decide: trackTarget };
