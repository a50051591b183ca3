// Pure drawing of the load-balancing topology onto a 2D canvas context: layout, servers with
// slots and queues, and requests in flight. No React, so it can be reasoned about alone.
import type { Particle } from './TopologyCanvas.tsx';
import { cssVar } from '../../../components/theme.ts';

export interface ServerView {
  readonly name: string;
  readonly busy: number;
  readonly queued: number;
  readonly up: boolean;
  readonly routable: boolean;
  readonly speed: number;
  readonly slots: number;
}

export interface Layout {
  readonly width: number;
  readonly height: number;
  readonly clientX: number;
  readonly lbX: number;
  readonly serverX: number;
  readonly rowH: number;
  readonly top: number;
}

const CLIENT_ROWS = 5;

/** Sizes the canvas to its box (and the device pixel ratio) and returns the layout. */
export function layoutFor(canvas: HTMLCanvasElement, servers: number): Layout {
  const width = Math.max(280, canvas.clientWidth || 600);
  const rowH = servers > 24 ? Math.max(4, Math.floor(360 / servers)) : 30;
  const height = Math.max(200, 40 + Math.max(servers, 1) * rowH);
  const dpr = window.devicePixelRatio || 1;
  if (canvas.width !== Math.round(width * dpr) || canvas.height !== Math.round(height * dpr)) {
    canvas.width = Math.round(width * dpr);
    canvas.height = Math.round(height * dpr);
    canvas.style.height = `${height}px`;
  }
  canvas.getContext('2d')?.setTransform(dpr, 0, 0, dpr, 0, 0);
  return {
    width,
    height,
    clientX: 30,
    lbX: Math.round(width * 0.22),
    serverX: Math.round(width * 0.6),
    rowH,
    top: 24,
  };
}

const KIND_COLOURS = ['#0072B2', '#0072B2', '#009E73', '#D55E00', '#CC79A7'];

interface DrawOptions {
  readonly nowMs: number;
  readonly flightMs: number;
  readonly natShare: number;
  readonly sampled: boolean;
  readonly routedKind: number;
}

export function drawTopology(
  ctx: CanvasRenderingContext2D,
  l: Layout,
  servers: readonly ServerView[],
  particles: readonly Particle[],
  o: DrawOptions,
): void {
  const fg = cssVar('--text', '#1f2937');
  const muted = cssVar('--text-muted', '#6b7280');
  ctx.clearRect(0, 0, l.width, l.height);
  ctx.font = '12px system-ui, sans-serif';
  ctx.textBaseline = 'middle';
  const midY = l.height / 2;
  const serverY = (i: number) => l.top + i * l.rowH + l.rowH / 2;
  const clientY = (c: number) => midY + ((c % CLIENT_ROWS) - (CLIENT_ROWS - 1) / 2) * 22;

  // Clients, with the NAT gateway drawn larger when it carries a share of the traffic.
  for (let c = 0; c < CLIENT_ROWS; c++) {
    const nat = c === 0 && o.natShare > 0;
    ctx.fillStyle = nat ? '#E69F00' : muted;
    ctx.beginPath();
    ctx.arc(l.clientX, clientY(c), nat ? 8 : 5, 0, Math.PI * 2);
    ctx.fill();
  }
  ctx.fillStyle = fg;
  ctx.fillText('clients', 4, 12);

  // The balancer.
  ctx.fillStyle = fg;
  ctx.fillRect(l.lbX - 10, midY - 24, 20, 48);
  ctx.fillText('LB', l.lbX - 8, midY - 34);

  // Servers: the queue waits in front (growing left), the box with its name, the slots (filled
  // when busy), then the queue length and health as text. Finished requests leave to the right.
  const compact = l.rowH < 16;
  const boxW = compact ? 10 : 54;
  const slotsW = compact ? 0 : Math.min(8, servers[0]?.slots ?? 1) * 8 + 4;
  const maxQueueW = l.serverX - l.lbX - 50;
  const queueEnd = (s: ServerView) => l.serverX - 4 - Math.min(maxQueueW, s.queued * 4);
  const labelX = l.serverX + boxW + slotsW + 6;
  const exitX = labelX + (compact ? 70 : 130);
  servers.forEach((s, i) => {
    const y = serverY(i);
    const barH = Math.max(2, l.rowH - 8);
    ctx.strokeStyle = muted;
    ctx.globalAlpha = 0.25;
    ctx.beginPath();
    ctx.moveTo(l.lbX + 10, midY);
    ctx.lineTo(queueEnd(s), y);
    ctx.stroke();
    ctx.globalAlpha = 1;
    const qStart = queueEnd(s);
    ctx.fillStyle = '#CC79A7';
    ctx.fillRect(qStart, y - barH / 2, l.serverX - 4 - qStart, barH);
    ctx.fillStyle = s.up ? (s.routable ? '#009E73' : '#E69F00') : '#D55E00';
    ctx.fillRect(l.serverX, y - Math.max(2, l.rowH / 2 - 3), boxW, Math.max(3, l.rowH - 6));
    if (!compact) {
      ctx.fillStyle = '#ffffff';
      ctx.fillText(s.name, l.serverX + 4, y);
      const slotsShown = Math.min(s.slots, 8);
      for (let k = 0; k < slotsShown; k++) {
        ctx.fillStyle = k < s.busy ? '#0072B2' : muted;
        ctx.globalAlpha = k < s.busy ? 1 : 0.3;
        ctx.fillRect(l.serverX + boxW + 4 + k * 8, y - 5, 6, 10);
      }
      ctx.globalAlpha = 1;
    }
    if (!compact || i % 5 === 0) {
      ctx.fillStyle = fg;
      const status = s.up ? (s.routable ? '' : ' · marked down') : ' · DOWN';
      ctx.fillText(`${compact ? s.name + ' ' : ''}${s.queued} queued${status}`, labelX, y);
    }
  });

  // Requests in flight: routed ones fly client -> LB -> end of the queue; outcomes leave
  // the server to the right (completed), or drop away (rejected, failed).
  for (const p of particles) {
    const f = Math.min(1, (o.nowMs - p.bornMs) / o.flightMs);
    const server = p.server >= 0 ? servers[p.server] : undefined;
    const sy = p.server >= 0 ? serverY(p.server) : midY;
    let x: number;
    let y: number;
    if (p.kind === o.routedKind) {
      const targetX = server ? queueEnd(server) : l.serverX;
      if (f < 0.5) {
        const g = f / 0.5;
        x = l.clientX + (l.lbX - l.clientX) * g;
        y = clientY(p.client) + (midY - clientY(p.client)) * g;
      } else {
        const g = (f - 0.5) / 0.5;
        x = l.lbX + (targetX - l.lbX) * g;
        y = midY + (sy - midY) * g;
      }
    } else if (p.kind === 2) {
      x = exitX + (l.width - exitX) * f;
      y = sy;
    } else {
      x = l.serverX - 10;
      y = sy + f * l.rowH;
    }
    ctx.fillStyle = KIND_COLOURS[p.kind] ?? fg;
    ctx.beginPath();
    ctx.arc(x, y, 3, 0, Math.PI * 2);
    ctx.fill();
  }
  if (o.sampled) {
    ctx.fillStyle = muted;
    ctx.fillText('showing a sample of requests at this speed', l.lbX - 40, l.height - 10);
  }
}
