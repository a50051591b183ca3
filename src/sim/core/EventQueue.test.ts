import { describe, expect, it } from 'vitest';
import { EventQueue } from './EventQueue.ts';
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
});
