// Simple scaling: one fixed adjustment per alarm. Above the scale-out threshold for every
// evaluation period: add the step size. Below the scale-in threshold for every period: remove
// one. Nothing about the size of the breach reaches the decision.
import {
  REASON,
  thresholdAlarm,
  type Decision,
  type PolicyContext,
  type ScalingPolicy,
} from '../policy.ts';

export function decideSimple(ctx: PolicyContext): Decision | null {
  const alarm = thresholdAlarm(ctx);
  if (alarm === null) return null;
  const { direction, value, threshold, periods } = alarm;
  const out = direction > 0;
  return {
    desired: ctx.fleet.desired + (out ? ctx.settings.stepSize : -1),
    reason: { code: out ? REASON.simpleOut : REASON.simpleIn, value, threshold, periods },
    reactive: true,
  };
}

export const simple: ScalingPolicy = { name: 'simple', decide: decideSimple };
