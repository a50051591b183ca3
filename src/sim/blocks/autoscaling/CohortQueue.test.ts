// The fluid FIFO queue: order, service at a rate with readiness, partial service, timeouts
// (at the end of a step and while serving), and conservation as a property.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CohortQueue, finishAt, type PieceSink } from './CohortQueue.ts';

interface Piece {
  count: number;
  o0: number;
  o1: number;
  p0: number;
  p1: number;
  r0: number;
  r1: number;
}

function recorder() {
  const pieces: Piece[] = [];
  const sink: PieceSink = (count, o0, o1, p0, p1, r0, r1) =>
    pieces.push({ count, o0, o1, p0, p1, r0, r1 });
  return { pieces, sink };
}

/** Longest wait (finish - origin) over a piece: wait is convex along it, so an end is the max. */
const maxWait = (p: Piece) =>
  Math.max(finishAt(0, p.p0, p.p1, p.r0, p.r1) - p.o0, finishAt(1, p.p0, p.p1, p.r0, p.r1) - p.o1);

describe('CohortQueue', () => {
  it('serves cohorts first in, first out at the given rate', () => {
    const q = new CohortQueue(2); // grows past its initial size
    q.push(10, 0, 1, 0, 1);
    q.push(20, 1, 2, 1, 2);
    q.push(30, 2, 3, 2, 3);
    expect(q.total).toBe(60);
    expect(q.cohorts).toBe(3);
    const { pieces, sink } = recorder();
    // 50 req/s from t = 3 for 1 s: the first cohort (0.2 s), the second (0.4 s), then 20 of 30.
    expect(q.serve(50, 3, 4, sink)).toBeCloseTo(50, 12);
    expect(pieces.map((p) => [p.o0, p.o1])).toEqual([
      [0, 1],
      [1, 2],
      [2, 2 + 20 / 30],
    ]);
    expect(pieces[0]).toMatchObject({ count: 10, p0: 3, p1: 3.2 });
    expect(pieces[1]?.p1).toBeCloseTo(3.6, 12);
    expect(pieces[2]?.count).toBeCloseTo(20, 12);
    expect(pieces[2]?.p1).toBeCloseTo(4, 12);
    expect(q.total).toBeCloseTo(10, 12);
    expect(q.cohorts).toBe(1);
  });

  it('never finishes a request before it is ready (a fast server follows the arrivals)', () => {
    const q = new CohortQueue();
    q.push(100, 0, 1, 0, 1); // 100 req/s arriving over [0, 1]
    const { pieces, sink } = recorder();
    expect(q.serve(1000, 0, 1, sink)).toBeCloseTo(100, 9);
    const p = pieces[0] as Piece;
    // Finish times follow readiness: every request finishes as it arrives (no wait).
    expect(finishAt(0, p.p0, p.p1, p.r0, p.r1)).toBeCloseTo(0, 12);
    expect(finishAt(1, p.p0, p.p1, p.r0, p.r1)).toBeCloseTo(1, 12);
    expect(maxWait(p)).toBeCloseTo(0, 12);
  });

  it('splits a cohort when readiness or pace runs out mid-step, and resumes it later', () => {
    const q = new CohortQueue();
    q.push(100, 0, 2, 0, 2); // ready over [0, 2]
    const { pieces, sink } = recorder();
    expect(q.serve(1000, 0, 1, sink)).toBeCloseTo(50, 9); // only half is ready by t = 1
    expect(q.total).toBeCloseTo(50, 9);
    expect(q.serve(20, 1, 2, sink)).toBeCloseTo(20, 9); // a slow server: 20 of the rest
    expect(q.total).toBeCloseTo(30, 9);
    // The second piece starts where the first ended, in origin and in readiness.
    expect(pieces[1]?.o0).toBeCloseTo(1, 12);
    expect(pieces[1]?.r0).toBeCloseTo(1, 12);
    // 20 of 50 over [1, 2] is 0.4 of it: origins [1, 1.4], served at pace over [1, 2].
    expect(pieces[1]?.o1).toBeCloseTo(1.4, 12);
    expect(pieces[1]?.p1).toBeCloseTo(2, 12);
  });

  it('does nothing without rate or time', () => {
    const q = new CohortQueue();
    q.push(5, 0, 1, 0, 1);
    q.push(0, 1, 2, 1, 2); // an empty cohort is not stored
    expect(q.cohorts).toBe(1);
    const { sink } = recorder();
    expect(q.serve(0, 0, 1, sink)).toBe(0);
    expect(q.serve(10, 1, 1, sink)).toBe(0);
    expect(q.total).toBe(5);
  });

  it('expires everything that entered before the deadline, splitting a cohort', () => {
    const q = new CohortQueue();
    q.push(10, 0, 1, 0, 1);
    q.push(40, 1, 3, 1, 3);
    const gone: number[][] = [];
    expect(q.expire(2, (n, a, b) => gone.push([n, a, b]))).toBeCloseTo(30, 12);
    expect(gone).toEqual([
      [10, 0, 1],
      [20, 1, 2],
    ]);
    expect(q.total).toBeCloseTo(20, 12);
    expect(q.expire(2, () => undefined)).toBe(0);
  });

  it('with a timeout, serves nobody who waited longer: the head waits exactly maxWaitS', () => {
    // Overload: 100 req/s arrive, the server does 40 req/s, the timeout is 2 s.
    const q = new CohortQueue();
    const { pieces, sink } = recorder();
    let expired = 0;
    let served = 0;
    for (let t = 0; t < 30; t++) {
      q.push(100, t, t + 1, t, t + 1);
      served += q.serve(40, t, t + 1, sink, 2, (n) => (expired += n));
      q.expire(t + 1 - 2, (n) => (expired += n));
    }
    for (const p of pieces) expect(maxWait(p)).toBeLessThanOrEqual(2 + 1e-9);
    expect(served).toBeCloseTo(40 * 30, 6); // the server never idles
    // Fluid theory: the backlog stops growing at 100 x 2 requests; the excess 60/s fails.
    expect(q.total).toBeCloseTo(200, 6);
    expect(expired).toBeCloseTo(3000 - 1200 - 200, 6);
    // Late pieces wait exactly the timeout.
    const last = pieces.at(-1) as Piece;
    expect(maxWait(last)).toBeCloseTo(2, 9);
    expect(last.p0 - last.o0).toBeCloseTo(2, 9);
  });

  it('conserves requests: served + expired + still waiting = pushed (property)', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            // Counts and rates as the model makes them: none, or from a thousandth up (no
            // subnormal numbers, whose ratios lose all precision).
            n: fc.oneof(fc.constant(0), fc.double({ min: 1e-3, max: 1000, noNaN: true })),
            rate: fc.oneof(fc.constant(0), fc.double({ min: 1e-3, max: 2000, noNaN: true })),
            lag: fc.double({ min: 0, max: 3, noNaN: true }),
          }),
          { minLength: 1, maxLength: 60 },
        ),
        fc.double({ min: 0.5, max: 20, noNaN: true }),
        fc.boolean(),
        (steps, timeout, timed) => {
          const q = new CohortQueue(4);
          let pushed = 0;
          let served = 0;
          let expired = 0;
          let worst = 0;
          const sink: PieceSink = (count, o0, o1, p0, p1, r0, r1) => {
            expect(count).toBeGreaterThan(0);
            worst = Math.max(worst, finishAt(0, p0, p1, r0, r1) - o0);
            worst = Math.max(worst, finishAt(1, p0, p1, r0, r1) - o1);
          };
          steps.forEach((s, t) => {
            // Ready a little after arrival, as at a second stage.
            q.push(s.n, t, t + 1, t + s.lag * 0.1, t + 1 + s.lag * 0.1);
            pushed += s.n;
            served += timed
              ? q.serve(s.rate, t, t + 1, sink, timeout, (c) => (expired += c))
              : q.serve(s.rate, t, t + 1, sink);
            expired += q.expire(t + 1 - timeout, () => undefined);
          });
          const tol = 1e-9 * Math.max(1, pushed);
          expect(Math.abs(served + expired + q.total - pushed)).toBeLessThanOrEqual(tol);
          expect(q.total).toBeGreaterThanOrEqual(-tol);
          if (timed) expect(worst).toBeLessThanOrEqual(timeout + 0.1 + 1e-6);
        },
      ),
      { seed: 20261122, numRuns: 300 },
    );
  });
});
