import { describe, expect, it } from 'vitest';
import { SlidingLog } from './SlidingLog.ts';
import { newDecision } from './types.ts';

describe('SlidingLog', () => {
  it('drops entries at exactly now − W and accepts only while fewer than `limit` remain', () => {
    const log = new SlidingLog({ limit: 2, windowS: 1 });
    const d = newDecision();
    const seen: [number, boolean, number, number, number][] = [];
    for (const t of [0, 0.25, 0.5, 0.9375, 1, 1.125, 1.25]) {
      log.decide(t, d);
      seen.push([t, d.allowed, d.remaining, d.resetInS, d.retryAfterS]);
    }
    expect(seen).toEqual([
      [0, true, 1, 1, 0],
      [0.25, true, 0, 0.75, 0],
      [0.5, false, 0, 0.5, 0.5], // the entry at 0 expires at 1
      [0.9375, false, 0, 0.0625, 0.0625],
      [1, true, 0, 0.25, 0], // 0 <= 1 − 1 is dropped; log is now [0.25, 1]
      [1.125, false, 0, 0.125, 0.125],
      [1.25, true, 0, 0.75, 0], // 0.25 <= 0.25 is dropped; log is now [1, 1.25]
    ]);
    expect(log.memoryWords()).toBe(2);
    expect(log.level(1.25)).toBe(2);
    expect(log.level(2)).toBe(1);
    expect(log.level(2.25)).toBe(0);
  });

  it('does not log rejected requests, so hammering does not extend the lockout', () => {
    const log = new SlidingLog({ limit: 1, windowS: 10 });
    const d = newDecision();
    log.decide(0, d);
    for (let t = 1; t < 10; t++) {
      log.decide(t, d);
      expect(d.allowed).toBe(false);
      expect(d.retryAfterS).toBe(10 - t);
    }
    expect(log.memoryWords()).toBe(1);
    log.decide(10, d);
    expect(d.allowed).toBe(true);
  });

  it('stores one word per accepted request in the window, growing past its first ring size', () => {
    const log = new SlidingLog({ limit: 500, windowS: 1 });
    const d = newDecision();
    for (let i = 0; i < 600; i++) log.decide(i / 1024, d);
    expect(log.memoryWords()).toBe(500);
    expect(log.level(599 / 1024)).toBe(500);
    log.decide(2, d);
    expect(log.memoryWords()).toBe(1);
  });
});
