// Checks the rate-limiting presets: unique ids, every value valid and complete, and that the
// presets show what their descriptions promise when run.
import { describe, expect, it } from 'vitest';
import type { LessonModelDefinition } from '../../../sim/model.ts';
import { defaultValues } from '../../../sim/params.ts';
import type { ParamValue } from '../../../sim/params.ts';
import { runScenario } from '../../../sim/run.ts';
import { validateScenario } from '../../../sim/scenario.ts';
import { rateLimitingModel } from './definition.ts';
import { limiterOf, type LimiterFigures } from './assignments.ts';
import { presets } from './presets.ts';

const lessons: ReadonlyMap<string, LessonModelDefinition> = new Map([
  [rateLimitingModel.id, rateLimitingModel],
]);

function byId(id: string): Readonly<Record<string, ParamValue>> {
  const p = presets.find((x) => x.id === id);
  if (!p) throw new Error(`no preset ${id}`);
  return p.params;
}

function run(id: string, durationS = 300, seed = 1): LimiterFigures {
  const v = validateScenario(
    { lesson: rateLimitingModel.id, seed, durationS, warmupS: 0, params: byId(id) },
    lessons,
  );
  if (!v.ok) throw new Error(v.problems.join('\n'));
  const r = limiterOf(runScenario(rateLimitingModel, v.scenario));
  if (!r) throw new Error('no limiter figures');
  return r;
}

describe('rate-limiting presets', () => {
  it('have unique ids', () => {
    const ids = presets.map((p) => p.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it.each(presets.map((p) => [p.id, p] as const))('%s is valid and complete', (_id, p) => {
    const v = validateScenario({ lesson: rateLimitingModel.id, params: p.params }, lessons);
    expect(v.ok ? [] : v.problems).toEqual([]);
    if (v.ok) expect(v.scenario.params).toEqual(p.params);
    expect(Object.keys(p.params).sort()).toEqual(
      Object.keys(defaultValues(rateLimitingModel.paramGroups)).sort(),
    );
  });

  it('boundary attack: twice the limit through a fixed window, the limit through a sliding log', () => {
    expect(run('boundary-fixed', 60).maxAcceptedInWindow).toBe(200);
    expect(run('boundary-sliding-log', 60).maxAcceptedInWindow).toBe(100);
  });

  it('8 local gateways let about 800 a minute through; a central store brings it to 100', () => {
    expect(run('local-8').maxAcceptedInWindow).toBe(800);
    expect(run('central-store').maxAcceptedInWindow).toBe(100);
  });

  it('the leaky bucket smooths the bursts without refusing any', () => {
    const r = run('leaky-smoothing', 600);
    expect(r.rejected).toBe(0);
    expect(r.maxQueueDelayMs).toBeGreaterThan(10_000);
    expect(r.maxQueueDelayMs).toBeLessThan(30_000);
  });

  it('an outage accepts everything when failing open and refuses everything when closed', () => {
    const open = run('outage-open', 180);
    const closed = run('outage-closed', 180);
    expect(open.acceptedDuringOutage).toBeGreaterThan(250);
    expect(open.rejectedDuringOutage).toBe(0);
    expect(closed.rejectedDuringOutage).toBe(open.acceptedDuringOutage);
    expect(closed.acceptedDuringOutage).toBe(0);
  });
});
