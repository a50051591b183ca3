// Predictive plus reactive: the forecast is a floor set ahead of time, target tracking works
// above it, and scale-in by the metric never goes below the floor.
import { describe, expect, it } from 'vitest';
import { REASON, type PolicyContext } from '../policy.ts';
import { decideHybrid, predictiveReactive } from './predictiveReactive.ts';
import { policyContext } from './testContext.ts';

function ctx(datapoints: number[], desired: number, forecast: number | null): PolicyContext {
  return policyContext({ datapoints, desired, nowS: 2 * 86_400, forecastPeak: () => forecast });
}

describe('predictive + reactive', () => {
  it('raises the fleet to the forecast floor as a planned decision', () => {
    // Forecast 1000 req/s at 70 req/s per instance: floor 15; the metric is on target.
    expect(decideHybrid(ctx([70, 70, 70], 5, 1000))).toEqual({
      desired: 15,
      reason: { code: REASON.forecast, value: 1000, threshold: 600, periods: 0 },
      reactive: false,
    });
    expect(predictiveReactive.decide(ctx([70, 70, 70], 5, 1000))?.desired).toBe(15);
  });

  it('tracks the target above the floor (an unforecast surge), reactively', () => {
    // Floor ceil(700 / 70) = 10; 12 instances at 140 %: ceil(12 x 140 / 70) = 24.
    const d = decideHybrid(ctx([120, 130, 140], 12, 700));
    expect(d?.desired).toBe(24);
    expect(d?.reason.code).toBe(REASON.targetOut);
    expect(d?.reactive).toBe(true);
  });

  it('behaves as target tracking without history', () => {
    expect(decideHybrid(ctx([140, 140, 140], 10, null))?.desired).toBe(20);
    expect(decideHybrid(ctx([35, 35, 35], 10, null))?.desired).toBe(5);
    expect(decideHybrid(ctx([60, 80, 70], 10, null))).toBeNull();
  });

  it('scales in by the metric, but never below the forecast floor', () => {
    // 20 instances at 14 %: target tracking wants ceil(4) = 4; the floor is 10.
    const d = decideHybrid(ctx([14, 14, 14], 20, 700));
    expect(d?.desired).toBe(10);
    // Already at the floor: nothing to do although the metric wants fewer.
    expect(decideHybrid(ctx([14, 14, 14], 10, 700))).toBeNull();
    // Below the floor: it rises to the floor even though the metric wants to scale in.
    expect(decideHybrid(ctx([14, 14, 14], 6, 700))?.desired).toBe(10);
    // A floor of 4 lets target tracking go to 4.
    expect(decideHybrid(ctx([14, 14, 14], 20, 280))?.desired).toBe(4);
  });

  it('a metric-driven scale-in stopped at the floor is still reactive (it waits for the cooldown)', () => {
    // The forecast did not cause this change, the low metric did: it must not skip the cooldown
    // nor be explained as a forecast.
    const d = decideHybrid(ctx([14, 14, 14], 20, 700));
    expect(d?.reactive).toBe(true);
    expect(d?.reason.code).toBe(REASON.targetIn);
  });
});
