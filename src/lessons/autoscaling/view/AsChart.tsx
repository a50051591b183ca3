// One live chart of the autoscaling lesson over the time of day: lines on one or two axes,
// optionally stacked areas, dashed reference lines and scaling-action markers, in a <figure>
// with a caption and a visually hidden sentence for screen-reader users.
//
// Drawn with uPlot on a canvas, not with recharts like the other lessons' charts: this lesson
// plays at up to 7200x and redraws days of data, and one recharts update here took 10 to 45 ms
// of main-thread work (its store re-renders every axis, series and label), which with a
// garbage collection now and then broke the 50 ms long-task bar (e2e/lesson-gates.spec.ts).
// A uPlot update is a redraw of one canvas, well under a millisecond of script.
import { memo, useEffect, useId, useRef, useState } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import { formatValue } from '../../../components/charts/chartText.ts';
import { cssVar, media } from '../../../components/theme.ts';
import { tickText, timeOfDayText } from './clock.ts';
import { clockTicks, plotColumns, TIME_INCREMENTS, valueRange, type Row } from './plotData.ts';

export type { Row } from './plotData.ts';

export interface LineSpec {
  readonly key: string;
  readonly label: string;
  readonly color: string;
  readonly dashed?: boolean;
  /** Plot against the right-hand axis. */
  readonly right?: boolean;
}

export interface MarkerSpec {
  readonly label: string;
  readonly color: string;
  readonly shape: 'triangle' | 'diamond';
  readonly points: readonly { readonly t: number; readonly y: number }[];
}

export interface ReferenceLineSpec {
  readonly y: number;
  readonly label: string;
  readonly color: string;
}

export interface AsChartProps {
  readonly title: string;
  readonly data: readonly Row[];
  readonly startHour: number;
  readonly yLabel: string;
  readonly yLabelRight?: string | undefined;
  readonly lines?: readonly LineSpec[] | undefined;
  /** Stacked areas, bottom first. */
  readonly areas?: readonly LineSpec[] | undefined;
  /** Dashed horizontal lines on the left axis (targets, limits); always kept in view. */
  readonly referenceLines?: readonly ReferenceLineSpec[] | undefined;
  readonly markers?: readonly MarkerSpec[] | undefined;
  /** The text alternative: a sentence of the latest values. */
  readonly summary: string;
  /** Height of the plot in CSS pixels, legend excluded. */
  readonly height?: number | undefined;
}

/**
 * A chart over the time of day with a text alternative. The sentence changes with every
 * snapshot; the plot redraws only when its own props change (new rows come paced).
 */
export function AsChart({ title, summary, ...plot }: AsChartProps) {
  const captionId = useId();
  return (
    <figure className="chart-card" aria-labelledby={captionId}>
      <figcaption id={captionId} className="chart-title">
        {title}
      </figcaption>
      <Plot {...plot} />
      <p className="visually-hidden">{summary}</p>
    </figure>
  );
}

type PlotProps = Omit<AsChartProps, 'title' | 'summary'>;

const NONE: readonly never[] = [];
const FONT = '12px system-ui, sans-serif';
const AREA_ALPHA = 0.35;
/** Width the plot is drawn at before its box has been measured. */
const FALLBACK_WIDTH = 360;

interface Theme {
  readonly text: string;
  readonly grid: string;
  readonly axis: string;
}

function readTheme(): Theme {
  return {
    text: cssVar('--text', '#111827'),
    grid: cssVar('--grid', '#dde2e8'),
    axis: cssVar('--border-strong', '#6b7280'),
  };
}

/** `#RRGGBB` at opacity `alpha`, for fills. */
function withAlpha(hex: string, alpha: number): string {
  const m = /^#([0-9a-f]{6})$/i.exec(hex);
  if (!m?.[1]) return hex;
  const n = parseInt(m[1], 16);
  return `rgba(${(n >> 16) & 255}, ${(n >> 8) & 255}, ${n & 255}, ${alpha})`;
}

/** What the draw hook, ranges and readouts need from the newest props. */
interface Current {
  readonly props: PlotProps;
  readonly areaValues: readonly (readonly (number | null)[])[];
  /** Whether the time axis spans days (ticks then name the day). */
  readonly withDay: boolean;
}

/** Stands in until the first props arrive. */
const BLANK: Current = {
  props: { data: [], startHour: 0, yLabel: '' },
  areaValues: [],
  withDay: false,
};

