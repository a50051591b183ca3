// Predictive scaling: nothing without history; otherwise provision now for the highest demand
// forecast over [now, now + lead], at the per-instance rate the target allows.
import { describe, expect, it } from 'vitest';
import { REASON, type PolicyContext, type PolicySettings } from '../policy.ts';
import { decidePredictive, forecastCount, predictive } from './predictive.ts';
import { policyContext } from './testContext.ts';

/** A forecast of `peak` req/s between `from` and `to` (absolute seconds), `base` elsewhere. */
function spikeForecast(base: number, peak: number, from: number, to: number) {
  const calls: [number, number][] = [];
  const fn = (a: number, b: number) => {
    calls.push([a, b]);
    return b >= from && a <= to ? peak : base;
  };
  return { fn, calls };
}

function ctx(
  desired: number,
  forecastPeak: (a: number, b: number) => number | null,
  over: Partial<PolicySettings> = {},
): PolicyContext {
  return policyContext({
    desired,
    forecastPeak,
    settings: over,
    datapoints: [500, 500, 500],
    nowS: 86_400 + 8.8 * 3600,
    timeOfDayS: 8.8 * 3600,
  });
}

describe('predictive scaling', () => {
  it('does nothing without history (the first day), whatever the metric says', () => {
    expect(decidePredictive(ctx(3, () => null))).toBeNull();
    expect(forecastCount(ctx(3, () => null))).toBeNull();
    expect(predictive.decide(ctx(3, () => null))).toBeNull();
  });

  it('asks for the forecast over exactly [now, now + lead]', () => {
    const f = spikeForecast(200, 1000, 0, 0);
    const c = ctx(3, f.fn);
    decidePredictive(c);
    expect(f.calls).toEqual([[c.nowS, c.nowS + 600]]);
  });

  it('provisions for the forecast peak: ceil(peak / (capacity x target))', () => {
    const now = 86_400 + 8.8 * 3600;
    // Spike at 09:00 (720 s ahead): outside a 600 s lead, inside a 900 s lead.
    const f = spikeForecast(200, 1000, now + 720, now + 4320);
    expect(decidePredictive(ctx(3, f.fn))).toBeNull(); // ceil(200 / 70) = 3 = current
    const d = decidePredictive(ctx(3, f.fn, { forecastLeadS: 900 }));
    expect(d).toEqual({
      desired: 15, // ceil(1000 / 70) = ceil(14.29)
      reason: { code: REASON.forecast, value: 1000, threshold: 900, periods: 0 },
      reactive: false,
    });
    // Exact multiples do not round up: 1050 / 70 = 15.
    expect(decidePredictive(ctx(3, () => 1050))?.desired).toBe(15);
    // And it scales in when the forecast falls (stabilisation is the autoscaler's job).
    expect(decidePredictive(ctx(20, () => 140))?.desired).toBe(2);
  });

  it('makes no decision without a usable per-instance rate', () => {
    expect(decidePredictive(ctx(3, () => 1000, { rpsPerInstanceAtTarget: 0 }))).toBeNull();
  });
});
