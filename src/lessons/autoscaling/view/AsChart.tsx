// One live chart of the autoscaling lesson over the time of day: lines on one or two axes,
// optionally stacked areas, dashed reference lines and scaling-action markers, in a <figure>
// with a caption and a visually hidden sentence for screen-reader users. The plot is the
// shared canvas chart (components/charts/CanvasChart.tsx) with a clock for its time axis.
import { memo, useId, useMemo } from 'react';
import {
  CanvasChart,
  type PlotMarker,
  type XAxisSpec,
} from '../../../components/charts/CanvasChart.tsx';
import type { ReferenceLineSpec, SeriesSpec } from '../../../components/charts/chartText.ts';
import type { Row } from '../../../components/charts/plotData.ts';
import { clockTicks, TIME_INCREMENTS, tickText, timeOfDayText } from './clock.ts';

export type LineSpec = SeriesSpec;

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
  readonly markers?: readonly PlotMarker[] | undefined;
  /** The text alternative: a sentence of the latest values. */
  readonly summary: string;
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

function PlotImpl({ data, startHour, ...rest }: PlotProps) {
  const first = data[0]?.t ?? 0;
  const last = data[data.length - 1]?.t ?? 0;
  // Ticks name the day once the chart spans more than a day and a bit.
  const withDay = last - first > 30 * 3600;
  const xAxis = useMemo<XAxisSpec>(
    () => ({
      label: 'time of day',
      format: (t) => tickText(t, startHour, withDay),
      hoverText: (t) => timeOfDayText(t, startHour),
      incrs: TIME_INCREMENTS,
      ticks: (min, max, incr) => clockTicks(min, max, incr, startHour),
    }),
    [startHour, withDay],
  );
  return <CanvasChart data={data} xKey="t" xAxis={xAxis} {...rest} />;
}

const Plot = memo(PlotImpl);
