// Target tracking: ceil(current x latest / target) only when every datapoint is on the same side
// of the target, nothing inside it, and no decision from missing (NaN) data.
import { describe, expect, it } from 'vitest';
import { REASON, type PolicyContext } from '../policy.ts';
import { proportionalCount, targetTracking, trackTarget } from './targetTracking.ts';
import { policyContext } from './testContext.ts';

function ctx(datapoints: number[], desired: number, target = 70): PolicyContext {
  return policyContext({ datapoints, desired, target, nowS: 3600, timeOfDayS: 3600 });
}

describe('target tracking', () => {
  it('wants ceil(current x latest / target) when every datapoint is above the target', () => {
    // 10 instances at 100 % CPU, target 70 %: ceil(10 x 100 / 70) = ceil(14.29) = 15.
    const d = trackTarget(ctx([90, 95, 100], 10));
    expect(d).toEqual({
      desired: 15,
      reason: { code: REASON.targetOut, value: 100, threshold: 70, periods: 3 },
      reactive: true,
    });
    // 3 instances at 200 %, target 60: ceil(3 x 200 / 60) = 10 exactly (no float round-up).
    expect(trackTarget(ctx([200], 3, 60))?.desired).toBe(10);
    expect(targetTracking.decide(ctx([200], 3, 60))?.desired).toBe(10);
    expect(targetTracking.name).toBe('target-tracking');
  });

  it('scales in to ceil(current x latest / target) when every datapoint is below', () => {
    // 20 instances at 35 %, target 70 %: ceil(20 x 35 / 70) = 10.
    const d = trackTarget(ctx([30, 40, 35], 20));
    expect(d?.desired).toBe(10);
    expect(d?.reason.code).toBe(REASON.targetIn);
    expect(d?.reactive).toBe(true);
    // 7 instances at 50 %: ceil(5) = 5; at 51 %: ceil(5.1) = 6.
    expect(trackTarget(ctx([50], 7))?.desired).toBe(5);
    expect(trackTarget(ctx([51], 7))?.desired).toBe(6);
  });

  it('holds when the datapoints straddle the target or the count would not change', () => {
    expect(trackTarget(ctx([60, 90, 100], 10))).toBeNull(); // one below: no scale-out
    expect(trackTarget(ctx([80, 60, 50], 10))).toBeNull(); // one above: no scale-in
    expect(trackTarget(ctx([70, 70, 70], 10))).toBeNull(); // exactly on target
    // 10 x 66 / 70 = 9.43 -> ceil 10 = current: nothing to do although all are below.
    expect(trackTarget(ctx([66, 66, 66], 10))).toBeNull();
    // 10 x 71 / 70 = 10.14 -> 11: just above the target still rounds up.
    expect(trackTarget(ctx([71, 71, 71], 10))?.desired).toBe(11);
  });

  it('handles missing (NaN) datapoints: no breach counted, and no decision without data', () => {
    expect(trackTarget(ctx([NaN, 100, 100], 10))).toBeNull(); // not every period breached
    expect(trackTarget(ctx([NaN, NaN, NaN], 10))).toBeNull();
    expect(trackTarget(ctx([], 10))).toBeNull();
    // The latest finite value drives the size: [100, NaN] is not all-breaching either.
    expect(trackTarget(ctx([100, NaN], 10))).toBeNull();
    expect(trackTarget(ctx([100, 100], 10, 0))).toBeNull(); // a zero target is no target
  });

  it('proportionalCount absorbs float error in exact ratios only', () => {
    expect(proportionalCount(3, 70, 70)).toBe(3);
    expect(proportionalCount(7, 0.1 * 3 * 100, 30)).toBe(7); // 0.30000000000000004 x 100
    expect(proportionalCount(15, 70.01, 70)).toBe(16);
  });
});
