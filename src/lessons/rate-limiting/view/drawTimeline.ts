// Pure drawing of one lane's request timeline onto a 2D canvas: the last two windows of
// requests as ticks (accepted above, refused below, leaky-bucket waits as lines to the moment
// the request leaves), window edges for the windowed algorithms, and the rolling count of
// accepted requests against the limit and twice the limit. Also the hit test for clicks.
import type { RequestView } from './recentRequests.ts';

export interface TimelineLayout {
  readonly width: number;
  readonly height: number;
  readonly left: number;
  readonly right: number;
  /** Rows of ticks: accepted and refused, as [top, bottom]. */
  readonly acceptedRow: readonly [number, number];
  readonly rejectedRow: readonly [number, number];
  /** The rolling-count plot, as [top, bottom]. */
  readonly plot: readonly [number, number];
}

export interface TimelineView {
  readonly nowS: number;
  readonly windowS: number;
  readonly limit: number;
  /** Draw the aligned window edges (fixed window, sliding window counter). */
  readonly edges: boolean;
  readonly selectedSeq: number | null;
}

export interface TimelineColours {
  readonly text: string;
  readonly muted: string;
  readonly grid: string;
  readonly accepted: string;
  readonly rejected: string;
  readonly queued: string;
}

/** Layout for a canvas of this CSS size; `compact` leaves out the rolling-count plot. */
export function timelineLayout(width: number, height: number, compact: boolean): TimelineLayout {
  const left = 48;
  const right = Math.max(left + 40, width - 12);
  if (compact) {
    return {
      width,
      height,
      left,
      right,
      acceptedRow: [8, 34],
      rejectedRow: [40, 62],
      plot: [70, height - 20],
    };
  }
  return {
    width,
    height,
    left,
    right,
    acceptedRow: [10, 44],
    rejectedRow: [50, 78],
    plot: [96, height - 22],
  };
}

/** The time span shown: the last two windows. */
export function spanOf(view: Pick<TimelineView, 'nowS' | 'windowS'>): [number, number] {
  const span = 2 * view.windowS;
  const end = Math.max(view.nowS, span);
  return [end - span, end];
}

export function xOf(l: TimelineLayout, span: readonly [number, number], t: number): number {
  return l.left + ((t - span[0]) / (span[1] - span[0])) * (l.right - l.left);
}

