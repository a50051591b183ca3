// Checks the autoscaling presets: unique ids, every value valid and complete, and that each
// preset shows what its description promises when run.
import { describe, expect, it } from 'vitest';
import type { LessonModelDefinition } from '../../../sim/model.ts';
import { defaultValues } from '../../../sim/params.ts';
import type { ParamValue } from '../../../sim/params.ts';
import { runScenario } from '../../../sim/run.ts';
import { validateScenario, type RunResult } from '../../../sim/scenario.ts';
import { AutoscalingSim } from './AutoscalingSim.ts';
import { autoscalingModel } from './definition.ts';
import { presets } from './presets.ts';

const lessons: ReadonlyMap<string, LessonModelDefinition> = new Map([
  [autoscalingModel.id, autoscalingModel],
]);

const DAY_S = 86_400;

function byId(id: string): Readonly<Record<string, ParamValue>> {
  const p = presets.find((x) => x.id === id);
  if (!p) throw new Error(`no preset ${id}`);
  return p.params;
}

interface Figures {
  readonly failed: number;
  readonly scaleOutEvents: number;
  readonly directionChanges: number;
  readonly overshootPct: number;
  readonly maxInstances: number;
}

function run(id: string, durationS: number, seed = 1): Figures {
  const v = validateScenario(
    { lesson: autoscalingModel.id, seed, durationS, warmupS: 0, params: byId(id) },
    lessons,
  );
  if (!v.ok) throw new Error(v.problems.join('\n'));
  const r: RunResult = runScenario(autoscalingModel, v.scenario);
  const a = r.summary.autoscaler as Record<string, number>;
  return {
    failed: r.summary.requests.failed,
    scaleOutEvents: Number(a.scaleOutEvents),
    directionChanges: Number(a.directionChanges),
    overshootPct: Number(a.overshootPct),
    maxInstances: Number(a.maxInstances),
  };
}

describe('autoscaling presets', () => {
  it('have unique ids', () => {
    const ids = presets.map((p) => p.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it.each(presets.map((p) => [p.id, p] as const))('%s is valid and complete', (_id, p) => {
    const v = validateScenario({ lesson: autoscalingModel.id, params: p.params }, lessons);
    expect(v.ok ? [] : v.problems).toEqual([]);
    if (v.ok) expect(v.scenario.params).toEqual(p.params);
    expect(Object.keys(p.params).sort()).toEqual(
      Object.keys(defaultValues(autoscalingModel.paramGroups)).sort(),
    );
  });

  it('without a cooldown the fleet overshoots the ideal; the calm loop does not', () => {
    const wild = run('no-cooldown', 3600);
    const calm = run('calm-loop', 3600);
    expect(wild.overshootPct).toBeGreaterThan(100);
    expect(calm.overshootPct).toBe(0);
    expect(calm.directionChanges).toBe(0);
  });

  it('requests per instance asks for the whole spike in one action', () => {
    expect(run('rps-per-instance', DAY_S).scaleOutEvents).toBe(1);
    expect(run('seed-spike', DAY_S).scaleOutEvents).toBeGreaterThan(1);
  });

  it('predictive scaling fails requests on day 1 only', () => {
    const day1 = run('predictive', DAY_S).failed;
    expect(day1).toBeGreaterThan(0);
    expect(run('predictive', 2 * DAY_S).failed).toBe(day1);
  });

  it('scheduled capacity passes the spike without errors', () => {
    expect(run('scheduled', DAY_S).failed).toBe(0);
  });

  it('wrong metric: CPU stays under its target while p99 reaches the timeout', () => {
    const sim = new AutoscalingSim({ seed: 1, warmupS: 0, params: byId('wrong-metric') });
    while (!sim.advance(3000, 1_000_000)) {
      /* slices only */
    }
    const v = sim.snapshot(false).values;
    expect(v.metric).toBeGreaterThan(45);
    expect(v.metric).toBeLessThan(65);
    expect(v.p99Ms).toBeGreaterThanOrEqual(10_000);
    expect(v.scaleOutEvents).toBe(0);
  });

  it('flapping: the fleet reverses direction over and over', () => {
    expect(run('flapping', DAY_S).directionChanges).toBeGreaterThan(100);
  });
});
