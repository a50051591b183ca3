// Step scaling: 1, 2 or 3 steps by the size of the breach, one instance in at a time.
import { describe, expect, it } from 'vitest';
import { REASON, type PolicySettings } from '../policy.ts';
import { decideStep, stepMultiple, stepScaling } from './stepScaling.ts';
import { policyContext } from './testContext.ts';

function ctx(datapoints: number[], desired: number, over: Partial<PolicySettings> = {}) {
  return policyContext({ datapoints, desired, target: 60, settings: over });
}

describe('step scaling', () => {
  it('bands: under 20 % of the target over the threshold 1x, under 50 % 2x, beyond 3x', () => {
    expect(stepMultiple(0)).toBe(1);
    expect(stepMultiple(19.99)).toBe(1);
    expect(stepMultiple(20)).toBe(2);
    expect(stepMultiple(49.99)).toBe(2);
    expect(stepMultiple(50)).toBe(3);
    expect(stepMultiple(400)).toBe(3);
  });

  it('adds 1x, 2x or 3x the step for a latest value in each band (target 60, threshold 100 %)', () => {
    // Threshold 60; breach % of target: 66 -> 10 %, 75 -> 25 %, 96 -> 60 %.
    const at = (v: number) => decideStep(ctx([61, 61, v], 5));
    expect(at(66)?.desired).toBe(5 + 2);
    expect(at(75)?.desired).toBe(5 + 4);
    expect(at(96)?.desired).toBe(5 + 6);
    expect(at(66)?.reason).toEqual({ code: REASON.stepOut, value: 66, threshold: 60, periods: 3 });
    expect(at(66)?.reactive).toBe(true);
    // Thresholds are in percent of the target: 150 % of 60 = 90.
    expect(decideStep(ctx([95], 5, { scaleOutAtPct: 150 }))?.desired).toBe(7);
    expect(decideStep(ctx([89], 5, { scaleOutAtPct: 150 }))).toBeNull();
  });

  it('needs every datapoint above the threshold to scale out', () => {
    expect(decideStep(ctx([59, 90, 90], 5))).toBeNull();
    expect(decideStep(ctx([NaN, 90, 90], 5))).toBeNull();
    expect(decideStep(ctx([60, 60, 60], 5))).toBeNull(); // equal is not above
  });

  it('scales in by exactly one when every datapoint is below the scale-in threshold', () => {
    // Scale-in threshold 50 % of 60 = 30.
    const d = decideStep(ctx([10, 5, 1], 9));
    expect(d?.desired).toBe(8);
    expect(d?.reason).toEqual({ code: REASON.stepIn, value: 1, threshold: 30, periods: 3 });
    expect(decideStep(ctx([10, 31, 1], 9))).toBeNull();
    expect(decideStep(ctx([1, 1, 1], 1))).toBeNull(); // never below one instance
    expect(decideStep(ctx([NaN, NaN], 4))).toBeNull();
    expect(stepScaling.decide(ctx([10, 5, 1], 9))?.desired).toBe(8);
  });
});
