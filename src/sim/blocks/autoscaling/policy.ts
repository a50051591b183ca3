// The small interface between an autoscaler and its policies. A policy sees the latest metric
// datapoints, the fleet and (for predictive policies) a demand forecast, and answers with the
// capacity it wants and why. Cooldown, scale-in stabilisation and the min/max limits are the
// autoscaler's job, so each policy stays a few lines of decision logic with its own tests.

export const POLICY_NAMES = [
  'target-tracking',
  'step-scaling',
  'simple',
  'scheduled',
  'predictive',
  'predictive+reactive',
] as const;
export type PolicyName = (typeof POLICY_NAMES)[number];

export const SCALING_METRICS = ['cpu', 'rps-per-instance', 'queue-depth', 'p99-latency'] as const;
export type ScalingMetric = (typeof SCALING_METRICS)[number];

/** What the policy measures, in its own unit, against its target. */
export interface MetricReading {
  readonly name: ScalingMetric;
  /** The last `evaluationPeriods` datapoints, oldest first; NaN where there was no data. */
  readonly datapoints: readonly number[];
  readonly target: number;
}

/** The fleet as the policy sees it. */
export interface FleetView {
  /** Instances launched and not removed (booting, warming or serving): the current wish. */
  readonly desired: number;
  readonly booting: number;
  readonly warming: number;
  readonly inService: number;
}

/** Settings the policies read; all plain numbers. */
export interface PolicySettings {
  /** Simple and step scaling thresholds, in percent of the metric's target. */
  readonly scaleOutAtPct: number;
  readonly scaleInAtPct: number;
  readonly stepSize: number;
  /** Scheduled capacity and its daily window, in hours after midnight. */
  readonly scheduleStartHour: number;
  readonly scheduleEndHour: number;
  readonly scheduledInstances: number;
  readonly minInstances: number;
  /** Predictive: lead time and the capacity one instance gives at the target, req/s. */
  readonly forecastLeadS: number;
  readonly rpsPerInstanceAtTarget: number;
}

export interface PolicyContext {
  readonly nowS: number;
  /** Seconds after midnight. */
  readonly timeOfDayS: number;
  readonly metric: MetricReading;
  readonly fleet: FleetView;
  readonly settings: PolicySettings;
  /**
   * The highest demand (req/s) forecast for [fromS, toS] from the same time on previous days,
   * or null when there is no history for that window yet.
   */
  forecastPeak(fromS: number, toS: number): number | null;
}

/** Why a policy wants what it wants: numbers only, so it travels in snapshots. */
export const REASON = {
  targetOut: 1,
  targetIn: 2,
  stepOut: 3,
  stepIn: 4,
  simpleOut: 5,
  simpleIn: 6,
  scheduleOn: 7,
  scheduleOff: 8,
  forecast: 9,
  /** Added by the autoscaler: a parameter change moved the limits. */
  limits: 10,
} as const;
export type ReasonCode = (typeof REASON)[keyof typeof REASON];

export interface Reason {
  readonly code: ReasonCode;
  /** The metric value (or forecast demand) that drove the decision. */
  readonly value: number;
  /** The threshold or target it was compared with (or the lead time for a forecast). */
  readonly threshold: number;
  /** Datapoints in breach (simple and step scaling). */
  readonly periods: number;
}

export interface Decision {
  /** Capacity wanted (the autoscaler clamps it to the limits). */
  readonly desired: number;
  readonly reason: Reason;
  /** Reactive decisions wait for the cooldown; planned ones (schedule, forecast) do not. */
  readonly reactive: boolean;
}

export interface ScalingPolicy {
  readonly name: PolicyName;
  /** The capacity wanted now, or null to leave the fleet as it is. */
  decide(ctx: PolicyContext): Decision | null;
}

/** How many of the datapoints are present and above (`sign` 1) or below (-1) `threshold`. */
export function breaching(datapoints: readonly number[], threshold: number, sign: 1 | -1): number {
  let n = 0;
  for (const v of datapoints)
    if (Number.isFinite(v) && (sign > 0 ? v > threshold : v < threshold)) n++;
  return n;
}

/** The latest datapoint that has data, or NaN. */
export function latest(datapoints: readonly number[]): number {
  for (let i = datapoints.length - 1; i >= 0; i--) {
    const v = datapoints[i] as number;
    if (Number.isFinite(v)) return v;
  }
  return NaN;
}

