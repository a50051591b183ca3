import { describe, expect, it } from 'vitest';
import { FixedWindow } from './FixedWindow.ts';
import { newDecision } from './types.ts';

describe('FixedWindow', () => {
  it('accepts `limit` per window and rejects the rest until the boundary', () => {
    const fw = new FixedWindow({ limit: 3, windowS: 1 });
    const d = newDecision();
    const seen: [boolean, number, number, number][] = [];
    for (const t of [0, 0.25, 0.5, 0.75, 0.9375]) {
      fw.decide(t, d);
      seen.push([d.allowed, d.remaining, d.resetInS, d.retryAfterS]);
    }
    expect(seen).toEqual([
      [true, 2, 1, 0],
      [true, 1, 0.75, 0],
      [true, 0, 0.5, 0],
      [false, 0, 0.25, 0.25],
      [false, 0, 0.0625, 0.0625],
    ]);
    expect(d.delayS).toBe(0);
    expect(fw.level(0.99)).toBe(3);
    expect(fw.level(1)).toBe(0); // the boundary itself belongs to the next window
    fw.decide(1, d);
    expect([d.allowed, d.remaining, d.resetInS]).toEqual([true, 2, 1]);
    expect(fw.memoryWords()).toBe(2);
  });

  it('lets 2·limit through around a boundary (the boundary attack)', () => {
    const fw = new FixedWindow({ limit: 4, windowS: 60 });
    const d = newDecision();
    let accepted = 0;
    for (let i = 0; i < 4; i++) {
      fw.decide(59.999, d);
      if (d.allowed) accepted++;
    }
    for (let i = 0; i < 5; i++) {
      fw.decide(60.001, d);
      if (d.allowed) accepted++;
    }
    expect(accepted).toBe(8);
    expect(d.allowed).toBe(false);
    expect(d.retryAfterS).toBeCloseTo(59.999, 9);
  });

  it('starts a fresh count after idle windows and at each floating-point boundary k·W', () => {
    const fw = new FixedWindow({ limit: 1, windowS: 0.1 });
    const d = newDecision();
    fw.decide(0.05, d);
    expect(d.allowed).toBe(true);
    fw.decide(0.099, d);
    expect(d.allowed).toBe(false);
    // 0.3 / 0.1 floors to 2 but 3 · 0.1 = 0.30000000000000004 > 0.3: still window 2.
    expect(fw.windowIndex(0.3)).toBe(2);
    expect(fw.windowIndex(3 * 0.1)).toBe(3);
    fw.decide(3 * 0.1, d);
    expect(d.allowed).toBe(true);
    expect(d.resetInS).toBeCloseTo(0.1, 12);
    fw.decide(7.25, d);
    expect(d.allowed).toBe(true);
    expect(fw.level(7.26)).toBe(1);
  });

  it('rejects a limit that is not a positive integer, or a window that is not positive', () => {
    expect(() => new FixedWindow({ limit: 0, windowS: 1 })).toThrow(RangeError);
    expect(() => new FixedWindow({ limit: 2.5, windowS: 1 })).toThrow(RangeError);
    expect(() => new FixedWindow({ limit: 1, windowS: 0 })).toThrow(RangeError);
  });
});
