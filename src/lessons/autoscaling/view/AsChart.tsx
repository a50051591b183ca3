// One live chart of the autoscaling lesson over the time of day (recharts): lines on one or two
// axes, optionally stacked areas, dashed reference lines and scaling-action markers, in a
// <figure> with a caption and a visually hidden sentence for screen-reader users.
import { memo, useId } from 'react';
import {
  Area,
  CartesianGrid,
  ComposedChart,
  Legend,
  Line,
  ReferenceLine,
  ResponsiveContainer,
  Scatter,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { formatValue } from '../../../components/charts/chartText.ts';
import { tickText, timeOfDayText } from './clock.ts';

export type Row = Readonly<Record<string, number | null>>;

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

export interface AsChartProps {
  readonly title: string;
  readonly data: readonly Row[];
  readonly startHour: number;
  readonly yLabel: string;
  readonly yLabelRight?: string | undefined;
  readonly lines?: readonly LineSpec[];
  /** Stacked areas, bottom first. */
  readonly areas?: readonly LineSpec[];
  readonly referenceLines?: readonly { y: number; label: string; color: string }[];
  readonly markers?: readonly MarkerSpec[];
  /** The text alternative: a sentence of the latest values. */
  readonly summary: string;
  readonly height?: number;
}

const tooltipStyle = {
  background: 'var(--surface)',
  border: '1px solid var(--border)',
  color: 'var(--text)',
  borderRadius: 6,
};

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

function PlotImpl(props: PlotProps) {
  const { data, startHour, lines = [], areas = [], referenceLines = [], markers = [] } = props;
  const first = data[0]?.t ?? 0;
  const last = data[data.length - 1]?.t ?? 0;
  const withDay = (last ?? 0) - (first ?? 0) > 30 * 3600;
  const right = lines.some((l) => l.right);
  return (
    <div className="chart-plot" aria-hidden="true">
      <ResponsiveContainer width="100%" height={props.height ?? 230}>
        <ComposedChart
          data={data as Row[]}
          margin={{ top: 8, right: right ? 4 : 16, bottom: 20, left: 8 }}
          accessibilityLayer={false}
        >
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis
            dataKey="t"
            type="number"
            domain={['dataMin', 'dataMax']}
            tickFormatter={(v: number) => tickText(v, startHour, withDay)}
            label={{ value: 'time of day', position: 'insideBottom', offset: -12 }}
          />
          <YAxis
            yAxisId="left"
            domain={[0, 'auto']}
            tickFormatter={(v: number) => formatValue(v)}
            label={{
              value: props.yLabel,
              angle: -90,
              position: 'insideLeft',
              style: { textAnchor: 'middle' },
            }}
            width={64}
          />
          {right && (
            <YAxis
              yAxisId="right"
              orientation="right"
              domain={[0, 'auto']}
              tickFormatter={(v: number) => formatValue(v)}
              label={{
                value: props.yLabelRight ?? '',
                angle: 90,
                position: 'insideRight',
                style: { textAnchor: 'middle' },
              }}
              width={64}
            />
          )}
          <Tooltip
            isAnimationActive={false}
            contentStyle={tooltipStyle}
            formatter={(v) => (typeof v === 'number' ? formatValue(v) : String(v))}
            labelFormatter={(x) =>
              typeof x === 'number' ? timeOfDayText(x, startHour) : String(x)
            }
          />
          <Legend verticalAlign="top" itemSorter={null} wrapperStyle={{ paddingBottom: 6 }} />
          {referenceLines.map((r) => (
            <ReferenceLine
              key={`${r.label}-${r.y}`}
              yAxisId="left"
              y={r.y}
              stroke={r.color}
              strokeDasharray="4 4"
              ifOverflow="extendDomain"
              label={{ value: r.label, position: 'insideTopRight', fill: r.color }}
            />
          ))}
          {areas.map((a) => (
            <Area
              key={a.key}
              yAxisId="left"
              type="stepAfter"
              dataKey={a.key}
              name={a.label}
              stackId="stack"
              stroke={a.color}
              fill={a.color}
              fillOpacity={0.35}
              isAnimationActive={false}
              activeDot={false}
            />
          ))}
          {lines.map((s) => (
            <Line
              key={s.key}
              yAxisId={s.right ? 'right' : 'left'}
              type="linear"
              dataKey={s.key}
              name={s.label}
              stroke={s.color}
              strokeWidth={2}
              {...(s.dashed ? { strokeDasharray: '6 4' } : {})}
              dot={false}
              activeDot={false}
              isAnimationActive={false}
              connectNulls={false}
            />
          ))}
          {markers.map((m) => (
            <Scatter
              key={m.label}
              yAxisId="left"
              name={m.label}
              data={m.points as { t: number; y: number }[]}
              dataKey="y"
              fill={m.color}
              shape={m.shape}
              isAnimationActive={false}
            />
          ))}
        </ComposedChart>
      </ResponsiveContainer>
    </div>
  );
}

const Plot = memo(PlotImpl);
