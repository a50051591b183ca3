// Assignments as data: the prompt, its kind, and a pure check. Lessons define them in their
// `model/` folder; the assignment panel renders them and the worker runs challenge scenarios.
import type { ParamValue } from './params.ts';
import type { RunResult, Scenario } from './scenario.ts';

/** The verdict of a check, with feedback that says why. */
export interface Verdict {
  readonly pass: boolean;
  readonly feedback: string;
}

interface AssignmentBase {
  readonly id: string;
  readonly title: string;
  /** Plain text; paragraphs separated by blank lines. */
  readonly prompt: string;
}

/**
 * Simulation challenge: the learner's current parameters, with `fixed` applied on top, are run
 * for `durationS` with the learner's seed, and `check` reads the result.
 */
export interface ChallengeAssignment extends AssignmentBase {
  readonly kind: 'challenge';
  readonly fixed: Readonly<Record<string, ParamValue>>;
  /** Parameters the learner is expected to change (highlighted in the panel). */
  readonly focus: readonly string[];
  /** Parameters to load into the lesson when the learner clicks "set up" for this challenge. */
  readonly setup: Readonly<Record<string, ParamValue>>;
  readonly durationS: number;
  readonly warmupS: number;
  check(result: RunResult): Verdict;
}

export interface ChoiceOption {
  readonly id: string;
  readonly label: string;
  /** Why this option is right or wrong; shown after answering. */
  readonly explanation: string;
}

/** Commit a guess first, then run a fixed scenario and compare. */
export interface PredictionAssignment extends AssignmentBase {
  readonly kind: 'prediction';
  readonly options: readonly ChoiceOption[];
  readonly params: Readonly<Record<string, ParamValue>>;
  readonly durationS: number;
  readonly warmupS: number;
  /** Which option the run actually shows, and a sentence of the figures that show it. */
  outcome(result: RunResult): { readonly optionId: string; readonly evidence: string };
}

export interface NumericAssignment extends AssignmentBase {
  readonly kind: 'numeric';
  readonly unit: string;
  readonly answer: number;
  /** Accepted absolute distance from `answer`. */
  readonly tolerance: number;
  readonly explanation: string;
}

export interface ChoiceAssignment extends AssignmentBase {
  readonly kind: 'choice';
  readonly options: readonly ChoiceOption[];
  readonly correctId: string;
}

export interface ReflectionAssignment extends AssignmentBase {
  readonly kind: 'reflection';
  readonly modelAnswer: string;
  /** Criteria the learner ticks against their own answer. */
  readonly rubric: readonly string[];
}

export type Assignment =
  | ChallengeAssignment
  | PredictionAssignment
  | NumericAssignment
  | ChoiceAssignment
  | ReflectionAssignment;

/** Grades a numeric answer; pure so the panel and the tests share it. */
export function gradeNumeric(a: NumericAssignment, value: number): Verdict {
  if (!Number.isFinite(value)) return { pass: false, feedback: 'Enter a number.' };
  const pass = Math.abs(value - a.answer) <= a.tolerance;
  const off = value > a.answer ? 'too high' : 'too low';
  return {
    pass,
    feedback: pass
      ? `Correct: about ${a.answer} ${a.unit}. ${a.explanation}`
      : `Not quite: ${value} ${a.unit} is ${off}. ${a.explanation}`,
  };
}

/** Grades a multiple-choice answer with the chosen option's explanation. */
export function gradeChoice(a: ChoiceAssignment, optionId: string): Verdict {
  const option = a.options.find((o) => o.id === optionId);
  if (!option) return { pass: false, feedback: 'Pick one of the options.' };
  return {
    pass: optionId === a.correctId,
    feedback: `${optionId === a.correctId ? 'Correct.' : 'Not quite.'} ${option.explanation}`,
  };
}

/** The run a challenge check makes: the learner's parameters with `fixed` applied on top. */
export function challengeScenario(
  lessonId: string,
  seed: number,
  a: ChallengeAssignment,
  currentParams: Readonly<Record<string, ParamValue>>,
): Scenario {
  return {
    lesson: lessonId,
    seed,
    durationS: a.durationS,
    warmupS: a.warmupS,
    params: { ...currentParams, ...a.fixed },
  };
}

/** The run a prediction is compared against: the assignment's own parameters. */
export function predictionScenario(
  lessonId: string,
  seed: number,
  a: PredictionAssignment,
): Scenario {
  return {
    lesson: lessonId,
    seed,
    durationS: a.durationS,
    warmupS: a.warmupS,
    params: { ...a.params },
  };
}

/** A graded prediction: the verdict plus which option the run showed and the figures why. */
export interface PredictionVerdict extends Verdict {
  readonly outcomeId: string;
  readonly evidence: string;
}

/** Compares a committed guess with what the run shows; passes when they are the same option. */
export function gradePrediction(
  a: PredictionAssignment,
  guessId: string,
  result: RunResult,
): PredictionVerdict {
  const { optionId, evidence } = a.outcome(result);
  const labelOf = (id: string): string => a.options.find((o) => o.id === id)?.label ?? id;
  const guess = a.options.find((o) => o.id === guessId);
  if (!guess) {
    return { pass: false, feedback: 'Pick one of the options.', outcomeId: optionId, evidence };
  }
  const pass = guessId === optionId;
  return {
    pass,
    feedback: pass
      ? `You predicted it: ${labelOf(optionId)}. ${evidence}`
      : `The run showed "${labelOf(optionId)}", not "${guess.label}". ${evidence}`,
    outcomeId: optionId,
    evidence,
  };
}
