// Step scaling: when every datapoint of the evaluation periods is above the scale-out
// threshold, add instances in steps that grow with the size of the breach (1, 2 or 3 times
// the step size for a latest value up to 20 %, up to 50 % and beyond 50 % of the target over
// the threshold); when every one is below the scale-in threshold, remove one instance.
import {
  breaching,
  latest,
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
  const { datapoints, target } = ctx.metric;
  const value = latest(datapoints);
  if (!Number.isFinite(value) || !(target > 0)) return null;
  const s = ctx.settings;
  const n = datapoints.length;
  const current = ctx.fleet.desired;
  const outAt = (target * s.scaleOutAtPct) / 100;
  const inAt = (target * s.scaleInAtPct) / 100;
  if (breaching(datapoints, outAt, 1) === n) {
    const breachPct = ((value - outAt) / target) * 100;
    const add = stepMultiple(breachPct) * s.stepSize;
    return {
      desired: current + add,
      reason: { code: REASON.stepOut, value, threshold: outAt, periods: n },
      reactive: true,
    };
  }
  if (breaching(datapoints, inAt, -1) === n && current > 1) {
    return {
      desired: current - 1,
      reason: { code: REASON.stepIn, value, threshold: inAt, periods: n },
      reactive: true,
    };
  }
  return null;
}

export const stepScaling: ScalingPolicy = { name: 'step-scaling', decide: decideStep };
