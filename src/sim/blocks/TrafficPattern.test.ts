import { describe, expect, it } from 'vitest';
import { Random } from '../core/Random.ts';
import {
  arrivalProcess,
  BURST_CYCLE_S,
  BURST_ON_SHARE,
  type PatternName,
} from './TrafficPattern.ts';

function arrivals(
  name: PatternName,
  untilS: number,
  rate = 2,
  windowS = 60,
  limit = 100,
): number[] {
  const p = arrivalProcess(name, { rate, windowS, limit }, new Random(5, 1));
  const out: number[] = [];
  for (let t = p.next(0); t < untilS; t = p.next(t)) out.push(t);
  return out;
}

describe('traffic patterns', () => {
  it.each(['steady', 'bursty', 'random-bursts'] as const)(
    '%s averages the requested rate',
    (name) => {
      const n = arrivals(name, 30_000, 2).length;
      // Poisson count over 30,000 s at 2/s has sd ~245; bursts add variance: allow 5 %.
      expect(n / 30_000).toBeGreaterThan(1.9);
      expect(n / 30_000).toBeLessThan(2.1);
    },
  );

  it('bursty sends nothing outside the on part of each cycle', () => {
    for (const t of arrivals('bursty', 3000)) {
      expect(t % BURST_CYCLE_S).toBeLessThan(BURST_CYCLE_S * BURST_ON_SHARE);
    }
  });

  it('boundary attack puts a full limit on each side of every second window edge', () => {
    const ts = arrivals('boundary-attack', 250, 2, 60, 100);
    expect(ts.length).toBe(2 * 2 * 100); // edges at 60 s and 180 s
    expect(ts.filter((t) => t >= 59 && t < 60)).toHaveLength(100);
    expect(ts.filter((t) => t >= 60 && t < 61)).toHaveLength(100);
    expect(ts.filter((t) => t >= 179 && t < 181)).toHaveLength(200);
    for (let i = 1; i < ts.length; i++) expect(ts[i]).toBeGreaterThan(ts[i - 1] as number);
  });
});
