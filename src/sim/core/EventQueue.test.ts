import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { EventQueue, MAX_TIMERS } from './EventQueue.ts';
import { Random } from './Random.ts';

interface Ev {
  time: number;
  seq: number;
  kind: number;
  a: number;
  b: number;
}

function popAll(q: EventQueue): Ev[] {
  const out: Ev[] = [];
  while (q.pop()) out.push({ time: q.time, seq: -1, kind: q.kind, a: q.a, b: q.b });
  return out;
}

describe('EventQueue', () => {
  it('is empty at first: pop returns false and peekTime is Infinity', () => {
    const q = new EventQueue();
    expect(q.size).toBe(0);
    expect(q.pop()).toBe(false);
    expect(q.peekTime()).toBe(Infinity);
  });

  it('pops events in order of time, carrying kind and both arguments', () => {
    const q = new EventQueue();
    const times = [5, 1, 4, 2.5, 3, 0, 7.25, 6];
    times.forEach((t, i) => q.push(t, i % 3, i, 100 - i));
    expect(q.size).toBe(times.length);
    expect(q.peekTime()).toBe(0);
    const out = popAll(q);
    expect(out.map((e) => e.time)).toEqual([...times].sort((x, y) => x - y));
    for (const e of out) {
      const i = times.indexOf(e.time);
      expect(e).toMatchObject({ kind: i % 3, a: i, b: 100 - i });
    }
    expect(q.size).toBe(0);
  });

  it('breaks ties by insertion order, also when pushes and pops interleave', () => {
    const q = new EventQueue();
    for (let i = 0; i < 50; i++) q.push(1, 0, i, 0);
    for (let i = 0; i < 10; i++) q.push(0.5, 1, 100 + i, 0);
    const firstTen: number[] = [];
    for (let k = 0; k < 10 && q.pop(); k++) firstTen.push(q.a);
    expect(firstTen).toEqual(Array.from({ length: 10 }, (_, i) => 100 + i));
    // Events pushed later at the same time go after the ones already waiting.
    for (let i = 50; i < 80; i++) q.push(1, 0, i, 0);
    const rest = popAll(q).map((e) => e.a);
    expect(rest).toEqual(Array.from({ length: 80 }, (_, i) => i));
  });

  it('grows past its initial capacity without losing or reordering events', () => {
    const q = new EventQueue(16);
    const n = 10_000;
    const rng = new Random(7);
    const pushed: Ev[] = [];
    for (let i = 0; i < n; i++) {
      const time = rng.int(1000); // many ties
      q.push(time, i & 7, i, i * 3);
      pushed.push({ time, seq: i, kind: i & 7, a: i, b: i * 3 });
    }
    expect(q.size).toBe(n);
    pushed.sort((x, y) => x.time - y.time || x.seq - y.seq);
    const out = popAll(q);
    expect(out).toEqual(pushed.map((e) => ({ ...e, seq: -1 })));
  });

  it('matches a sorted reference under random pushes and pops (seeded)', () => {
    const rng = new Random(2024, 5);
    const q = new EventQueue(16);
    // The reference is an array kept sorted by (time, insertion sequence).
    const ref: Ev[] = [];
    let seq = 0;
    let now = 0;
    for (let step = 0; step < 50_000; step++) {
      // Push slightly more often than pop so the heap grows and shrinks through many sizes.
      if (ref.length === 0 || rng.next() < 0.55) {
        // Quantised times make ties common; never earlier than the last popped time.
        const time = now + rng.int(20) / 4;
        const e = {
          time,
          seq: seq++,
          kind: rng.int(5),
          a: rng.int(1 << 30),
          b: -1 - rng.int(1000),
        };
        q.push(e.time, e.kind, e.a, e.b);
        let lo = 0;
        let hi = ref.length;
        while (lo < hi) {
          const mid = (lo + hi) >> 1;
          if ((ref[mid] as Ev).time <= time) lo = mid + 1;
          else hi = mid;
        }
        ref.splice(lo, 0, e);
      } else {
        const want = ref.shift() as Ev;
        expect(q.peekTime()).toBe(want.time);
        expect(q.pop()).toBe(true);
        expect([q.time, q.kind, q.a, q.b]).toEqual([want.time, want.kind, want.a, want.b]);
        now = q.time;
      }
      expect(q.size).toBe(ref.length);
    }
  });

  it('clear empties the queue and restarts the tie order', () => {
    const q = new EventQueue();
    for (let i = 0; i < 20; i++) q.push(i, 0, i, 0);
    q.clear();
    expect(q.size).toBe(0);
    expect(q.pop()).toBe(false);
    q.push(2, 0, 1, 0);
    q.push(2, 0, 2, 0);
    expect(popAll(q).map((e) => e.a)).toEqual([1, 2]);
  });

  describe('timers', () => {
    it('fire in (time, sequence) order with heap events, as if they had been pushed', () => {
      const q = new EventQueue();
      const t = q.addTimer(9, 2, 7);
      q.push(1, 0, 1, 0);
      q.arm(t, 1); // same time, armed later: after the pushed event
      q.push(1, 0, 3, 0); // pushed after the arming: after the timer
      q.push(0.5, 0, 0, 0);
      expect(q.size).toBe(4);
      expect(q.peekTime()).toBe(0.5);
      expect(popAll(q).map((e) => [e.kind, e.a, e.b])).toEqual([
        [0, 0, 0],
        [0, 1, 0],
        [9, 2, 7],
        [0, 3, 0],
      ]);
      expect(q.size).toBe(0);
    });

    it('arming again replaces the pending event; disarming drops it', () => {
      const q = new EventQueue();
      const t = q.addTimer(1, 2, 0);
      q.arm(t, 5);
      q.arm(t, 3);
      expect(q.size).toBe(1);
      expect(q.peekTime()).toBe(3);
      expect(popAll(q).map((e) => [e.time, e.a])).toEqual([[3, 2]]);
      q.arm(t, 4);
      q.disarm(t);
      expect(q.size).toBe(0);
      expect(q.peekTime()).toBe(Infinity);
      expect(q.pop()).toBe(false);
    });

    it('popUpTo leaves a timer that is due later than the limit', () => {
      const q = new EventQueue();
      const t = q.addTimer(1);
      q.arm(t, 2);
      expect(q.popUpTo(1.5)).toBe(false);
      expect(q.size).toBe(1);
      expect(q.popUpTo(2)).toBe(true);
      expect(q.time).toBe(2);
    });

    it(`holds at most ${MAX_TIMERS} timers and says so`, () => {
      const q = new EventQueue();
      for (let k = 0; k < MAX_TIMERS; k++) q.addTimer(k);
      expect(() => q.addTimer(0)).toThrow(/holds 8 timers/);
    });

    it('gives the same order as a heap-only reference with superseded events skipped (property)', () => {
      // Reference: every arming is a push of a tagged event; popping skips events whose timer
      // was armed again or disarmed since. The queue under test must give the same sequence.
      type Op =
        | { op: 'push'; dt: number }
        | { op: 'arm'; timer: number; dt: number }
        | { op: 'disarm'; timer: number }
        | { op: 'pop' };
      const timers = 3;
      const opArb: fc.Arbitrary<Op> = fc.oneof(
        fc.record({ op: fc.constant('push' as const), dt: fc.integer({ min: 0, max: 6 }) }),
        fc.record({
          op: fc.constant('arm' as const),
          timer: fc.integer({ min: 0, max: timers - 1 }),
          dt: fc.integer({ min: 0, max: 6 }),
        }),
        fc.record({
          op: fc.constant('disarm' as const),
          timer: fc.integer({ min: 0, max: timers - 1 }),
        }),
        fc.constant({ op: 'pop' as const }),
      );
      fc.assert(
        fc.property(fc.array(opArb, { maxLength: 300 }), (ops) => {
          const q = new EventQueue(16);
          // Timer k's events carry kind -1 - k; pushed events carry their tag.
          const ids = Array.from({ length: timers }, (_, k) => q.addTimer(-1 - k));
          const ref = new EventQueue(16);
          const version = new Int32Array(timers);
          let now = 0;
          let tag = 0;
          const got: number[] = [];
          const want: number[] = [];
          const popRef = () => {
            while (ref.pop()) {
              // b < 0 marks a timer event: -1 - timer; a carries its version.
              if (ref.b >= 0 || ref.a === (version[-1 - ref.b] as number)) return ref.kind;
            }
            return -1;
          };
          for (const o of [...ops, ...Array.from({ length: 400 }, () => ({ op: 'pop' }) as Op)]) {
            if (o.op === 'push') {
              q.push(now + o.dt / 2, tag, 0, 0);
              ref.push(now + o.dt / 2, tag++, 0, 0);
            } else if (o.op === 'arm') {
              q.arm(ids[o.timer] as number, now + o.dt / 2);
              version[o.timer] = (version[o.timer] as number) + 1;
              ref.push(now + o.dt / 2, -1 - o.timer, version[o.timer] as number, -1 - o.timer);
            } else if (o.op === 'disarm') {
              q.disarm(ids[o.timer] as number);
              version[o.timer] = (version[o.timer] as number) + 1;
            } else {
              got.push(q.pop() ? q.kind : -1);
              want.push(popRef());
              if (q.time > now) now = q.time;
            }
          }
          expect(got).toEqual(want);
          expect(q.size).toBe(0);
        }),
        { numRuns: 300 },
      );
    });
  });
});