function current(props: PlotProps): Current & { columns: uPlot.AlignedData } {
  const { data, areas = NONE, lines = NONE, markers = NONE } = props;
  const { columns, areaValues } = plotColumns(
    data,
    areas.map((a) => a.key),
    lines.map((l) => l.key),
  );
  const first = data[0]?.t ?? 0;
  const last = data[data.length - 1]?.t ?? 0;
  // Marker legend entries are series without data (the markers are drawn by the hook).
  const empty = markers.map(() => data.map(() => null));
  return {
    props,
    areaValues,
    withDay: (last ?? 0) - (first ?? 0) > 30 * 3600,
    columns: [...columns, ...empty] as uPlot.AlignedData,
  };
}

/** Reference lines and scaling-action markers, drawn over the series. */
function drawOverlays(u: uPlot, { props }: Current): void {
  const { referenceLines = NONE, markers = NONE } = props;
  const ctx = u.ctx;
  const px = uPlot.pxRatio;
  const { left, top, width, height } = u.bbox;
  ctx.save();
  ctx.beginPath();
  ctx.rect(left, top, width, height);
  ctx.clip();
  for (const r of referenceLines) {
    const y = u.valToPos(r.y, 'y', true);
    if (!Number.isFinite(y)) continue;
    ctx.strokeStyle = r.color;
    ctx.lineWidth = px;
    ctx.setLineDash([4 * px, 4 * px]);
    ctx.beginPath();
    ctx.moveTo(left, y);
    ctx.lineTo(left + width, y);
    ctx.stroke();
    ctx.setLineDash([]);
    ctx.fillStyle = r.color;
    ctx.font = `${12 * px}px system-ui, sans-serif`;
    ctx.textAlign = 'right';
    ctx.textBaseline = 'bottom';
    ctx.fillText(r.label, left + width - 4 * px, y - 2 * px);
  }
  const s = 5 * px;
  for (const m of markers) {
    ctx.fillStyle = m.color;
    ctx.beginPath();
    for (const p of m.points) {
      const x = u.valToPos(p.t, 'x', true);
      const y = u.valToPos(p.y, 'y', true);
      if (!Number.isFinite(x) || !Number.isFinite(y)) continue;
      if (m.shape === 'triangle') {
        ctx.moveTo(x, y - s);
        ctx.lineTo(x + s, y + 0.8 * s);
        ctx.lineTo(x - s, y + 0.8 * s);
      } else {
        ctx.moveTo(x, y - s);
        ctx.lineTo(x + s, y);
        ctx.lineTo(x, y + s);
        ctx.lineTo(x - s, y);
      }
      ctx.closePath();
    }
    ctx.fill();
  }
  ctx.restore();
}

