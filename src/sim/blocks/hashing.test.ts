import { describe, expect, it } from 'vitest';
import { HashRing, clientHash } from './hashing.ts';

const ALL = new Uint8Array(100).fill(1);

function share(xs: readonly number[], value: number): number {
  return xs.filter((x) => x === value).length / xs.length;
}

describe('clientHash', () => {
  it('is a deterministic 32-bit unsigned value', () => {
    for (let c = 0; c < 1000; c++) {
      const h = clientHash(c);
      expect(h).toBe(clientHash(c));
      expect(Number.isInteger(h) && h >= 0 && h < 2 ** 32).toBe(true);
    }
  });

  it('spreads consecutive client addresses evenly under modulo (what ip-hash uses)', () => {
    const n = 20_000;
    const buckets = Array.from({ length: n }, (_, c) => clientHash(c) % 10);
    // Each share has binomial sd sqrt(0.1 x 0.9 / n) = 0.0021; allow 4 of them.
    for (let b = 0; b < 10; b++) expect(Math.abs(share(buckets, b) - 0.1)).toBeLessThan(0.0085);
  });

  it('modulo hashing remaps about 1 - 1/N of clients when one of N servers leaves', () => {
    // Server k of 10 leaves: a client keeps its server only if members9[h % 9] is the same
    // server as h % 10, which holds for 9 of the 90 residue pairs of h mod 90: 1/N stay.
    const n = 10_000;
    for (const k of [0, 4, 9]) {
      const members9 = Array.from({ length: 10 }, (_, s) => s).filter((s) => s !== k);
      let moved = 0;
      for (let c = 0; c < n; c++) {
        const h = clientHash(c);
        if (members9[h % 9] !== h % 10) moved++;
      }
      // Binomial sd sqrt(0.9 x 0.1 / n) = 0.003; allow 4 of them.
      expect(Math.abs(moved / n - 0.9)).toBeLessThan(0.012);
    }
  });
});

describe('HashRing', () => {
  it('is empty until built: lookups give -1', () => {
    expect(new HashRing().lookup(12345, ALL)).toBe(-1);
  });

  it('maps every hash to some server and is deterministic across builds', () => {
    const a = new HashRing();
    const b = new HashRing();
    a.build(8, 50);
    b.build(8, 50);
    for (let c = 0; c < 2000; c++) {
      const h = clientHash(c);
      const s = a.lookup(h, ALL);
      expect(s).toBeGreaterThanOrEqual(0);
      expect(s).toBeLessThan(8);
      expect(b.lookup(h, ALL)).toBe(s);
    }
  });

  it('wraps around: a hash past the last point belongs to the first point', () => {
    const ring = new HashRing();
    ring.build(5, 20);
    expect(ring.lookup(0xffffffff, ALL)).toBe(ring.lookup(0, ALL));
  });

  it('with 100 virtual nodes gives each of 10 servers about a tenth of the clients', () => {
    const ring = new HashRing();
    ring.build(10, 100);
    const n = 20_000;
    const owners = Array.from({ length: n }, (_, c) => ring.lookup(clientHash(c), ALL));
    // A server's arc share with V points has relative sd about 1/sqrt(V) = 10 %; allow 4.
    for (let s = 0; s < 10; s++) expect(Math.abs(share(owners, s) - 0.1)).toBeLessThan(0.04);
  });

  it('lookup skips servers that are not eligible, moving only their clients', () => {
    const ring = new HashRing();
    ring.build(10, 100);
    const n = 10_000;
    const before = Array.from({ length: n }, (_, c) => ring.lookup(clientHash(c), ALL));
    const eligible = Uint8Array.from(ALL);
    eligible[4] = 0;
    const after = Array.from({ length: n }, (_, c) => ring.lookup(clientHash(c), eligible));
    let moved = 0;
    for (let c = 0; c < n; c++) {
      expect(after[c]).not.toBe(4);
      if (before[c] !== 4) expect(after[c]).toBe(before[c]);
      if (after[c] !== before[c]) moved++;
    }
    expect(moved / n).toBe(share(before, 4));
    // About 1/N of clients move, within the ring's imbalance (see the test above).
    expect(Math.abs(moved / n - 0.1)).toBeLessThan(0.04);
  });

  it('lookup gives -1 when no server is eligible, and the one left when only one is', () => {
    const ring = new HashRing();
    ring.build(4, 10);
    const none = new Uint8Array(4);
    expect(ring.lookup(clientHash(1), none)).toBe(-1);
    const one = Uint8Array.from([0, 0, 1, 0]);
    for (let c = 0; c < 100; c++) expect(ring.lookup(clientHash(c), one)).toBe(2);
  });
});
