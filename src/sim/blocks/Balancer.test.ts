import { describe, expect, it } from 'vitest';
import { Random } from '../core/Random.ts';
import { Simulation } from '../core/Simulation.ts';
import { Balancer, EWMA_DECAY_S, type Algorithm } from './Balancer.ts';
import { RequestTable } from './RequestTable.ts';
import { ServerPool } from './ServerPool.ts';
import { clientHash } from './hashing.ts';

/** A balancer over `n` idle servers, all routable. Connection counts are set by the tests. */
function setup(n: number, algorithm: Algorithm, seed = 1) {
  const sim = new Simulation();
  const requests = new RequestTable(64);
  const noop = () => undefined;
  const listener = { started: noop, completed: noop, rejected: noop, failed: noop };
  const pool = new ServerPool(sim, requests, listener, null, 0, {
    maxServers: n,
    count: n,
    slots: 1,
    queueLimit: 100,
  });
  const balancer = new Balancer(pool, new Random(seed, 2), () => sim.now);
  balancer.routable.fill(1);
  balancer.refreshMembers();
  balancer.setAlgorithm(algorithm);
  /** Sets server i's open connections (in service + queued) to conns[i]. */
  const setConnections = (conns: readonly number[]) => {
    conns.forEach((c, i) => {
      pool.busy[i] = Math.min(c, 1);
      pool.queued[i] = Math.max(c - 1, 0);
    });
  };
  const picks = (count: number, client = 0) =>
    Array.from({ length: count }, () => balancer.pick(client));
  return { pool, balancer, sim, setConnections, picks };
}

function counts(xs: readonly number[], n: number): number[] {
  const out = new Array<number>(n).fill(0);
  for (const x of xs) out[x] = (out[x] as number) + 1;
  return out;
}

