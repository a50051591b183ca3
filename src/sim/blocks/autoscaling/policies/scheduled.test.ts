// Scheduled scaling: the scheduled count inside the daily window (which may wrap past
// midnight), the minimum outside it; planned, so never held by a cooldown.
import { describe, expect, it } from 'vitest';
import { REASON, type PolicyContext, type PolicySettings } from '../policy.ts';
import { decideScheduled, inWindow, scheduled } from './scheduled.ts';
import { policyContext } from './testContext.ts';

function ctx(hour: number, desired: number, over: Partial<PolicySettings> = {}): PolicyContext {
  return policyContext({
    desired,
    settings: over,
    nowS: 86_400 + hour * 3600,
    timeOfDayS: hour * 3600,
  });
}

describe('scheduled scaling', () => {
  it('inWindow is [start, end), wraps past midnight, and is empty when start = end', () => {
    expect(inWindow(8.75, 8.75, 10.25)).toBe(true);
    expect(inWindow(10.24, 8.75, 10.25)).toBe(true);
    expect(inWindow(10.25, 8.75, 10.25)).toBe(false);
    expect(inWindow(8.74, 8.75, 10.25)).toBe(false);
    // 22:00 to 06:00.
    expect(inWindow(23, 22, 6)).toBe(true);
    expect(inWindow(0, 22, 6)).toBe(true);
    expect(inWindow(5.99, 22, 6)).toBe(true);
    expect(inWindow(6, 22, 6)).toBe(false);
    expect(inWindow(12, 22, 6)).toBe(false);
    expect(inWindow(21.99, 22, 6)).toBe(false);
    expect(inWindow(3, 5, 5)).toBe(false);
  });

  it('sets the scheduled count inside the window and the minimum outside, as planned decisions', () => {
    expect(decideScheduled(ctx(9, 2))).toEqual({
      desired: 15,
      reason: { code: REASON.scheduleOn, value: 15, threshold: 0, periods: 0 },
      reactive: false,
    });
    expect(decideScheduled(ctx(11, 15))).toEqual({
      desired: 2,
      reason: { code: REASON.scheduleOff, value: 2, threshold: 0, periods: 0 },
      reactive: false,
    });
    expect(decideScheduled(ctx(9, 15))).toBeNull(); // already there
    expect(decideScheduled(ctx(20, 2))).toBeNull();
    expect(scheduled.decide(ctx(9, 2))?.desired).toBe(15);
  });

  it('follows a window that wraps past midnight (22:00 to 06:00)', () => {
    const night = { scheduleStartHour: 22, scheduleEndHour: 6, scheduledInstances: 8 };
    expect(decideScheduled(ctx(23.5, 2, night))?.desired).toBe(8);
    expect(decideScheduled(ctx(1, 2, night))?.desired).toBe(8);
    expect(decideScheduled(ctx(6, 8, night))?.desired).toBe(2);
    expect(decideScheduled(ctx(14, 8, night))?.desired).toBe(2);
  });

  it('ignores the metric entirely', () => {
    const c = ctx(9, 2);
    const hot = { ...c, metric: { name: 'cpu' as const, datapoints: [500, 500], target: 70 } };
    expect(decideScheduled(hot)).toEqual(decideScheduled(c));
  });
});
