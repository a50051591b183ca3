// The autoscaler: once per metric period it hands the latest datapoints to its policy, then
// applies what every real autoscaler adds around a policy: the min/max limits, a cooldown
// after each action (for reactive decisions), and scale-in stabilisation (scale in only to the
// highest capacity wanted over the window). It acts on anything with a desired count.
import type { FleetView, MetricReading, PolicySettings, Reason, ScalingPolicy } from './policy.ts';
import { REASON } from './policy.ts';

/** What the autoscaler acts on (the Fleet block, or any pool with a desired count). */
export interface ScalableFleet {
  readonly active: number;
  view(): FleetView;
  setDesired(n: number): void;
}

export interface AutoscalerSettings extends PolicySettings {
  readonly maxInstances: number;
  readonly evaluationPeriods: number;
  readonly cooldownS: number;
  readonly scaleInStabilizationS: number;
}

export interface ScalingAction {
  readonly atS: number;
  readonly from: number;
  readonly to: number;
  readonly reason: Reason;
}

/** Datapoints kept: the largest evaluation window the lesson allows. */
const MAX_PERIODS = 64;

export class Autoscaler {
  private readonly points: number[] = [];
  /** (time, wanted) recommendations inside the stabilisation window. */
  private readonly recommendations: { atS: number; wanted: number }[] = [];
  /** When the last action happened (cooldown runs from here). */
  lastActionS = -Infinity;

  constructor(
    public policy: ScalingPolicy,
    public settings: AutoscalerSettings,
    private readonly fleet: ScalableFleet,
  ) {}

  /** Seconds of cooldown left at `nowS` (0 when none). */
  cooldownLeft(nowS: number): number {
    return Math.max(0, this.lastActionS + this.settings.cooldownS - nowS);
  }

  /**
   * The datapoints the policy sees now, oldest first: always `evaluationPeriods` of them, with
   * NaN for periods not yet measured (so "for N periods" never acts on fewer than N).
   */
  datapoints(): number[] {
    const n = Math.max(1, this.settings.evaluationPeriods);
    const recent = this.points.slice(-n);
    const missing: number[] = [];
    for (let i = recent.length; i < n; i++) missing.push(NaN);
    return missing.concat(recent);
  }

  /** Forgets metric history (after the metric itself changed). */
  resetMetric(): void {
    this.points.length = 0;
  }

  private clamp(n: number): number {
    const s = this.settings;
    const lo = Math.min(s.minInstances, s.maxInstances);
    return Math.min(s.maxInstances, Math.max(lo, Math.round(n)));
  }

  /**
   * Records the datapoint of the period that just ended and lets the policy decide. Returns
   * the action taken, if any.
   */
  evaluate(
    nowS: number,
    timeOfDayS: number,
    datapoint: number,
    metric: Omit<MetricReading, 'datapoints'>,
    forecastPeak: (fromS: number, toS: number) => number | null,
  ): ScalingAction | null {
    this.points.push(datapoint);
    if (this.points.length > MAX_PERIODS) this.points.shift();
    const current = this.fleet.active;
    const decision = this.policy.decide({
      nowS,
      timeOfDayS,
      metric: { ...metric, datapoints: this.datapoints() },
      fleet: this.fleet.view(),
      settings: this.settings,
      forecastPeak,
    });
    let wanted = this.clamp(decision ? decision.desired : current);
    const s = this.settings;
    // Stabilisation: scale in only as far as every recommendation in the window allows.
    const recs = this.recommendations;
    recs.push({ atS: nowS, wanted });
    while (recs.length > 0 && (recs[0] as { atS: number }).atS < nowS - s.scaleInStabilizationS)
      recs.shift();
    if (wanted < current) {
      let highest = wanted;
      for (const r of recs) if (r.wanted > highest) highest = r.wanted;
      wanted = Math.min(current, highest);
    }
    if (wanted === current) return null;
    const reason: Reason = decision
      ? decision.reason
      : { code: REASON.limits, value: wanted, threshold: 0, periods: 0 };
    const reactive = decision ? decision.reactive : false;
    if (reactive && nowS < this.lastActionS + s.cooldownS) return null;
    return this.act(nowS, current, wanted, reason);
  }

  /** Brings the fleet inside changed limits at once (a parameter change, not a policy act). */
  enforceLimits(nowS: number): ScalingAction | null {
    const current = this.fleet.active;
    const wanted = this.clamp(current);
    if (wanted === current) return null;
    return this.act(nowS, current, wanted, {
      code: REASON.limits,
      value: wanted,
      threshold: 0,
      periods: 0,
    });
  }

  private act(nowS: number, from: number, to: number, reason: Reason): ScalingAction {
    this.fleet.setDesired(to);
    this.lastActionS = nowS;
    return { atS: nowS, from, to, reason };
  }
}
