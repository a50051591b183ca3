// The timeline's pure parts: the rolling count it plots, and which request a click picks.
import { describe, expect, it } from 'vitest';
import {
  hitTest,
  rollingCounts,
  spanOf,
  timelineLayout,
  xOf,
  type TimelineView,
} from './drawTimeline.ts';
import type { RequestView } from './recentRequests.ts';

function req(seq: number, t: number, allowed: boolean): RequestView {
  return {
    seq,
    t,
    allowed,
    gateway: 0,
    remaining: 0,
    resetInS: 0,
    retryAfterS: 0,
    delayS: 0,
    outage: false,
  };
}

/** A small seeded generator (mulberry32) for test data. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('rollingCounts', () => {
  it('equals a brute-force count of accepted requests in (t - W, t] at every column', () => {
    const next = rng(7);
    const items: RequestView[] = [];
    let t = 0;
    for (let i = 0; i < 2000; i++) {
      t += next() * 0.2;
      items.push(req(i + 1, t, next() < 0.7));
    }
    const span: [number, number] = [t - 40, t];
    const counts = rollingCounts(items, span, 10, 97);
    counts.forEach((count, c) => {
      const time = span[0] + ((span[1] - span[0]) * c) / 96;
      const brute = items.filter((r) => r.allowed && r.t > time - 10 && r.t <= time).length;
      expect(count).toBe(brute);
    });
  });
});

describe('hitTest', () => {
  const layout = timelineLayout(600, 240, false);
  const view: TimelineView = { nowS: 20, windowS: 10, limit: 5, edges: true, selectedSeq: null };
  const items = [req(1, 5, true), req(2, 5.05, false), req(3, 12, true), req(4, 12.5, true)];
  const span = spanOf(view);
  const rowMid = (row: readonly [number, number]) => (row[0] + row[1]) / 2;

  it('picks the nearest request in the row that was clicked', () => {
    expect(
      hitTest(items, layout, view, xOf(layout, span, 12.1), rowMid(layout.acceptedRow))?.seq,
    ).toBe(3);
    expect(
      hitTest(items, layout, view, xOf(layout, span, 5), rowMid(layout.rejectedRow))?.seq,
    ).toBe(2);
    expect(
      hitTest(items, layout, view, xOf(layout, span, 5), rowMid(layout.acceptedRow))?.seq,
    ).toBe(1);
  });

  it('picks nothing far from any request or outside the rows', () => {
    expect(
      hitTest(items, layout, view, xOf(layout, span, 8.5), rowMid(layout.acceptedRow)),
    ).toBeUndefined();
    expect(hitTest(items, layout, view, xOf(layout, span, 12), layout.height - 1)).toBeUndefined();
  });
});
