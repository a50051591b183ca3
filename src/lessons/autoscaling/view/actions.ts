// Scaling actions as the page reads them: unpacked from the snapshot's `actions` array (fields
// as written by AutoscalingSim.record) and told as a sentence with the policy's reason.
import { ACTION_FIELDS } from './packed.ts';
import {
  describeReason,
  SCALING_METRICS,
  type ReasonCode,
  type ScalingMetric,
} from '../../../sim/blocks/autoscaling/policy.ts';

export interface ActionView {
  readonly atS: number;
  readonly from: number;
  readonly to: number;
  readonly code: ReasonCode;
  readonly value: number;
  readonly threshold: number;
  readonly periods: number;
  readonly metric: ScalingMetric;
}

/** The last `limit` actions in `packed`, oldest first (all of them without a limit). */
export function unpackActions(packed: Float64Array | undefined, limit = Infinity): ActionView[] {
  if (!packed) return [];
  const n = Math.floor(packed.length / ACTION_FIELDS);
  const first = Math.max(0, n - limit);
  const out: ActionView[] = [];
  for (let k = first; k < n; k++) {
    const o = k * ACTION_FIELDS;
    const metricIndex = packed[o + 7] ?? 0;
    out.push({
      atS: packed[o] ?? 0,
      from: packed[o + 1] ?? 0,
      to: packed[o + 2] ?? 0,
      code: (packed[o + 3] ?? 1) as ReasonCode,
      value: packed[o + 4] ?? 0,
      threshold: packed[o + 5] ?? 0,
      periods: packed[o + 6] ?? 0,
      metric: SCALING_METRICS[metricIndex] ?? 'cpu',
    });
  }
  return out;
}

/** "CPU 83 % above target 70 % for 3 periods: +5", with the schedule's hours when known. */
export function actionReason(
  a: ActionView,
  schedule?: { scheduleStartHour: number; scheduleEndHour: number },
): string {
  return describeReason(
    { code: a.code, value: a.value, threshold: a.threshold, periods: a.periods },
    a.metric,
    a.to - a.from,
    schedule,
  );
}
