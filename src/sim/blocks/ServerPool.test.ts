import { describe, expect, it } from 'vitest';
import { Simulation } from '../core/Simulation.ts';
import { TimeBuckets } from '../metrics/TimeBuckets.ts';
import { RequestTable } from './RequestTable.ts';
import { ServerPool, type PoolListener } from './ServerPool.ts';

type Fate = 'started' | 'completed' | 'rejected' | 'failed';

/**
 * A pool with a recording listener that releases finished requests, as the lesson models do
 * (releasing bumps the request's token, which is how stale departures are recognised).
 */
function setup(options: { servers?: number; slots?: number; queueLimit?: number } = {}) {
  const sim = new Simulation();
  const requests = new RequestTable(4);
  const log: { fate: Fate; id: number; server: number; t: number }[] = [];
  const names = new Map<number, number>();
  const record = (fate: Fate, release: boolean) => (req: number, server: number) => {
    log.push({ fate, id: names.get(req) as number, server, t: sim.now });
    if (release) requests.release(req);
  };
  const listener: PoolListener = {
    started: record('started', false),
    completed: record('completed', true),
    rejected: record('rejected', true),
    failed: record('failed', true),
  };
  const n = options.servers ?? 2;
  const pool = new ServerPool(sim, requests, listener, null, 0, {
    maxServers: n,
    count: n,
    slots: options.slots ?? 1,
    queueLimit: options.queueLimit ?? 10,
  });
  let nextName = 0;
  /** Sends a request needing `workS` seconds at speed 1 to `server`; returns its name. */
  const send = (server: number, workS: number) => {
    const id = requests.alloc(sim.now, workS, 0);
    const name = nextName++;
    names.set(id, name);
    pool.accept(server, id);
    return name;
  };
  const run = (untilS: number) => sim.advance(untilS, 1_000_000);
  const fates = (fate: Fate) => log.filter((e) => e.fate === fate).map((e) => e.id);
  return { sim, requests, pool, log, send, run, fates };
}

