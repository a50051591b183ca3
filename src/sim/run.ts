// Runs a scenario to its end, replaying its change log: the one code path behind the headless
// runner, assignment grading and the determinism tests.
import type { LessonModelDefinition, LessonSim } from './model.ts';
import { validateScenario, type RunResult, type Scenario } from './scenario.ts';

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

/**
 * Checks `input` with the scenario validator (defaults filled, every value checked) and runs
 * it; throws an Error listing every problem, one per line, when it is not a valid scenario.
 * The worker's grading and the tests use this; the CLI reports problems itself.
 */
export function runValidated(
  input: unknown,
  lessons: ReadonlyMap<string, LessonModelDefinition>,
): RunResult {
  const checked = validateScenario(input, lessons);
  if (!checked.ok) throw new Error(checked.problems.join('\n'));
  const def = lessons.get(checked.scenario.lesson) as LessonModelDefinition;
  return runScenario(def, checked.scenario);
}
