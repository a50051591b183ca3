// The fleet picture's pure parts: unpacking instances, the grid layout, request paths, the
// words in the boxes, and one drawn frame on a recording context.
import { describe, expect, it } from 'vitest';
import {
  BOOTING,
  boxAt,
  DRAINING,
  drawFleet,
  fleetLayout,
  IN_SERVICE,
  particlePoint,
  stateLabel,
  unpackInstances,
  utilisationOf,
  WARMING,
  type FleetColours,
} from './drawFleet.ts';

const delays = { bootS: 120, warmS: 60, drainS: 30 };

describe('unpackInstances', () => {
  it('reads [state, since, launched] triples in launch order with each state’s progress', () => {
    const packed = Float64Array.from([
      BOOTING, 100, 100,
      IN_SERVICE, 0, 0,
      WARMING, 150, 30,
      DRAINING, 160, 10,
    ]); // prettier-ignore
    const v = unpackInstances(packed, 180, delays);
    expect(v.map((i) => i.state)).toEqual([IN_SERVICE, DRAINING, WARMING, BOOTING]);
    expect(v.map((i) => i.progress)).toEqual([1, 20 / 30, 30 / 60, 80 / 120]);
  });

  it('clamps progress into [0, 1] (a delay shortened while the instance was on its way)', () => {
    const v = unpackInstances(Float64Array.from([BOOTING, 0, 0]), 500, delays);
    expect(v[0]?.progress).toBe(1);
    expect(unpackInstances(undefined, 0, delays)).toEqual([]);
  });
});

describe('fleetLayout', () => {
  it.each([1, 3, 15, 40, 120, 200, 400])(
    'fits %i boxes inside the canvas, none overlapping',
    (n) => {
      for (const width of [260, 600, 1000]) {
        const l = fleetLayout(width, n);
        const boxes = Array.from({ length: n }, (_x, i) => boxAt(l, i));
        for (const b of boxes) {
          expect(b.x).toBeGreaterThanOrEqual(l.gridLeft);
          expect(b.x + b.size).toBeLessThanOrEqual(l.width);
          expect(b.y + b.size).toBeLessThan(l.legendY - 6);
        }
        for (let i = 1; i < boxes.length; i++) {
          const a = boxes[i - 1];
          const b = boxes[i];
          if (!a || !b) continue;
          const apart = b.x >= a.x + a.size || b.y >= a.y + a.size;
          expect(apart).toBe(true);
        }
      }
    },
  );

  it('uses big boxes for a small fleet and smaller ones as it grows', () => {
    expect(fleetLayout(800, 3).cell).toBeGreaterThan(fleetLayout(800, 200).cell);
  });
});

describe('particlePoint', () => {
  const l = fleetLayout(600, 10);

  it('starts at the users, passes the balancer halfway and ends on its box', () => {
    const p = { bornMs: 0, lane: 0.5, target: 3 };
    expect(particlePoint(l, p, 0, 1000)?.x).toBe(l.sourceX);
    const half = particlePoint(l, p, 500, 1000);
    expect(half).toMatchObject({ x: l.balancerX, y: l.midY, failed: false });
    const box = boxAt(l, 3);
    const end = particlePoint(l, p, 999.999, 1000);
    expect(end?.x).toBeCloseTo(box.x + box.size / 2, 1);
    expect(end?.y).toBeCloseTo(box.y + box.size / 2, 1);
    expect(particlePoint(l, p, 1000, 1000)).toBeNull();
  });

  it('drops a failed request out of the queue', () => {
    const at = particlePoint(l, { bornMs: 0, lane: 0, target: -1 }, 750, 1000);
    expect(at?.failed).toBe(true);
    expect(at?.x).toBe(l.balancerX);
    expect(at?.y ?? 0).toBeGreaterThan(l.midY);
  });
});

describe('labels and utilisation', () => {
  it('writes the state, or the CPU share for a serving instance', () => {
    const v = (state: number) => ({ state, progress: 0.5, launchedS: 0 });
    expect(stateLabel(v(BOOTING), 0.4)).toBe('boot');
    expect(stateLabel(v(WARMING), 0.4)).toBe('warm');
    expect(stateLabel(v(DRAINING), 0.4)).toBe('drain');
    expect(stateLabel(v(IN_SERVICE), 0.734)).toBe('73%');
  });

  it('is demand over capacity, full while requests wait', () => {
    expect(utilisationOf(70, 100, 0)).toBeCloseTo(0.7);
    expect(utilisationOf(70, 100, 12)).toBe(1);
    expect(utilisationOf(500, 100, 0)).toBe(1);
    expect(utilisationOf(0, 0, 0)).toBe(0);
  });
});

describe('drawFleet', () => {
  it('draws every box and its word, the queue and the caption', () => {
    const texts: string[] = [];
    let rects = 0;
    const ctx = new Proxy(
      {},
      {
        get(_t, name) {
          if (name === 'fillText') return (text: string) => texts.push(text);
          if (name === 'strokeRect') return () => rects++;
          if (name === 'measureText') return (s: string) => ({ width: s.length * 6 });
          return () => undefined;
        },
        set: () => true,
      },
    ) as unknown as CanvasRenderingContext2D;
    const colours: FleetColours = {
      text: '#000',
      muted: '#444',
      border: '#888',
      surface: '#fff',
      serving: '#00f',
      warming: '#fa0',
      booting: '#444',
      draining: '#c7a',
      request: '#444',
      failed: '#d50',
    };
    const instances = unpackInstances(
      Float64Array.from([IN_SERVICE, 0, 0, IN_SERVICE, 0, 1, WARMING, 10, 5, BOOTING, 20, 20]),
      40,
      delays,
    );
    const l = fleetLayout(800, instances.length);
    drawFleet(
      ctx,
      l,
      { instances, demandRps: 450, capacityRps: 250, queued: 1234, utilisation: 1 },
      [],
      0,
      900,
      colours,
    );
    expect(texts).toEqual(
      expect.arrayContaining([
        '450 req/s',
        'queue 1.2k',
        'Instances: 4 (capacity 250 req/s)',
        '100%',
        'warm',
        'boot',
      ]),
    );
    // Four boxes, the queue's outline and four legend swatches.
    expect(rects).toBe(4 + 1 + 4);
  });
});
