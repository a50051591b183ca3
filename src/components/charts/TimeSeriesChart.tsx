// A live line chart over simulated time, in a <figure> with a caption and a visually hidden
// sentence of the latest values for screen-reader users. The plot is CanvasChart.
import { memo, useId, useMemo } from 'react';
import { CanvasChart, type XAxisSpec } from './CanvasChart.tsx';
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
  /** Plot height in CSS pixels, legend excluded. */
  readonly height?: number | undefined;
  /** Unit appended to values in the text alternative, for example "ms". */
  readonly unit?: string | undefined;
  /** Replaces the computed text alternative. */
  readonly summary?: string | undefined;
}

function TimeSeriesChartImpl(props: TimeSeriesChartProps) {
  const captionId = useId();
  const { title, data, xKey, xLabel, yLabel, series, referenceLines, height } = props;
  const text =
    props.summary ??
    describeLatest(data, xKey, xLabel, series, referenceLines ?? [], props.unit ?? '');
  const xAxis = useMemo<XAxisSpec>(() => ({ label: xLabel, format: formatValue }), [xLabel]);
  return (
    <figure className="chart-card" aria-labelledby={captionId}>
      <figcaption id={captionId} className="chart-title">
        {title}
      </figcaption>
      <CanvasChart
        data={data}
        xKey={xKey}
        xAxis={xAxis}
        yLabel={yLabel}
        lines={series}
        referenceLines={referenceLines}
        height={height}
      />
      <p className="visually-hidden">{text}</p>
    </figure>
  );
}

/** Line chart of series over time with optional reference lines and a text alternative. */
export const TimeSeriesChart = memo(TimeSeriesChartImpl);
