import { describe, expect, it } from 'vitest';
import { firstAtLeast, nextDown, nextUp } from './floats.ts';
import { Random } from './Random.ts';

describe('floats', () => {
  it('steps to the adjacent doubles', () => {
    expect(nextUp(1)).toBe(1 + Number.EPSILON);
    expect(nextDown(1)).toBe(1 - Number.EPSILON / 2);
    expect(nextUp(0)).toBe(Number.MIN_VALUE);
    expect(nextDown(nextUp(0.1))).toBe(0.1);
  });

  it('finds the exact first time of a bucket under rounded division', () => {
    const rng = new Random(3);
    for (let n = 0; n < 2000; n++) {
      const w = 0.1 * 2 ** Math.floor(rng.next() * 12);
      const k = Math.floor(rng.next() * 600);
      const x = firstAtLeast(k, w);
      expect(Math.floor(x / w)).toBeGreaterThanOrEqual(k);
      if (x > 0) expect(Math.floor(nextDown(x) / w)).toBeLessThan(k);
    }
  });
});
