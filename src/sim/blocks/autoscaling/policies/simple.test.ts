// Simple scaling: a fixed step out whatever the size of the breach, one in.
import { describe, expect, it } from 'vitest';
import { REASON, type PolicyContext } from '../policy.ts';
import { decideSimple, simple } from './simple.ts';
import { policyContext } from './testContext.ts';

function ctx(datapoints: number[], desired: number, target = 70): PolicyContext {
  return policyContext({
    datapoints,
    desired,
    target,
    metric: 'rps-per-instance',
    settings: { stepSize: 3 },
  });
}

describe('simple scaling', () => {
  it('adds the step size above the threshold, whatever the size of the breach', () => {
    expect(decideSimple(ctx([71, 71], 4))?.desired).toBe(7);
    expect(decideSimple(ctx([700, 7000], 4))?.desired).toBe(7);
    expect(decideSimple(ctx([71, 80], 4))).toEqual({
      desired: 7,
      reason: { code: REASON.simpleOut, value: 80, threshold: 70, periods: 2 },
      reactive: true,
    });
  });

  it('removes one below the scale-in threshold (50 % of 70 = 35), holds in between', () => {
    expect(decideSimple(ctx([34, 20], 4))?.desired).toBe(3);
    expect(decideSimple(ctx([34, 20], 4))?.reason.code).toBe(REASON.simpleIn);
    expect(decideSimple(ctx([36, 20], 4))).toBeNull();
    expect(decideSimple(ctx([50, 60], 4))).toBeNull();
    expect(decideSimple(ctx([0, 0], 1))).toBeNull();
  });

  it('makes no decision on missing data', () => {
    expect(decideSimple(ctx([NaN, 100], 4))).toBeNull();
    expect(decideSimple(ctx([NaN], 4))).toBeNull();
    expect(decideSimple(ctx([100], 4, 0))).toBeNull();
    expect(simple.decide(ctx([100], 4))?.desired).toBe(7);
  });
});
