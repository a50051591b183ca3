import { describe, expect, it } from 'vitest';
import { SimHost, SLICE_BUDGET_MS } from './SimHost.ts';
import { PROTOCOL_VERSION } from './protocol.ts';
import type { LaneConfig, WorkerToMain } from './protocol.ts';
import { lessonModels } from '../../lessons/modelRegistry.ts';
import { defaultValues } from '../params.ts';
import { runScenario } from '../run.ts';
import { loadBalancingModel } from '../../lessons/load-balancing/model/definition.ts';

/** A host on a hand-driven clock: `later` callbacks run only when the test says so. */
function harness(driftMsPerRead = 0) {
  const posted: WorkerToMain[] = [];
  const timers: (() => void)[] = [];
  let clock = 0;
  const host = new SimHost(
    {
      post: (m) => posted.push(m),
      nowMs: () => (clock += driftMsPerRead),
      later: (fn) => timers.push(fn),
    },
    lessonModels,
  );
  return {
    host,
    posted,
    advanceWall(ms: number) {
      clock += ms;
      const due = timers.splice(0);
      for (const fn of due) fn();
    },
    snapshots: () =>
      posted.filter((m): m is Extract<WorkerToMain, { type: 'snapshot' }> => m.type === 'snapshot'),
  };
}

const lane: LaneConfig = {
  lesson: 'load-balancing',
  seed: 7,
  warmupS: 0,
  params: defaultValues(loadBalancingModel.paramGroups),
};

describe('SimHost', () => {
  it('announces itself and answers a load with a full snapshot at time zero', () => {
    const h = harness();
    h.host.start();
    h.host.handle({ type: 'load', protocol: PROTOCOL_VERSION, lanes: [lane], endS: Infinity });
    expect(h.posted[0]).toEqual({ type: 'ready', protocol: PROTOCOL_VERSION });
    const snap = h.snapshots()[0];
    expect(snap?.full).toBe(true);
    expect(snap?.lanes[0]?.nowS).toBe(0);
  });

  it('paces simulated time by the wall clock times the speed', () => {
    const h = harness();
    h.host.handle({ type: 'load', protocol: PROTOCOL_VERSION, lanes: [lane], endS: Infinity });
    h.host.handle({ type: 'play', speed: 10 });
    for (let k = 0; k < 10; k++) h.advanceWall(100);
    const last = h.snapshots().at(-1);
    // 1 s of wall time at 10x is 10 simulated seconds (the clock only moves between ticks).
    expect(last?.lanes[0]?.nowS).toBeCloseTo(10, 6);
  });

  it('steps while paused and records live parameter changes with their time', () => {
    const h = harness();
    h.host.handle({ type: 'load', protocol: PROTOCOL_VERSION, lanes: [lane], endS: Infinity });
    h.host.handle({ type: 'step', dtS: 2.5 });
    h.host.handle({ type: 'setParam', lane: 0, name: 'arrivalRate', value: 200 });
    const last = h.snapshots().at(-1);
    expect(last?.lanes[0]?.nowS).toBe(2.5);
    expect(last?.lanes[0]?.changes).toEqual([{ tS: 2.5, name: 'arrivalRate', value: 200 }]);
  });

  it('seeks by replaying the change log: the state equals the uninterrupted run', () => {
    const a = harness();
    a.host.handle({ type: 'load', protocol: PROTOCOL_VERSION, lanes: [lane], endS: Infinity });
    a.host.handle({ type: 'step', dtS: 5 });
    a.host.handle({ type: 'setParam', lane: 0, name: 'algorithm', value: 'least-connections' });
    a.host.handle({ type: 'step', dtS: 5 });
    const straight = a.snapshots().at(-1)?.lanes[0]?.values;
    a.host.handle({ type: 'step', dtS: 20 });
    a.host.handle({ type: 'seek', tS: 10 });
    const replayed = a.snapshots().at(-1)?.lanes[0]?.values;
    expect(replayed).toEqual(straight);
  });

  it('grades by running a scenario to its end with the same result as the runner', () => {
    const h = harness();
    const scenario = {
      lesson: 'load-balancing',
      seed: 3,
      durationS: 60,
      warmupS: 5,
      params: lane.params,
    };
    h.host.handle({ type: 'runToEnd', id: 9, scenario });
    const msg = h.posted.find((m) => m.type === 'result');
    expect(msg?.type === 'result' && msg.id).toBe(9);
    expect(msg?.type === 'result' && JSON.stringify(msg.result)).toBe(
      JSON.stringify(runScenario(loadBalancingModel, scenario)),
    );
  });

  it('reports errors as messages instead of throwing', () => {
    const h = harness();
    h.host.handle({ type: 'load', protocol: 999, lanes: [lane], endS: Infinity });
    h.host.handle({
      type: 'runToEnd',
      id: 4,
      scenario: { lesson: 'nope', seed: 1, durationS: 1, warmupS: 0, params: {} },
    });
    expect(h.posted).toEqual([
      expect.objectContaining({ type: 'error', message: expect.stringContaining('protocol 999') }),
      expect.objectContaining({
        type: 'error',
        id: 4,
        message: expect.stringContaining('unknown lesson'),
      }),
    ]);
  });

  it('works in bounded slices and says when it cannot keep up', () => {
    // Every clock read costs 0.5 ms, so a slice notices its budget running out.
    const h = harness(0.5);
    const heavy = {
      ...lane,
      params: { ...lane.params, arrivalRate: 20000, serviceTimeMs: 1, servers: 100 },
    };
    h.host.handle({ type: 'load', protocol: PROTOCOL_VERSION, lanes: [heavy], endS: Infinity });
    h.host.handle({ type: 'play', speed: 1e6 });
    h.advanceWall(SLICE_BUDGET_MS);
    h.advanceWall(2000);
    const times = h.snapshots().map((m) => m.lanes[0]?.nowS ?? 0);
    expect(times.at(-1)).toBeLessThan(1e6); // it did not try to do 2e6 s of work in one go
    const last = h.snapshots().at(-1);
    expect(last?.lagging).toBe(true);
  });
});

