// A live line chart over simulated time (recharts), in a <figure> with a caption and a
// visually hidden sentence of the latest values for screen-reader users.
import { memo, useId } from 'react';
import {
  CartesianGrid,
  Legend,
  Line,
  LineChart,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import {
  describeLatest,
  formatValue,
  type ReferenceLineSpec,
  type SeriesSpec,
} from './chartText.ts';

/** Props of {@link TimeSeriesChart}. Keep `data` at or under about 1,000 rows. */
export interface TimeSeriesChartProps {
  readonly title: string;
  readonly data: readonly Readonly<Record<string, number | null>>[];
  /** Field holding the x value (usually simulated time in seconds). */
  readonly xKey: string;
  /** Axis title with unit, for example "Simulated time (s)". */
  readonly xLabel: string;
  /** Axis title with unit, for example "Latency (ms)". */
  readonly yLabel: string;
  readonly series: readonly SeriesSpec[];
  readonly referenceLines?: readonly ReferenceLineSpec[] | undefined;
  /** Plot height in CSS pixels. */
  readonly height?: number | undefined;
  /** Unit appended to values in the text alternative, for example "ms". */
  readonly unit?: string | undefined;
  /** Replaces the computed text alternative. */
  readonly summary?: string | undefined;
  /** Fixed y range; each end may be 'auto'. */
  readonly yDomain?: readonly [number | 'auto', number | 'auto'] | undefined;
}

const tooltipStyle = {
  background: 'var(--surface)',
  border: '1px solid var(--border)',
  color: 'var(--text)',
  borderRadius: 6,
};

function TimeSeriesChartImpl(props: TimeSeriesChartProps) {
  const captionId = useId();
  const { title, data, xKey, xLabel, yLabel, series, referenceLines = [], height = 240 } = props;
  const text =
    props.summary ?? describeLatest(data, xKey, xLabel, series, referenceLines, props.unit ?? '');
  const domain = props.yDomain ?? ([0, 'auto'] as const);
  return (
    <figure className="chart-card" aria-labelledby={captionId}>
      <figcaption id={captionId} className="chart-title">
        {title}
      </figcaption>
      <div className="chart-plot" aria-hidden="true">
        <ResponsiveContainer width="100%" height={height}>
          <LineChart
            data={data}
            margin={{ top: 8, right: 16, bottom: 20, left: 8 }}
            accessibilityLayer={false}
          >
            <CartesianGrid strokeDasharray="3 3" />
            <XAxis
              dataKey={xKey}
              type="number"
              domain={['dataMin', 'dataMax']}
              tickFormatter={(v: number) => formatValue(v)}
              label={{ value: xLabel, position: 'insideBottom', offset: -12 }}
            />
            <YAxis
              domain={[domain[0], domain[1]]}
              tickFormatter={(v: number) => formatValue(v)}
              label={{
                value: yLabel,
                angle: -90,
                position: 'insideLeft',
                style: { textAnchor: 'middle' },
              }}
              width={64}
            />
            <Tooltip
              isAnimationActive={false}
              contentStyle={tooltipStyle}
              formatter={(v) => (typeof v === 'number' ? formatValue(v) : String(v))}
              labelFormatter={(x) =>
                `${xLabel}: ${typeof x === 'number' ? formatValue(x) : String(x)}`
              }
            />
            <Legend verticalAlign="top" height={28} />
            {referenceLines.map((r) => (
              <ReferenceLine
                key={`${r.label}-${r.y}`}
                y={r.y}
                stroke={r.color}
                strokeDasharray="4 4"
                ifOverflow="extendDomain"
                label={{ value: r.label, position: 'insideTopRight', fill: r.color }}
              />
            ))}
            {series.map((s) => (
              <Line
                key={s.key}
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
          </LineChart>
        </ResponsiveContainer>
      </div>
      <p className="visually-hidden">{text}</p>
    </figure>
  );
}

/** Line chart of series over time with optional reference lines and a text alternative. */
export const TimeSeriesChart = memo(TimeSeriesChartImpl);