/** A threshold alarm that fired: every datapoint above the scale-out or below the scale-in mark. */
export interface ThresholdAlarm {
  readonly direction: 1 | -1;
  /** The latest datapoint and the threshold it was compared with. */
  readonly value: number;
  readonly threshold: number;
  readonly periods: number;
}

/**
 * The alarm simple and step scaling act on: out when every datapoint is above `scaleOutAtPct`
 * % of the target, in when every one is below `scaleInAtPct` % (and more than one instance is
 * left); null otherwise or without data.
 */
export function thresholdAlarm(ctx: PolicyContext): ThresholdAlarm | null {
  const { datapoints, target } = ctx.metric;
  const value = latest(datapoints);
  if (!Number.isFinite(value) || !(target > 0)) return null;
  const s = ctx.settings;
  const periods = datapoints.length;
  const outAt = (target * s.scaleOutAtPct) / 100;
  if (breaching(datapoints, outAt, 1) === periods) {
    return { direction: 1, value, threshold: outAt, periods };
  }
  const inAt = (target * s.scaleInAtPct) / 100;
  if (breaching(datapoints, inAt, -1) === periods && ctx.fleet.desired > 1) {
    return { direction: -1, value, threshold: inAt, periods };
  }
  return null;
}

// Formatters are built once: `toLocaleString` with options makes a new one on every call.
const digits = (maximumFractionDigits: number) =>
  new Intl.NumberFormat('en-US', { maximumFractionDigits });
const METRIC_TEXT: Record<
  ScalingMetric,
  { name: string; unit: string; format: Intl.NumberFormat }
> = {
  cpu: { name: 'CPU', unit: ' %', format: digits(0) },
  'rps-per-instance': { name: 'Requests per instance', unit: ' req/s', format: digits(0) },
  'queue-depth': { name: 'Queue per instance', unit: '', format: digits(1) },
  'p99-latency': { name: 'p99', unit: ' ms', format: digits(0) },
};

/** A metric value with its unit, for reasons and readouts (for example `83 %`). */
export function formatMetric(metric: ScalingMetric, value: number): string {
  if (!Number.isFinite(value)) return 'no data';
  const t = METRIC_TEXT[metric];
  return `${t.format.format(value)}${t.unit}`;
}

export function metricName(metric: ScalingMetric): string {
  return METRIC_TEXT[metric].name;
}

function signed(n: number): string {
  return n > 0 ? `+${n}` : n < 0 ? `−${-n}` : '±0';
}

function clock(hour: number): string {
  const minutes = Math.round(hour * 60);
  const h = Math.floor(minutes / 60) % 24;
  const m = minutes % 60;
  return `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`;
}

/**
 * The sentence shown next to a scaling action, such as "CPU 83 % > 70 % for 3 periods: +2".
 * `delta` is the change in instances the action made.
 */
export function describeReason(
  reason: Reason,
  metric: ScalingMetric,
  delta: number,
  settings?: Pick<PolicySettings, 'scheduleStartHour' | 'scheduleEndHour'>,
): string {
  const m = metricName(metric);
  const v = formatMetric(metric, reason.value);
  const th = formatMetric(metric, reason.threshold);
  const change = signed(delta);
  const periods = reason.periods === 1 ? '1 period' : `${reason.periods} periods`;
  switch (reason.code) {
    case REASON.targetOut:
      return `${m} ${v} above target ${th} for ${periods}: ${change}`;
    case REASON.targetIn:
      return `${m} ${v} below target ${th} for ${periods}: ${change}`;
    case REASON.stepOut:
    case REASON.simpleOut:
      return `${m} ${v} > ${th} for ${periods}: ${change}`;
    case REASON.stepIn:
    case REASON.simpleIn:
      return `${m} ${v} < ${th} for ${periods}: ${change}`;
    case REASON.scheduleOn:
      return settings
        ? `Schedule ${clock(settings.scheduleStartHour)}–${clock(settings.scheduleEndHour)} begins: ${change}`
        : `Scheduled capacity begins: ${change}`;
    case REASON.scheduleOff:
      return `Scheduled hours over: ${change}`;
    case REASON.forecast: {
      const rps = Math.round(reason.value).toLocaleString('en-US');
      const lead = Math.round(reason.threshold / 60);
      return `Forecast ${rps} req/s within ${lead} min: ${change}`;
    }
    case REASON.limits:
      return `Limits changed: ${change}`;
  }
}
