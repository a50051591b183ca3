// The load-balancing lesson's simulation: Poisson traffic from many client addresses through
// a balancer into a pool of servers with slots and queues, with an optional server failure
// noticed by active health checks. Wiring of the shared blocks plus the lesson's statistics.
import { Simulation, type EventTarget } from '../../../sim/core/Simulation.ts';
import { Random, mix32 } from '../../../sim/core/Random.ts';
import * as dist from '../../../sim/core/distributions.ts';
import type { Sampler } from '../../../sim/core/distributions.ts';
import { RequestTable } from '../../../sim/blocks/RequestTable.ts';
import { ServerPool } from '../../../sim/blocks/ServerPool.ts';
import type { PoolListener } from '../../../sim/blocks/ServerPool.ts';
import { Balancer } from '../../../sim/blocks/Balancer.ts';
import type { Algorithm } from '../../../sim/blocks/Balancer.ts';
import { HealthChecker } from '../../../sim/blocks/HealthChecker.ts';
import { LatencyHistogram } from '../../../sim/metrics/LatencyHistogram.ts';
import { TimeBuckets } from '../../../sim/metrics/TimeBuckets.ts';
import { TraceKind, TraceRing } from '../../../sim/metrics/TraceRing.ts';
import type { LessonSim, ModelConfig, RunSummary, Snapshot } from '../../../sim/model.ts';
import type { ParamValue } from '../../../sim/params.ts';
import { MAX_SERVERS } from './params.ts';
import { profileSpeeds, resolveWeights, serverName } from './servers.ts';
import { seriesArrays, type LbCounters } from './series.ts';
import { summarize } from './summary.ts';

/**
 * Trace entries kept: a snapshot sends at most the newest 400, so more would only be
 * overwritten unseen, and 512 entries (16 KB) stay in the first-level cache while 4096 did not.
 */
const TRACE_CAPACITY = 512;
const TRACE_PER_SNAPSHOT = 400;

/** Counter channels in the time buckets. */
export const C = { arrived: 0, completed: 1, rejected: 2, failed: 3 } as const;

/** A record of clients changing servers when the balancer's membership changed. */
export interface RemapEvent {
  readonly tS: number;
  readonly fromServers: number;
  readonly toServers: number;
  readonly share: number;
}

/** Whether the algorithm routes by the client's address. */
function hashes(algorithm: ParamValue | undefined): boolean {
  return algorithm === 'ip-hash' || algorithm === 'consistent-hash';
}

function sampler(name: string, meanMs: number): Sampler {
  const meanS = meanMs / 1000;
  switch (name) {
    case 'constant':
      return dist.constant(meanS);
    case 'lognormal':
      return dist.lognormal(meanS, 1.5);
    case 'bimodal':
      return dist.bimodal(meanS, 0.01, 500);
    default:
      return dist.exponential(meanS);
  }
}

export class LoadBalancingSim implements LessonSim, PoolListener, EventTarget {
  private readonly sim = new Simulation();
  private readonly trafficRng: Random;
  readonly requests = new RequestTable(1024);
  readonly buckets = new TimeBuckets(4, 2 * MAX_SERVERS, 0.1, this.sim);
  /**
   * The arrivals counter per bucket, held directly for the hot path (merges work in place).
   * Completions per bucket are not counted apart: they are the bucket's latency-bin total.
   */
  private readonly arrivedSeries = this.buckets.counters[C.arrived] as Float64Array;
  readonly latency = new LatencyHistogram();
  readonly pool: ServerPool;
  readonly balancer: Balancer;
  private readonly health: HealthChecker;
  private readonly trace = new TraceRing(TRACE_CAPACITY, this.sim);
  readonly params: Record<string, ParamValue>;
  readonly warmupS: number;
  private readonly seed: number;
  private speeds: Float64Array;
  private service: Sampler;
  private arrivalKind: number;
  /** The next arrival waits in a timer: a rate change redraws it in place. */
  private readonly arrivalTimer: number;
  /** Parameters read on every arrival, cached as numbers (kept in step by setParam). */
  private arrivalRate: number;
  private clients: number;
  private natShare: number;
  /** True while least-response-time needs completions' latencies. */
  private observing: boolean;
  /**
   * The animation trace records from the first snapshot on: only a watching page reads it, so
   * headless runs (the runner, grading, the tests) do not pay for it.
   */
  private tracing = false;
  /** True while routing or the trace needs each request's client address. */
  private needClients: boolean;
  /** Arrivals so far: the number that fixes each request's client address. */
  private arrivalNumber = 0;
  private readonly clientSalt: number;
  private failKind: number;
  private recoverKind: number;
  private failGen = 0;
  private failedByPlan = -1;
  /**
   * Rejections and failures since time zero and since the warm-up. Arrivals and completions
   * are not counted twice on the hot path: arrivals are `arrivalNumber` (minus those before
   * the warm-up, kept when it ends), completions since the warm-up are the latency
   * histogram's count.
   */
  private readonly badTotal = { rejected: 0, failed: 0 };
  private readonly badStats = { rejected: 0, failed: 0 };
  private completedTotal = 0;
  private arrivalsBeforeWarmup = 0;
  private warmedUp = false;
  readonly remaps: RemapEvent[] = [];
  remapCount = 0;

