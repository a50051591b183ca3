// The load balancer: picks a server for each request among those it believes healthy, with
// one of nine algorithms. It sees only what a real balancer sees: its own health view, open
// connection counts, configured weights and observed response times, never true speeds.
import type { Random } from '../core/Random.ts';
import type { ServerPool } from './ServerPool.ts';
import { HashRing, clientHash } from './hashing.ts';

export const ALGORITHMS = [
  'round-robin',
  'weighted-round-robin',
  'least-connections',
  'weighted-least-connections',
  'random',
  'power-of-two',
  'least-response-time',
  'ip-hash',
  'consistent-hash',
] as const;
export type Algorithm = (typeof ALGORITHMS)[number];

/** Algorithm codes: `pick` runs once per request, so it switches on a number, not a string. */
const enum Code {
  RoundRobin,
  WeightedRoundRobin,
  LeastConnections,
  WeightedLeastConnections,
  Random,
  PowerOfTwo,
  LeastResponseTime,
  IpHash,
  ConsistentHash,
}

/** Weight of the newest observation in the response-time moving average. */
const EWMA_ALPHA = 0.2;
/**
 * Seconds over which an unrefreshed average fades towards zero (as in Finagle's peak EWMA):
 * a server that looked slow once is tried again after a while instead of being starved.
 */
export const EWMA_DECAY_S = 2;

export class Balancer {
  algorithm: Algorithm = 'round-robin';
  /** `algorithm`'s index in ALGORITHMS (the Code enum follows the same order). */
  private code: Code = Code.RoundRobin;
  /** The balancer's health view: 1 if it routes to the server. */
  readonly routable: Uint8Array;
  /** Indices of routable servers, in server order. */
  readonly members: Int32Array;
  memberCount = 0;
  readonly weights: Float64Array;
  /** Moving average of observed response times per server, ms (0 = nothing seen yet). */
  readonly ewmaMs: Float64Array;
  /** When each server's average was last updated, simulated seconds. */
  private readonly ewmaAtS: Float64Array;
  private readonly currentWeight: Float64Array;
  private rrCursor = 0;
  private readonly ring = new HashRing();
  private vnodes = 100;
  private ringServers = -1;

  constructor(
    private readonly pool: ServerPool,
    private readonly rng: Random,
    /** The simulation clock in seconds (response-time averages fade with it). */
    private readonly clock: () => number = () => 0,
  ) {
    const n = pool.maxServers;
    this.routable = new Uint8Array(n);
    this.members = new Int32Array(n);
    this.weights = new Float64Array(n).fill(1);
    this.ewmaMs = new Float64Array(n);
    this.ewmaAtS = new Float64Array(n);
    this.currentWeight = new Float64Array(n);
  }

  setAlgorithm(a: Algorithm): void {
    const code = ALGORITHMS.indexOf(a);
    if (code < 0) throw new Error(`unknown balancing algorithm ${String(a)}`);
    this.algorithm = a;
    this.code = code;
    this.currentWeight.fill(0);
    this.rrCursor = 0;
  }

  setVnodes(v: number): void {
    this.vnodes = v;
    this.ringServers = -1;
  }

  /** Rebuilds the member list after the health view or the server count changed. */
  refreshMembers(): void {
    let m = 0;
    for (let i = 0; i < this.pool.count; i++) if (this.routable[i] === 1) this.members[m++] = i;
    this.memberCount = m;
    this.currentWeight.fill(0);
  }

  private ensureRing(): void {
    if (this.ringServers !== this.pool.count) {
      this.ring.build(this.pool.count, this.vnodes);
      this.ringServers = this.pool.count;
    }
  }

  /** The server a hashing algorithm maps `client` to under the current view, or -1. */
  hashTarget(client: number, algorithm: 'ip-hash' | 'consistent-hash'): number {
    if (this.memberCount === 0) return -1;
    const h = clientHash(client);
    if (algorithm === 'ip-hash') return this.members[h % this.memberCount] as number;
    this.ensureRing();
    return this.ring.lookup(h, this.routable);
  }

