import { describe, expect, it } from 'vitest';
import { TimeRing } from './TimeRing.ts';

describe('TimeRing', () => {
  it('is a FIFO that keeps its order across growth and wrap-around', () => {
    const ring = new TimeRing(2);
    expect(ring.capacity).toBe(2);
    expect(ring.first()).toBeNaN();
    expect(ring.last()).toBeNaN();
    ring.push(1);
    ring.push(2);
    ring.shift(); // head moves, so the next pushes wrap before growing
    ring.push(3);
    ring.push(4);
    ring.push(5);
    expect(ring.capacity).toBe(4);
    expect([0, 1, 2, 3].map((i) => ring.at(i))).toEqual([2, 3, 4, 5]);
    expect(ring.first()).toBe(2);
    expect(ring.last()).toBe(5);
  });

  it('drops times up to and including a bound, and counts times above one', () => {
    const ring = new TimeRing();
    for (const t of [0, 1, 1, 2, 3, 3, 3, 5]) ring.push(t);
    expect(ring.countAbove(-1)).toBe(8);
    expect(ring.countAbove(1)).toBe(5);
    expect(ring.countAbove(3)).toBe(1);
    expect(ring.countAbove(5)).toBe(0);
    expect(ring.dropUpTo(1)).toBe(3);
    expect(ring.first()).toBe(2);
    expect(ring.dropUpTo(2.5)).toBe(1);
    expect(ring.length).toBe(4);
    ring.clear();
    expect(ring.length).toBe(0);
    expect(ring.dropUpTo(10)).toBe(0);
    ring.shift();
    expect(ring.length).toBe(0);
  });
});
