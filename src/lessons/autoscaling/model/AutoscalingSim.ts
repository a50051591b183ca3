// The autoscaling lesson's simulation. Demand arrives as a Poisson count per second (so runs of
// days stay fast) and waits in a first-in-first-out fluid queue that the fleet serves at its
// current capacity; with the database switched on, requests then queue again for a connection
// from one shared pool. Latency and timeouts come from those queues. Everything the feedback
// loop is made of is exact and event-timed: instance boot, warm-up and drain, the metric
// periods, the policy's decisions, cooldown and stabilisation.
import { Simulation } from '../../../sim/core/Simulation.ts';
import { Random } from '../../../sim/core/Random.ts';
import { Autoscaler, type AutoscalerSettings } from '../../../sim/blocks/autoscaling/Autoscaler.ts';
import { CohortQueue, finishAt } from '../../../sim/blocks/autoscaling/CohortQueue.ts';
import { DemandCurve, type DemandConfig } from '../../../sim/blocks/autoscaling/DemandCurve.ts';
import { DemandHistory } from '../../../sim/blocks/autoscaling/DemandHistory.ts';
import { Fleet, FLEET_LEVELS, IN_SERVICE, WARMING } from '../../../sim/blocks/autoscaling/Fleet.ts';
import { poisson } from '../../../sim/blocks/autoscaling/poisson.ts';
import {
  SCALING_METRICS,
  type PolicyName,
  type ScalingMetric,
} from '../../../sim/blocks/autoscaling/policy.ts';
import { policyByName } from '../../../sim/blocks/autoscaling/policies/index.ts';
import { LatencyHistogram } from '../../../sim/metrics/LatencyHistogram.ts';
import { TimeBuckets } from '../../../sim/metrics/TimeBuckets.ts';
import type { LessonSim, ModelConfig, RunSummary, Snapshot } from '../../../sim/model.ts';
import type { ParamValue } from '../../../sim/params.ts';
import type { DemandPatternName } from './params.ts';
import { autoscalerSummary, overshoot, secondsToSettle } from './summary.ts';
import { idealInstances } from './theory.ts';

/** Traffic is resolved in steps of this many simulated seconds. */
export const STEP_S = 1;
/** A new instance serves at this share of full speed while it warms up. */
export const WARMUP_SPEED = 0.5;
/** A second violates the SLO when more than this share of its requests is slow or failed. */
export const SLO_BAD_SHARE = 0.01;
/** Sub-pieces each served piece is split into for the latency distribution. */
const SUBPIECES = 4;

/** Counter, level and peak channels of the time buckets. */
export const AS = {
  arrived: 0,
  completed: 1,
  failed: 2,
  sloBad: 3,
  // levels
  demand: 0,
  capacity: 1,
  ideal: 2,
  metric: 3,
  queued: 4,
  p99: 5,
  dbCapacity: 6,
  fleet: 7, // booting, warming, serving, draining follow
  // maxima
  worstP99: 0,
} as const;
const LEVELS = AS.fleet + FLEET_LEVELS;

/** Fields of one scaling action in the snapshot's `actions` array. */
export const ACTION_FIELDS = 8;
/** Actions kept for the charts. */
const MAX_ACTIONS = 4096;

const num = (v: ParamValue | undefined): number => Number(v);

export class AutoscalingSim implements LessonSim {
  private readonly sim = new Simulation();
  private readonly arrivals: Random;
  private readonly noise: Random;
  readonly params: Record<string, ParamValue>;
  readonly warmupS: number;
  readonly buckets: TimeBuckets;
  readonly fleet: Fleet;
  readonly autoscaler: Autoscaler;
  readonly history = new DemandHistory();
  demand: DemandCurve;
  private readonly cpuQueue = new CohortQueue();
  private readonly dbQueue = new CohortQueue();
  /** Latency of every request finished (or failed) in the statistics window. */
  readonly latency = new LatencyHistogram();
  /** Latency in the current metric period (the p99 metric). */
  private readonly periodLatency = new LatencyHistogram();
  /** Every scaling action, packed (the page charts them all), the oldest dropped past a cap. */
  readonly actions: number[] = [];
  /** Active instances after each change, for settling and oscillation figures. */
  readonly fleetTrace: { atS: number; active: number }[] = [];
  private readonly tickKind: number;
  /** When the current metric period ends (always on a traffic step, which closes it). */
  private periodEndS = 0;
  private lastTickS = 0;
  /** Whether the current step lies in the statistics window. */
  private measuredStep = false;
  private periodStartS = 0;
  /** Accumulators over the current metric period. */
  private readonly period = { arrived: 0, cpuWork: 0, capacity: 0, inFlight: 0 };
  /** Per-second scratch for the p99 of the second. */
  private secLat = new Float64Array(64);
  private secW = new Float64Array(64);
  private secN = 0;
  private secBad = 0;
  private secFinished = 0;
  /** Requests timed out in the current step. */
  private stepFailed = 0;
  /** The latest values, for the snapshot. */
  readonly now = {
    demandRps: 0,
    capacityRps: 0,
    dbCapacityRps: 0,
    p99Ms: 0,
    metric: NaN,
    arrivedRps: 0,
    failedRps: 0,
  };
  readonly total = { arrived: 0, completed: 0, failed: 0 };
  readonly stats = {
    arrived: 0,
    completed: 0,
    failed: 0,
    underProvisionedS: 0,
    sloViolationS: 0,
    peakDemandRps: 0,
    maxActive: 0,
    minActive: Infinity,
    scaleOut: 0,
    scaleIn: 0,
    directionChanges: 0,
    lastDirection: 0,
  };

