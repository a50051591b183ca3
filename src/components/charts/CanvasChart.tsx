// The plot inside every chart card: lines on one or two value axes, stacked step areas or
// bars, dashed reference lines and point markers, drawn by uPlot on a canvas, with a legend
// that reads the newest values (or the hovered ones). The cards around it (TimeSeriesChart,
// BarChartCard, the autoscaling lesson's AsChart) add the caption and the text alternative;
// the plot itself is hidden from assistive technology.
//
// Why uPlot and not recharts, which drew these charts first: a live lesson redraws five charts
// several times a second while the simulation plays. One recharts update cost 10 to 45 ms of
// main-thread script on the CI machine class (its store re-renders every axis, series and
// label as React elements) plus the garbage collections its allocations bring, and tasks of
// 50 to 130 ms broke the page-speed bar (no main-thread task over 50 ms while playing). A uPlot
// update is one canvas redraw: well under a millisecond.
import { memo, useEffect, useRef, useState } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import { cssVar, media } from '../theme.ts';
import { formatValue, type ReferenceLineSpec, type SeriesSpec } from './chartText.ts';
import { plotColumns, valueRange, type Row } from './plotData.ts';

export type { Row } from './plotData.ts';

export interface PlotMarker {
  readonly label: string;
  readonly color: string;
  readonly shape: 'triangle' | 'diamond';
  /** Points in axis units: `x` on the horizontal axis, `y` on the left one. */
  readonly points: readonly { readonly x: number; readonly y: number }[];
}

/** The horizontal axis: its title, where its ticks go and how they read. */
export interface XAxisSpec {
  readonly label: string;
  /** Tick text for an x value. */
  readonly format: (x: number) => string;
  /** The hovered x in the legend; `format` when absent. */
  readonly hoverText?: ((x: number) => string) | undefined;
  /** Spacings uPlot may choose between for ticks; its own when absent. */
  readonly incrs?: readonly number[] | undefined;
  /** Tick positions for a chosen spacing; multiples of the spacing when absent. */
  readonly ticks?: ((min: number, max: number, incr: number) => number[]) | undefined;
  /** The visible range; the data's own when absent. */
  readonly range?: ((min: number, max: number) => [number, number]) | undefined;
  /** Least pixels between two ticks. */
  readonly space?: number | undefined;
  /** Vertical grid lines at the ticks (default true). */
  readonly grid?: boolean | undefined;
}

export interface CanvasChartProps {
  readonly data: readonly Row[];
  /** Field of each row holding its x value. */
  readonly xKey: string;
  readonly xAxis: XAxisSpec;
  readonly yLabel: string;
  readonly yLabelRight?: string | undefined;
  /** A fixed top for the left axis (for example 100 for percentages). */
  readonly yMax?: number | undefined;
  readonly lines?: readonly SeriesSpec[] | undefined;
  /** Stacked step areas, bottom first. */
  readonly areas?: readonly SeriesSpec[] | undefined;
  /** Bars, one slot per row; several series nest, each narrower than the one before. */
  readonly bars?: readonly SeriesSpec[] | undefined;
  /** Dashed horizontal lines on the left axis (targets, limits); always kept in view. */
  readonly referenceLines?: readonly ReferenceLineSpec[] | undefined;
  readonly markers?: readonly PlotMarker[] | undefined;
  /** Height of the plot in CSS pixels, legend excluded. */
  readonly height?: number | undefined;
}

const NONE: readonly never[] = [];
const FONT_FAMILY = 'system-ui, sans-serif';
const FONT = `12px ${FONT_FAMILY}`;
const AREA_ALPHA = 0.35;
/** Width the plot is drawn at before its box has been measured. */
const FALLBACK_WIDTH = 360;
const AXIS_SIZE = 56;

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

/** What the draw hook, ranges and legend need from the newest props. */
interface Current {
  readonly props: CanvasChartProps;
  readonly areaValues: readonly (readonly (number | null)[])[];
  readonly columns: uPlot.AlignedData;
}

/** Stands in until the first props arrive. */
const BLANK: Current = {
  props: { data: [], xKey: 'x', xAxis: { label: '', format: String }, yLabel: '' },
  areaValues: [],
  columns: [[]],
};

/** Plotted series in uPlot's order (after x): areas, bars, lines, then marker legend entries. */
function current(props: CanvasChartProps): Current {
  const { data, xKey, areas = NONE, bars = NONE, lines = NONE, markers = NONE } = props;
  const { columns, areaValues } = plotColumns(
    data,
    xKey,
    areas.map((a) => a.key),
    [...bars, ...lines].map((l) => l.key),
  );
  // Marker legend entries are series without data (the markers are drawn by the hook).
  const empty = markers.map(() => data.map(() => null));
  return { props, areaValues, columns: [...columns, ...empty] as uPlot.AlignedData };
}

