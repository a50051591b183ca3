// The animated picture of one lane: clients on the left, the balancer, and each server with
// its busy slots and queue. Requests from the simulation's trace fly along the edges. Drawn
// on a canvas at the display's frame rate; the simulation itself runs in the worker.
import { useEffect, useRef } from 'react';
import type { LessonSession } from '../../../state/lessonSession.ts';
import { TRACE_FIELDS, TraceKind } from '../../../sim/metrics/TraceRing.ts';
import { drawTopology, layoutFor, type ServerView } from './drawTopology.ts';

/** Most requests drawn in flight at once; beyond this the picture shows a sample. */
const MAX_PARTICLES = 240;
/** How long (wall ms) a request takes to cross the picture. */
const FLIGHT_MS = 450;

export interface Particle {
  kind: number;
  server: number;
  client: number;
  bornMs: number;
}

interface Props {
  readonly session: LessonSession;
  readonly lane: number;
  readonly serverNames: (i: number) => string;
  readonly natShare: number;
  readonly label: string;
}

function reducedMotion(): boolean {
  return window.matchMedia?.('(prefers-reduced-motion: reduce)').matches === true;
}

export function TopologyCanvas({ session, lane, serverNames, natShare, label }: Props) {
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const stateRef = useRef<{ servers: ServerView[]; particles: Particle[]; sampled: boolean }>({
    servers: [],
    particles: [],
    sampled: false,
  });
  const namesRef = useRef(serverNames);
  const natRef = useRef(natShare);
  useEffect(() => {
    namesRef.current = serverNames;
    natRef.current = natShare;
  }, [serverNames, natShare]);

  useEffect(() => {
    const state = stateRef.current;
    const unsubscribe = session.subscribeFrames((msg) => {
      const snap = msg.lanes[lane];
      if (!snap) return;
      const { busy, queued, up, routable, speed, trace } = snap.arrays;
      const n = busy?.length ?? 0;
      const servers: ServerView[] = [];
      for (let i = 0; i < n; i++) {
        servers.push({
          name: namesRef.current(i),
          busy: busy?.[i] ?? 0,
          queued: queued?.[i] ?? 0,
          up: (up?.[i] ?? 1) === 1,
          routable: (routable?.[i] ?? 1) === 1,
          speed: speed?.[i] ?? 1,
          slots: snap.values.slots ?? 1,
        });
      }
      state.servers = servers;
      if (!trace || reducedMotion()) return;
      const entries = trace.length / TRACE_FIELDS;
      // At high speed, keep an even sample so the picture stays readable.
      const room = Math.max(0, MAX_PARTICLES - state.particles.length);
      const every = Math.max(1, Math.ceil(entries / Math.max(1, Math.min(room, 40))));
      state.sampled = every > 1;
      const now = performance.now();
      for (let k = 0; k < entries; k += every) {
        const o = k * TRACE_FIELDS;
        state.particles.push({
          kind: trace[o + 1] ?? 0,
          server: trace[o + 2] ?? -1,
          client: trace[o + 3] ?? 0,
          bornMs: now,
        });
      }
    });
    let raf = 0;
    let drawnServers = -1;
    const frame = () => {
      const canvas = canvasRef.current;
      if (canvas) {
        // How many servers the picture shows, for tests that time a slider's effect; written
        // only when it changes, so a frame costs nothing extra.
        if (state.servers.length !== drawnServers) {
          drawnServers = state.servers.length;
          canvas.dataset.servers = String(drawnServers);
        }
        const ctx = canvas.getContext('2d');
        const now = performance.now();
        state.particles = state.particles.filter((p) => now - p.bornMs < FLIGHT_MS);
        if (ctx) {
          const layout = layoutFor(canvas, state.servers.length);
          drawTopology(ctx, layout, state.servers, state.particles, {
            nowMs: now,
            flightMs: FLIGHT_MS,
            natShare: natRef.current,
            sampled: state.sampled,
            routedKind: TraceKind.routed,
          });
        }
      }
      raf = requestAnimationFrame(frame);
    };
    raf = requestAnimationFrame(frame);
    return () => {
      unsubscribe();
      cancelAnimationFrame(raf);
    };
  }, [session, lane]);

  return (
    <canvas
      ref={canvasRef}
      className="topology-canvas"
      role="img"
      aria-label={label}
      data-testid={`topology-${lane}`}
    />
  );
}