  constructor(config: ModelConfig) {
    this.params = { ...config.params };
    this.warmupS = config.warmupS;
    this.arrivals = new Random(config.seed >>> 0, 1);
    this.noise = new Random(config.seed >>> 0, 2);
    this.buckets = new TimeBuckets(4, LEVELS, 1, this.sim, 1);
    this.demand = new DemandCurve(this.demandConfig());
    this.fleet = new Fleet(this.sim, this.fleetOptions(), this.buckets, AS.fleet);
    this.fleet.statsStartS = this.warmupS;
    this.autoscaler = new Autoscaler(
      policyByName(this.params.policy as PolicyName),
      this.settings(),
      this.fleet,
    );
    // The run starts with the fleet its opening demand calls for, already warm.
    const s = this.autoscaler.settings;
    const opening = Math.ceil(
      idealInstances(
        this.demand.baseRate(0),
        num(this.params.instanceCapacity),
        num(this.params.targetUtilization),
      ) - 1e-9,
    );
    this.fleet.startWith(Math.min(s.maxInstances, Math.max(s.minInstances, opening)));
    this.noteFleet();
    this.tickKind = this.sim.register(this.tick);
    this.sim.schedule(STEP_S, this.tickKind);
    this.schedulePeriod();
  }

  get nowS(): number {
    return this.sim.now;
  }

  get eventCount(): number {
    return this.sim.eventCount;
  }

  get metricName(): ScalingMetric {
    return this.params.scalingMetric as ScalingMetric;
  }

  advance(untilS: number, maxEvents: number): boolean {
    return this.sim.advance(untilS, maxEvents);
  }

  private demandConfig(): DemandConfig {
    const p = this.params;
    return {
      pattern: p.demandPattern as DemandPatternName,
      baseRps: num(p.baseRps),
      peakRps: num(p.peakRps),
      stepAtS: num(p.stepAtS),
      spikeDurationS: num(p.spikeDurationS),
      noisePct: num(p.noisePct),
      surpriseAtS: num(p.surpriseAtS),
      startHour: num(p.startHour),
    };
  }

  private fleetOptions() {
    const p = this.params;
    return {
      capacityRps: num(p.instanceCapacity),
      provisioningDelayS: num(p.provisioningDelayS),
      instanceWarmupS: num(p.instanceWarmupS),
      warmupSpeed: WARMUP_SPEED,
      drainS: num(p.drainS),
    };
  }

  settings(): AutoscalerSettings {
    const p = this.params;
    return {
      scaleOutAtPct: num(p.scaleOutAtPct),
      scaleInAtPct: num(p.scaleInAtPct),
      stepSize: num(p.stepSize),
      scheduleStartHour: num(p.scheduleStartHour),
      scheduleEndHour: num(p.scheduleEndHour),
      scheduledInstances: num(p.scheduledInstances),
      minInstances: num(p.minInstances),
      maxInstances: num(p.maxInstances),
      forecastLeadS: num(p.forecastLeadS),
      rpsPerInstanceAtTarget: (num(p.instanceCapacity) * num(p.targetUtilization)) / 100,
      evaluationPeriods: num(p.evaluationPeriods),
      cooldownS: num(p.cooldownS),
      scaleInStabilizationS: num(p.scaleInStabilizationS),
    };
  }