describe('ServerPool', () => {
  it('serves up to `slots` requests at once and queues the rest', () => {
    const { pool, send, fates } = setup({ slots: 2 });
    send(0, 1);
    send(0, 1);
    send(0, 1);
    expect(fates('started')).toEqual([0, 1]);
    expect(pool.busy[0]).toBe(2);
    expect(pool.queued[0]).toBe(1);
    expect(pool.connections(0)).toBe(3);
    expect(pool.connections(1)).toBe(0);
  });

  it('serves queued requests in FIFO order, each taking work / speed', () => {
    const { pool, send, run, log, fates } = setup({ slots: 1 });
    pool.speed[0] = 2;
    for (let k = 0; k < 5; k++) send(0, 1 + k); // service times 0.5, 1, 1.5, 2, 2.5 s
    run(100);
    expect(fates('completed')).toEqual([0, 1, 2, 3, 4]);
    const done = log.filter((e) => e.fate === 'completed').map((e) => e.t);
    expect(done).toEqual([0.5, 1.5, 3, 5, 7.5]);
    expect(pool.busy[0]).toBe(0);
    expect(pool.queued[0]).toBe(0);
    expect(pool.completedCount[0]).toBe(5);
  });

  it('keeps FIFO order through a queue ring that wraps and grows', () => {
    const { send, run, fates, sim } = setup({ slots: 1, queueLimit: 1000 });
    const expected: number[] = [];
    // Interleave arrivals and completions so the ring's head moves before it must grow.
    for (let round = 0; round < 10; round++) {
      for (let k = 0; k < 7 * (round + 1); k++) expected.push(send(0, 0.01));
      run(sim.now + 0.035);
    }
    run(1e6);
    expect(fates('completed')).toEqual(expected);
  });

  it('rejects an arrival when the queue is full', () => {
    const { pool, send, fates } = setup({ slots: 1, queueLimit: 2 });
    for (let k = 0; k < 5; k++) send(0, 1);
    expect(fates('started')).toEqual([0]);
    expect(fates('rejected')).toEqual([3, 4]);
    expect(pool.queued[0]).toBe(2);
    // Queue limit 0: only free slots accept.
    pool.queueLimit = 0;
    send(1, 1);
    send(1, 1);
    expect(fates('rejected')).toEqual([3, 4, 6]);
  });

  it('on failure fails queued and in-service requests and ignores their departures', () => {
    const { pool, send, run, fates, log } = setup({ slots: 2, queueLimit: 5 });
    for (let k = 0; k < 5; k++) send(0, 1); // 0, 1 in service; 2, 3, 4 queued
    const other = send(1, 1);
    run(0.5);
    pool.fail(0);
    expect(fates('failed').sort()).toEqual([0, 1, 2, 3, 4]);
    expect(pool.busy[0]).toBe(0);
    expect(pool.queued[0]).toBe(0);
    expect(pool.up[0]).toBe(0);
    // The departures already scheduled for 0 and 1 at t = 1 must be ignored.
    run(10);
    expect(fates('completed')).toEqual([other]);
    expect(pool.busy[0]).toBe(0);
    expect(log.filter((e) => e.fate !== 'started').length).toBe(6); // every request finished
    // A down server fails new work at once.
    const late = send(0, 1);
    expect(fates('failed')).toContain(late);
    expect(pool.completedCount[0]).toBe(0);
  });

  it('ignores stale departures even when a failed request id is reused', () => {
    const { pool, send, run, fates, log } = setup({ slots: 1 });
    send(0, 1); // departure at t = 1
    run(0.2);
    pool.fail(0);
    pool.recover(0);
    const again = send(0, 5); // reuses the freed request id; departs at t = 5.2
    run(3);
    expect(fates('completed')).toEqual([]);
    run(10);
    expect(fates('completed')).toEqual([again]);
    expect(log.find((e) => e.fate === 'completed')?.t).toBeCloseTo(5.2, 12);
  });

  it('serves again after recovering', () => {
    const { pool, send, run, fates } = setup({ slots: 1 });
    pool.fail(1);
    pool.fail(1); // failing twice is harmless
    send(1, 1);
    pool.recover(1);
    const ok = send(1, 1);
    run(5);
    expect(fates('failed')).toEqual([0]);
    expect(fates('completed')).toEqual([ok]);
    expect(pool.up[1]).toBe(1);
  });

  it('adding slots starts queued requests at once', () => {
    const { pool, send, fates } = setup({ slots: 1 });
    for (let k = 0; k < 4; k++) send(0, 1);
    pool.setSlots(3);
    expect(fates('started')).toEqual([0, 1, 2]);
    expect(pool.queued[0]).toBe(1);
  });

  it('integrates busy slots and queue length from statsStartS on', () => {
    const { pool, send, run, sim } = setup({ slots: 1 });
    pool.statsStartS = 1;
    send(0, 2); // busy over [0, 2)
    send(0, 2); // queued over [0, 2), busy over [2, 4)
    run(10);
    pool.settle();
    // Busy over [1, 4) counts 3 s; queued over [1, 2) counts 1 s.
    expect(pool.busyIntegral[0]).toBeCloseTo(3, 12);
    expect(pool.queueIntegral[0]).toBeCloseTo(1, 12);
    expect(pool.busyIntegral[1]).toBe(0);
    expect(sim.now).toBe(10);
  });

  it('writes busy and queue levels into the time buckets', () => {
    const sim = new Simulation();
    const requests = new RequestTable(4);
    const buckets = new TimeBuckets(0, 4, 1);
    const noop = () => undefined;
    const listener = {
      started: noop,
      completed: (r: number) => requests.release(r),
      rejected: noop,
      failed: noop,
    };
    const pool = new ServerPool(sim, requests, listener, buckets, 0, {
      maxServers: 2,
      count: 2,
      slots: 1,
      queueLimit: 5,
    });
    pool.accept(1, requests.alloc(0, 1.5, 0));
    pool.accept(1, requests.alloc(0, 1.5, 0));
    sim.advance(5, 100);
    pool.settle();
    const total = (a: Float64Array | undefined) =>
      (a ?? new Float64Array()).reduce((s, v) => s + v, 0);
    expect(total(buckets.levels[2])).toBeCloseTo(3, 12); // server 1 busy 3 s
    expect(total(buckets.levels[3])).toBeCloseTo(1.5, 12); // server 1 queue 1.5 s
    expect(total(buckets.levels[0])).toBe(0);
  });
});
