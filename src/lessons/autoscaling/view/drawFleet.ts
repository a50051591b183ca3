// Pure drawing of the autoscaling fleet onto a 2D canvas: requests flowing from the users to
// the load balancer and its queue, then on to the instances, drawn as boxes by lifecycle state
// (booting with a progress bar, warming, serving with a CPU fill, draining). Also the pure
// parts the canvas component and the tests use: unpacking instances, layout, particle paths.
import { BOOTING, DRAINING, IN_SERVICE, WARMING } from './packed.ts';

export { BOOTING, DRAINING, IN_SERVICE, WARMING };

export interface InstanceView {
  /** 1 booting, 2 warming, 3 in service, 4 draining. */
  readonly state: number;
  /** Share (0..1) of the current state's delay that has passed (1 while in service). */
  readonly progress: number;
  readonly launchedS: number;
}

export interface StateDelays {
  readonly bootS: number;
  readonly warmS: number;
  readonly drainS: number;
}

/** Instances from the snapshot's packed [state, sinceS, launchedS] triples, in launch order. */
export function unpackInstances(
  packed: Float64Array | undefined,
  nowS: number,
  delays: StateDelays,
): InstanceView[] {
  if (!packed) return [];
  const out: InstanceView[] = [];
  for (let o = 0; o + 2 < packed.length; o += 3) {
    const state = packed[o] ?? 0;
    const since = packed[o + 1] ?? 0;
    const delay =
      state === BOOTING
        ? delays.bootS
        : state === WARMING
          ? delays.warmS
          : state === DRAINING
            ? delays.drainS
            : 0;
    const progress = delay > 0 ? Math.min(1, Math.max(0, (nowS - since) / delay)) : 1;
    out.push({ state, progress, launchedS: packed[o + 2] ?? 0 });
  }
  // Stable boxes: oldest launch first, so new instances appear at the end of the grid.
  out.sort((a, b) => a.launchedS - b.launchedS);
  return out;
}

export interface FleetLayout {
  readonly width: number;
  readonly height: number;
  /** Where requests enter, and the load balancer with its queue bar. */
  readonly sourceX: number;
  readonly balancerX: number;
  readonly midY: number;
  readonly queueTop: number;
  readonly queueBottom: number;
  /** The instance grid. */
  readonly gridLeft: number;
  readonly gridTop: number;
  readonly cell: number;
  readonly cols: number;
  readonly rows: number;
  /** Baseline of the legend. */
  readonly legendY: number;
}

const CELLS = [56, 46, 38, 30, 24, 18, 14, 11, 9, 7] as const;
const MAX_GRID_H = 250;
const GRID_TOP = 30;

/** Layout for a canvas `width` CSS pixels wide showing `count` instances. */
export function fleetLayout(width: number, count: number): FleetLayout {
  const w = Math.max(240, width);
  const gridLeft = Math.round(w * 0.36);
  const gridW = Math.max(40, w - gridLeft - 10);
  const n = Math.max(1, count);
  let cell: number = CELLS[CELLS.length - 1] ?? 7;
  for (const c of CELLS) {
    const cols = Math.max(1, Math.floor(gridW / c));
    if (Math.ceil(n / cols) * c <= MAX_GRID_H) {
      cell = c;
      break;
    }
  }
  const cols = Math.max(1, Math.floor(gridW / cell));
  const rows = Math.ceil(n / cols);
  const gridH = rows * cell;
  const height = Math.max(200, GRID_TOP + gridH + 30);
  const bodyBottom = height - 48;
  const midY = Math.round((GRID_TOP + bodyBottom) / 2);
  return {
    width: w,
    height,
    sourceX: 14,
    balancerX: Math.round(w * 0.26),
    midY,
    queueTop: Math.max(GRID_TOP, midY - 60),
    queueBottom: Math.min(bodyBottom, midY + 60),
    gridLeft,
    gridTop: GRID_TOP,
    cell,
    cols,
    rows,
    legendY: height - 11,
  };
}

/** Top-left corner of box `i` in the grid. */
export function boxAt(l: FleetLayout, i: number): { x: number; y: number; size: number } {
  const col = i % l.cols;
  const row = Math.floor(i / l.cols);
  const gap = l.cell >= 24 ? 4 : l.cell >= 11 ? 2 : 1;
  return { x: l.gridLeft + col * l.cell, y: l.gridTop + row * l.cell, size: l.cell - gap };
}

/** One request drawn in flight. `target` is a box index, or -1 for a request that fails. */
export interface Particle {
  readonly bornMs: number;
  /** Vertical spread at the source, 0..1. */
  readonly lane: number;
  readonly target: number;
}

/**
 * Where a particle is at `nowMs`: users to balancer in the first half of its flight, then on
 * to its box (or, failing, down out of the queue). Null once it has arrived.
 */
