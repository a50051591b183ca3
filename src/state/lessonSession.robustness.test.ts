// The session under a busy page: snapshots already on their way when the learner pauses must
// not undo the pause, and full snapshots are applied through the update throttle.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { LessonSession } from './lessonSession.ts';
import { loadBalancingSchema } from '../lessons/load-balancing/model/schema.ts';
import { parseLessonQuery } from '../url/lessonUrl.ts';
import type { WorkerToMain } from '../sim/worker/protocol.ts';

function session() {
  return new LessonSession({
    model: loadBalancingSchema,
    initial: parseLessonQuery('', loadBalancingSchema.paramGroups),
    autoplay: false,
    syncUrl: false,
  });
}

function snapshot(nowS: number, playing: boolean): WorkerToMain {
  return {
    type: 'snapshot',
    lanes: [{ nowS, eventCount: 0, values: {}, arrays: {}, changes: [] }],
    playing,
    speed: 1,
    lagging: false,
    achievedSpeed: 1,
    full: true,
  };
}

const deliver = (s: LessonSession, msg: WorkerToMain) =>
  (s as unknown as { onMessage(m: WorkerToMain): void }).onMessage(msg);

afterEach(() => {
  vi.useRealTimers();
});

describe('LessonSession on a busy page', () => {
  it('a snapshot sent before a pause does not undo the pause', () => {
    vi.useFakeTimers();
    const s = session();
    s.play();
    s.pause();
    deliver(s, snapshot(12, true)); // posted by the worker before it saw the pause
    vi.advanceTimersByTime(500);
    expect(s.store.getState().playing).toBe(false);
    expect(s.store.getState().simTimeS).toBe(12);
    s.dispose();
  });

  it('applies a burst of full snapshots once, with the latest values', () => {
    vi.useFakeTimers();
    const s = session();
    const seen: number[] = [];
    s.store.subscribe((st) => seen.push(st.simTimeS));
    for (let t = 1; t <= 10; t++) deliver(s, snapshot(t, true));
    vi.advanceTimersByTime(500);
    expect(seen).toEqual([10]);
    s.dispose();
  });
});
