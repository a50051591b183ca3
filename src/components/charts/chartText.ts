// Shared chart types and the text alternatives of charts: numbers formatted for reading and
// one-sentence summaries of the latest values.

/** One plotted series: `key` is the data field, `label` its name in legends and text. */
export interface SeriesSpec {
  readonly key: string;
  readonly label: string;
  readonly color: string;
  /** Dashed line, for theory overlays. */
  readonly dashed?: boolean | undefined;
  /** Plot against the right-hand axis (lines only). */
  readonly right?: boolean | undefined;
}

/** A horizontal line at `y`, such as a limit or a theoretical value. */
export interface ReferenceLineSpec {
  readonly y: number;
  readonly label: string;
  readonly color: string;
}

// Built once: `toLocaleString` with options makes a new formatter on every call.
const WHOLE = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
const FRACTION = new Intl.NumberFormat('en-US', { maximumFractionDigits: 6 });

/** A value as read aloud or in a table: three significant digits, grouped thousands. */
export function formatValue(v: number | null | undefined): string {
  if (v === null || v === undefined || !Number.isFinite(v)) return 'no data';
  const abs = Math.abs(v);
  if (abs >= 1000) return WHOLE.format(Math.round(v));
  if (abs === 0) return '0';
  return FRACTION.format(Number(v.toPrecision(3)));
}

/** The last finite value of `key` in `data`, scanning from the end. */
export function latestValue(
  data: readonly Readonly<Record<string, unknown>>[],
  key: string,
): number | undefined {
  for (let i = data.length - 1; i >= 0; i -= 1) {
    const v = data[i]?.[key];
    if (typeof v === 'number' && Number.isFinite(v)) return v;
  }
  return undefined;
}

/** "Time (s)" and 120 read as "time 120 s"; a label without a unit reads "step 12". */
function axisPosition(label: string, x: number): string {
  const match = /^(.*?)\s*\(([^()]+)\)$/.exec(label);
  const name = (match?.[1] ?? label).toLowerCase();
  return match?.[2] === undefined
    ? `${name} ${formatValue(x)}`
    : `${name} ${formatValue(x)} ${match[2]}`;
}

/**
 * A sentence giving the latest value of each series and the reference lines, for example
 * "Latest values at time 120 s: p99 latency 84.2 ms. Reference lines: SLO 100 ms."
 */
export function describeLatest(
  data: readonly Readonly<Record<string, unknown>>[],
  xKey: string,
  xLabel: string,
  series: readonly SeriesSpec[],
  referenceLines: readonly ReferenceLineSpec[] = [],
  unit = '',
): string {
  const suffix = unit === '' ? '' : ` ${unit}`;
  if (data.length === 0) return 'No data yet.';
  const x = latestValue(data, xKey);
  const where = x === undefined ? '' : ` at ${axisPosition(xLabel, x)}`;
  const parts = series.map((s) => {
    const v = latestValue(data, s.key);
    return v === undefined ? `${s.label} no data` : `${s.label} ${formatValue(v)}${suffix}`;
  });
  let text = `Latest values${where}: ${parts.join('; ')}.`;
  if (referenceLines.length > 0) {
    const refs = referenceLines.map((r) => `${r.label} ${formatValue(r.y)}${suffix}`);
    text += ` Reference lines: ${refs.join('; ')}.`;
  }
  return text;
}
