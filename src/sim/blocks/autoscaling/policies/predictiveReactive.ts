// Predictive plus reactive: the forecast sets a floor, ahead of time, and target tracking works
// above it, so demand the history never saw (a surge on a new day) still gets capacity, only
// later. Scale-in is left to target tracking, which never goes below the forecast floor.
import { REASON, type Decision, type PolicyContext, type ScalingPolicy } from '../policy.ts';
import { forecastCount } from './predictive.ts';
import { trackTarget } from './targetTracking.ts';

export function decideHybrid(ctx: PolicyContext): Decision | null {
  const current = ctx.fleet.desired;
  const forecast = forecastCount(ctx);
  const reactive = trackTarget(ctx);
  const floor = forecast ? forecast.wanted : 0;
  const byMetric = reactive ? reactive.desired : current;
  const wanted = Math.max(floor, byMetric);
  if (wanted === current) return null;
  // The forecast explains only a rise to its floor; a metric-driven scale-in that the floor
  // merely stops short stays reactive (it waits for the cooldown like any other).
  if (forecast && floor > byMetric && floor > current) {
    return {
      desired: wanted,
      reason: {
        code: REASON.forecast,
        value: forecast.peak,
        threshold: ctx.settings.forecastLeadS,
        periods: 0,
      },
      reactive: false,
    };
  }
  return reactive ? { ...reactive, desired: wanted } : null;
}

export const predictiveReactive: ScalingPolicy = {
  name: 'predictive+reactive',
  decide: decideHybrid,
};
