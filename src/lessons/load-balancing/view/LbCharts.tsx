// Live charts for one lane of the load-balancing lesson: latency percentiles over time with
// the theoretical values where theory applies, throughput and errors, per-server utilisation
// and queues, and the latency distribution. Re-rendered from full snapshots (10 Hz at most);
// each chart takes its data on its own animation frame (usePacedValue), so no one task
// updates them all.
import { memo, useMemo } from 'react';
import { TimeSeriesChart } from '../../../components/charts/TimeSeriesChart.tsx';
import { BarChartCard } from '../../../components/charts/BarChartCard.tsx';
import { SERIES_COLORS, THEORY_COLOR } from '../../../components/charts/palette.ts';
import { usePacedValue } from '../../../components/charts/usePacedValue.ts';
import type { ReferenceLineSpec, SeriesSpec } from '../../../components/charts/chartText.ts';
import type { ParamValue } from '../../../sim/params.ts';
import type { LaneSnapshot } from '../../../sim/worker/protocol.ts';
import { COARSE_BINS } from '../../../sim/metrics/TimeBuckets.ts';
import { lbTheory } from '../model/theory.ts';
import { LIVE_WARMUP_S } from '../../../state/lessonSession.ts';

interface Props {
  readonly snapshot: LaneSnapshot | undefined;
  readonly params: Readonly<Record<string, ParamValue>>;
  readonly serverName: (i: number) => string;
  /** Prefix for chart titles in compare mode ("A: ", "B: "). */
  readonly prefix: string;
}

const finite = (x: number | undefined): number | null =>
  x === undefined || !Number.isFinite(x) ? null : Math.round(x * 100) / 100;

const [blue, vermillion, green, purple] = SERIES_COLORS as readonly [
  string,
  string,
  string,
  string,
];

// Series specs are constants so the memoised charts see the same props between updates.
const LATENCY_SERIES: readonly SeriesSpec[] = [
  { key: 'p50', label: 'p50', color: blue },
  { key: 'p95', label: 'p95', color: green },
  { key: 'p99', label: 'p99', color: vermillion },
];
const FLOW_SERIES: readonly SeriesSpec[] = [
  { key: 'throughput', label: 'completed', color: blue },
  { key: 'errors', label: 'rejected + failed', color: vermillion, dashed: true },
];
const UTILISATION_SERIES: readonly SeriesSpec[] = [
  { key: 'utilization', label: 'utilisation', color: green },
];
const QUEUE_SERIES: readonly SeriesSpec[] = [
  { key: 'queue', label: 'queue length', color: purple },
];
const DIST_SERIES: readonly SeriesSpec[] = [{ key: 'share', label: 'share', color: blue }];

/** Upper edge of coarse latency bin k, in ms (bins are 20 % wide from 0.1 ms). */
function binUpperMs(k: number): number {
  return 0.1 * Math.pow(1.2, k);
}

