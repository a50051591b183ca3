import { describe, expect, it } from 'vitest';
import { BUCKETS, TimeBuckets } from './TimeBuckets.ts';

describe('TimeBuckets', () => {
  it('integrates a level across bucket boundaries exactly', () => {
    const b = new TimeBuckets(0, 1, 0.1);
    b.addLevel(0, 0.05, 0.35, 2);
    const level = b.levels[0] as Float64Array;
    expect(level[0]).toBeCloseTo(0.1, 12);
    expect(level[1]).toBeCloseTo(0.2, 12);
    expect(level[2]).toBeCloseTo(0.2, 12);
    expect(level[3]).toBeCloseTo(0.1, 12);
  });

  it('terminates when a boundary time rounds below its bucket (regression: infinite loop)', () => {
    const b = new TimeBuckets(0, 1, 0.1);
    // 0.30000000000000004 / 0.1 floors to 3 but 0.7 / 0.1 = 6.999999999999999 floors to 6.
    b.addLevel(0, 0.7, 0.9, 1);
    b.addLevel(0, 0.1 * 3, 0.1 * 7, 1);
    // 43 * 0.1 evaluates to 4.3, but 4.3 / 0.1 floors to 42: seen hanging a real run.
    b.addLevel(0, 4.2740190911031, 4.301064931815158, 1);
    const total = (b.levels[0] as Float64Array).reduce((s, v) => s + v, 0);
    expect(total).toBeCloseTo(0.2 + 0.4 + (4.301064931815158 - 4.2740190911031), 12);
  });

  it('merges buckets in pairs when the run outgrows them, keeping totals', () => {
    const b = new TimeBuckets(1, 1, 1);
    for (let t = 0; t < 3 * BUCKETS; t += 0.5) b.add(0, t, 1);
    b.addLevel(0, 0, 3 * BUCKETS, 1);
    expect(b.widthS).toBe(4);
    expect(b.used).toBeLessThanOrEqual(BUCKETS);
    const count = (b.counters[0] as Float64Array).reduce((s, v) => s + v, 0);
    expect(count).toBe(6 * BUCKETS);
    const level = (b.levels[0] as Float64Array).reduce((s, v) => s + v, 0);
    expect(level).toBeCloseTo(3 * BUCKETS, 6);
  });

  it('reports per-bucket latency quantiles within one coarse bin', () => {
    const b = new TimeBuckets(0, 0, 1);
    for (let k = 1; k <= 1000; k++) b.addLatency(0.5, k);
    const p50 = b.bucketQuantile(0, 0.5);
    expect(p50 / 500).toBeGreaterThan(1 / 1.2);
    expect(p50 / 500).toBeLessThan(1.2);
    expect(Number.isNaN(b.bucketQuantile(1, 0.5))).toBe(true);
  });
});

describe('TimeBuckets peak channels', () => {
  it('keep the largest value per bucket, also across merges', () => {
    const clock = { now: 0 };
    const b = new TimeBuckets(0, 0, 1, clock, 1);
    const peaks = b.maxima[0] as Float64Array;
    for (let t = 0; t < 2 * BUCKETS; t += 0.25) {
      clock.now = t;
      b.raiseMax(0, Math.floor(t) % 7);
    }
    expect(b.widthS).toBe(2); // 1,200 s outgrew 600 one-second buckets once
    // Every 2 s bucket's peak is the larger of the values of its two whole seconds.
    for (let i = 0; i < b.used; i++) {
      const expected = Math.max(...[0, 1].map((k) => (2 * i + k) % 7));
      expect(peaks[i]).toBe(expected);
    }
  });

  it('raise a given bucket, whose start maps back to it', () => {
    const b = new TimeBuckets(0, 0, 0.1, { now: 0 }, 1);
    b.raiseMaxAt(0, 3, 5);
    b.raiseMaxAt(0, 3, 2); // lower: kept at 5
    expect((b.maxima[0] as Float64Array)[3]).toBe(5);
    // 0.1-wide buckets: float starts that still floor to their own index.
    for (const i of [0, 1, 3, 7, 29, 599]) expect(b.index(b.startOf(i))).toBe(i);
  });
});

describe('TimeBuckets bucket lookup', () => {
  it('gives Math.floor(t / widthS) for any time, boundaries included, across merges', () => {
    const clock = { now: 0 };
    const b = new TimeBuckets(1, 0, 0.1, clock);
    const wrong: string[] = [];
    const expectIndex = (t: number, i: number) => {
      const want = Math.floor(t / b.widthS);
      if (i !== want) wrong.push(`${t}: ${i} != ${want}`);
    };
    // Times on and next to bucket boundaries (k * w rounds either way), forwards and back.
    for (let k = 0; k < 3 * BUCKETS; k++) {
      for (const t of [k * 0.1, k * 0.1 + 1e-12, k * 0.1 - 1e-12, (k + 0.5) * 0.1]) {
        if (t < 0) continue;
        expectIndex(t, b.index(t));
        clock.now = t;
        expectIndex(t, b.current());
      }
      const back = Math.max(0, (k - 3) * 0.1);
      expectIndex(back, b.index(back));
    }
    expect(b.widthS).toBeGreaterThan(0.1);
    expect(wrong).toEqual([]);
  });
});