export function particlePoint(
  l: FleetLayout,
  p: Particle,
  nowMs: number,
  flightMs: number,
): { x: number; y: number; failed: boolean } | null {
  const f = (nowMs - p.bornMs) / flightMs;
  if (f < 0 || f >= 1) return null;
  const y0 = l.queueTop + p.lane * (l.queueBottom - l.queueTop);
  if (f < 0.5) {
    const g = f / 0.5;
    return {
      x: l.sourceX + g * (l.balancerX - l.sourceX),
      y: y0 + g * (l.midY - y0),
      failed: false,
    };
  }
  const g = (f - 0.5) / 0.5;
  if (p.target < 0) {
    return { x: l.balancerX, y: l.midY + g * (l.height - 30 - l.midY), failed: true };
  }
  const box = boxAt(l, p.target);
  const tx = box.x + box.size / 2;
  const ty = box.y + box.size / 2;
  return { x: l.balancerX + g * (tx - l.balancerX), y: l.midY + g * (ty - l.midY), failed: false };
}

export interface FleetColours {
  readonly text: string;
  readonly muted: string;
  readonly border: string;
  readonly surface: string;
  readonly serving: string;
  readonly warming: string;
  readonly booting: string;
  readonly draining: string;
  readonly request: string;
  readonly failed: string;
}

export interface FleetFrame {
  readonly instances: readonly InstanceView[];
  readonly demandRps: number;
  readonly capacityRps: number;
  readonly queued: number;
  /** Share (0..1) of the serving capacity in use. */
  readonly utilisation: number;
}

/** Share (0..1) of capacity in use: demand over capacity, full while a queue waits. */
export function utilisationOf(demandRps: number, capacityRps: number, queued: number): number {
  if (!(capacityRps > 0)) return demandRps > 0 ? 1 : 0;
  if (queued >= 1) return 1;
  return Math.min(1, Math.max(0, demandRps / capacityRps));
}

/** The word written in a box of this state. */
export function stateLabel(v: InstanceView, utilisation: number): string {
  switch (v.state) {
    case BOOTING:
      return 'boot';
    case WARMING:
      return 'warm';
    case DRAINING:
      return 'drain';
    default:
      return `${Math.round(utilisation * 100)}%`;
  }
}

/** Counts per state, for the caption. */
export function countStates(instances: readonly InstanceView[]): Record<number, number> {
  const c: Record<number, number> = { [BOOTING]: 0, [WARMING]: 0, [IN_SERVICE]: 0, [DRAINING]: 0 };
  for (const v of instances) c[v.state] = (c[v.state] ?? 0) + 1;
  return c;
}

const nf = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });

function compact(n: number): string {
  if (n >= 10_000) return `${(n / 1000).toFixed(0)}k`;
  if (n >= 1000) return `${(n / 1000).toFixed(1)}k`;
  return nf.format(n);
}

function drawBox(
  ctx: CanvasRenderingContext2D,
  l: FleetLayout,
  i: number,
  v: InstanceView,
  frame: FleetFrame,
  c: FleetColours,
): void {
  const { x, y, size } = boxAt(l, i);
  const colour =
    v.state === BOOTING
      ? c.booting
      : v.state === WARMING
        ? c.warming
        : v.state === DRAINING
          ? c.draining
          : c.serving;
  ctx.lineWidth = size >= 20 ? 2 : 1;
  ctx.setLineDash(v.state === BOOTING && size >= 14 ? [3, 2] : []);
  ctx.strokeStyle = colour;
  ctx.fillStyle = c.surface;
  ctx.fillRect(x, y, size, size);
  if (v.state === IN_SERVICE) {
    // CPU fill from the bottom.
    const h = size * frame.utilisation;
    ctx.globalAlpha = 0.55;
    ctx.fillStyle = colour;
    ctx.fillRect(x, y + size - h, size, h);
    ctx.globalAlpha = 1;
  } else if (v.state === WARMING) {
    ctx.globalAlpha = 0.35;
    ctx.fillStyle = colour;
    ctx.fillRect(x, y, size, size);
    ctx.globalAlpha = 1;
  } else if (v.state === DRAINING) {
    // Hatched: no new work, on its way out.
    ctx.save();
    ctx.beginPath();
    ctx.rect(x, y, size, size);
    ctx.clip();
    ctx.strokeStyle = colour;
    ctx.lineWidth = 1;
    ctx.setLineDash([]);
    for (let d = -size; d < size; d += Math.max(4, size / 4)) {
      ctx.beginPath();
      ctx.moveTo(x + d, y + size);
      ctx.lineTo(x + d + size, y);
      ctx.stroke();
    }
    ctx.restore();
  }
  ctx.strokeStyle = colour;
  ctx.lineWidth = size >= 20 ? 2 : 1;
  ctx.strokeRect(x + 0.5, y + 0.5, size - 1, size - 1);
  ctx.setLineDash([]);
  if (v.state === BOOTING || v.state === WARMING) {
    // Progress bar along the bottom edge.
    const barH = Math.max(2, Math.round(size / 8));
    ctx.fillStyle = colour;
    ctx.fillRect(x + 1, y + size - barH - 1, (size - 2) * v.progress, barH);
  }
  if (size >= 30) {
    ctx.fillStyle = c.text;
    ctx.font = `${size >= 44 ? 12 : 10}px system-ui, sans-serif`;
    ctx.textAlign = 'center';
    ctx.textBaseline = 'middle';
    ctx.fillText(stateLabel(v, frame.utilisation), x + size / 2, y + size / 2 - 2);
  }
}

