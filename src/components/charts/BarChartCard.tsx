// A bar chart of one value per category (for example utilisation per server), in a <figure>
// with a caption and a visually hidden table of the same numbers. The plot is CanvasChart,
// with the categories as slots 0, 1, 2, ... of its horizontal axis.
import { memo, useId, useMemo } from 'react';
import { CanvasChart, type XAxisSpec } from './CanvasChart.tsx';
import { formatValue, type ReferenceLineSpec, type SeriesSpec } from './chartText.ts';
import type { Row } from './plotData.ts';

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
  /** Plot height in CSS pixels, legend excluded. */
  readonly height?: number | undefined;
  /** Unit appended to values in the hidden table, for example "%". */
  readonly unit?: string | undefined;
  /** A fixed top for the value axis, for example 100 for percentages. */
  readonly yMax?: number | undefined;
}

/** Tick spacings in slots: every category, or every 2nd, 5th, ... when they do not fit. */
const SLOT_INCREMENTS: readonly number[] = [1, 2, 5, 10, 20, 50, 100];

/** Slots from `min` to `max` every `incr` (whole numbers only). */
export function slotTicks(min: number, max: number, incr: number): number[] {
  const step = Math.max(1, Math.round(incr));
  const ticks: number[] = [];
  for (let i = Math.ceil(Math.max(0, min) / step) * step; i <= max; i += step) ticks.push(i);
  return ticks;
}

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
  // The plot's rows: slot numbers for the categories, numbers (or gaps) for the values.
  const { rows, names } = useMemo(() => {
    const names = data.map((row) => cellText(row[categoryKey], ''));
    const rows: Row[] = data.map((row, slot) => {
      const out: Record<string, number | null> = { slot };
      for (const s of series) {
        const v = row[s.key];
        out[s.key] = typeof v === 'number' ? v : null;
      }
      return out;
    });
    return { rows, names };
  }, [data, categoryKey, series]);
  const namesKey = names.join('\u0000');
  const xAxis = useMemo<XAxisSpec>(() => {
    const byslot = namesKey.split('\u0000');
    return {
      label: categoryLabel,
      format: (slot) => byslot[Math.round(slot)] ?? '',
      incrs: SLOT_INCREMENTS,
      ticks: slotTicks,
      range: (min, max) => [min - 0.5, max + 0.5],
      space: 28,
      grid: false,
    };
  }, [categoryLabel, namesKey]);
  return (
    <figure className="chart-card" aria-labelledby={captionId}>
      <figcaption id={captionId} className="chart-title">
        {title}
      </figcaption>
      <CanvasChart
        data={rows}
        xKey="slot"
        xAxis={xAxis}
        yLabel={valueLabel}
        yMax={props.yMax}
        bars={series}
        referenceLines={referenceLines}
        height={props.height}
      />
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