describe('Balancer', () => {
  it('round robin cycles through the servers in order', () => {
    const { picks } = setup(3, 'round-robin');
    expect(picks(7)).toEqual([0, 1, 2, 0, 1, 2, 0]);
  });

  it('round robin skips a server the health view marked down', () => {
    const { balancer, picks } = setup(4, 'round-robin');
    balancer.routable[1] = 0;
    balancer.refreshMembers();
    expect(picks(6)).toEqual([0, 2, 3, 0, 2, 3]);
  });

  it('smooth weighted round robin with weights 1,1,2 gives exactly 1:1:2 in every 4 picks', () => {
    const { balancer, picks } = setup(3, 'weighted-round-robin');
    balancer.weights.set([1, 1, 2]);
    const seq = picks(400);
    for (let w = 0; w < seq.length; w += 4) {
      const window = seq.slice(w, w + 4);
      expect(counts(window, 3)).toEqual([1, 1, 2]);
      // Interleaved: C's two picks in a window are never back to back.
      const cs = window.flatMap((s, k) => (s === 2 ? [k] : []));
      expect((cs[1] as number) - (cs[0] as number)).toBeGreaterThan(1);
    }
  });

  it('smooth weighted round robin interleaves like nginx: weights 5,1,1 give a a b a c a a', () => {
    const { balancer, picks } = setup(3, 'weighted-round-robin');
    balancer.weights.set([5, 1, 1]);
    expect(picks(14)).toEqual([0, 0, 1, 0, 2, 0, 0, 0, 0, 1, 0, 2, 0, 0]);
  });

  it('weighted round robin gives shares exactly proportional to fractional weights', () => {
    const { balancer, picks } = setup(4, 'weighted-round-robin');
    balancer.weights.set([3, 1, 2.5, 0.5]);
    // Weights sum to 7: every 14 picks contain each server 2 x weight times.
    expect(counts(picks(140), 4)).toEqual([60, 20, 50, 10]);
  });

  it('least connections picks the server with the fewest open connections', () => {
    const { setConnections, picks } = setup(5, 'least-connections');
    setConnections([4, 2, 7, 1, 3]);
    expect(new Set(picks(50))).toEqual(new Set([3]));
  });

  it('least connections breaks ties among the least loaded only, spreading over them', () => {
    const { setConnections, picks } = setup(5, 'least-connections');
    setConnections([2, 1, 5, 1, 1]);
    const c = counts(picks(3000), 5);
    expect(c[0]).toBe(0);
    expect(c[2]).toBe(0);
    for (const s of [1, 3, 4]) expect(c[s] as number).toBeGreaterThan(800);
  });

  it('weighted least connections compares (connections + 1) / weight', () => {
    const { balancer, setConnections, picks } = setup(3, 'weighted-least-connections');
    balancer.weights.set([1, 1, 4]);
    // Scores: 3/1, 2/1, 6/4 = 1.5: the heavy server wins although it holds the most.
    setConnections([2, 1, 5]);
    expect(new Set(picks(20))).toEqual(new Set([2]));
  });

  it('least response time prefers the lowest moving average x (connections + 1)', () => {
    const { balancer, setConnections, picks } = setup(3, 'least-response-time');
    balancer.observe(0, 100);
    balancer.observe(1, 10);
    balancer.observe(2, 30);
    setConnections([0, 3, 0]); // scores 100, 40, 30
    expect(new Set(picks(20))).toEqual(new Set([2]));
    // The moving average moves a fifth of the way towards each new observation.
    balancer.observe(2, 130);
    expect(balancer.ewmaMs[2]).toBeCloseTo(50, 12);
  });

  it('least response time forgets a slow response as time passes (regression: starvation)', () => {
    const { balancer, sim } = setup(2, 'least-response-time');
    balancer.observe(0, 5000);
    expect(balancer.currentEwmaMs(0)).toBeCloseTo(5000, 9);
    sim.advance(EWMA_DECAY_S, 1); // one decay time later the average has faded by 1/e
    expect(balancer.currentEwmaMs(0)).toBeCloseTo(5000 / Math.E, 6);
  });

  it('random spreads uniformly over routable servers only', () => {
    const { balancer, picks } = setup(5, 'random');
    balancer.routable[4] = 0;
    balancer.refreshMembers();
    const n = 40_000;
    const c = counts(picks(n), 5);
    expect(c[4]).toBe(0);
    // Each share has sd sqrt(p (1 - p) / n) = 0.0022; allow 4 of them.
    for (const s of [0, 1, 2, 3]) expect(Math.abs((c[s] as number) / n - 0.25)).toBeLessThan(0.009);
  });

  it('power of two never picks the more loaded of its two candidates', () => {
    // With all loads distinct, "the less loaded of two distinct servers drawn uniformly" has a
    // known law: the server of load rank r (0 = least) wins with probability
    // 2 (m - 1 - r) / (m (m - 1)), and the most loaded server never wins.
    const m = 10;
    const { setConnections, picks } = setup(m, 'power-of-two');
    const loads = [5, 12, 0, 7, 3, 9, 1, 15, 4, 2];
    setConnections(loads);
    const n = 100_000;
    const c = counts(picks(n), m);
    const rank = [...loads].sort((a, b) => a - b);
    for (let s = 0; s < m; s++) {
      const r = rank.indexOf(loads[s] as number);
      const p = (2 * (m - 1 - r)) / (m * (m - 1));
      if (p === 0) expect(c[s]).toBe(0);
      else
        expect(Math.abs((c[s] as number) / n - p)).toBeLessThan(4 * Math.sqrt((p * (1 - p)) / n));
    }
  });

  it('power of two with two servers always picks the less loaded one', () => {
    const { setConnections, picks } = setup(2, 'power-of-two');
    setConnections([3, 2]);
    expect(new Set(picks(200))).toEqual(new Set([1]));
    setConnections([0, 2]);
    expect(new Set(picks(200))).toEqual(new Set([0]));
  });

  it('power of two splits ties evenly and handles a single member', () => {
    const { balancer, picks } = setup(2, 'power-of-two');
    const c = counts(picks(10_000), 2);
    expect(Math.abs((c[0] as number) / 10_000 - 0.5)).toBeLessThan(0.02);
    balancer.routable[0] = 0;
    balancer.refreshMembers();
    expect(new Set(picks(10))).toEqual(new Set([1]));
  });

  it('ip hash sends a client to the same server every time: hash mod routable count', () => {
    const { balancer } = setup(7, 'ip-hash');
    for (let client = 0; client < 500; client++) {
      const first = balancer.pick(client);
      expect(first).toBe(clientHash(client) % 7);
      for (let k = 0; k < 3; k++) expect(balancer.pick(client)).toBe(first);
    }
  });

  it('consistent hash is stable for a client and never routes to a server marked down', () => {
    const { balancer } = setup(6, 'consistent-hash');
    const before = Array.from({ length: 2000 }, (_, c) => balancer.pick(c));
    expect(Array.from({ length: 2000 }, (_, c) => balancer.pick(c))).toEqual(before);
    balancer.routable[3] = 0;
    balancer.refreshMembers();
    const after = Array.from({ length: 2000 }, (_, c) => balancer.pick(c));
    expect(after.includes(3)).toBe(false);
    // Only the clients of the removed server move.
    after.forEach((s, c) => {
      if (before[c] !== 3) expect(s).toBe(before[c]);
    });
  });

  it('returns -1 when no server is routable, whatever the algorithm', () => {
    for (const algorithm of [
      'round-robin',
      'weighted-round-robin',
      'least-connections',
      'weighted-least-connections',
      'random',
      'power-of-two',
      'least-response-time',
      'ip-hash',
      'consistent-hash',
    ] as const) {
      const { balancer } = setup(3, algorithm);
      balancer.routable.fill(0);
      balancer.refreshMembers();
      expect(balancer.pick(5)).toBe(-1);
    }
  });
});
