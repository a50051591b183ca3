// The rate-limiting lesson's simulation: one user's traffic (a chosen pattern) through
// `gateways` API servers behind a round-robin balancer, each limiting with its own counter or
// asking one central store, which may be unreachable for a while (fail open or closed).
import { Simulation } from '../../../sim/core/Simulation.ts';
import { Random } from '../../../sim/core/Random.ts';
import {
  arrivalProcess,
  type ArrivalProcess,
  type PatternName,
} from '../../../sim/blocks/TrafficPattern.ts';
import { createLimiter } from '../../../sim/blocks/limiters/createLimiter.ts';
import {
  newDecision,
  type LimiterConfig,
  type RateLimiter,
} from '../../../sim/blocks/limiters/types.ts';
import { LatencyHistogram } from '../../../sim/metrics/LatencyHistogram.ts';
import { SlidingMax } from '../../../sim/metrics/SlidingMax.ts';
import { TimeBuckets } from '../../../sim/metrics/TimeBuckets.ts';
import type { LessonSim, ModelConfig, RunSummary, Snapshot } from '../../../sim/model.ts';
import type { ParamValue } from '../../../sim/params.ts';
import type { LimiterAlgorithm } from './params.ts';
import { RequestLog } from './RequestLog.ts';
import { rateLimiterSummary } from './summary.ts';

/** Counter channels, level and peak channels in the time buckets. */
export const RL = { accepted: 0, rejected: 1, level: 0, rollingPeak: 0 } as const;

export class RateLimitingSim implements LessonSim {
  private readonly sim = new Simulation();
  private readonly rng: Random;
  readonly params: Record<string, ParamValue>;
  readonly warmupS: number;
  readonly buckets = new TimeBuckets(2, 1, 0.1, this.sim, 1);
  readonly latency = new LatencyHistogram();
  readonly log = new RequestLog(4096);
  private traffic: ArrivalProcess;
  private readonly arrivalKind: number;
  /** The next arrival waits in a timer: a new pattern or rate redraws it in place. */
  private readonly arrivalTimer: number;
  /** One limiter per gateway (local counting), or one shared one (central store). */
  limiters: RateLimiter[] = [];
  private cursor = 0;
  private readonly decision = newDecision();
  /** Exact peak of accepted requests in any window of length windowS (see SlidingMax). */
  peak: SlidingMax;
  /** Level of the limiter shown in the chart, and when it last changed. */
  private lastLevel = 0;
  private lastLevelAtS = 0;
  readonly total = { arrived: 0, accepted: 0, rejected: 0 };
  /** Time of the latest request, or -1 before the first (see holdRollingPeak). */
  private prevArrivalS = -1;
  readonly stats = { arrived: 0, accepted: 0, rejected: 0, allowedInOutage: 0, refusedInOutage: 0 };
  maxQueueDelayMs = 0;

