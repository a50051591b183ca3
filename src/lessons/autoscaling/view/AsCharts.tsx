// Live charts for one lane of the autoscaling lesson: demand against capacity with the ideal
// capacity (theory), the fleet by state against the ideal count with every scaling action
// marked, the metric against its target, p99 and errors, and cost. Re-rendered from full
// snapshots; each chart takes its data on its own animation frame (usePacedValue).
import { memo, useMemo } from 'react';
import { OKABE_ITO, THEORY_COLOR } from '../../../components/charts/palette.ts';
import { formatValue } from '../../../components/charts/chartText.ts';
import { usePacedValue } from '../../../components/charts/usePacedValue.ts';
import { formatMetric, metricName } from '../../../sim/blocks/autoscaling/policy.ts';
import type { ParamValue } from '../../../sim/params.ts';
import type { LaneSnapshot } from '../../../sim/worker/protocol.ts';
import type { ScalingMetric } from '../model/params.ts';
import type { PlotMarker } from '../../../components/charts/CanvasChart.tsx';
import { AsChart, type LineSpec } from './AsChart.tsx';
import { buildSeries } from './series.ts';
import { timeOfDayText } from './clock.ts';

interface Props {
  readonly snapshot: LaneSnapshot | undefined;
  readonly params: Readonly<Record<string, ParamValue>>;
  readonly prefix: string;
}

/** Least wall time between two updates of one chart: four times a second is live enough. */
const PACE_MS = 250;

const { blue, vermillion, bluishGreen, reddishPurple } = OKABE_ITO;
const FLEET_GREY = '#6B7280';

const DEMAND_LINES: readonly LineSpec[] = [
  { key: 'demand', label: 'demand', color: vermillion },
  { key: 'capacity', label: 'capacity', color: blue },
  { key: 'idealCapacity', label: 'ideal capacity (theory)', color: THEORY_COLOR, dashed: true },
];
const POOL_LINE: LineSpec = {
  key: 'dbCapacity',
  label: 'database pool capacity',
  color: reddishPurple,
  dashed: true,
};
const DEMAND_LINES_POOL: readonly LineSpec[] = [...DEMAND_LINES, POOL_LINE];
const FLEET_AREAS: readonly LineSpec[] = [
  { key: 'inService', label: 'serving', color: blue },
  { key: 'warming', label: 'warming', color: '#B07A00' },
  { key: 'booting', label: 'booting', color: FLEET_GREY },
];
const FLEET_LINES: readonly LineSpec[] = [
  { key: 'ideal', label: 'ideal instances (theory)', color: THEORY_COLOR, dashed: true },
];
const LATENCY_LINES: readonly LineSpec[] = [
  { key: 'p99', label: 'p99, worst second (ms)', color: blue },
  { key: 'failed', label: 'errors (req/s)', color: vermillion, dashed: true, right: true },
];
const COST_LINES: readonly LineSpec[] = [
  { key: 'perHour', label: 'cost per hour ($)', color: bluishGreen },
  { key: 'total', label: 'cost so far ($)', color: reddishPurple, dashed: true, right: true },
];

const METRIC_AXIS: Record<ScalingMetric, string> = {
  cpu: 'CPU (%)',
  'rps-per-instance': 'req/s per instance',
  'queue-depth': 'requests per instance',
  'p99-latency': 'p99 (ms)',
};

/** The metric's line, labelled with what it measures; one stable array per metric. */
const METRIC_LINES: Record<ScalingMetric, readonly LineSpec[]> = {
  cpu: [{ key: 'metric', label: METRIC_AXIS.cpu, color: blue }],
  'rps-per-instance': [{ key: 'metric', label: METRIC_AXIS['rps-per-instance'], color: blue }],
  'queue-depth': [{ key: 'metric', label: METRIC_AXIS['queue-depth'], color: blue }],
  'p99-latency': [{ key: 'metric', label: METRIC_AXIS['p99-latency'], color: blue }],
};

const money = (x: number | undefined) => `$${(x ?? 0).toFixed(2)}`;

