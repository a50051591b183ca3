// Predictive scaling: provision now for the highest demand forecast over the next
// `forecastLeadS` seconds, from the demand seen at the same time of day on previous days. With
// a lead at least as long as boot plus warm-up, a recurring spike meets warm instances. With
// no history yet (the first day) it does nothing.
import { REASON, type Decision, type PolicyContext, type ScalingPolicy } from '../policy.ts';

/** Instances the forecast calls for, and the forecast peak, or null without history. */
export function forecastCount(ctx: PolicyContext): { wanted: number; peak: number } | null {
  const s = ctx.settings;
  const peak = ctx.forecastPeak(ctx.nowS, ctx.nowS + s.forecastLeadS);
  if (peak === null || !(s.rpsPerInstanceAtTarget > 0)) return null;
  return { wanted: Math.ceil(peak / s.rpsPerInstanceAtTarget - 1e-9), peak };
}

export function decidePredictive(ctx: PolicyContext): Decision | null {
  const f = forecastCount(ctx);
  if (f === null || f.wanted === ctx.fleet.desired) return null;
  return {
    desired: f.wanted,
    reason: {
      code: REASON.forecast,
      value: f.peak,
      threshold: ctx.settings.forecastLeadS,
      periods: 0,
    },
    reactive: false,
  };
}

export const predictive: ScalingPolicy = { name: 'predictive', decide: decidePredictive };
