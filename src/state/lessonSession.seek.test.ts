// Seeking in a lesson session (in-process client under jsdom): forward continues the run,
// backward replays it from the start with the current parameters; the start speed is kept.
import { describe, expect, it } from 'vitest';
import { LessonSession } from './lessonSession.ts';
import { autoscalingSchema } from '../lessons/autoscaling/model/schema.ts';
import { parseLessonQuery } from '../url/lessonUrl.ts';
import type { LaneSnapshot } from '../sim/worker/protocol.ts';

function session(): { s: LessonSession; latest: () => LaneSnapshot | undefined } {
  const s = new LessonSession({
    model: autoscalingSchema,
    initial: parseLessonQuery('', autoscalingSchema.paramGroups),
    autoplay: false,
    syncUrl: false,
    speed: 3600,
  });
  let last: LaneSnapshot | undefined;
  s.subscribeFrames((msg) => {
    last = msg.lanes[0];
  });
  return { s, latest: () => last };
}

async function settle(latest: () => LaneSnapshot | undefined, tS: number): Promise<void> {
  for (let i = 0; i < 200 && latest()?.nowS !== tS; i++) {
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

describe('LessonSession.seek', () => {
  it('starts at the speed it was given', () => {
    const { s } = session();
    expect(s.store.getState().speed).toBe(3600);
    s.dispose();
  });

  it('moves forward, and back with the current parameters', async () => {
    const { s, latest } = session();
    s.seek(7200);
    await settle(latest, 7200);
    expect(latest()?.nowS).toBe(7200);
    // 09:00 came and went: the autoscaler acted.
    expect(latest()?.values.scaleOutEvents).toBeGreaterThan(0);
    s.setParam(0, 'minInstances', 20);
    s.seek(600);
    await settle(latest, 600);
    expect(latest()?.nowS).toBe(600);
    // Replayed from the start with the new minimum in force.
    expect(latest()?.values.desired).toBe(20);
    expect(s.store.getState().playing).toBe(false);
    s.dispose();
  }, 20_000);
});