function chartOptions(
  props: PlotProps,
  latest: { current: Current },
  theme: Theme,
  width: number,
): uPlot.Options {
  const { startHour, areas = NONE, lines = NONE, markers = NONE } = props;
  const right = lines.some((l) => l.right);
  const num = (v: number | null | undefined) =>
    v === null || v === undefined ? '–' : formatValue(v);
  // Away from the plot the legend reads the newest row; over it, the row under the pointer.
  const row = (u: uPlot, idx: number | null) => idx ?? u.data[0].length - 1;
  const axisStyle = {
    stroke: theme.text,
    font: FONT,
    labelFont: FONT,
    grid: { stroke: theme.grid, width: 1 },
    ticks: { stroke: theme.axis, width: 1, size: 4 },
  };
  const leftColumns = (u: uPlot) =>
    u.data.slice(1).filter((_, i) => u.series[i + 1]?.scale === 'y') as (number | null)[][];
  const rightColumns = (u: uPlot) =>
    u.data.slice(1).filter((_, i) => u.series[i + 1]?.scale === 'y2') as (number | null)[][];
  const stepped = uPlot.paths.stepped?.({ align: 1 });
  const series: uPlot.Series[] = [
    { label: 'time', value: (_u, v) => (v === null ? '' : timeOfDayText(v, startHour)) },
    ...areas.map((a, i): uPlot.Series => ({
      label: a.label,
      scale: 'y',
      stroke: a.color,
      fill: withAlpha(a.color, AREA_ALPHA),
      width: 1,
      ...(stepped ? { paths: stepped } : {}),
      points: { show: false },
      value: (u, _v, _s, idx) => num(latest.current.areaValues[i]?.[row(u, idx)]),
    })),
    ...lines.map((l): uPlot.Series => ({
      label: l.label,
      scale: l.right ? 'y2' : 'y',
      stroke: l.color,
      width: 2,
      ...(l.dashed ? { dash: [6, 4] } : {}),
      points: { show: false },
      value: (u, _v, si, idx) => num(u.data[si]?.[row(u, idx)]),
    })),
    ...markers.map((m, j): uPlot.Series => ({
      label: `${m.label} (${m.shape === 'triangle' ? '▲' : '◆'})`,
      scale: 'y',
      stroke: m.color,
      fill: m.color,
      width: 0,
      points: { show: false },
      value: () => `${latest.current.props.markers?.[j]?.points.length ?? 0} in view`,
    })),
  ];
  const refs = () => (latest.current.props.referenceLines ?? NONE).map((r) => r.y);
  return {
    width,
    height: props.height ?? 190,
    padding: [10, right ? 4 : 16, 0, 4],
    cursor: { drag: { x: false, y: false }, points: { show: false } },
    legend: { live: true },
    scales: {
      x: { time: false },
      y: { range: (u) => valueRange(leftColumns(u), refs()) },
      ...(right ? { y2: { range: (u: uPlot) => valueRange(rightColumns(u), NONE) } } : {}),
    },
    axes: [
      {
        ...axisStyle,
        label: 'time of day',
        labelSize: 18,
        size: 28,
        space: 56,
        incrs: [...TIME_INCREMENTS],
        splits: (_u, _axis, min, max, incr) => clockTicks(min, max, incr, startHour),
        values: (_u, splits) => splits.map((v) => tickText(v, startHour, latest.current.withDay)),
      },
      {
        ...axisStyle,
        scale: 'y',
        label: props.yLabel,
        size: 56,
        values: (_u, splits) => splits.map((v) => formatValue(v)),
      },
      ...(right
        ? [
            {
              ...axisStyle,
              scale: 'y2',
              side: 1 as const,
              label: props.yLabelRight ?? '',
              size: 56,
              grid: { show: false },
              values: (_u: uPlot, splits: number[]) => splits.map((v) => formatValue(v)),
            },
          ]
        : []),
    ],
    series,
    // Each stacked area fills down to the one below it.
    bands: areas.slice(1).map((a, i) => ({
      series: [i + 2, i + 1] as [number, number],
      fill: withAlpha(a.color, AREA_ALPHA),
    })),
    hooks: { draw: [(u) => drawOverlays(u, latest.current)] },
  };
}

/** Bumps whenever the colour scheme changes, so the canvas is redrawn in the new colours. */
function useSchemeVersion(): number {
  const [version, setVersion] = useState(0);
  useEffect(() => {
    const scheme = media('(prefers-color-scheme: dark)');
    const onChange = () => setVersion((v) => v + 1);
    scheme?.addEventListener('change', onChange);
    return () => scheme?.removeEventListener('change', onChange);
  }, []);
  return version;
}

function PlotImpl(props: PlotProps) {
  const { data, startHour, yLabel, yLabelRight, lines, areas, referenceLines, markers, height } =
    props;
  const host = useRef<HTMLDivElement>(null);
  const chart = useRef<uPlot | null>(null);
  const latest = useRef<Current>(BLANK);
  const columns = useRef<uPlot.AlignedData>([[]]);
  const scheme = useSchemeVersion();
  const markerKinds = (markers ?? NONE).map((m) => `${m.label}|${m.color}|${m.shape}`).join();

  // Declared first so that it runs first: the chart below is created from these columns.
  useEffect(() => {
    const next = current({
      data,
      startHour,
      yLabel,
      yLabelRight,
      lines,
      areas,
      referenceLines,
      markers,
      height,
    });
    latest.current = next;
    columns.current = next.columns;
    chart.current?.setData(next.columns);
  }, [data, startHour, yLabel, yLabelRight, lines, areas, referenceLines, markers, height]);

  // Made again only when what the chart is made of changes; new data just redraws it.
  useEffect(() => {
    const el = host.current;
    if (!el) return;
    const width = el.clientWidth > 0 ? el.clientWidth : FALLBACK_WIDTH;
    const options = chartOptions(latest.current.props, latest, readTheme(), width);
    const u = new uPlot(options, columns.current, el);
    chart.current = u;
    const resize = new ResizeObserver(() => {
      const w = el.clientWidth;
      if (w > 0 && w !== u.width) u.setSize({ width: w, height: u.height });
    });
    resize.observe(el);
    return () => {
      resize.disconnect();
      u.destroy();
      chart.current = null;
    };
    // markerKinds stands for the marker specs' labels, colours and shapes; scheme for the theme.
  }, [startHour, yLabel, yLabelRight, lines, areas, markerKinds, height, scheme]);

  return <div ref={host} className="chart-plot" aria-hidden="true" />;
}

const Plot = memo(PlotImpl);
