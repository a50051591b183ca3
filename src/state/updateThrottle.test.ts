import { describe, expect, it } from 'vitest';
import { IDLE_FACTOR, MIN_UPDATE_MS, UpdateThrottle, type ThrottleEnv } from './updateThrottle.ts';

/** A hand-driven clock: timers fire in time order as `run` moves the clock. */
function fakeEnv() {
  let clock = 0;
  let seq = 0;
  const timers = new Map<number, { at: number; fn: () => void }>();
  const env: ThrottleEnv = {
    now: () => clock,
    later: (fn, ms) => {
      timers.set(++seq, { at: clock + ms, fn });
      return seq;
    },
    cancel: (h) => timers.delete(h as number),
  };
  return {
    env,
    /** Moves the clock to `until`, firing due timers; `cost` is added by each apply. */
    run(until: number) {
      for (;;) {
        const next = [...timers.entries()].sort((a, b) => a[1].at - b[1].at)[0];
        if (!next || next[1].at > until) break;
        timers.delete(next[0]);
        clock = Math.max(clock, next[1].at);
        next[1].fn();
      }
      clock = Math.max(clock, until);
    },
    spend(ms: number) {
      clock += ms;
    },
  };
}

describe('UpdateThrottle', () => {
  it('applies only the latest of a burst', () => {
    const f = fakeEnv();
    const seen: number[] = [];
    const t = new UpdateThrottle<number>((v) => seen.push(v), f.env);
    for (let i = 1; i <= 5; i++) t.push(i);
    f.run(1);
    expect(seen).toEqual([5]);
  });

  it('applies at most once per MIN_UPDATE_MS when updates are cheap', () => {
    const f = fakeEnv();
    const seen: number[] = [];
    const t = new UpdateThrottle<number>((v) => seen.push(v), f.env);
    for (let ms = 0; ms < 1000; ms += 16) {
      f.run(ms);
      t.push(ms);
    }
    f.run(1000);
    expect(seen.length).toBeLessThanOrEqual(1000 / MIN_UPDATE_MS + 1);
    expect(seen.length).toBeGreaterThanOrEqual(1000 / MIN_UPDATE_MS - 1);
  });

  it('leaves the main thread idle for IDLE_FACTOR times the cost of an expensive update', () => {
    const f = fakeEnv();
    const cost = 150;
    let busy = 0;
    const t = new UpdateThrottle<number>(() => {
      f.spend(cost);
      busy += cost;
    }, f.env);
    for (let ms = 0; ms < 6000; ms += 16) {
      f.run(ms);
      t.push(ms);
    }
    f.run(6000);
    expect(busy / 6000).toBeLessThanOrEqual(1 / (1 + IDLE_FACTOR) + 0.05);
    expect(busy).toBeGreaterThan(0);
  });

  it('applies nothing after dispose or clear', () => {
    const f = fakeEnv();
    const seen: number[] = [];
    const t = new UpdateThrottle<number>((v) => seen.push(v), f.env);
    t.push(1);
    t.clear();
    f.run(500);
    t.push(2);
    t.dispose();
    t.push(3);
    f.run(1000);
    expect(seen).toEqual([]);
  });
});
