import { describe, expect, it } from 'vitest';
import { Random } from '../core/Random.ts';
import { nextDown, nextUp } from '../core/floats.ts';
import {
  HISTOGRAM_BINS,
  LatencyHistogram,
  exactLatencyBin,
  latencyBin,
} from './LatencyHistogram.ts';

/** The exact q-quantile of a sample: the smallest value with at least q n values at or below. */
function exactQuantile(sorted: Float64Array, q: number): number {
  const k = Math.max(1, Math.ceil(q * sorted.length));
  return sorted[k - 1] as number;
}

const QS = [0.001, 0.01, 0.1, 0.25, 0.5, 0.75, 0.9, 0.95, 0.99, 0.999, 1];

/** Bins are 1 % wide and report their geometric middle: at most sqrt(1.01) - 1 = 0.499 %. */
const MAX_RELATIVE_ERROR = 0.005;

describe('LatencyHistogram', () => {
  it.each([
    ['exponential, mean 50 ms', (r: Random) => -50 * Math.log(r.nextOpen())],
    ['log-uniform over 0.01 ms .. 10 minutes', (r: Random) => 0.01 * Math.pow(6e7, r.next())],
    ['uniform 100 .. 101 ms (all in a few bins)', (r: Random) => 100 + r.next()],
    ['bimodal 10 ms / 5 s', (r: Random) => (r.next() < 0.01 ? 5000 : 10)],
  ])('quantiles of %s are within 0.5 %% of the exact sorted quantiles', (_name, draw) => {
    const rng = new Random(11);
    const h = new LatencyHistogram();
    const n = 100_000;
    const xs = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      const x = draw(rng);
      xs[i] = x;
      h.record(x);
    }
    xs.sort();
    for (const q of QS) {
      const exact = exactQuantile(xs, q);
      expect(Math.abs(h.quantile(q) / exact - 1)).toBeLessThanOrEqual(MAX_RELATIVE_ERROR);
    }
  });

  it('keeps count, mean and max exact', () => {
    const h = new LatencyHistogram();
    const values = [3, 1.5, 250, 0.2, 42];
    for (const v of values) h.record(v);
    expect(h.count).toBe(5);
    expect(h.mean).toBeCloseTo(values.reduce((s, v) => s + v, 0) / 5, 12);
    expect(h.max).toBe(250);
    expect(Math.abs(h.quantile(1) / 250 - 1)).toBeLessThanOrEqual(MAX_RELATIVE_ERROR);
  });

  it('never reports a quantile above the exact maximum', () => {
    const h = new LatencyHistogram();
    h.record(100);
    for (const q of [0.5, 0.99, 1]) expect(h.quantile(q)).toBeLessThanOrEqual(100);
    expect(Math.abs(h.quantile(0.5) / 100 - 1)).toBeLessThanOrEqual(MAX_RELATIVE_ERROR);
  });

  it('reports zeros when empty and after clear', () => {
    const h = new LatencyHistogram();
    expect([h.count, h.mean, h.max, h.quantile(0.5)]).toEqual([0, 0, 0, 0]);
    h.record(5);
    h.clear();
    expect([h.count, h.mean, h.max, h.quantile(0.99)]).toEqual([0, 0, 0, 0]);
  });

  it('puts values beyond the top bin into the last bin and reports the max for it', () => {
    const h = new LatencyHistogram();
    h.record(1e12);
    h.record(0); // below the first bin edge
    expect(h.count).toBe(2);
    expect(h.counts[HISTOGRAM_BINS]).toBe(1);
    expect(h.counts[0]).toBe(1);
    expect(h.quantile(1)).toBe(1e12);
  });

  it('has bins whose edges grow by 1 %', () => {
    for (const i of [1, 100, 2000]) {
      const [lo, hi] = LatencyHistogram.binEdges(i);
      expect(hi / lo).toBeCloseTo(1.01, 12);
      expect(LatencyHistogram.binEdges(i + 1)[0]).toBeCloseTo(hi, 9);
    }
  });
});

describe('latencyBin', () => {
  it('equals the logarithm formula on random values and next to every bin edge', () => {
    const rng = new Random(5);
    const mismatches: number[] = [];
    const check = (ms: number) => {
      if (latencyBin(ms) !== exactLatencyBin(ms)) mismatches.push(ms);
    };
    for (let i = 0; i < 200_000; i++) check(Math.exp(rng.next() * 32 - 12));
    for (let j = 0; j <= HISTOGRAM_BINS + 1; j++) {
      const edge = 0.001 * 1.01 ** j;
      let up = edge;
      let down = edge;
      for (let k = 0; k < 40; k++) {
        check(up);
        check(down);
        up = nextUp(up);
        down = nextDown(down);
      }
      for (const f of [1e-10, 1e-9, 2e-9, 1e-8, 1e-6, 1e-3]) {
        check(edge * (1 + f));
        check(edge * (1 - f));
      }
    }
    for (const ms of [0, -1, 0.001, 2 ** -10, 2 ** 27, 1e9, Infinity, Number.MIN_VALUE]) check(ms);
    expect(mismatches).toEqual([]);
  });
});
