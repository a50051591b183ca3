// Chart rows from a snapshot: merging buckets, the ideal capacity, cost so far and markers.
import { describe, expect, it } from 'vitest';
import { ACTION_FIELDS } from './packed.ts';
import { buildSeries, MAX_POINTS, merge } from './series.ts';

describe('merge', () => {
  it('averages or takes the maximum of each group of k buckets, the last group shorter', () => {
    const src = Float64Array.from([1, 3, 5, 7, 9]);
    expect(merge(src, 5, 2, 'mean')).toEqual([2, 6, 9]);
    expect(merge(src, 5, 2, 'max')).toEqual([3, 7, 9]);
    expect(merge(undefined, 3, 1, 'mean')).toEqual([0, 0, 0]);
  });
});

describe('buildSeries', () => {
  const n = 600;
  const filled = (f: (i: number) => number) => Float64Array.from({ length: n }, (_x, i) => f(i));
  const arrays = {
    t: filled((i) => i * 10),
    demand: filled(() => 700),
    capacity: filled(() => 1000),
    ideal: filled(() => 10),
    inService: filled(() => 8),
    warming: filled(() => 1),
    booting: filled(() => 1),
    draining: filled(() => 0),
    metric: filled(() => 70),
    failed: filled(() => 0),
    worstP99: filled((i) => (i === 301 ? 9000 : 50)),
    actions: Float64Array.from(
      [
        [100, 3, 5, 1, 90, 70, 3, 0],
        [200, 5, 4, 2, 40, 70, 3, 0],
      ].flat(),
    ),
  };

  it('keeps at most MAX_POINTS rows and the worst p99 of merged buckets', () => {
    const s = buildSeries(arrays, 100, 0.1, false);
    expect(s.demand.length).toBeLessThanOrEqual(MAX_POINTS);
    expect(Math.max(...s.latency.map((r) => r.p99 ?? 0))).toBe(9000);
    expect(ACTION_FIELDS).toBe(8);
  });

  it('draws the ideal capacity as demand over the target (ideal instances x capacity)', () => {
    expect(buildSeries(arrays, 100, 0.1, false).demand[0]?.idealCapacity).toBe(1000);
  });

  it('adds cost as billed instances x price over time', () => {
    const s = buildSeries(arrays, 100, 0.36, false);
    expect(s.cost[0]?.perHour).toBeCloseTo(3.6);
    // 10 instances at $0.36 an hour for 5,990 s (the last bucket is still open and left out).
    expect(s.cost[s.cost.length - 1]?.total).toBeCloseTo((3.6 * 5990) / 3600, 1);
    expect(s.cost[s.cost.length - 1]?.t).toBeLessThan(5990);
  });

  it('marks scale-outs and scale-ins at their new size', () => {
    const s = buildSeries(arrays, 100, 0.1, false);
    expect(s.markers.out).toEqual([{ x: 100, y: 5 }]);
    expect(s.markers.in).toEqual([{ x: 200, y: 4 }]);
  });
});