/** First index in `items` (sorted by time) with t >= `t`. */
function lowerBound(items: readonly RequestView[], t: number): number {
  let lo = 0;
  let hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((items[mid]?.t ?? 0) < t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Accepted requests in (t − windowS, t] for `columns` evenly spaced times across the span
 * (the first column at the span's start). Needs the requests of one window before the span.
 */
export function rollingCounts(
  items: readonly RequestView[],
  span: readonly [number, number],
  windowS: number,
  columns: number,
): number[] {
  const out: number[] = [];
  let head = 0; // first request with t > time
  let tail = 0; // first request with t > time − windowS
  let inside = 0;
  for (let c = 0; c < columns; c++) {
    const time = span[0] + ((span[1] - span[0]) * c) / Math.max(1, columns - 1);
    while (head < items.length && (items[head]?.t ?? Infinity) <= time) {
      if (items[head]?.allowed) inside++;
      head++;
    }
    while (tail < head && (items[tail]?.t ?? Infinity) <= time - windowS) {
      if (items[tail]?.allowed) inside--;
      tail++;
    }
    out.push(inside);
  }
  return out;
}

/** The request drawn nearest to (x, y), within a few pixels, or undefined. */
export function hitTest(
  items: readonly RequestView[],
  l: TimelineLayout,
  view: TimelineView,
  x: number,
  y: number,
): RequestView | undefined {
  const inAccepted = y >= l.acceptedRow[0] - 4 && y <= l.acceptedRow[1] + 4;
  const inRejected = y >= l.rejectedRow[0] - 4 && y <= l.rejectedRow[1] + 4;
  if (!inAccepted && !inRejected) return undefined;
  const span = spanOf(view);
  const perPx = (span[1] - span[0]) / (l.right - l.left);
  const t = span[0] + (x - l.left) * perPx;
  const tolerance = 6 * perPx;
  let best: RequestView | undefined;
  let bestGap = Infinity;
  for (let i = lowerBound(items, t - tolerance); i < items.length; i++) {
    const r = items[i];
    if (!r || r.t > t + tolerance) break;
    if (r.allowed !== inAccepted) continue;
    const gap = Math.abs(r.t - t);
    if (gap < bestGap) {
      best = r;
      bestGap = gap;
    }
  }
  return best;
}

function niceStep(range: number, target: number): number {
  const raw = range / Math.max(1, target);
  const p = 10 ** Math.floor(Math.log10(raw));
  for (const m of [1, 2, 5, 10]) if (m * p >= raw) return m * p;
  return 10 * p;
}

export function drawTimeline(
  ctx: CanvasRenderingContext2D,
  l: TimelineLayout,
  items: readonly RequestView[],
  view: TimelineView,
  c: TimelineColours,
  compact: boolean,
): void {
  const span = spanOf(view);
  const x = (t: number) => xOf(l, span, t);
  ctx.clearRect(0, 0, l.width, l.height);
  ctx.font = '11px system-ui, sans-serif';
  ctx.textBaseline = 'middle';

  // Row labels.
  ctx.fillStyle = c.muted;
  ctx.textAlign = 'right';
  ctx.fillText('allowed', l.left - 6, (l.acceptedRow[0] + l.acceptedRow[1]) / 2);
  ctx.fillText('429', l.left - 6, (l.rejectedRow[0] + l.rejectedRow[1]) / 2);

  // Window edges of the aligned-window algorithms.
  if (view.edges) {
    ctx.strokeStyle = c.muted;
    ctx.setLineDash([4, 4]);
    ctx.lineWidth = 1;
    const first = Math.ceil(span[0] / view.windowS) * view.windowS;
    for (let b = first; b <= span[1] + 1e-9; b += view.windowS) {
      const bx = Math.round(x(b)) + 0.5;
      ctx.beginPath();
      ctx.moveTo(bx, l.acceptedRow[0] - 6);
      ctx.lineTo(bx, compact ? l.rejectedRow[1] + 4 : l.plot[1]);
      ctx.stroke();
    }
    ctx.setLineDash([]);
  }

  // Ticks, oldest first; leaky-bucket waits as a line to the leave time.
  const from = lowerBound(items, span[0] - view.windowS);
  let selected: RequestView | undefined;
  ctx.lineWidth = 1.5;
  for (let i = from; i < items.length; i++) {
    const r = items[i];
    if (!r || r.t < span[0]) continue;
    if (r.seq === view.selectedSeq) selected = r;
    const rx = Math.round(x(r.t)) + 0.5;
    const [top, bottom] = r.allowed ? l.acceptedRow : l.rejectedRow;
    ctx.strokeStyle = r.allowed ? c.accepted : c.rejected;
    ctx.globalAlpha = r.outage ? 0.45 : 1;
    ctx.beginPath();
    ctx.moveTo(rx, top);
    ctx.lineTo(rx, bottom);
    ctx.stroke();
    if (r.allowed && r.delayS > 0) {
      const leave = Math.min(l.right, x(r.t + r.delayS));
      const y = top + ((r.seq % 8) / 8) * (bottom - top);
      ctx.strokeStyle = c.queued;
      ctx.globalAlpha = 0.55;
      ctx.beginPath();
      ctx.moveTo(rx, y);
      ctx.lineTo(leave, y);
      ctx.stroke();
      ctx.globalAlpha = 1;
      ctx.fillStyle = c.queued;
      ctx.fillRect(leave - 1.5, y - 1.5, 3, 3);
    }
  }
  ctx.globalAlpha = 1;

  if (selected) {
    const [top, bottom] = selected.allowed ? l.acceptedRow : l.rejectedRow;
    const sx = x(selected.t);
    ctx.strokeStyle = c.text;
    ctx.lineWidth = 2;
    ctx.strokeRect(sx - 5, top - 4, 10, bottom - top + 8);
    ctx.lineWidth = 1;
  }

  // "now" marker.
  ctx.strokeStyle = c.text;
  ctx.lineWidth = 1;
  const nx = Math.round(x(view.nowS)) + 0.5;
  ctx.beginPath();
  ctx.moveTo(nx, l.acceptedRow[0] - 6);
  ctx.lineTo(nx, compact ? l.rejectedRow[1] + 4 : l.plot[1]);
  ctx.stroke();

  if (!compact) drawRolling(ctx, l, items, view, span, c);

  // Time axis.
  ctx.fillStyle = c.muted;
  ctx.textAlign = 'center';
  const axisY = l.height - 9;
  const step = niceStep(span[1] - span[0], Math.max(2, Math.floor((l.right - l.left) / 90)));
  for (let t = Math.ceil(span[0] / step) * step; t <= span[1] + 1e-9; t += step) {
    ctx.fillText(`${Number(t.toFixed(3))} s`, Math.min(x(t), l.right - 14), axisY);
  }
}

function drawRolling(
  ctx: CanvasRenderingContext2D,
  l: TimelineLayout,
  items: readonly RequestView[],
  view: TimelineView,
  span: readonly [number, number],
  c: TimelineColours,
): void {
  const [top, bottom] = l.plot;
  if (bottom - top < 20) return;
  const nowX = xOf(l, span, view.nowS);
  const columns = Math.max(2, Math.round(nowX - l.left) + 1);
  const shown: readonly [number, number] = [span[0], Math.min(span[1], view.nowS)];
  const counts = shown[1] > shown[0] ? rollingCounts(items, shown, view.windowS, columns) : [];
  const peak = Math.max(0, ...counts);
  const yMax = Math.max(2.2 * view.limit, peak * 1.1, 1);
  const y = (v: number) => bottom - (v / yMax) * (bottom - top);

  ctx.strokeStyle = c.grid;
  ctx.lineWidth = 1;
  ctx.strokeRect(l.left + 0.5, top + 0.5, l.right - l.left, bottom - top);

  ctx.setLineDash([6, 3]);
  ctx.textAlign = 'left';
  for (const [v, label] of [
    [view.limit, 'limit'],
    [2 * view.limit, '2 × limit'],
  ] as const) {
    const ly = Math.round(y(v)) + 0.5;
    ctx.strokeStyle = c.muted;
    ctx.beginPath();
    ctx.moveTo(l.left, ly);
    ctx.lineTo(l.right, ly);
    ctx.stroke();
    ctx.fillStyle = c.muted;
    ctx.fillText(`${label} ${v}`, l.left + 4, ly - 7);
  }
  ctx.setLineDash([]);

  ctx.fillStyle = c.muted;
  ctx.textAlign = 'right';
  ctx.fillText('in last', l.left - 6, top + 6);
  ctx.fillText('window', l.left - 6, top + 19);

  if (counts.length > 1) {
    ctx.strokeStyle = c.accepted;
    ctx.lineWidth = 2;
    ctx.beginPath();
    counts.forEach((v, i) => {
      const px = l.left + (i * (nowX - l.left)) / (counts.length - 1);
      if (i === 0) ctx.moveTo(px, y(v));
      else ctx.lineTo(px, y(v));
    });
    ctx.stroke();
    ctx.lineWidth = 1;
  }
}
