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

describe('LoadBalancingSim bookkeeping (regressions found in review)', () => {
  it('utilisation accounts for a mid-run change of slots per server', () => {
    const params = {
      ...defaultValues(paramGroups),
      servers: 1,
      serverConcurrency: 1,
      arrivalRate: 200,
      serviceTimeMs: 50,
    };
    const sim = new LoadBalancingSim({ seed: 1, params, warmupS: 0 });
    sim.advance(100, 1e9); // overloaded: the single slot is busy all the time
    sim.setParam('serverConcurrency', 4);
    sim.advance(200, 1e9); // still overloaded (4 slots x 20/s < 200/s): all four busy
    const u = (sim.summary().servers as { utilization: number }[])[0]?.utilization ?? 0;
    expect(u).toBeGreaterThan(0.97);
    expect(u).toBeLessThanOrEqual(1);
  });

  it('records the clients a ring reconfiguration moves (changing vnodes)', () => {
    const params = {
      ...defaultValues(paramGroups),
      algorithm: 'consistent-hash',
      servers: 10,
      vnodes: 10,
    };
    const sim = new LoadBalancingSim({ seed: 1, params, warmupS: 0 });
    sim.advance(5, 1e9);
    sim.setParam('vnodes', 200);
    const share = sim.summary().remappedShare as number | undefined;
    expect(share).toBeGreaterThan(0.2);
  });
});

describe('theory overlay applicability', () => {
  it('offers no closed form for a single server of random (mixed) speed', async () => {
    const { lbTheory } = await import('./theory.ts');
    const base = { ...defaultValues(paramGroups), servers: 1, arrivalRate: 10 }; // load 0.5
    expect(lbTheory({ ...base, serverProfile: 'mixed' }).theory).toBeNull();
    expect(lbTheory({ ...base, serverProfile: 'equal' }).theory?.model).toBe('M/M/1');
  });
});