  /** The target of the current metric, in the metric's unit. */
  metricTarget(): number {
    const p = this.params;
    switch (this.metricName) {
      case 'cpu':
        return num(p.targetUtilization);
      case 'rps-per-instance':
        return (num(p.targetUtilization) * num(p.instanceCapacity)) / 100;
      case 'queue-depth':
        return num(p.targetQueueDepth);
      case 'p99-latency':
        return num(p.targetLatencyMs);
    }
  }

  /** Seconds a request takes with no queueing: service, plus the query when a pool is used. */
  private baseLatencyS(): number {
    const p = this.params;
    return num(p.serviceTimeMs) / 1000 + (p.dbBottleneck === true ? this.dbQueryS() : 0);
  }

  /** Instances that take traffic (serving or warming up). */
  private takingTraffic(): number {
    const c = this.fleet.counts;
    return (c[IN_SERVICE] as number) + (c[WARMING] as number);
  }

  /** Query time now: every instance beyond the first adds contention. */
  private dbQueryS(): number {
    const p = this.params;
    const extra = Math.max(0, this.takingTraffic() - 1);
    return (num(p.dbQueryMs) / 1000) * (1 + (num(p.dbContentionPct) / 100) * extra);
  }

  /** Requests per second the database pool can finish now. */
  dbCapacityRps(): number {
    return num(this.params.dbPoolSize) / this.dbQueryS();
  }

  /**
   * Starts a metric period now. It ends on the traffic step that reaches its length, after that
   * step's traffic is counted, so a datapoint covers exactly the seconds of its period.
   */
  private schedulePeriod(): void {
    this.periodStartS = this.sim.now;
    this.periodEndS =
      Math.ceil(this.sim.now / STEP_S - 1e-9) * STEP_S + num(this.params.metricPeriodS);
  }

  private noteFleet(): void {
    const active = this.fleet.active;
    const trace = this.fleetTrace;
    const last = trace[trace.length - 1];
    if (last && last.active === active) return;
    if (trace.length >= 100_000) trace.splice(0, 50_000);
    trace.push({ atS: this.sim.now, active });
    if (this.sim.now >= this.warmupS) this.noteActive(active);
  }

  /** Widens the range of fleet sizes seen in the statistics window. */
  private noteActive(active: number): void {
    if (active > this.stats.maxActive) this.stats.maxActive = active;
    if (active < this.stats.minActive) this.stats.minActive = active;
  }

  // ---- one traffic step ---------------------------------------------------------------

