// A policy context built from the few fields a policy test cares about, for the policies'
// unit tests (one place for the settings every test shares).
import type { PolicyContext, PolicySettings, ScalingMetric } from '../policy.ts';

export const TEST_SETTINGS: PolicySettings = {
  scaleOutAtPct: 100,
  scaleInAtPct: 50,
  stepSize: 2,
  scheduleStartHour: 8.75,
  scheduleEndHour: 10.25,
  scheduledInstances: 15,
  minInstances: 2,
  forecastLeadS: 600,
  rpsPerInstanceAtTarget: 70,
};

export interface ContextParts {
  readonly desired: number;
  readonly datapoints?: number[];
  readonly metric?: ScalingMetric;
  readonly target?: number;
  readonly nowS?: number;
  readonly timeOfDayS?: number;
  readonly settings?: Partial<PolicySettings>;
  readonly forecastPeak?: (fromS: number, toS: number) => number | null;
}

/** A context with every instance serving and the test settings, changed by `parts`. */
export function policyContext(parts: ContextParts): PolicyContext {
  const { desired } = parts;
  return {
    nowS: parts.nowS ?? 0,
    timeOfDayS: parts.timeOfDayS ?? 0,
    metric: {
      name: parts.metric ?? 'cpu',
      datapoints: parts.datapoints ?? [NaN],
      target: parts.target ?? 70,
    },
    fleet: { desired, booting: 0, warming: 0, inService: desired },
    settings: { ...TEST_SETTINGS, ...parts.settings },
    forecastPeak: parts.forecastPeak ?? (() => null),
  };
}