  constructor(config: ModelConfig) {
    this.params = { ...config.params };
    this.warmupS = config.warmupS;
    this.seed = config.seed >>> 0;
    this.trafficRng = new Random(this.seed, 1);
    const p = this.params;
    this.arrivalRate = Number(p.arrivalRate);
    this.clients = Number(p.clients);
    this.natShare = Number(p.natShare);
    this.observing = p.algorithm === 'least-response-time';
    this.needClients = hashes(p.algorithm);
    this.clientSalt = mix32(this.seed ^ 0x0c11e47);
    this.speeds = profileSpeeds(String(p.serverProfile), this.seed);
    this.service = sampler(String(p.serviceTimeDistribution), Number(p.serviceTimeMs));
    this.pool = new ServerPool(this.sim, this.requests, this, this.buckets, 0, {
      maxServers: MAX_SERVERS,
      count: Number(p.servers),
      slots: Number(p.serverConcurrency),
      queueLimit: Number(p.queueLimit),
    });
    this.pool.statsStartS = this.warmupS;
    this.pool.speed.set(this.speeds);
    this.balancer = new Balancer(this.pool, new Random(this.seed, 2), () => this.sim.now);
    this.balancer.setAlgorithm(p.algorithm as Algorithm);
    this.balancer.setVnodes(Number(p.vnodes));
    this.balancer.weights.set(resolveWeights(String(p.weights), this.speeds));
    for (let i = 0; i < MAX_SERVERS; i++) this.balancer.routable[i] = 1;
    this.balancer.refreshMembers();
    this.health = new HealthChecker(this.sim, this.pool, {
      intervalS: Number(p.healthCheckIntervalS),
      unhealthyThreshold: Number(p.unhealthyThreshold),
      healthyThreshold: Number(p.healthyThreshold),
      onViewChange: (server, routable) =>
        this.changeMembership(() => {
          this.balancer.routable[server] = routable ? 1 : 0;
        }),
    });
    this.arrivalKind = this.sim.registerTarget(this);
    // The warm-up's end, scheduled first: it runs before any other event at the same time, so
    // an arrival exactly at warmupS counts, as `now >= warmupS` does for the other counters.
    this.sim.schedule(
      this.warmupS,
      this.sim.register(() => {
        this.warmedUp = true;
        this.arrivalsBeforeWarmup = this.arrivalNumber;
      }),
    );
    this.arrivalTimer = this.sim.addTimer(this.arrivalKind);
    this.failKind = this.sim.register((gen, server) => {
      if (gen === this.failGen) {
        this.failedByPlan = server;
        this.pool.fail(server);
      }
    });
    this.recoverKind = this.sim.register((gen, server) => {
      if (gen === this.failGen) {
        this.failedByPlan = -1;
        this.pool.recover(server);
      }
    });
    this.scheduleNextArrival();
    this.scheduleFailurePlan();
  }

  get nowS(): number {
    return this.sim.now;
  }

  get eventCount(): number {
    return this.sim.eventCount;
  }

  advance(untilS: number, maxEvents: number): boolean {
    return this.sim.advance(untilS, maxEvents);
  }

  private scheduleNextArrival(): void {
    const gap = -Math.log(this.trafficRng.nextOpen()) / this.arrivalRate;
    this.sim.setTimer(this.arrivalTimer, this.sim.now + gap);
  }

