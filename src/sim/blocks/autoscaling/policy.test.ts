// The helpers every policy shares, and the sentences shown next to scaling actions.
import { describe, expect, it } from 'vitest';
import { breaching, describeReason, formatMetric, latest, REASON } from './policy.ts';
import { policyByName } from './policies/index.ts';
import { POLICY_NAMES } from './policy.ts';

describe('policy helpers', () => {
  it('breaching counts present datapoints strictly beyond the threshold', () => {
    expect(breaching([1, 5, 9, NaN], 5, 1)).toBe(1);
    expect(breaching([1, 5, 9, NaN], 5, -1)).toBe(1);
    expect(breaching([Infinity, 9], 5, 1)).toBe(1);
    expect(breaching([], 5, 1)).toBe(0);
  });

  it('latest is the newest datapoint with data', () => {
    expect(latest([1, 2, NaN])).toBe(2);
    expect(latest([NaN, NaN])).toBeNaN();
    expect(latest([])).toBeNaN();
  });

  it('every policy name resolves to its policy', () => {
    for (const name of POLICY_NAMES) expect(policyByName(name).name).toBe(name);
  });

  it('describes each reason in one sentence with units and the signed change', () => {
    const r = (code: (typeof REASON)[keyof typeof REASON], value: number, threshold = 70) => ({
      code,
      value,
      threshold,
      periods: 3,
    });
    expect(describeReason(r(REASON.targetOut, 83), 'cpu', 2)).toBe(
      'CPU 83 % above target 70 % for 3 periods: +2',
    );
    expect(describeReason(r(REASON.targetIn, 20), 'cpu', -4)).toBe(
      'CPU 20 % below target 70 % for 3 periods: −4',
    );
    expect(describeReason(r(REASON.stepOut, 120.4, 100), 'rps-per-instance', 6)).toBe(
      'Requests per instance 120 req/s > 100 req/s for 3 periods: +6',
    );
    expect(describeReason(r(REASON.simpleIn, 2.25, 5), 'queue-depth', -1)).toBe(
      'Queue per instance 2.3 < 5 for 3 periods: −1',
    );
    expect(
      describeReason(r(REASON.scheduleOn, 15, 0), 'cpu', 13, {
        scheduleStartHour: 8.75,
        scheduleEndHour: 10.25,
      }),
    ).toBe('Schedule 08:45–10:15 begins: +13');
    expect(describeReason(r(REASON.scheduleOff, 2, 0), 'cpu', -13)).toBe(
      'Scheduled hours over: −13',
    );
    expect(describeReason(r(REASON.forecast, 1000.4, 600), 'cpu', 12)).toBe(
      'Forecast 1,000 req/s within 10 min: +12',
    );
    expect(describeReason(r(REASON.limits, 5, 0), 'p99-latency', 0)).toBe('Limits changed: ±0');
    expect(formatMetric('p99-latency', NaN)).toBe('no data');
    expect(formatMetric('p99-latency', 1234.5)).toBe('1,235 ms');
  });
});
