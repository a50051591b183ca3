// The demand history behind predictive scaling: per-minute means of previous days, the peak
// over a window, nothing without history, and slots reused after two weeks.
import { describe, expect, it } from 'vitest';
import { DAY_S } from './DemandCurve.ts';
import { DemandHistory, HISTORY_DAYS, HISTORY_SLOT_S } from './DemandHistory.ts';

/** Fills [fromS, toS) second by second at `rate(t)` requests per second. */
function fill(h: DemandHistory, fromS: number, toS: number, rate: (t: number) => number) {
  for (let t = fromS; t < toS; t++) h.add(t, rate(t));
}

const nineAm = 9 * 3600;

describe('DemandHistory', () => {
  it('is null without a previous day, for the future and the present alike', () => {
    const h = new DemandHistory();
    fill(h, 0, 20 * 3600, () => 100);
    expect(h.forecastPeak(nineAm, nineAm + 600, 7, 20 * 3600)).toBeNull();
    expect(h.forecastPeak(21 * 3600, 22 * 3600, 7, 20 * 3600)).toBeNull();
  });

  it('forecasts the mean of the same minute on previous days', () => {
    const h = new DemandHistory();
    // Day 0 at 100 req/s, day 1 at 300 req/s; forecast on day 2.
    fill(h, 0, DAY_S, () => 100);
    fill(h, DAY_S, 2 * DAY_S, () => 300);
    const now = 2 * DAY_S + nineAm - 600;
    expect(h.forecastPeak(now, now + 600, 7, now)).toBeCloseTo(200, 9);
    expect(h.forecastPeak(now, now + 600, 1, now)).toBeCloseTo(300, 9); // one day back only
  });

  it('takes the peak over the window, minute by minute', () => {
    const h = new DemandHistory();
    // Day 0: a spike of 1000 req/s from 09:00 to 09:10, 200 otherwise.
    fill(h, 0, DAY_S, (t) => (t >= nineAm && t < nineAm + 600 ? 1000 : 200));
    const day1 = DAY_S;
    const at = (from: number, to: number) => h.forecastPeak(day1 + from, day1 + to, 7, day1 + from);
    expect(at(nineAm - 600, nineAm - 1)).toBeCloseTo(200, 9); // window ends before the spike
    expect(at(nineAm - 600, nineAm)).toBeCloseTo(1000, 9); // reaches 09:00
    expect(at(nineAm + 300, nineAm + 900)).toBeCloseTo(1000, 9);
    expect(at(nineAm + 600, nineAm + 1200)).toBeCloseTo(200, 9);
    // A minute only partly spiking averages over the minute: 30 s at 1000, 30 s at 200.
    const h2 = new DemandHistory();
    fill(h2, 0, DAY_S, (t) => (t >= nineAm + 30 && t < nineAm + 60 ? 1000 : 200));
    expect(h2.forecastPeak(DAY_S + nineAm, DAY_S + nineAm + 59, 7, DAY_S)).toBeCloseTo(600, 9);
  });

  it('averages only the days it has, up to the requested number', () => {
    const h = new DemandHistory();
    for (let d = 0; d < 5; d++) fill(h, d * DAY_S + nineAm, d * DAY_S + nineAm + 60, () => d * 10);
    const now = 5 * DAY_S + nineAm - 60;
    // Days 0..4 at 0, 10, 20, 30, 40: the last 3 days average 30, all 5 average 20.
    expect(h.forecastPeak(now + 60, now + 60, 3, now)).toBeCloseTo(30, 9);
    expect(h.forecastPeak(now + 60, now + 60, 7, now)).toBeCloseTo(20, 9);
  });

  it('uses up to two full weeks back (forecastDays 14 reaches day 0 from day 14)', () => {
    expect(HISTORY_DAYS).toBe(14);
    const h = new DemandHistory();
    h.add(nineAm, 6000); // day 0: 100 req/s over the minute 09:00
    const day14 = 14 * DAY_S + nineAm;
    expect(h.forecastPeak(day14, day14, 14, day14 - 600)).toBeCloseTo(100, 9);
    expect(h.forecastPeak(day14, day14, 13, day14 - 600)).toBeNull();
  });

  it('reuses its slots over a long run: old days are cleared, never added in', () => {
    const h = new DemandHistory();
    // 40 days, day d at 09:00 sending d req/s; the slot ring wraps more than twice.
    for (let d = 0; d < 40; d++) h.add(d * DAY_S + nineAm, d * HISTORY_SLOT_S);
    const t = 40 * DAY_S + nineAm;
    // The mean of days 26..39 is 32.5; of days 33..39, 36.
    expect(h.forecastPeak(t, t, 14, t - 600)).toBeCloseTo(32.5, 9);
    expect(h.forecastPeak(t, t, 7, t - 600)).toBeCloseTo(36, 9);
  });
});