  /**
   * The client address of arrival number `k`: a hash of k and the seed, so request k has the
   * same client whether or not it was asked for, and the traffic stream (times and work) never
   * depends on it. Below natShare the NAT address (client 0), above it one of the others.
   */
  private clientOf(k: number): number {
    const u = mix32((this.clientSalt + Math.imul(k, 0x9e3779b9)) | 0) / 4294967296;
    const nat = this.natShare;
    return u < nat || this.clients === 1
      ? 0
      : 1 + Math.floor(((u - nat) / (1 - nat)) * (this.clients - 1));
  }

  /** The model's own event kind: an arrival (failures and recoveries are closures). */
  onEvent(): void {
    this.arrive();
  }

  private arrive(): void {
    const now = this.sim.now;
    const k = this.arrivalNumber++;
    const client = this.needClients ? this.clientOf(k) : 0;
    const req = this.requests.alloc(now, this.service.sample(this.trafficRng), client);
    const bi = this.buckets.current();
    this.arrivedSeries[bi] = (this.arrivedSeries[bi] as number) + 1;
    this.scheduleNextArrival();
    const server = this.balancer.pick(client);
    if (server < 0) {
      this.failed(req, -1);
      return;
    }
    if (this.tracing) this.trace.record(TraceKind.routed, server, client);
    this.pool.accept(server, req);
  }

  started(): void {
    /* service start needs no bookkeeping beyond the pool's own */
  }

  completed(req: number, server: number): void {
    const now = this.sim.now;
    const latencyMs = (now - (this.requests.arrivalS[req] as number)) * 1000;
    const bin = this.latency.bin(latencyMs);
    this.completedTotal++;
    if (now >= this.warmupS) this.latency.recordBin(bin, latencyMs);
    this.buckets.addLatencyFineBin(this.buckets.current(), bin);
    if (this.observing) this.balancer.observe(server, latencyMs);
    if (this.tracing) {
      this.trace.record(TraceKind.completed, server, this.requests.client[req] as number);
    }
    this.requests.release(req);
  }

  rejected(req: number, server: number): void {
    this.finishBadly(req, server, C.rejected, TraceKind.rejected);
  }

  failed(req: number, server: number): void {
    this.finishBadly(req, server, C.failed, TraceKind.failed);
  }

  private finishBadly(req: number, server: number, counter: 2 | 3, kind: number): void {
    const now = this.sim.now;
    const key = counter === C.rejected ? 'rejected' : 'failed';
    this.badTotal[key]++;
    if (now >= this.warmupS) this.badStats[key]++;
    this.buckets.add(counter, now, 1);
    if (this.tracing) this.trace.record(kind, server, this.requests.client[req] as number);
    this.requests.release(req);
  }

  /** Applies a change to the balancer's membership and records how many clients moved. */
  private changeMembership(apply: () => void): void {
    const algorithm = this.balancer.algorithm;
    const hashing = algorithm === 'ip-hash' || algorithm === 'consistent-hash' ? algorithm : null;
    const clients = Number(this.params.clients);
    const before = this.balancer.memberCount;
    let mapping: Int32Array | null = null;
    if (hashing) {
      mapping = new Int32Array(clients);
      for (let c = 0; c < clients; c++) mapping[c] = this.balancer.hashTarget(c, hashing);
    }
    apply();
    this.balancer.refreshMembers();
    if (hashing && mapping) {
      let moved = 0;
      for (let c = 0; c < clients; c++) {
        if (this.balancer.hashTarget(c, hashing) !== mapping[c]) moved++;
      }
      // Nothing moved (say a server outside the hash's reach changed): not a remap.
      if (moved === 0 && this.balancer.memberCount === before) return;
      this.remapCount++;
      if (this.remaps.length >= 50) this.remaps.shift();
      this.remaps.push({
        tS: this.sim.now,
        fromServers: before,
        toServers: this.balancer.memberCount,
        share: moved / clients,
      });
    }
  }

  /** (Re)schedules the failure of `failServerIndex` at `failAtS` for `failDurationS`. */
  private scheduleFailurePlan(): void {
    this.failGen++;
    if (this.failedByPlan >= 0) {
      this.pool.recover(this.failedByPlan);
      this.failedByPlan = -1;
    }
    const server = Number(this.params.failServerIndex);
    if (server < 0) return;
    const at = Number(this.params.failAtS);
    const duration = Number(this.params.failDurationS);
    const now = this.sim.now;
    if (duration > 0 && now >= at + duration) return; // that outage is already over
    this.sim.schedule(Math.max(at, now), this.failKind, this.failGen, server);
    if (duration > 0) this.sim.schedule(at + duration, this.recoverKind, this.failGen, server);
  }