  /** Records an observed response time for least-response-time. */
  observe(server: number, latencyMs: number): void {
    const old = this.currentEwmaMs(server);
    this.ewmaMs[server] = old === 0 ? latencyMs : old + EWMA_ALPHA * (latencyMs - old);
    this.ewmaAtS[server] = this.clock();
  }

  /** The server's average as it stands now, faded by the time since it was last updated. */
  currentEwmaMs(server: number): number {
    const age = this.clock() - (this.ewmaAtS[server] as number);
    const v = this.ewmaMs[server] as number;
    return age > 0 ? v * Math.exp(-age / EWMA_DECAY_S) : v;
  }

  /** Picks a server for a request from `client`; -1 when no server is routable. */
  pick(client: number): number {
    // Round robin, the default, is small enough to be inlined into the arrival handler.
    return this.code === Code.RoundRobin ? this.nextInTurn() : this.pickBy(client);
  }

  private nextInTurn(): number {
    const m = this.memberCount;
    if (m === 0) return -1;
    // The member count can shrink under the cursor (a server marked down).
    const c = this.rrCursor < m ? this.rrCursor : this.rrCursor % m;
    this.rrCursor = c + 1 < m ? c + 1 : 0;
    return this.members[c] as number;
  }

  private pickBy(client: number): number {
    const m = this.memberCount;
    if (m === 0) return -1;
    const members = this.members;
    const pool = this.pool;
    // Round robin never gets here (`pick` takes it first).
    switch (this.code) {
      case Code.WeightedRoundRobin: {
        // Smooth weighted round robin (as in nginx): interleaves servers in weight proportion.
        let total = 0;
        let best = -1;
        let bestW = -Infinity;
        for (let k = 0; k < m; k++) {
          const s = members[k] as number;
          const w = this.weights[s] as number;
          total += w;
          const cw = (this.currentWeight[s] as number) + w;
          this.currentWeight[s] = cw;
          if (cw > bestW) {
            bestW = cw;
            best = s;
          }
        }
        this.currentWeight[best] = (this.currentWeight[best] as number) - total;
        return best;
      }
      case Code.LeastConnections:
        return this.leastBy(0);
      case Code.WeightedLeastConnections:
        return this.leastBy(1);
      case Code.LeastResponseTime:
        return this.leastBy(2);
      case Code.Random:
        return members[this.rng.int(m)] as number;
      case Code.PowerOfTwo: {
        if (m === 1) return members[0] as number;
        const a = members[this.rng.int(m)] as number;
        let bIdx = this.rng.int(m - 1);
        let b = members[bIdx] as number;
        if (b === a) {
          bIdx = m - 1;
          b = members[bIdx] as number;
        }
        const ca = pool.connections(a);
        const cb = pool.connections(b);
        if (ca !== cb) return ca < cb ? a : b;
        return this.rng.next() < 0.5 ? a : b;
      }
      case Code.IpHash:
        return this.hashTarget(client, 'ip-hash');
      case Code.ConsistentHash:
        return this.hashTarget(client, 'consistent-hash');
    }
    return -1;
  }

  /**
   * Lowest score among members, ties broken uniformly at random. Scores: 0 connections,
   * 1 (connections + 1) / weight, 2 faded moving-average response time x (connections + 1).
   */
  private leastBy(scoreKind: 0 | 1 | 2): number {
    const members = this.members;
    const pool = this.pool;
    let best = -1;
    let bestScore = Infinity;
    let ties = 0;
    for (let k = 0; k < this.memberCount; k++) {
      const s = members[k] as number;
      const c = pool.connections(s);
      const score =
        scoreKind === 0
          ? c
          : scoreKind === 1
            ? (c + 1) / (this.weights[s] as number)
            : this.currentEwmaMs(s) * (c + 1);
      if (score < bestScore) {
        bestScore = score;
        best = s;
        ties = 1;
      } else if (score === bestScore) {
        ties++;
        if (this.rng.next() * ties < 1) best = s; // reservoir choice among equals
      }
    }
    return best;
  }
}