  /** Handler of the per-second traffic step covering [lastTickS, now]. */
  private readonly tick = (): void => {
    const t1 = this.sim.now;
    const t0 = this.lastTickS;
    const dt = t1 - t0;
    this.lastTickS = t1;
    const p = this.params;
    const measured = t0 >= this.warmupS;
    // The fleet at the start of the statistics window counts, even if it never changes after.
    if (measured && !this.measuredStep) this.noteActive(this.fleet.active);
    this.measuredStep = measured;
    // Arrivals: a Poisson count at the demand of the step's middle.
    this.demand.stepNoise(dt, this.noise);
    const rate = this.demand.rate((t0 + t1) / 2);
    const arrived = poisson(this.arrivals, rate * dt);
    this.cpuQueue.push(arrived, t0, t1, t0, t1);
    this.history.add(t0, arrived);
    this.secN = 0;
    this.secBad = 0;
    this.secFinished = 0;
    // The fleet serves what it can; with a pool, finished work queues for a connection.
    // Requests fail when they reach their timeout, while the server works (so none is
    // served after waiting longer) and at the end of the step.
    const timeoutS = num(p.requestTimeoutS);
    this.stepFailed = 0;
    const capacity = this.fleet.takeCapacity();
    const cpuWork = this.cpuQueue.serve(
      capacity / dt,
      t0,
      t1,
      this.afterCpu,
      timeoutS,
      this.timedOut,
    );
    let dbCapacity = 0;
    if (p.dbBottleneck === true) {
      dbCapacity = this.dbCapacityRps();
      this.dbQueue.serve(dbCapacity, t0, t1, this.finished, timeoutS, this.timedOut);
    }
    const deadline = t1 - timeoutS;
    this.cpuQueue.expire(deadline, this.timedOut);
    this.dbQueue.expire(deadline, this.timedOut);
    const failed = this.stepFailed;
    const completed = this.secFinished - failed;
    const queued = this.cpuQueue.total + this.dbQueue.total;
    const inService = (completed / dt) * this.baseLatencyS();
    const p99 = this.secondP99();
    // Period accumulators for the metric.
    const per = this.period;
    per.arrived += arrived;
    per.cpuWork += cpuWork;
    per.capacity += capacity;
    per.inFlight += (queued + inService) * dt;
    // Readouts and charts.
    const b = this.buckets;
    const capacityRps = capacity / dt;
    this.now.demandRps = rate;
    this.now.capacityRps = this.fleet.capacityRps();
    this.now.dbCapacityRps = dbCapacity;
    this.now.p99Ms = p99;
    this.now.arrivedRps = arrived / dt;
    this.now.failedRps = failed / dt;
    this.total.arrived += arrived;
    this.total.completed += completed;
    this.total.failed += failed;
    const bad = this.secFinished > 0 && this.secBad > SLO_BAD_SHARE * this.secFinished;
    b.add(AS.arrived, t0, arrived);
    b.add(AS.completed, t0, completed);
    b.add(AS.failed, t0, failed);
    if (bad) b.add(AS.sloBad, t0, dt);
    const capPerInstance = num(p.instanceCapacity);
    b.addLevel(AS.demand, t0, t1, rate);
    b.addLevel(AS.capacity, t0, t1, capacityRps);
    b.addLevel(AS.ideal, t0, t1, idealInstances(rate, capPerInstance, num(p.targetUtilization)));
    b.addLevel(AS.queued, t0, t1, queued);
    if (this.secFinished > 0) b.addLevel(AS.p99, t0, t1, p99);
    if (dbCapacity > 0) b.addLevel(AS.dbCapacity, t0, t1, dbCapacity);
    b.raiseMax(AS.worstP99, p99);
    if (measured) {
      const s = this.stats;
      s.arrived += arrived;
      s.completed += completed;
      s.failed += failed;
      if (capacityRps < rate) s.underProvisionedS += dt;
      if (bad) s.sloViolationS += dt;
      if (rate > s.peakDemandRps) s.peakDemandRps = rate;
    }
    if (t1 >= this.periodEndS - 1e-9) this.periodEnd();
    this.sim.schedule(t1 + STEP_S, this.tickKind);
  };

  /** Sink of the fleet's queue: done, or on to the database pool. */
  private readonly afterCpu = (
    count: number,
    o0: number,
    o1: number,
    p0: number,
    p1: number,
    r0: number,
    r1: number,
  ): void => {
    if (this.params.dbBottleneck === true) {
      const d0 = finishAt(0, p0, p1, r0, r1);
      const d1 = finishAt(1, p0, p1, r0, r1);
      this.dbQueue.push(count, o0, o1, d0, d1);
    } else {
      this.finished(count, o0, o1, p0, p1, r0, r1);
    }
  };

  /** Sink of the last queue: records the latency of each sub-piece. */
  private readonly finished = (
    count: number,
    o0: number,
    o1: number,
    p0: number,
    p1: number,
    r0: number,
    r1: number,
  ): void => {
    const base = this.baseLatencyS();
    const w = count / SUBPIECES;
    for (let j = 0; j < SUBPIECES; j++) {
      const g = (j + 0.5) / SUBPIECES;
      const origin = o0 + g * (o1 - o0);
      const wait = finishAt(g, p0, p1, r0, r1) - origin;
      this.recordLatency((base + (wait > 0 ? wait : 0)) * 1000, w);
    }
  };

  /** Sink of expiry: failed requests count at the timeout in the latency metric. */
  private readonly timedOut = (count: number): void => {
    this.stepFailed += count;
    this.recordLatency(num(this.params.requestTimeoutS) * 1000, count, true);
  };

  private recordLatency(ms: number, weight: number, failed = false): void {
    if (!(weight > 0)) return;
    this.periodLatency.recordMany(ms, weight);
    if (this.measuredStep && !failed) this.latency.recordMany(ms, weight);
    this.secFinished += weight;
    if (failed || ms > num(this.params.sloLatencyMs)) this.secBad += weight;
    if (this.secN === this.secLat.length) {
      const grow = (a: Float64Array) => {
        const b = new Float64Array(a.length * 2);
        b.set(a);
        return b;
      };
      this.secLat = grow(this.secLat);
      this.secW = grow(this.secW);
    }
    this.secLat[this.secN] = ms;
    this.secW[this.secN] = weight;
    this.secN++;
  }

