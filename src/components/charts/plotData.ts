// What a chart draws, computed from chart rows without touching the canvas: the columns uPlot
// plots (stacked areas as running sums) and the value axes' ranges (which always show the
// reference lines). Pure, so it is tested alone; CanvasChart.tsx does the drawing.

export type Row = Readonly<Record<string, number | null | undefined>>;

/** Columns in uPlot's aligned layout: the x values, then one array per plotted series. */
export type Columns = [number[], ...(number | null)[][]];

export interface PlotColumns {
  /** The x values, then the stacked areas (running sums, bottom first), then the lines. */
  readonly columns: Columns;
  /** Each area's own values (not summed), for the hover readout. */
  readonly areaValues: readonly (readonly (number | null)[])[];
}

const finite = (v: number | null | undefined): number | null =>
  typeof v === 'number' && Number.isFinite(v) ? v : null;

/**
 * The columns for `rows`: the `xKey` values, then each of `areaKeys` stacked on the ones
 * before it (a gap in any lower area leaves the sum a gap), then each of `lineKeys` as it is.
 */
export function plotColumns(
  rows: readonly Row[],
  xKey: string,
  areaKeys: readonly string[],
  lineKeys: readonly string[],
): PlotColumns {
  const t = rows.map((r) => finite(r[xKey]) ?? 0);
  const areaValues = areaKeys.map((k) => rows.map((r) => finite(r[k])));
  const stacked: (number | null)[][] = [];
  let below: (number | null)[] = rows.map(() => 0);
  for (const own of areaValues) {
    const sum = own.map((v, i) => {
      const b = below[i] ?? null;
      return v === null || b === null ? null : b + v;
    });
    stacked.push(sum);
    below = sum;
  }
  const lines = lineKeys.map((k) => rows.map((r) => finite(r[k])));
  return { columns: [t, ...stacked, ...lines], areaValues };
}

/**
 * A value axis from zero to a little above the largest of `columns` and `references`, so a
 * target or a timeout line is always on the chart. A fixed `top` replaces the computed one.
 */
export function valueRange(
  columns: readonly (readonly (number | null)[])[],
  references: readonly number[],
  top?: number,
): [number, number] {
  if (top !== undefined && top > 0) return [0, top];
  let max = 0;
  for (const col of columns) for (const v of col) if (v !== null && v > max) max = v;
  for (const r of references) if (Number.isFinite(r) && r > max) max = r;
  if (max <= 0) return [0, 1];
  return [0, niceCeil(max * 1.05)];
}

/** The smallest of 1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8 or 10 times a power of ten at or above `x`. */
export function niceCeil(x: number): number {
  if (!(x > 0) || !Number.isFinite(x)) return 1;
  const p = 10 ** Math.floor(Math.log10(x));
  for (const m of [1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10]) {
    const v = m * p;
    // Guards float noise: 3 * 0.1 is 0.30000000000000004.
    if (v >= x * (1 - 1e-12)) return Number(v.toPrecision(12));
  }
  return 10 * p;
}