/** Reference lines and markers, drawn over the series and clipped to the plot. */
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
    ctx.font = `${12 * px}px ${FONT_FAMILY}`;
    ctx.textAlign = 'right';
    ctx.textBaseline = 'bottom';
    ctx.fillText(r.label, left + width - 4 * px, y - 2 * px);
  }
  const s = 5 * px;
  for (const m of markers) {
    ctx.fillStyle = m.color;
    ctx.beginPath();
    for (const p of m.points) {
      const x = u.valToPos(p.x, 'x', true);
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

function chartOptions(latest: { current: Current }, theme: Theme, width: number): uPlot.Options {
  const props = latest.current.props;
  const { xAxis, areas = NONE, bars = NONE, lines = NONE, markers = NONE } = props;
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
  const onScale = (u: uPlot, key: string) =>
    u.data.slice(1).filter((_, i) => u.series[i + 1]?.scale === key) as (number | null)[][];
  const stepped = uPlot.paths.stepped?.({ align: 1 });
  const barPaths = (i: number) =>
    uPlot.paths.bars?.({ size: [Math.max(0.25, 0.7 - 0.2 * i), 80], align: 0 });
  const hover = xAxis.hoverText ?? xAxis.format;
  const series: uPlot.Series[] = [
    {
      label: xAxis.label,
      value: (u, _v, _s, idx) => {
        const x = u.data[0][row(u, idx)];
        return x === undefined ? '' : hover(x);
      },
    },
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
    ...bars.map((b, i): uPlot.Series => {
      const paths = barPaths(i);
      return {
        label: b.label,
        scale: 'y',
        stroke: b.color,
        fill: b.color,
        width: 0,
        ...(paths ? { paths } : {}),
        points: { show: false },
        value: (u, _v, si, idx) => num(u.data[si]?.[row(u, idx)]),
      };
    }),
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
  const xRange = xAxis.range;
  const xTicks = xAxis.ticks;
  return {
    width,
    height: props.height ?? 190,
    padding: [10, right ? 4 : 16, 0, 4],
    cursor: { drag: { x: false, y: false }, points: { show: false } },
    legend: { live: true },
    scales: {
      x: { time: false, ...(xRange ? { range: (_u, min, max) => xRange(min, max) } : {}) },
      y: { range: (u) => valueRange(onScale(u, 'y'), refs(), latest.current.props.yMax) },
      ...(right ? { y2: { range: (u: uPlot) => valueRange(onScale(u, 'y2'), NONE) } } : {}),
    },
    axes: [
      {
        ...axisStyle,
        label: xAxis.label,
        labelSize: 18,
        size: 28,
        space: xAxis.space ?? 56,
        ...(xAxis.grid === false ? { grid: { show: false } } : {}),
        ...(xAxis.incrs ? { incrs: [...xAxis.incrs] } : {}),
        ...(xTicks ? { splits: (_u, _a, min, max, incr) => xTicks(min, max, incr) } : {}),
        values: (_u, splits) => splits.map((v) => xAxis.format(v)),
      },
      {
        ...axisStyle,
        scale: 'y',
        label: props.yLabel,
        size: AXIS_SIZE,
        values: (_u, splits) => splits.map((v) => formatValue(v)),
      },
      ...(right
        ? [
            {
              ...axisStyle,
              scale: 'y2',
              side: 1 as const,
              label: props.yLabelRight ?? '',
              size: AXIS_SIZE,
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

function CanvasChartImpl(props: CanvasChartProps) {
  const host = useRef<HTMLDivElement>(null);
  const chart = useRef<uPlot | null>(null);
  const latest = useRef<Current>(BLANK);
  const scheme = useSchemeVersion();
  const { xAxis, lines, areas, bars, markers } = props;
  // What the chart is made of, as text; the markers' points are data, so only their kinds count.
  const shape = JSON.stringify([
    props.xKey,
    props.yLabel,
    props.yLabelRight,
    props.height,
    lines,
    areas,
    bars,
    markers?.map((m) => [m.label, m.color, m.shape]),
  ]);

  // Declared first so that it runs first: the chart below is created from these columns.
  useEffect(() => {
    latest.current = current(props);
    chart.current?.setData(latest.current.columns);
  }, [props]);

  // Made again only when what the chart is made of changes; new data just redraws it.
  useEffect(() => {
    const el = host.current;
    if (!el) return;
    const width = el.clientWidth > 0 ? el.clientWidth : FALLBACK_WIDTH;
    const u = new uPlot(chartOptions(latest, readTheme(), width), latest.current.columns, el);
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
    // `shape` and `xAxis` stand for everything chartOptions reads from the props.
  }, [shape, xAxis, scheme]);

  return <div ref={host} className="chart-plot" aria-hidden="true" />;
}

/** The canvas plot of a chart card; redraws when its props change. */
export const CanvasChart = memo(CanvasChartImpl);
