// The animated fleet of one lane: requests flow from the users through the balancer to the
// instances, and instances appear, boot, warm up, serve and drain as the autoscaler acts. Drawn
// on a canvas from every snapshot, redrawn only when a snapshot arrived or requests are in
// flight; under reduced motion no requests fly and the picture changes only with the fleet.
import { useEffect, useRef } from 'react';
import type { LessonSession } from '../../../state/lessonSession.ts';
import {
  drawFleet,
  fleetLayout,
  IN_SERVICE,
  unpackInstances,
  utilisationOf,
  WARMING,
  type FleetColours,
  type FleetFrame,
  type Particle,
  type StateDelays,
} from './drawFleet.ts';
import { cssVar, media } from '../../../components/theme.ts';

/** Wall milliseconds a request takes to cross the picture. */
const FLIGHT_MS = 900;
/** Requests drawn per wall second for each req/s of demand, and the most per second. */
const PARTICLES_PER_RPS = 1 / 8;
const MAX_PARTICLES_PER_S = 150;
/** Requests stop being spawned this long after the simulation last moved. */
const STILL_AFTER_MS = 250;

interface Props {
  readonly session: LessonSession;
  readonly lane: number;
  readonly delays: StateDelays;
  readonly label: string;
}

/** Reads the theme once (and again when the colour scheme changes), never per frame. */
function readColours(): FleetColours {
  const muted = cssVar('--text-muted', '#4b5563');
  return {
    text: cssVar('--text', '#111827'),
    muted,
    border: cssVar('--border-strong', '#6b7280'),
    surface: cssVar('--surface', '#ffffff'),
    serving: '#0072B2',
    warming: '#E69F00',
    booting: muted,
    draining: '#CC79A7',
    request: muted,
    failed: '#D55E00',
  };
}

export function FleetCanvas({ session, lane, delays, label }: Props) {
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const delaysRef = useRef(delays);
  useEffect(() => {
    delaysRef.current = delays;
  }, [delays]);

  useEffect(() => {
    const motion = media('(prefers-reduced-motion: reduce)');
    const scheme = media('(prefers-color-scheme: dark)');
    let reduced = motion?.matches === true;
    let colours = readColours();
    let version = 0;
    const onMotion = () => {
      reduced = motion?.matches === true;
      version++;
    };
    const onScheme = () => {
      colours = readColours();
      version++;
    };
    motion?.addEventListener('change', onMotion);
    scheme?.addEventListener('change', onScheme);

    let frame: FleetFrame = {
      instances: [],
      demandRps: 0,
      capacityRps: 0,
      queued: 0,
      utilisation: 0,
    };
    let failShare = 0;
    let lastNowS = -1;
    let movedAtMs = -Infinity;
    let particles: Particle[] = [];
    let spawnDebt = 0;

    const unsubscribe = session.subscribeFrames((msg) => {
      const snap = msg.lanes[lane];
      if (!snap) return;
      const v = snap.values;
      const now = performance.now();
      if (snap.nowS !== lastNowS) {
        // The clock went back (a reset or a seek): requests from the old run vanish.
        if (snap.nowS < lastNowS) particles = [];
        if (snap.nowS > lastNowS && msg.playing) movedAtMs = now;
        lastNowS = snap.nowS;
      }
      const demandRps = v.demandRps ?? 0;
      const capacityRps = v.capacityRps ?? 0;
      const queued = v.queued ?? 0;
      frame = {
        instances: unpackInstances(snap.arrays.instances, snap.nowS, delaysRef.current),
        demandRps,
        capacityRps,
        queued,
        utilisation: utilisationOf(demandRps, capacityRps, queued),
      };
      const arrived = Math.max(v.arrivedRps ?? 0, demandRps, 1e-9);
      failShare = Math.min(1, Math.max(0, (v.failedRps ?? 0) / arrived));
      version++;
    });

    const spawn = (now: number, dtMs: number) => {
      if (reduced || now - movedAtMs > STILL_AFTER_MS) {
        spawnDebt = 0;
        return;
      }
      const rate = Math.min(MAX_PARTICLES_PER_S, frame.demandRps * PARTICLES_PER_RPS);
      spawnDebt += (rate * dtMs) / 1000;
      const takers: number[] = [];
      frame.instances.forEach((inst, i) => {
        if (inst.state === IN_SERVICE || inst.state === WARMING) takers.push(i);
      });
      while (spawnDebt >= 1) {
        spawnDebt -= 1;
        const fails = takers.length === 0 || Math.random() < failShare;
        particles.push({
          // Spread over the frame, so requests do not travel in columns.
          bornMs: now - Math.random() * dtMs,
          lane: Math.random(),
          target: fails ? -1 : (takers[Math.floor(Math.random() * takers.length)] ?? -1),
        });
      }
    };

    let raf = 0;
    let drawn = '';
    let lastFrameMs = performance.now();
    const tick = (now: number) => {
      const dtMs = Math.min(100, Math.max(0, now - lastFrameMs));
      lastFrameMs = now;
      spawn(now, dtMs);
      if (particles.length > 0) particles = particles.filter((p) => now - p.bornMs < FLIGHT_MS);
      const canvas = canvasRef.current;
      const ctx = canvas?.getContext('2d');
      if (canvas && ctx) {
        const width = Math.max(240, canvas.clientWidth || 600);
        const key = `${version}|${width}`;
        // Redraw when a snapshot or the size changed, or while requests are in flight.
        if (key !== drawn || particles.length > 0) {
          drawn = key;
          const layout = fleetLayout(width, frame.instances.length);
          const dpr = window.devicePixelRatio || 1;
          const w = Math.round(layout.width * dpr);
          const h = Math.round(layout.height * dpr);
          if (canvas.width !== w || canvas.height !== h) {
            canvas.width = w;
            canvas.height = h;
            canvas.style.height = `${layout.height}px`;
          }
          ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
          drawFleet(ctx, layout, frame, particles, now, FLIGHT_MS, colours);
        }
      }
      raf = requestAnimationFrame(tick);
    };
    raf = requestAnimationFrame(tick);
    return () => {
      unsubscribe();
      cancelAnimationFrame(raf);
      motion?.removeEventListener('change', onMotion);
      scheme?.removeEventListener('change', onScheme);
    };
  }, [session, lane]);

  return (
    <canvas
      ref={canvasRef}
      className="as-fleet"
      role="img"
      aria-label={label}
      data-testid={`topology-${lane}`}
    />
  );
}