  /** p99 of the requests finished or failed in this second (0 when none). */
  private secondP99(): number {
    const n = this.secN;
    if (n === 0) return 0;
    const lat = this.secLat;
    const w = this.secW;
    // Insertion sort by latency: a handful of entries per second.
    for (let i = 1; i < n; i++) {
      const l = lat[i] as number;
      const x = w[i] as number;
      let j = i - 1;
      while (j >= 0 && (lat[j] as number) > l) {
        lat[j + 1] = lat[j] as number;
        w[j + 1] = w[j] as number;
        j--;
      }
      lat[j + 1] = l;
      w[j + 1] = x;
    }
    let total = 0;
    for (let i = 0; i < n; i++) total += w[i] as number;
    const goal = 0.99 * total;
    let seen = 0;
    for (let i = 0; i < n; i++) {
      seen += w[i] as number;
      if (seen >= goal) return lat[i] as number;
    }
    return lat[n - 1] as number;
  }

  // ---- one metric period ----------------------------------------------------------------

  /** The datapoint of the period that just ended, in the metric's unit (NaN: no data). */
  private datapoint(): number {
    const per = this.period;
    const counted = this.fleet.takeCountedSeconds();
    switch (this.metricName) {
      case 'cpu':
        return per.capacity > 0 ? (100 * per.cpuWork) / per.capacity : NaN;
      case 'rps-per-instance':
        return counted > 0 ? per.arrived / counted : NaN;
      case 'queue-depth':
        return counted > 0 ? per.inFlight / counted : NaN;
      case 'p99-latency':
        return this.periodLatency.count > 0 ? this.periodLatency.quantile(0.99) : NaN;
    }
  }

  private periodEnd(): void {
    const now = this.sim.now;
    const value = this.datapoint();
    this.now.metric = value;
    if (Number.isFinite(value)) this.buckets.addLevel(AS.metric, this.periodStartS, now, value);
    this.period.arrived = 0;
    this.period.cpuWork = 0;
    this.period.capacity = 0;
    this.period.inFlight = 0;
    this.periodLatency.clear();
    const action = this.autoscaler.evaluate(
      now,
      this.demand.timeOfDay(now),
      value,
      { name: this.metricName, target: this.metricTarget() },
      this.forecastPeak,
    );
    if (action) this.record(action.from, action.to, action.reason);
    this.schedulePeriod();
  }

  /** Peak demand forecast for [fromS, toS] from previous days (null without history). */
  private readonly forecastPeak = (fromS: number, toS: number): number | null =>
    this.history.forecastPeak(fromS, toS, num(this.params.forecastDays), this.sim.now);

  private record(
    from: number,
    to: number,
    reason: { code: number; value: number; threshold: number; periods: number },
  ): void {
    if (this.actions.length >= MAX_ACTIONS * ACTION_FIELDS)
      this.actions.splice(0, (MAX_ACTIONS / 2) * ACTION_FIELDS);
    this.actions.push(
      this.sim.now,
      from,
      to,
      reason.code,
      reason.value,
      reason.threshold,
      reason.periods,
      SCALING_METRICS.indexOf(this.metricName),
    );
    if (this.sim.now >= this.warmupS) {
      const s = this.stats;
      const direction = to > from ? 1 : -1;
      if (direction > 0) s.scaleOut++;
      else s.scaleIn++;
      if (s.lastDirection !== 0 && direction !== s.lastDirection) s.directionChanges++;
      s.lastDirection = direction;
    }
    this.noteFleet();
  }

  // ---- parameter changes ----------------------------------------------------------------

  setParam(name: string, value: ParamValue): void {
    if (!(name in this.params)) throw new Error(`unknown parameter ${name}`);
    this.params[name] = value;
    this.autoscaler.settings = this.settings();
    switch (name) {
      case 'demandPattern':
      case 'baseRps':
      case 'peakRps':
      case 'stepAtS':
      case 'spikeDurationS':
      case 'noisePct':
      case 'surpriseAtS':
      case 'startHour':
        this.demand = new DemandCurve(this.demandConfig());
        break;
      case 'instanceCapacity':
      case 'provisioningDelayS':
      case 'instanceWarmupS':
      case 'drainS':
        this.fleet.configure(this.fleetOptions());
        break;
      case 'policy':
        this.autoscaler.policy = policyByName(value as PolicyName);
        break;
      case 'scalingMetric':
        // Old datapoints are in another unit: the policy starts its evaluation afresh.
        this.autoscaler.resetMetric();
        break;
      case 'metricPeriodS':
        this.period.arrived = 0;
        this.period.cpuWork = 0;
        this.period.capacity = 0;
        this.period.inFlight = 0;
        this.fleet.takeCountedSeconds();
        this.periodLatency.clear();
        this.schedulePeriod();
        break;
      case 'minInstances':
      case 'maxInstances': {
        const action = this.autoscaler.enforceLimits(this.sim.now);
        if (action) this.record(action.from, action.to, action.reason);
        break;
      }
      default:
        // Everything else is read where it is used.
        break;
    }
  }