function AsChartsImpl({ snapshot, params, prefix }: Props) {
  const a = snapshot?.arrays;
  const pool = params.dbBottleneck === true;
  const capacity = Number(params.instanceCapacity);
  const price = Number(params.costPerInstanceHour);
  const series = useMemo(() => buildSeries(a, capacity, price, pool), [a, capacity, price, pool]);
  const demand = usePacedValue(series.demand, PACE_MS);
  // Rows and markers of the instances chart change together.
  const fleetBundle = useMemo(() => ({ rows: series.fleet, marks: series.markers }), [series]);
  const fleet = usePacedValue(fleetBundle, PACE_MS);
  const metric = usePacedValue(series.metric, PACE_MS);
  const latency = usePacedValue(series.latency, PACE_MS);
  const cost = usePacedValue(series.cost, PACE_MS);
  const markers = useMemo<PlotMarker[]>(
    () => [
      { label: 'scale out', color: bluishGreen, shape: 'triangle', points: fleet.marks.out },
      { label: 'scale in', color: vermillion, shape: 'diamond', points: fleet.marks.in },
    ],
    [fleet.marks],
  );

  const startHour = Number(params.startHour);
  const v = snapshot?.values;
  const metricId = String(params.scalingMetric) as ScalingMetric;
  const metricTarget = v?.metricTarget ?? 0;
  const when = snapshot ? ` at ${timeOfDayText(snapshot.nowS, startHour)}` : '';
  const n = (x: number | undefined) => formatValue(x ?? 0);
  const targetLine = useMemo(
    () => [
      {
        y: metricTarget,
        label: `target ${formatMetric(metricId, metricTarget)}`,
        color: THEORY_COLOR,
      },
    ],
    [metricId, metricTarget],
  );
  const sloMs = Number(params.sloLatencyMs);
  const timeoutS = Number(params.requestTimeoutS);
  const latencyLines = useMemo(
    () => [
      { y: sloMs, label: 'SLO', color: THEORY_COLOR },
      { y: timeoutS * 1000, label: 'timeout', color: vermillion },
    ],
    [sloMs, timeoutS],
  );
  const outs = fleet.marks.out.length;
  const ins = fleet.marks.in.length;
  return (
    <div className="lesson-charts">
      <AsChart
        title={`${prefix}Demand against capacity`}
        data={demand}
        startHour={startHour}
        yLabel="req/s"
        lines={pool ? DEMAND_LINES_POOL : DEMAND_LINES}
        summary={`Latest${when}: demand ${n(v?.demandRps)} req/s, capacity ${n(v?.capacityRps)} req/s, ideal capacity ${n((v?.idealInstances ?? 0) * capacity)} req/s${pool ? `, database pool ${n(v?.dbCapacityRps)} req/s` : ''}.`}
      />
      <AsChart
        title={`${prefix}Instances by state, against the ideal count`}
        data={fleet.rows}
        startHour={startHour}
        yLabel="instances"
        areas={FLEET_AREAS}
        lines={FLEET_LINES}
        markers={markers}
        summary={`Latest${when}: ${n(v?.inService)} serving, ${n(v?.warming)} warming, ${n(v?.booting)} booting, ${n(v?.draining)} draining; the ideal is ${n(v?.idealInstances)}. Markers: ${outs} scale-outs and ${ins} scale-ins in view.`}
      />
      <AsChart
        title={`${prefix}${metricName(metricId)} against its target`}
        data={metric}
        startHour={startHour}
        yLabel={METRIC_AXIS[metricId] ?? 'metric'}
        lines={METRIC_LINES[metricId]}
        referenceLines={targetLine}
        summary={`Latest datapoint${when}: ${formatMetric(metricId, v?.metric ?? NaN)} against a target of ${formatMetric(metricId, metricTarget)}.`}
      />
      <AsChart
        title={`${prefix}p99 latency and errors`}
        data={latency}
        startHour={startHour}
        yLabel="p99 (ms)"
        yLabelRight="errors (req/s)"
        lines={LATENCY_LINES}
        referenceLines={latencyLines}
        summary={`Latest second${when}: p99 ${n(v?.p99Ms)} ms, ${n(v?.failedRps)} errors per second; SLO ${n(Number(params.sloLatencyMs))} ms, timeout ${n(Number(params.requestTimeoutS))} s. ${n(v?.failed)} requests failed so far.`}
      />
      <AsChart
        title={`${prefix}Cost`}
        data={cost}
        startHour={startHour}
        yLabel="$ per hour"
        yLabelRight="$ so far"
        lines={COST_LINES}
        summary={`${money(v?.cost)} so far for ${n(v?.instanceHours)} instance-hours at ${money(price)} an instance-hour.`}
      />
    </div>
  );
}

export const AsCharts = memo(AsChartsImpl);
