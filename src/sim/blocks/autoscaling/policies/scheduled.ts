// Scheduled scaling: a fixed capacity during given hours of every day and the minimum outside
// them. It reads no metric at all, so it is exactly as good as the schedule.
import { REASON, type Decision, type PolicyContext, type ScalingPolicy } from '../policy.ts';

/** Whether `hour` (0..24) lies in the daily window [start, end), which may wrap past midnight. */
export function inWindow(hour: number, start: number, end: number): boolean {
  if (start === end) return false;
  return start < end ? hour >= start && hour < end : hour >= start || hour < end;
}

export function decideScheduled(ctx: PolicyContext): Decision | null {
  const s = ctx.settings;
  const on = inWindow(ctx.timeOfDayS / 3600, s.scheduleStartHour, s.scheduleEndHour);
  const wanted = on ? s.scheduledInstances : s.minInstances;
  if (wanted === ctx.fleet.desired) return null;
  return {
    desired: wanted,
    reason: {
      code: on ? REASON.scheduleOn : REASON.scheduleOff,
      value: wanted,
      threshold: 0,
      periods: 0,
    },
    reactive: false,
  };
}

export const scheduled: ScalingPolicy = { name: 'scheduled', decide: decideScheduled };