  // ---- reading ------------------------------------------------------------------------------

  snapshot(full: boolean): Snapshot {
    const now = this.sim.now;
    const c = this.fleet.counts;
    const s = this.stats;
    const arrays: Record<string, Float64Array> = {
      instances: this.fleet.packInstances(),
      ...(full ? { actions: Float64Array.from(this.actions), ...this.series() } : {}),
    };
    this.fleet.touch();
    // The live oscillation figures, as the summary computes them (the fleet the run started
    // with counts as the largest until the first change after the warm-up).
    const largest = Number.isFinite(s.minActive) ? s.maxActive : this.fleet.active;
    const over = overshoot(this, largest);
    return {
      nowS: now,
      eventCount: this.sim.eventCount,
      values: {
        timeOfDayS: this.demand.timeOfDay(now),
        demandRps: this.now.demandRps,
        arrivedRps: this.now.arrivedRps,
        capacityRps: this.now.capacityRps,
        dbCapacityRps: this.now.dbCapacityRps,
        idealInstances: idealInstances(
          this.now.demandRps,
          num(this.params.instanceCapacity),
          num(this.params.targetUtilization),
        ),
        desired: this.fleet.active,
        booting: c[1] as number,
        warming: c[2] as number,
        inService: c[3] as number,
        draining: c[4] as number,
        metric: this.now.metric,
        metricTarget: this.metricTarget(),
        cooldownLeftS: this.autoscaler.cooldownLeft(now),
        queued: this.cpuQueue.total + this.dbQueue.total,
        p99Ms: this.now.p99Ms,
        failedRps: this.now.failedRps,
        arrived: this.total.arrived,
        completed: this.total.completed,
        failed: this.total.failed,
        instanceHours: this.fleet.billedSeconds / 3600,
        cost: (this.fleet.billedSeconds / 3600) * num(this.params.costPerInstanceHour),
        scaleOutEvents: s.scaleOut,
        scaleInEvents: s.scaleIn,
        directionChanges: s.directionChanges,
        sloViolationS: s.sloViolationS,
        underProvisionedS: s.underProvisionedS,
        maxActive: largest,
        idealAtPeak: over.idealAtPeak,
        overshootPct: over.overshootPct,
        /** NaN while there is no settling time (no jump yet, or not settled). */
        secondsToSettle: secondsToSettle(this) ?? NaN,
        /** Seconds into the current metric period. */
        periodElapsedS: now - this.periodStartS,
        warmupS: this.warmupS,
      },
      arrays,
    };
  }

  private series(): Record<string, Float64Array> {
    this.fleet.touch();
    const b = this.buckets;
    const { n, t, spanS } = b.frame(this.sim.now);
    const out: Record<string, Float64Array> = { t };
    const names = ['arrived', 'completed', 'failed', 'sloBad'] as const;
    for (const name of names) {
      const src = b.counters[AS[name]] as Float64Array;
      const dst = new Float64Array(n);
      for (let i = 0; i < n; i++) dst[i] = (src[i] as number) / (spanS[i] as number);
      out[name] = dst;
    }
    const levels = [
      ['demand', AS.demand],
      ['capacity', AS.capacity],
      ['ideal', AS.ideal],
      ['metric', AS.metric],
      ['queued', AS.queued],
      ['p99', AS.p99],
      ['dbCapacity', AS.dbCapacity],
      ['booting', AS.fleet],
      ['warming', AS.fleet + 1],
      ['inService', AS.fleet + 2],
      ['draining', AS.fleet + 3],
    ] as const;
    for (const [name, level] of levels) {
      const src = b.levels[level] as Float64Array;
      const dst = new Float64Array(n);
      for (let i = 0; i < n; i++) dst[i] = (src[i] as number) / (spanS[i] as number);
      out[name] = dst;
    }
    out.worstP99 = (b.maxima[AS.worstP99] as Float64Array).slice(0, n);
    return out;
  }

  summary(): RunSummary {
    return autoscalerSummary(this);
  }
}
