// Runs a scenario to its end, replaying its change log: the one code path behind the headless
// runner, assignment grading and the determinism tests.
import type { LessonModelDefinition, LessonSim } from './model.ts';
import type { RunResult, Scenario } from './scenario.ts';

/** Events processed per `advance` call; only bounds the slice, never changes results. */
const SLICE_EVENTS = 1_000_000;

function advanceFully(sim: LessonSim, untilS: number): void {
  while (!sim.advance(untilS, SLICE_EVENTS)) {
    /* keep going: slices only bound the work per call */
  }
}

/** Builds the lesson's model for a scenario (no events run yet). */
export function createSim(def: LessonModelDefinition, scenario: Scenario): LessonSim {
  return def.create({ seed: scenario.seed, params: scenario.params, warmupS: scenario.warmupS });
}

/** Runs `scenario` from zero to `durationS`, applying each logged change at its time. */
export function runScenario(def: LessonModelDefinition, scenario: Scenario): RunResult {
  const sim = createSim(def, scenario);
  for (const change of scenario.changes ?? []) {
    advanceFully(sim, change.tS);
    sim.setParam(change.name, change.value);
  }
  advanceFully(sim, scenario.durationS);
  const params = { ...scenario.params };
  return {
    lesson: scenario.lesson,
    seed: scenario.seed,
    durationS: scenario.durationS,
    warmupS: scenario.warmupS,
    params,
    summary: sim.summary(),
  };
}