describe('SimHost scenario checks', () => {
  it('fills omitted parameters with defaults before grading (regression: NaN event times)', () => {
    const h = harness();
    const { healthCheckIntervalS: _omit, ...partial } = lane.params;
    h.host.handle({
      type: 'runToEnd',
      id: 1,
      scenario: { lesson: 'load-balancing', seed: 3, durationS: 60, warmupS: 5, params: partial },
    });
    const full = {
      lesson: 'load-balancing',
      seed: 3,
      durationS: 60,
      warmupS: 5,
      params: lane.params,
    };
    const msg = h.posted.find((m) => m.type === 'result');
    expect(msg?.type === 'result' && msg.result.summary).toEqual(
      runScenario(loadBalancingModel, full).summary,
    );
  });

  it('refuses an invalid scenario with the validator’s problems', () => {
    const h = harness();
    h.host.handle({
      type: 'runToEnd',
      id: 2,
      scenario: {
        lesson: 'load-balancing',
        seed: 3,
        durationS: 60,
        warmupS: 5,
        params: { servers: 0 },
      },
    });
    expect(h.posted[0]).toEqual(
      expect.objectContaining({
        type: 'error',
        id: 2,
        message: expect.stringContaining('params.servers'),
      }),
    );
  });
});

describe('SimHost lanes under load', () => {
  it('keeps compare lanes together when it cannot keep up (regression: lane B starved)', () => {
    const h = harness(0.5);
    const heavy = {
      ...lane,
      params: { ...lane.params, arrivalRate: 20000, serviceTimeMs: 1, servers: 100 },
    };
    h.host.handle({
      type: 'load',
      protocol: PROTOCOL_VERSION,
      lanes: [heavy, heavy],
      endS: Infinity,
    });
    h.host.handle({ type: 'play', speed: 1e6 });
    for (let k = 0; k < 5; k++) h.advanceWall(16);
    const [a, b] = h.snapshots().at(-1)?.lanes ?? [];
    expect(b?.nowS).toBeGreaterThan(0);
    expect(Math.abs((a?.nowS ?? 0) - (b?.nowS ?? 0))).toBeLessThan(0.5);
  });
});
