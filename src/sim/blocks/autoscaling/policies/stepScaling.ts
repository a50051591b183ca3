// Step scaling: when every datapoint of the evaluation periods is above the scale-out
// threshold, add instances in steps that grow with the size of the breach (1, 2 or 3 times
// the step size for a latest value up to 20 %, up to 50 % and beyond 50 % of the target over
// the threshold); when every one is below the scale-in threshold, remove one instance.
import {
  thresholdAlarm,
  REASON,
  type Decision,
  type PolicyContext,
  type ScalingPolicy,
} from '../policy.ts';

/** Breach bands above the scale-out threshold, in percent of the target. */
export const STEP_BANDS_PCT = [20, 50] as const;

/** Multiple of the step size for a breach of `breachPct` percent of the target. */
export function stepMultiple(breachPct: number): number {
  if (breachPct < STEP_BANDS_PCT[0]) return 1;
  if (breachPct < STEP_BANDS_PCT[1]) return 2;
  return 3;
}

export function decideStep(ctx: PolicyContext): Decision | null {
  const alarm = thresholdAlarm(ctx);
  if (alarm === null) return null;
  const { direction, value, threshold, periods } = alarm;
  if (direction < 0) {
    return {
      desired: ctx.fleet.desired - 1,
      reason: { code: REASON.stepIn, value, threshold, periods },
      reactive: true,
    };
  }
  const breachPct = ((value - threshold) / ctx.metric.target) * 100;
  return {
    desired: ctx.fleet.desired + stepMultiple(breachPct) * ctx.settings.stepSize,
    reason: { code: REASON.stepOut, value, threshold, periods },
    reactive: true,
  };
}

export const stepScaling: ScalingPolicy = { name: 'step-scaling', decide: decideStep };
