// Failure handling of the simulation host: a rejected message stops the run it belongs to (the
// page then says "stopped" truthfully), and an error while playing is reported as a message
// instead of escaping from a timer (where, in-process, it would be an uncaught page error).
import { describe, expect, it } from 'vitest';
import { SimHost } from './SimHost.ts';
import { PROTOCOL_VERSION } from './protocol.ts';
import type { LaneConfig, WorkerToMain } from './protocol.ts';
import type { LessonModelDefinition } from '../model.ts';
import { lessonModels } from '../../lessons/modelRegistry.ts';
import { defaultValues } from '../params.ts';
import { loadBalancingModel } from '../../lessons/load-balancing/model/definition.ts';

function harness(models: ReadonlyMap<string, LessonModelDefinition> = lessonModels) {
  const posted: WorkerToMain[] = [];
  const timers: (() => void)[] = [];
  let clock = 0;
  const host = new SimHost(
    { post: (m) => posted.push(m), nowMs: () => clock, later: (fn) => timers.push(fn) },
    models,
  );
  return {
    host,
    posted,
    advanceWall(ms: number) {
      clock += ms;
      for (const fn of timers.splice(0)) fn();
    },
    pendingTimers: () => timers.length,
  };
}

const lane: LaneConfig = {
  lesson: 'load-balancing',
  seed: 7,
  warmupS: 0,
  params: defaultValues(loadBalancingModel.paramGroups),
};

const snapshotTimes = (posted: readonly WorkerToMain[]): number[] =>
  posted.flatMap((m) => (m.type === 'snapshot' ? [m.lanes[0]?.nowS ?? 0] : []));

describe('SimHost failures', () => {
  it('stops playing when it rejects a message, so "stopped" is true', () => {
    const h = harness();
    h.host.handle({ type: 'load', protocol: PROTOCOL_VERSION, lanes: [lane], endS: Infinity });
    h.host.handle({ type: 'play', speed: 1 });
    h.advanceWall(100);
    h.host.handle({ type: 'setParam', lane: 0, name: 'noSuchParameter', value: 1 });
    expect(h.posted.at(-1)).toMatchObject({ type: 'error' });
    const before = h.posted.length;
    for (let k = 0; k < 10; k++) h.advanceWall(100);
    expect(h.posted.slice(before)).toEqual([]);
    expect(h.pendingTimers()).toBe(0);
  });

  it('keeps playing when only a grading run is rejected', () => {
    const h = harness();
    h.host.handle({ type: 'load', protocol: PROTOCOL_VERSION, lanes: [lane], endS: Infinity });
    h.host.handle({ type: 'play', speed: 1 });
    h.host.handle({
      type: 'runToEnd',
      id: 1,
      scenario: { lesson: 'nope', seed: 1, durationS: 1, warmupS: 0, params: {} },
    });
    for (let k = 0; k < 5; k++) h.advanceWall(100);
    expect(snapshotTimes(h.posted).at(-1)).toBeGreaterThan(0.3);
  });

  it('reports an error thrown while playing as a message and stops', () => {
    let calls = 0;
    const fragile: LessonModelDefinition = {
      ...loadBalancingModel,
      create(options) {
        const sim = loadBalancingModel.create(options);
        const advance = sim.advance.bind(sim);
        sim.advance = (untilS, maxEvents) => {
          if (++calls > 3) throw new Error('the model broke');
          return advance(untilS, maxEvents);
        };
        return sim;
      },
    };
    const h = harness(new Map([['load-balancing', fragile]]));
    h.host.handle({ type: 'load', protocol: PROTOCOL_VERSION, lanes: [lane], endS: Infinity });
    h.host.handle({ type: 'play', speed: 1 });
    expect(() => {
      for (let k = 0; k < 10; k++) h.advanceWall(100);
    }).not.toThrow();
    expect(h.posted.filter((m) => m.type === 'error')).toEqual([
      expect.objectContaining({ message: expect.stringContaining('the model broke') }),
    ]);
    expect(h.pendingTimers()).toBe(0);
  });
});
