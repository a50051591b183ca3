// A bar chart of one value per category (for example utilisation per server), in a <figure>
// with a caption and a visually hidden table of the same numbers.
import { memo, useId } from 'react';
import {
  Bar,
  BarChart,
  CartesianGrid,
  Legend,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { formatValue, type ReferenceLineSpec, type SeriesSpec } from './chartText.ts';

/** Props of {@link BarChartCard}. */
export interface BarChartCardProps {
  readonly title: string;
  /** One row per category, for example one per server. */
  readonly data: readonly Readonly<Record<string, number | string | null>>[];
  /** Field naming the category, for example "server". */
  readonly categoryKey: string;
  /** Axis and table header for the categories, for example "Server". */
  readonly categoryLabel: string;
  /** Axis title with unit, for example "Utilisation (%)". */
  readonly valueLabel: string;
  readonly series: readonly SeriesSpec[];
  readonly referenceLines?: readonly ReferenceLineSpec[] | undefined;
  readonly height?: number | undefined;
  /** Unit appended to values in the hidden table, for example "%". */
  readonly unit?: string | undefined;
  /** Fixed value range; each end may be 'auto'. */
  readonly yDomain?: readonly [number | 'auto', number | 'auto'] | undefined;
}

const tooltipStyle = {
  background: 'var(--surface)',
  border: '1px solid var(--border)',
  color: 'var(--text)',
  borderRadius: 6,
};

function cellText(v: number | string | null | undefined, unit: string): string {
  if (typeof v === 'string') return v;
  const text = formatValue(v);
  return unit === '' || text === 'no data' ? text : `${text} ${unit}`;
}

function BarChartCardImpl(props: BarChartCardProps) {
  const captionId = useId();
  const {
    title,
    data,
    categoryKey,
    categoryLabel,
    valueLabel,
    series,
    referenceLines = [],
  } = props;
  const unit = props.unit ?? '';
  const domain = props.yDomain ?? ([0, 'auto'] as const);
  return (
    <figure className="chart-card" aria-labelledby={captionId}>
      <figcaption id={captionId} className="chart-title">
        {title}
      </figcaption>
      <div className="chart-plot" aria-hidden="true">
        <ResponsiveContainer width="100%" height={props.height ?? 220}>
          <BarChart
            data={data}
            margin={{ top: 8, right: 16, bottom: 20, left: 8 }}
            accessibilityLayer={false}
          >
            <CartesianGrid strokeDasharray="3 3" vertical={false} />
            <XAxis
              dataKey={categoryKey}
              label={{ value: categoryLabel, position: 'insideBottom', offset: -12 }}
            />
            <YAxis
              domain={[domain[0], domain[1]]}
              tickFormatter={(v: number) => formatValue(v)}
              label={{
                value: valueLabel,
                angle: -90,
                position: 'insideLeft',
                style: { textAnchor: 'middle' },
              }}
              width={64}
            />
            <Tooltip
              isAnimationActive={false}
              contentStyle={tooltipStyle}
              cursor={{ fill: 'var(--hover)' }}
              formatter={(v) => (typeof v === 'number' ? formatValue(v) : String(v))}
            />
            {series.length > 1 && <Legend verticalAlign="top" height={28} />}
            {referenceLines.map((r) => (
              <ReferenceLine
                key={`${r.label}-${r.y}`}
                y={r.y}
                stroke={r.color}
                strokeDasharray="4 4"
                label={{ value: r.label, position: 'insideTopRight', fill: r.color }}
              />
            ))}
            {series.map((s) => (
              <Bar
                key={s.key}
                dataKey={s.key}
                name={s.label}
                fill={s.color}
                isAnimationActive={false}
              />
            ))}
          </BarChart>
        </ResponsiveContainer>
      </div>
      {/* The wrapper hides the table: a table ignores a 1px width and would widen the page. */}
      <div className="visually-hidden">
        <table>
          <caption>{title}</caption>
          <thead>
            <tr>
              <th scope="col">{categoryLabel}</th>
              {series.map((s) => (
                <th key={s.key} scope="col">
                  {s.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {data.map((row, i) => (
              <tr key={String(row[categoryKey] ?? i)}>
                <th scope="row">{cellText(row[categoryKey], '')}</th>
                {series.map((s) => (
                  <td key={s.key}>{cellText(row[s.key], unit)}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {referenceLines.length > 0 && (
        <p className="visually-hidden">
          Reference lines:{' '}
          {referenceLines.map((r) => `${r.label} ${cellText(r.y, unit)}`).join('; ')}.
        </p>
      )}
    </figure>
  );
}

/** Bar chart of per-category values with a hidden table as its text alternative. */
export const BarChartCard = memo(BarChartCardImpl);
