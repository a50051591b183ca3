// Checks the load-balancing presets: unique ids, and every value valid for the lesson's schema.
import { describe, expect, it } from 'vitest';
import type { LessonModelDefinition } from '../../../sim/model.ts';
import { defaultValues } from '../../../sim/params.ts';
import { validateScenario } from '../../../sim/scenario.ts';
import { loadBalancingModel } from './definition.ts';
import { presets } from './presets.ts';

const lessons: ReadonlyMap<string, LessonModelDefinition> = new Map([
  [loadBalancingModel.id, loadBalancingModel],
]);

describe('load-balancing presets', () => {
  it('have unique ids', () => {
    const ids = presets.map((p) => p.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it.each(presets.map((p) => [p.id, p] as const))('%s is valid and complete', (_id, p) => {
    const v = validateScenario({ lesson: loadBalancingModel.id, params: p.params }, lessons);
    expect(v.ok ? [] : v.problems).toEqual([]);
    if (v.ok) expect(v.scenario.params).toEqual(p.params);
    expect(Object.keys(p.params).sort()).toEqual(
      Object.keys(defaultValues(loadBalancingModel.paramGroups)).sort(),
    );
  });
});