  setParam(name: string, value: ParamValue): void {
    if (!(name in this.params)) throw new Error(`unknown parameter ${name}`);
    this.params[name] = value;
    const p = this.params;
    switch (name) {
      case 'arrivalRate':
        this.arrivalRate = Number(value);
        // Poisson arrivals are memoryless: drawing a fresh gap at the new rate is exact.
        this.scheduleNextArrival();
        break;
      case 'algorithm':
        this.balancer.setAlgorithm(value as Algorithm);
        // Response times are measured from the moment least-response-time is switched on.
        this.observing = value === 'least-response-time';
        this.needClients = this.tracing || hashes(value);
        break;
      case 'vnodes':
        this.changeMembership(() => this.balancer.setVnodes(Number(value)));
        break;
      case 'weights':
        this.balancer.weights.set(resolveWeights(String(value), this.speeds));
        break;
      case 'servers':
        this.pool.settle();
        this.changeMembership(() => {
          this.pool.count = Number(value);
        });
        break;
      case 'serverProfile':
        this.pool.settle();
        this.speeds = profileSpeeds(String(value), this.seed);
        this.pool.speed.set(this.speeds);
        this.balancer.weights.set(resolveWeights(String(p.weights), this.speeds));
        break;
      case 'serverConcurrency':
        this.pool.setSlots(Number(value));
        break;
      case 'queueLimit':
        this.pool.queueLimit = Number(value);
        break;
      case 'serviceTimeDistribution':
      case 'serviceTimeMs':
        this.service = sampler(String(p.serviceTimeDistribution), Number(p.serviceTimeMs));
        break;
      case 'failServerIndex':
      case 'failAtS':
      case 'failDurationS':
        this.scheduleFailurePlan();
        break;
      case 'healthCheckIntervalS':
      case 'unhealthyThreshold':
      case 'healthyThreshold':
        this.health.configure({
          intervalS: Number(p.healthCheckIntervalS),
          unhealthyThreshold: Number(p.unhealthyThreshold),
          healthyThreshold: Number(p.healthyThreshold),
        });
        break;
      case 'clients':
        this.clients = Number(value);
        break;
      case 'natShare':
        this.natShare = Number(value);
        break;
      default:
        break;
    }
  }

  /** Requests counted since the warm-up, as the summary reports them. */
  statsCounts(): LbCounters {
    return {
      arrived: this.warmedUp ? this.arrivalNumber - this.arrivalsBeforeWarmup : 0,
      completed: this.latency.count,
      rejected: this.badStats.rejected,
      failed: this.badStats.failed,
    };
  }

  /** Display name of server `i`. */
  serverName(i: number): string {
    return serverName(String(this.params.serverProfile), i);
  }

  snapshot(full: boolean): Snapshot {
    this.tracing = true;
    this.needClients = true;
    this.pool.settle();
    const n = this.pool.count;
    const arrays: Record<string, Float64Array> = {
      busy: Float64Array.from(this.pool.busy.subarray(0, n)),
      queued: Float64Array.from(this.pool.queued.subarray(0, n)),
      up: Float64Array.from(this.pool.up.subarray(0, n)),
      routable: Float64Array.from(this.balancer.routable.subarray(0, n)),
      speed: this.pool.speed.slice(0, n),
      weight: this.balancer.weights.slice(0, n),
      trace: this.trace.takeNew(TRACE_PER_SNAPSHOT),
      ...(full ? seriesArrays(this) : {}),
    };
    const last = this.remaps[this.remaps.length - 1];
    return {
      nowS: this.sim.now,
      eventCount: this.sim.eventCount,
      values: {
        arrived: this.arrivalNumber,
        completed: this.completedTotal,
        rejected: this.badTotal.rejected,
        failed: this.badTotal.failed,
        inSystem:
          this.arrivalNumber - this.completedTotal - this.badTotal.rejected - this.badTotal.failed,
        servers: n,
        slots: this.pool.slots,
        bucketWidthS: this.buckets.widthS,
        remappedShare: last ? last.share : NaN,
        warmupS: this.warmupS,
      },
      arrays,
    };
  }

  summary(): RunSummary {
    this.pool.settle();
    return summarize(this);
  }
}