function drawLegend(ctx: CanvasRenderingContext2D, l: FleetLayout, c: FleetColours): void {
  const items: [string, string][] = [
    ['serving (fill = CPU)', c.serving],
    ['warming', c.warming],
    ['booting', c.booting],
    ['draining', c.draining],
  ];
  ctx.font = '11px system-ui, sans-serif';
  ctx.textAlign = 'left';
  ctx.textBaseline = 'middle';
  let x = l.sourceX;
  for (const [label, colour] of items) {
    ctx.strokeStyle = colour;
    ctx.lineWidth = 2;
    ctx.strokeRect(x + 0.5, l.legendY - 5.5, 10, 10);
    ctx.fillStyle = c.muted;
    ctx.fillText(label, x + 15, l.legendY);
    x += ctx.measureText(label).width + 30;
    if (x > l.width - 60) break;
  }
}

/** Draws one frame of the fleet. `particles` may be empty (reduced motion, or paused). */
export function drawFleet(
  ctx: CanvasRenderingContext2D,
  l: FleetLayout,
  frame: FleetFrame,
  particles: readonly Particle[],
  nowMs: number,
  flightMs: number,
  c: FleetColours,
): void {
  ctx.clearRect(0, 0, l.width, l.height);
  ctx.font = '12px system-ui, sans-serif';
  ctx.textBaseline = 'middle';
  ctx.textAlign = 'left';
  // Users and the demand they send.
  ctx.fillStyle = c.text;
  ctx.fillText('Users', l.sourceX, 12);
  ctx.fillStyle = c.muted;
  ctx.fillText(`${compact(frame.demandRps)} req/s`, l.sourceX, 26);
  // Requests in flight.
  for (const p of particles) {
    const at = particlePoint(l, p, nowMs, flightMs);
    if (!at) continue;
    ctx.fillStyle = at.failed ? c.failed : c.request;
    ctx.beginPath();
    ctx.arc(at.x, at.y, at.failed ? 2.5 : 2, 0, 2 * Math.PI);
    ctx.fill();
  }
  if (particles.length === 0) {
    // A still arrow stands for the flow when nothing moves.
    ctx.strokeStyle = c.request;
    ctx.lineWidth = 2;
    ctx.beginPath();
    ctx.moveTo(l.sourceX, l.midY);
    ctx.lineTo(l.balancerX - 8, l.midY);
    ctx.lineTo(l.balancerX - 14, l.midY - 5);
    ctx.moveTo(l.balancerX - 8, l.midY);
    ctx.lineTo(l.balancerX - 14, l.midY + 5);
    ctx.stroke();
  }
  // The load balancer and its queue: the bar fills on a log scale up to 100,000 waiting.
  const qh = l.queueBottom - l.queueTop;
  const share = Math.min(1, Math.log10(1 + Math.max(0, frame.queued)) / 5);
  ctx.fillStyle = c.surface;
  ctx.fillRect(l.balancerX - 6, l.queueTop, 12, qh);
  ctx.fillStyle = c.failed;
  ctx.fillRect(l.balancerX - 6, l.queueBottom - qh * share, 12, qh * share);
  ctx.strokeStyle = c.border;
  ctx.lineWidth = 1;
  ctx.strokeRect(l.balancerX - 6.5, l.queueTop - 0.5, 13, qh + 1);
  ctx.fillStyle = c.text;
  ctx.textAlign = 'center';
  ctx.fillText('Balancer', l.balancerX, 12);
  ctx.fillStyle = c.muted;
  ctx.fillText(`queue ${compact(frame.queued)}`, l.balancerX, l.queueBottom + 14);
  // The fleet.
  ctx.textAlign = 'left';
  ctx.fillStyle = c.text;
  const counts = countStates(frame.instances);
  const active = (counts[BOOTING] ?? 0) + (counts[WARMING] ?? 0) + (counts[IN_SERVICE] ?? 0);
  ctx.fillText(
    `Instances: ${active} (capacity ${compact(frame.capacityRps)} req/s)`,
    l.gridLeft,
    12,
  );
  frame.instances.forEach((v, i) => drawBox(ctx, l, i, v, frame, c));
  drawLegend(ctx, l, c);
}