function LbChartsImpl({ snapshot, params, serverName, prefix }: Props) {
  const verdict = useMemo(() => lbTheory(params), [params]);
  const a = snapshot?.arrays;
  const series = useMemo(() => {
    const t = a?.t;
    if (!a || !t) return { latency: [], flow: [], servers: [], dist: [] };
    const latency = Array.from(t, (time, i) => ({
      t: Math.round(time * 10) / 10,
      p50: finite(a.p50?.[i]),
      p95: finite(a.p95?.[i]),
      p99: finite(a.p99?.[i]),
    }));
    const flow = Array.from(t, (time, i) => ({
      t: Math.round(time * 10) / 10,
      throughput: finite(a.throughput?.[i]),
      errors: finite(a.errors?.[i]),
    }));
    const servers = Array.from(a.utilRecent ?? [], (u, i) => ({
      server: serverName(i),
      utilization: Math.round(u * 1000) / 10,
      queue: finite(a.queueRecent?.[i]),
    }));
    const d = a.dist ?? new Float64Array(COARSE_BINS);
    let lo = d.findIndex((v) => v > 0);
    let hi = d.length - 1;
    while (hi > 0 && (d[hi] ?? 0) === 0) hi--;
    if (lo < 0) lo = hi = 0;
    const total = d.reduce((s, v) => s + v, 0) || 1;
    const dist = [];
    for (let k = lo; k <= hi; k++) {
      const upper = binUpperMs(k);
      dist.push({
        bin: upper < 10 ? `≤${upper.toFixed(1)}` : `≤${Math.round(upper)}`,
        share: Math.round(((d[k] ?? 0) / total) * 1000) / 10,
      });
    }
    return { latency, flow, servers, dist };
  }, [a, serverName]);

  // Each chart's data changes on its own turn (see usePacedValue); both server charts share one.
  const latency = usePacedValue(series.latency);
  const flow = usePacedValue(series.flow);
  const utilisation = usePacedValue(series.servers);
  const queues = usePacedValue(series.servers);
  const dist = usePacedValue(series.dist);

  const theory = verdict.theory;
  const reference = useMemo<ReferenceLineSpec[]>(
    () =>
      theory
        ? [
            ...(theory.p50Ms !== null
              ? [{ y: theory.p50Ms, label: `theory p50`, color: THEORY_COLOR }]
              : []),
            ...(theory.p99Ms !== null
              ? [{ y: theory.p99Ms, label: `theory p99`, color: THEORY_COLOR }]
              : []),
            ...(theory.p50Ms === null
              ? [{ y: theory.meanMs, label: `theory mean`, color: THEORY_COLOR }]
              : []),
          ]
        : [],
    [theory],
  );
  const last = latency[latency.length - 1];
  const theoryText = theory
    ? `Theory (${theory.model}): mean ${theory.meanMs.toFixed(1)} ms${theory.p99Ms !== null ? `, p99 ${theory.p99Ms.toFixed(1)} ms` : ''}.`
    : `No theory line: ${verdict.reason}.`;

  return (
    <div className="lesson-charts">
      <TimeSeriesChart
        title={`${prefix}Latency percentiles over time`}
        data={latency}
        xKey="t"
        xLabel="simulated time (s)"
        yLabel="latency (ms)"
        unit="ms"
        series={LATENCY_SERIES}
        referenceLines={reference}
        summary={`${last ? `Latest: p50 ${last.p50 ?? '–'} ms, p95 ${last.p95 ?? '–'} ms, p99 ${last.p99 ?? '–'} ms.` : 'No requests finished yet.'} ${theoryText}`}
      />
      <TimeSeriesChart
        title={`${prefix}Throughput and errors`}
        data={flow}
        xKey="t"
        xLabel="simulated time (s)"
        yLabel="requests per second"
        unit="req/s"
        series={FLOW_SERIES}
      />
      <BarChartCard
        title={`${prefix}Utilisation per server (last 10 s)`}
        data={utilisation}
        categoryKey="server"
        categoryLabel="server"
        valueLabel="busy slots (%)"
        unit="%"
        yMax={100}
        series={UTILISATION_SERIES}
      />
      <BarChartCard
        title={`${prefix}Mean queue length per server (last 10 s)`}
        data={queues}
        categoryKey="server"
        categoryLabel="server"
        valueLabel="requests waiting"
        series={QUEUE_SERIES}
      />
      {dist.length <= 1 ? (
        <figure className="chart-card">
          <figcaption>{prefix}Latency distribution</figcaption>
          <p role="status">
            Collecting: the distribution starts after the first {LIVE_WARMUP_S} s of the run.
          </p>
        </figure>
      ) : (
        <BarChartCard
          title={`${prefix}Latency distribution since warm-up`}
          data={dist}
          categoryKey="bin"
          categoryLabel="latency (ms)"
          valueLabel="share of requests (%)"
          unit="%"
          series={DIST_SERIES}
        />
      )}
    </div>
  );
}

/** The lesson's charts for one lane; skips rendering when its props are unchanged. */
export const LbCharts = memo(LbChartsImpl);
