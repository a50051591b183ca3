import { describe, expect, it } from 'vitest';
import { LeakyBucket } from './LeakyBucket.ts';
import { newDecision } from './types.ts';

describe('LeakyBucket', () => {
  it('spaces departures 1 / drainRate apart and rejects when queueSize are waiting', () => {
    const lb = new LeakyBucket({ queueSize: 2, drainRate: 4 });
    const d = newDecision();
    const seen: [number, boolean, number, number, number, number][] = [];
    for (const t of [0, 0, 0, 0, 0.125, 0.25, 0.25]) {
      lb.decide(t, d);
      seen.push([t, d.allowed, d.delayS, d.remaining, d.resetInS, d.retryAfterS]);
    }
    expect(seen).toEqual([
      [0, true, 0, 2, 0, 0], // leaves at once: never waits
      [0, true, 0.25, 1, 0.25, 0], // leaves at 0.25
      [0, true, 0.5, 0, 0.25, 0], // leaves at 0.5
      [0, false, 0, 0, 0.25, 0.25], // two waiting: full until 0.25
      [0.125, false, 0, 0, 0.125, 0.125],
      [0.25, true, 0.5, 0, 0.25, 0], // the one leaving at 0.25 has left; leaves at 0.75
      [0.25, false, 0, 0, 0.25, 0.25],
    ]);
    expect(lb.lastLeave).toBe(0.75);
    expect(lb.level(0.25)).toBe(2);
    expect(lb.level(0.5)).toBe(1);
    expect(lb.level(0.75)).toBe(0);
    expect(lb.memoryWords()).toBe(3);
  });

  it('sends a request straight through once the queue has drained', () => {
    const lb = new LeakyBucket({ queueSize: 3, drainRate: 1 });
    const d = newDecision();
    for (let i = 0; i < 4; i++) lb.decide(10, d);
    expect(d.delayS).toBe(3);
    lb.decide(13, d);
    expect([d.allowed, d.delayS, d.remaining]).toEqual([true, 1, 2]);
    lb.decide(20, d);
    expect([d.allowed, d.delayS, d.remaining, d.resetInS]).toEqual([true, 0, 3, 0]);
    expect(lb.memoryWords()).toBe(1);
  });

  it('rejects a queue size below one or a drain rate that is not positive', () => {
    expect(() => new LeakyBucket({ queueSize: 0, drainRate: 1 })).toThrow(RangeError);
    expect(() => new LeakyBucket({ queueSize: 1, drainRate: -1 })).toThrow(RangeError);
  });
});
