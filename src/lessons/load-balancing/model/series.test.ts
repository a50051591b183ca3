// The live chart series: rates must not collapse to zero when the clock stands exactly on a
// bucket boundary (regression: the last point of the throughput line dropped to 0).
import { describe, expect, it } from 'vitest';
import { defaultValues } from '../../../sim/params.ts';
import { LoadBalancingSim } from './LoadBalancingSim.ts';
import { paramGroups } from './params.ts';

describe('seriesArrays', () => {
  it('has no empty trailing bucket when time stops on a boundary', () => {
    const sim = new LoadBalancingSim({ seed: 1, params: defaultValues(paramGroups), warmupS: 0 });
    sim.advance(2.5, 1e6);
    const { t, throughput } = sim.snapshot(true).arrays as Record<string, Float64Array>;
    if (!t || !throughput) throw new Error('series missing');
    expect(t.at(-1)).toBeCloseTo(2.5, 9);
    // 80 req/s on average: the last 0.1 s bucket cannot honestly read zero.
    expect(throughput.at(-1)).toBeGreaterThan(0);
    expect(t.length).toBe(25);
  });
});
