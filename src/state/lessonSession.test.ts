// The lesson session's own rules, driven without a browser (jsdom has no Worker, so the
// session runs the in-process client).
import { describe, expect, it } from 'vitest';
import { LessonSession } from './lessonSession.ts';
import { loadBalancingSchema } from '../lessons/load-balancing/model/schema.ts';
import { parseLessonQuery } from '../url/lessonUrl.ts';

function session(search = '') {
  return new LessonSession({
    model: loadBalancingSchema,
    initial: parseLessonQuery(search, loadBalancingSchema.paramGroups),
    autoplay: false,
    syncUrl: false,
  });
}

describe('LessonSession', () => {
  it('starts compare mode from the current configuration (regression: stale lane B)', () => {
    const s = session();
    s.setParam(0, 'algorithm', 'least-connections');
    s.setCompare(true);
    expect(s.store.getState().paramsB.algorithm).toBe('least-connections');
    s.dispose();
  });

  it('keeps lane B from the URL when the page opens in compare mode', () => {
    const s = session('?compare=1&b.algorithm=random');
    expect(s.store.getState().paramsB.algorithm).toBe('random');
    expect(s.store.getState().params.algorithm).toBe('round-robin');
    s.dispose();
  });

  it('grades through the in-process client when no Worker exists', async () => {
    const s = session();
    expect(s.store.getState().mode).toBe('in-process');
    const result = await s.runToEnd({
      lesson: 'load-balancing',
      seed: 2,
      durationS: 30,
      warmupS: 3,
      params: {},
    });
    expect(result.summary.requests.completed).toBeGreaterThan(1000);
    s.dispose();
  });
});

describe('LessonSession lane variants', () => {
  it('runs one lane per variant and passes lane A changes to every lane the variant leaves free', () => {
    const s = session();
    s.setVariants([{ algorithm: 'random' }, { algorithm: 'least-connections' }, {}]);
    expect(s.store.getState().variants).toHaveLength(3);
    expect(s.store.getState().compare).toBe(false);
    s.setParam(0, 'servers', 7);
    s.setCompare(true);
    expect(s.store.getState().variants).toBeNull();
    expect(s.store.getState().paramsB.servers).toBe(7);
    s.dispose();
  });
});