  constructor(config: ModelConfig) {
    this.params = { ...config.params };
    this.warmupS = config.warmupS;
    this.rng = new Random(config.seed >>> 0, 1);
    this.traffic = this.buildTraffic();
    this.peak = new SlidingMax(Number(this.params.windowS));
    this.buildLimiters();
    this.arrivalKind = this.sim.register(this.arrive);
    this.arrivalTimer = this.sim.addTimer(this.arrivalKind);
    this.scheduleNext();
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

  private limiterConfig(): LimiterConfig {
    const p = this.params;
    return {
      limit: Number(p.limit),
      windowS: Number(p.windowS),
      bucketCapacity: Number(p.bucketCapacity),
      refillRate: Number(p.refillRate),
      queueSize: Number(p.queueSize),
      drainRate: Number(p.drainRate),
    };
  }

  /** Fresh limiters for the current settings (a changed limiter starts with empty state). */
  private buildLimiters(): void {
    const count = this.params.centralStore === true ? 1 : Number(this.params.gateways);
    const algorithm = this.params.algorithm as LimiterAlgorithm;
    this.limiters = Array.from({ length: count }, () =>
      createLimiter(algorithm, this.limiterConfig()),
    );
  }

  private buildTraffic(): ArrivalProcess {
    const p = this.params;
    return arrivalProcess(
      p.trafficPattern as PatternName,
      { rate: Number(p.rate), windowS: Number(p.windowS), limit: Number(p.limit) },
      this.rng,
    );
  }

  private scheduleNext(): void {
    this.sim.setTimer(this.arrivalTimer, this.traffic.next(this.sim.now));
  }

  private storeDown(now: number): boolean {
    const at = Number(this.params.outageAtS);
    const duration = Number(this.params.outageDurationS);
    return this.params.centralStore === true && duration > 0 && now >= at && now < at + duration;
  }

  /** Handler of arrival events: route to a gateway, ask its limiter, record the answer. */
  private readonly arrive = (): void => {
    const now = this.sim.now;
    this.holdRollingPeak(now);
    const p = this.params;
    const gateway = this.cursor;
    this.cursor = (this.cursor + 1) % Number(p.gateways);
    const central = p.centralStore === true;
    const d = this.decision;
    const outage = this.storeDown(now);
    let latencyMs = central ? Number(p.storeLatencyMs) : 0;
    if (outage) {
      // The store cannot answer: the gateway decides by its fail mode, counting nothing.
      d.allowed = p.failMode === 'open';
      d.remaining = 0;
      d.resetInS = 0;
      d.retryAfterS = d.allowed
        ? 0
        : Math.max(1, Number(p.outageAtS) + Number(p.outageDurationS) - now);
      d.delayS = 0;
    } else {
      const limiter = this.limiters[central ? 0 : gateway % this.limiters.length] as RateLimiter;
      limiter.decide(now, d);
    }
    // The chart follows the first gateway's limiter (the one the snapshot's `level` reports).
    const shown = this.limiters[0];
    if (shown) this.noteLevel(now, shown.level(now));
    const measured = now >= this.warmupS;
    this.total.arrived++;
    if (measured) this.stats.arrived++;
    if (d.allowed) {
      latencyMs += d.delayS * 1000;
      this.total.accepted++;
      this.buckets.add(RL.accepted, now, 1);
      this.peak.add(now);
      if (measured) {
        this.stats.accepted++;
        if (outage) this.stats.allowedInOutage++;
        this.latency.record(latencyMs);
        if (d.delayS * 1000 > this.maxQueueDelayMs) this.maxQueueDelayMs = d.delayS * 1000;
      }
    } else {
      this.total.rejected++;
      this.buckets.add(RL.rejected, now, 1);
      if (measured) {
        this.stats.rejected++;
        if (outage) this.stats.refusedInOutage++;
      }
    }
    // The exact count of accepted requests in (now - W, now], after every request: refused ones
    // too, or the chart would read 0 in a stretch where everything is refused.
    this.buckets.raiseMax(RL.rollingPeak, this.peak.countAt(now));
    this.log.record(now, d, gateway, outage, this.total.arrived);
    this.scheduleNext();
  };

  /**
   * The rolling count's peak in the time slices since the previous request, before this one
   * is counted. With no new accepted request the count in (t − W, t] only falls, so a slice
   * that began after the previous request peaks at its start: the count there, exact because
   * no request came since. (Raising the peak only at requests left 0 in every slice without
   * one, and the chart dropped to 0 between requests.)
   */
  private holdRollingPeak(now: number): void {
    const prevS = this.prevArrivalS;
    this.prevArrivalS = now;
    this.raisePeaksSince(prevS, now);
  }

  /** Raises the slices that began after request time `prevS`, up to `now`'s, to their start. */
  private raisePeaksSince(prevS: number, now: number): void {
    if (prevS < 0) return;
    const b = this.buckets;
    const cur = b.index(now);
    for (let k = b.index(prevS) + 1; k <= cur; k++) {
      b.raiseMaxAt(RL.rollingPeak, k, this.peak.countAt(b.startOf(k)));
    }
  }

  /** Integrates the plotted limiter level (held constant between requests). */
  private noteLevel(now: number, level: number): void {
    this.buckets.addLevel(RL.level, this.lastLevelAtS, now, this.lastLevel);
    this.lastLevel = level;
    this.lastLevelAtS = now;
  }

  setParam(name: string, value: ParamValue): void {
    if (!(name in this.params)) throw new Error(`unknown parameter ${name}`);
    this.params[name] = value;
    switch (name) {
      case 'trafficPattern':
      case 'rate':
        this.traffic = this.buildTraffic();
        this.scheduleNext();
        break;
      case 'windowS':
        this.peak = new SlidingMax(Number(value));
        this.buildLimiters();
        this.traffic = this.buildTraffic();
        this.scheduleNext();
        break;
      case 'limit':
        this.buildLimiters();
        this.traffic = this.buildTraffic();
        this.scheduleNext();
        break;
      case 'algorithm':
      case 'bucketCapacity':
      case 'refillRate':
      case 'queueSize':
      case 'drainRate':
      case 'gateways':
      case 'centralStore':
        this.buildLimiters();
        this.cursor = 0;
        break;
      default:
        // storeLatencyMs, outage settings and failMode are read on every request.
        break;
    }
  }

  snapshot(full: boolean): Snapshot {
    const now = this.sim.now;
    const limiter = this.limiters[0];
    const arrays: Record<string, Float64Array> = {
      requests: this.log.takeNew(600),
      memory: Float64Array.from(this.limiters, (l) => l.memoryWords()),
      ...(full ? this.series() : {}),
    };
    return {
      nowS: now,
      eventCount: this.sim.eventCount,
      values: {
        arrived: this.total.arrived,
        accepted: this.total.accepted,
        rejected: this.total.rejected,
        level: limiter ? limiter.level(now) : 0,
        inWindowNow: this.peak.countAt(now),
        maxAcceptedInWindow: this.peak.max,
        storeDown: this.storeDown(now) ? 1 : 0,
        warmupS: this.warmupS,
      },
      arrays,
    };
  }

  private series(): Record<string, Float64Array> {
    // Hold the plotted level and the rolling peak up to now, so the last buckets do not sag
    // towards 0.
    this.noteLevel(this.sim.now, this.lastLevel);
    this.raisePeaksSince(this.prevArrivalS, this.sim.now);
    const b = this.buckets;
    const { n, t, spanS } = b.frame(this.sim.now);
    const accepted = new Float64Array(n);
    const rejected = new Float64Array(n);
    const level = new Float64Array(n);
    const rolling = new Float64Array(n);
    const [acc, rej] = b.counters as [Float64Array, Float64Array];
    const levels = b.levels[RL.level] as Float64Array;
    const peaks = b.maxima[RL.rollingPeak] as Float64Array;
    for (let i = 0; i < n; i++) {
      const span = spanS[i] as number;
      accepted[i] = (acc[i] as number) / span;
      rejected[i] = (rej[i] as number) / span;
      level[i] = (levels[i] as number) / span;
      rolling[i] = peaks[i] as number;
    }
    return { t, accepted, rejected, level, rolling };
  }

  summary(): RunSummary {
    return rateLimiterSummary(this);
  }
}
