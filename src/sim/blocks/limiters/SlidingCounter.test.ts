import { describe, expect, it } from 'vitest';
import { SlidingCounter } from './SlidingCounter.ts';
import { newDecision } from './types.ts';

describe('SlidingCounter', () => {
  it('weights the previous window by the part of it still inside the rolling window', () => {
    const sc = new SlidingCounter({ limit: 10, windowS: 1 });
    const d = newDecision();
    for (let i = 0; i < 10; i++) sc.decide(0.5, d);
    expect([d.allowed, d.remaining]).toEqual([true, 0]);
    sc.decide(0.5, d);
    expect(d.allowed).toBe(false);
    // Window 0 has no predecessor: room again only at the boundary, where prev = 10 and the
    // estimate is 10; one request fits once 10 · (1 − f) <= 9, at f = 0.1.
    expect(d.retryAfterS).toBeCloseTo(0.6, 12);
    expect(sc.level(0.75)).toBe(10);
    expect(sc.level(1.25)).toBe(7.5);
    expect(sc.level(2.5)).toBe(0);

    // t = 1.25: estimate 7.5, so 7.5 + 1 and 8.5 + 1 fit and 9.5 + 1 does not.
    sc.decide(1.25, d);
    expect([d.allowed, d.remaining]).toEqual([true, 1]);
    expect(d.resetInS).toBeCloseTo(0.05, 12); // room for 2 more once 10 · (1 − f) <= 7
    sc.decide(1.25, d);
    expect([d.allowed, d.remaining]).toEqual([true, 0]);
    sc.decide(1.25, d);
    expect(d.allowed).toBe(false);
    expect(d.retryAfterS).toBeCloseTo(0.05, 12); // 10 · (1 − f) + 2 <= 9 at f = 0.3
    expect(d.resetInS).toBe(d.retryAfterS);
    expect(sc.memoryWords()).toBe(3);
  });

  it('gives a Retry-After at which a retry succeeds and before which it fails', () => {
    const sc = new SlidingCounter({ limit: 7, windowS: 3 });
    const d = newDecision();
    const times = [0.1, 0.2, 2.9, 2.95, 3.1, 3.5, 4, 4.5, 5.2, 6.01, 6.5, 7, 8.9, 9.05, 9.1];
    let probes = 0;
    for (const t of times) {
      for (;;) {
        sc.decide(t, d);
        if (!d.allowed) break;
      }
      const retryAt = t + d.retryAfterS;
      sc.decide(retryAt - 1e-9, d);
      expect(d.allowed).toBe(false);
      sc.decide(retryAt + 1e-9, d);
      expect(d.allowed).toBe(true);
      probes++;
    }
    expect(probes).toBe(times.length);
  });

  it('stops the fixed-window boundary attack: a burst just after a full window is refused', () => {
    const sc = new SlidingCounter({ limit: 100, windowS: 60 });
    const d = newDecision();
    let accepted = 0;
    for (let i = 0; i < 200; i++) {
      sc.decide(i < 100 ? 59.999 : 60.001, d);
      if (d.allowed) accepted++;
    }
    expect(accepted).toBe(100);
  });

  it('forgets the previous window after a whole idle window', () => {
    const sc = new SlidingCounter({ limit: 2, windowS: 1 });
    const d = newDecision();
    sc.decide(0.5, d);
    sc.decide(0.5, d);
    sc.decide(2, d); // window 2: window 1 saw nothing, so prev = 0
    expect([d.allowed, d.remaining]).toEqual([true, 1]);
    expect(sc.level(2)).toBe(1);
  });
});
