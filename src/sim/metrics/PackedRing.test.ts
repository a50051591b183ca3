import { describe, expect, it } from 'vitest';
import { PackedRing } from './PackedRing.ts';

function write(ring: PackedRing, value: number): void {
  const o = ring.next();
  for (let f = 0; f < ring.fields; f++) ring.buffer[o + f] = value * 10 + f;
}

describe('PackedRing', () => {
  it('hands out only what is new, in order, record by record', () => {
    const ring = new PackedRing(3, 8);
    write(ring, 1);
    write(ring, 2);
    expect(Array.from(ring.takeNew(100))).toEqual([10, 11, 12, 20, 21, 22]);
    expect(ring.takeNew(100)).toHaveLength(0);
    write(ring, 3);
    expect(Array.from(ring.takeNew(100))).toEqual([30, 31, 32]);
  });

  it('keeps the newest records when more were written than fit or were asked for', () => {
    const ring = new PackedRing(2, 4); // capacity 4 records
    for (let v = 1; v <= 10; v++) write(ring, v);
    expect(Array.from(ring.takeNew(100))).toEqual([70, 71, 80, 81, 90, 91, 100, 101]);
    for (let v = 11; v <= 13; v++) write(ring, v);
    expect(Array.from(ring.takeNew(2))).toEqual([120, 121, 130, 131]);
  });
});
