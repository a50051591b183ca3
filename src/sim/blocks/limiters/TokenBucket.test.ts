import { describe, expect, it } from 'vitest';
import { TokenBucket } from './TokenBucket.ts';
import { newDecision } from './types.ts';

describe('TokenBucket', () => {
  it('starts full, spends one token per request and refills continuously', () => {
    const tb = new TokenBucket({ bucketCapacity: 4, refillRate: 2 });
    const d = newDecision();
    const seen: [number, boolean, number, number, number][] = [];
    for (const t of [0, 0, 0, 0, 0, 0.25, 0.5, 0.625]) {
      tb.decide(t, d);
      seen.push([t, d.allowed, d.remaining, d.resetInS, d.retryAfterS]);
    }
    expect(seen).toEqual([
      [0, true, 3, 0.5, 0],
      [0, true, 2, 0.5, 0],
      [0, true, 1, 0.5, 0],
      [0, true, 0, 0.5, 0],
      [0, false, 0, 0.5, 0.5], // empty: one token takes 1 / 2 s
      [0.25, false, 0, 0.25, 0.25], // half a token
      [0.5, true, 0, 0.5, 0], // exactly one token
      [0.625, false, 0, 0.375, 0.375], // a quarter token: three quarters to go
    ]);
    expect(tb.level(0.75)).toBe(0.5);
    expect(tb.memoryWords()).toBe(2);
  });

  it('caps the refill at the capacity and reports fractional levels', () => {
    const tb = new TokenBucket({ bucketCapacity: 4, refillRate: 2 });
    const d = newDecision();
    for (let i = 0; i < 4; i++) tb.decide(0, d);
    expect(tb.level(100)).toBe(4);
    tb.decide(100, d);
    expect([d.allowed, d.remaining, d.resetInS]).toEqual([true, 3, 0.5]);
    tb.decide(100.25, d); // 3.5 tokens → 2.5 after this one
    expect([d.allowed, d.remaining, d.resetInS]).toEqual([true, 2, 0.25]);
    expect(tb.level(100.25)).toBe(2.5);
    expect(tb.level(200)).toBe(4);
  });

  it('is full for a first request that arrives late', () => {
    const tb = new TokenBucket({ bucketCapacity: 3, refillRate: 0.5 });
    const d = newDecision();
    let accepted = 0;
    for (let i = 0; i < 5; i++) {
      tb.decide(1000, d);
      if (d.allowed) accepted++;
    }
    expect(accepted).toBe(3);
    expect(d.retryAfterS).toBe(2);
  });

  it('rejects a capacity below one token or a refill rate that is not positive', () => {
    expect(() => new TokenBucket({ bucketCapacity: 0, refillRate: 1 })).toThrow(RangeError);
    expect(() => new TokenBucket({ bucketCapacity: 1, refillRate: 0 })).toThrow(RangeError);
  });
});
