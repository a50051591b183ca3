// Chart rows from one full snapshot: the finished time buckets merged down to at most
// MAX_POINTS rows (means of levels and rates, the worst p99 of merged buckets), cost per hour and so far,
// and the scaling actions as markers on the instances chart. Pure, so it is tested alone.
import { unpackActions } from './actions.ts';

/**
 * Rows per chart: about two CSS pixels a row on a chart a few hundred pixels wide, so three
 * days still show the morning spikes. The canvas charts (AsChart.tsx) redraw 240 rows in well
 * under a millisecond; recharts, which drew these charts before, could not (see AsChart.tsx).
 */
export const MAX_POINTS = 240;
/** Actions read from the snapshot at most (the newest). */
export const MAX_MARKERS = 200;
/**
 * Markers drawn at most per direction (the newest), after keeping one per chart row: a marker
 * is ten pixels wide, so more than this many on one chart would only cover each other.
 */
export const MAX_MARKERS_SHOWN = 48;

export type Row = Readonly<Record<string, number | null>>;

/** Scaling actions as chart points: `x` the time in seconds, `y` the instances after it. */
export interface MarkerPoints {
  readonly out: readonly { x: number; y: number }[];
  readonly in: readonly { x: number; y: number }[];
}

export interface Series {
  readonly demand: Row[];
  readonly fleet: Row[];
  readonly metric: Row[];
  readonly latency: Row[];
  readonly cost: Row[];
  readonly markers: MarkerPoints;
}

const r2 = (x: number | undefined): number | null =>
  x === undefined || !Number.isFinite(x) ? null : Math.round(x * 100) / 100;

/** Merges `k` neighbouring buckets: their mean, or their maximum. */
export function merge(
  src: Float64Array | undefined,
  n: number,
  k: number,
  how: 'mean' | 'max',
): number[] {
  const out: number[] = [];
  for (let start = 0; start < n; start += k) {
    const end = Math.min(n, start + k);
    let acc = how === 'max' ? -Infinity : 0;
    for (let i = start; i < end; i++) {
      const v = src?.[i] ?? 0;
      acc = how === 'max' ? Math.max(acc, v) : acc + v;
    }
    out.push(how === 'max' ? acc : acc / (end - start));
  }
  return out;
}

export function buildSeries(
  a: Readonly<Record<string, Float64Array>> | undefined,
  instanceCapacity: number,
  pricePerHour: number,
  pool: boolean,
): Series {
  const t = a?.t;
  if (!a || !t || t.length === 0) {
    return {
      demand: [],
      fleet: [],
      metric: [],
      latency: [],
      cost: [],
      markers: { out: [], in: [] },
    };
  }
  // The newest bucket is still filling (its levels lag its span), so it is left out.
  const n = t.length > 1 ? t.length - 1 : t.length;
  const k = Math.ceil(n / MAX_POINTS);
  const mean = (key: string) => merge(a[key], n, k, 'mean');
  const demand = mean('demand');
  const capacity = mean('capacity');
  const ideal = mean('ideal');
  const db = mean('dbCapacity');
  const inService = mean('inService');
  const warming = mean('warming');
  const booting = mean('booting');
  const draining = mean('draining');
  const metric = mean('metric');
  const failed = mean('failed');
  const worst = merge(a.worstP99, n, k, 'max');
  const out: Series = {
    demand: [],
    fleet: [],
    metric: [],
    latency: [],
    cost: [],
    markers: { out: [], in: [] },
  };
  let total = 0;
  for (let g = 0; g < demand.length; g++) {
    const first = g * k;
    const time = Math.round(t[first] ?? 0);
    const idealN = ideal[g];
    out.demand.push({
      t: time,
      demand: r2(demand[g]),
      capacity: r2(capacity[g]),
      // The ideal fleet's full capacity: demand over the target utilisation.
      idealCapacity: r2(idealN === undefined ? undefined : idealN * instanceCapacity),
      dbCapacity: pool ? r2(db[g]) : null,
    });
    out.fleet.push({
      t: time,
      inService: r2(inService[g]),
      warming: r2(warming[g]),
      booting: r2(booting[g]),
      ideal: r2(idealN),
    });
    const m = metric[g];
    out.metric.push({ t: time, metric: m === undefined || m <= 0 ? null : r2(m) });
    out.latency.push({ t: time, p99: r2(worst[g]), failed: r2(failed[g]) });
    const billed = (booting[g] ?? 0) + (warming[g] ?? 0) + (inService[g] ?? 0) + (draining[g] ?? 0);
    const perHour = billed * pricePerHour;
    // Cost accrues over the merged buckets' span (the last, unfinished bucket adds nothing).
    const endT = t[Math.min(n, first + k)] ?? 0;
    total += (perHour * Math.max(0, endT - (t[first] ?? 0))) / 3600;
    out.cost.push({ t: time, perHour: r2(perHour), total: r2(total) });
  }
  const from = t[0] ?? 0;
  const actions = unpackActions(a.actions, MAX_MARKERS).filter((x) => x.atS >= from);
  // The span of one chart row in seconds; one marker per direction and row (the row's last).
  const rowS = k * Math.max(1e-9, ((t[n - 1] ?? from) - from) / Math.max(1, n - 1));
  const thin = (list: typeof actions): { x: number; y: number }[] => {
    const kept: { x: number; y: number }[] = [];
    let lastRow = -1;
    for (const x of list) {
      const row = Math.floor((x.atS - from) / rowS);
      const point = { x: Math.round(x.atS), y: x.to };
      if (row === lastRow && kept.length > 0) kept[kept.length - 1] = point;
      else kept.push(point);
      lastRow = row;
    }
    return kept.slice(-MAX_MARKERS_SHOWN);
  };
  return {
    ...out,
    markers: {
      out: thin(actions.filter((x) => x.to > x.from)),
      in: thin(actions.filter((x) => x.to < x.from)),
    },
  };
}
