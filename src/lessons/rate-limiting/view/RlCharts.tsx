// Live charts for one lane of the rate-limiting lesson: the peak rolling count per time bucket
// against the limit and twice the limit, the token level or queue length, and accepted and
// refused requests per second. Re-rendered from full snapshots; each chart takes its data on
// its own animation frame (usePacedValue).
import { memo, useMemo } from 'react';
import { TimeSeriesChart } from '../../../components/charts/TimeSeriesChart.tsx';
import { SERIES_COLORS, THEORY_COLOR } from '../../../components/charts/palette.ts';
import { usePacedValue } from '../../../components/charts/usePacedValue.ts';
import type { ReferenceLineSpec, SeriesSpec } from '../../../components/charts/chartText.ts';
import type { ParamValue } from '../../../sim/params.ts';
import type { LaneSnapshot } from '../../../sim/worker/protocol.ts';

interface Props {
  readonly snapshot: LaneSnapshot | undefined;
  readonly params: Readonly<Record<string, ParamValue>>;
  readonly prefix: string;
}

const [blue, vermillion, green, purple] = SERIES_COLORS as readonly [
  string,
  string,
  string,
  string,
];

const ROLLING_SERIES: readonly SeriesSpec[] = [
  { key: 'rolling', label: 'most accepted in one window', color: blue },
];
const FLOW_SERIES: readonly SeriesSpec[] = [
  { key: 'accepted', label: 'accepted', color: green },
  { key: 'rejected', label: 'refused (429)', color: vermillion, dashed: true },
];
const LEVEL_SERIES: readonly SeriesSpec[] = [{ key: 'level', label: 'level', color: purple }];

const round2 = (x: number | undefined): number | null =>
  x === undefined || !Number.isFinite(x) ? null : Math.round(x * 100) / 100;

function levelTitle(algorithm: ParamValue | undefined): { title: string; axis: string } {
  if (algorithm === 'token-bucket') return { title: 'Tokens in the bucket', axis: 'tokens' };
  if (algorithm === 'leaky-bucket')
    return { title: 'Requests waiting in the queue', axis: 'requests' };
  if (algorithm === 'sliding-counter')
    return { title: 'Weighted estimate of the last window', axis: 'requests' };
  return { title: 'Count in the current window', axis: 'requests' };
}

function RlChartsImpl({ snapshot, params, prefix }: Props) {
  const a = snapshot?.arrays;
  const series = useMemo(() => {
    const t = a?.t;
    if (!a || !t) return { rolling: [], flow: [], level: [] };
    const time = (i: number) => Math.round((t[i] ?? 0) * 10) / 10;
    return {
      rolling: Array.from(t, (_x, i) => ({ t: time(i), rolling: round2(a.rolling?.[i]) })),
      flow: Array.from(t, (_x, i) => ({
        t: time(i),
        accepted: round2(a.accepted?.[i]),
        rejected: round2(a.rejected?.[i]),
      })),
      level: Array.from(t, (_x, i) => ({ t: time(i), level: round2(a.level?.[i]) })),
    };
  }, [a]);
  const rolling = usePacedValue(series.rolling);
  const flow = usePacedValue(series.flow);
  const level = usePacedValue(series.level);

  const limit = Number(params.limit);
  const reference = useMemo<ReferenceLineSpec[]>(
    () => [
      { y: limit, label: `limit ${limit}`, color: THEORY_COLOR },
      { y: 2 * limit, label: `2 × limit ${2 * limit}`, color: THEORY_COLOR },
    ],
    [limit],
  );
  const peak = snapshot?.values.maxAcceptedInWindow;
  const lv = levelTitle(params.algorithm);
  return (
    <div className="lesson-charts">
      <TimeSeriesChart
        title={`${prefix}Accepted in one window (rolling), against the limit`}
        data={rolling}
        xKey="t"
        xLabel="simulated time (s)"
        yLabel="accepted requests"
        series={ROLLING_SERIES}
        referenceLines={reference}
        summary={`Most accepted in any ${Number(params.windowS)} s so far: ${peak ?? 0}. Limit ${limit}, twice the limit ${2 * limit}.`}
      />
      <TimeSeriesChart
        title={`${prefix}${lv.title}`}
        data={level}
        xKey="t"
        xLabel="simulated time (s)"
        yLabel={lv.axis}
        series={LEVEL_SERIES}
      />
      <TimeSeriesChart
        title={`${prefix}Accepted and refused per second`}
        data={flow}
        xKey="t"
        xLabel="simulated time (s)"
        yLabel="requests per second"
        unit="req/s"
        series={FLOW_SERIES}
      />
    </div>
  );
}

export const RlCharts = memo(RlChartsImpl);
