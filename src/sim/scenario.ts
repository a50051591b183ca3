// Scenarios (what to run) and results (what came out): the public contract shared by the
// headless runner, the URL, embeds, saved progress and assignment checks.
import { z } from 'zod';
import { allParams, allowedText, coerceParam, defaultValues } from './params.ts';
import type { ParamValue } from './params.ts';
import type { LessonModelDefinition, RunSummary } from './model.ts';

/** A parameter change recorded while a run plays: at simulated time `tS`, `name` became `value`. */
export interface ParamChange {
  readonly tS: number;
  readonly name: string;
  readonly value: ParamValue;
}

export interface Scenario {
  readonly lesson: string;
  readonly seed: number;
  readonly durationS: number;
  readonly warmupS: number;
  readonly params: Readonly<Record<string, ParamValue>>;
  /** Optional change log; a run is replayable from (scenario, seed, changes). */
  readonly changes?: readonly ParamChange[];
}

export interface RunResult {
  readonly lesson: string;
  readonly seed: number;
  readonly durationS: number;
  readonly warmupS: number;
  readonly params: Readonly<Record<string, ParamValue>>;
  readonly summary: RunSummary;
}

export const MAX_SEED = 2 ** 32 - 1;
export const MAX_DURATION_S = 7 * 24 * 3600;

const paramValue = z.union([z.number(), z.string(), z.boolean()]);
export const MAX_CHANGES = 10_000;
const envelope = z
  .object({
    lesson: z.string(),
    seed: z.number().int().min(0).max(MAX_SEED).optional(),
    durationS: z.number().gt(0).max(MAX_DURATION_S).optional(),
    warmupS: z.number().min(0).optional(),
    params: z.record(z.string(), paramValue).optional(),
    changes: z
      .array(z.object({ tS: z.number().min(0), name: z.string(), value: paramValue }).strict())
      // Not `.max()`: zod runs that length check even on a non-array and throws on an object
      // whose `length` cannot become a number; a refinement runs only once the type is right.
      .refine((changes) => changes.length <= MAX_CHANGES, {
        message: `at most ${MAX_CHANGES} changes`,
      })
      .optional(),
  })
  .strict();

export type ValidationResult =
  | { readonly ok: true; readonly scenario: Scenario }
  | { readonly ok: false; readonly problems: readonly string[] };

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function show(value: unknown): string {
  let text: string;
  try {
    text = JSON.stringify(value) ?? String(value);
  } catch {
    // Too deeply nested for JSON.stringify (or not JSON at all): name its kind instead.
    text = Array.isArray(value)
      ? '[...]'
      : value !== null && typeof value === 'object'
        ? '{...}'
        : typeof value;
  }
  // JSON leaves U+2028 and U+2029 as they are; escape them so a problem stays on one line.
  text = text.replace(/[\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16)}`);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

/** A field name from the file as shown in a problem: quoted when it could break the line. */
function showKey(key: PropertyKey): string {
  const text = String(key);
  return /^[\w$-]{1,60}$/.test(text) ? text : show(text);
}

/**
 * Strictly checks a parsed scenario file against the lesson registry. Every problem is
 * reported as one line naming the field, the value and what is allowed.
 */
export function validateScenario(
  input: unknown,
  lessons: ReadonlyMap<string, LessonModelDefinition>,
): ValidationResult {
  const parsed = envelope.safeParse(input);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => {
      const field = issue.path.length > 0 ? issue.path.map(showKey).join('.') : '(scenario)';
      let value: unknown = input;
      for (const key of issue.path) {
        value =
          value !== null && typeof value === 'object'
            ? (value as Record<PropertyKey, unknown>)[key as PropertyKey]
            : undefined;
      }
      if (issue.code === 'unrecognized_keys') {
        return `${field}: unknown field(s) ${issue.keys.map(showKey).join(', ')}; allowed: lesson, seed, durationS, warmupS, params, changes`;
      }
      return `${field}: ${value === undefined ? 'missing' : `got ${show(value)}`}; ${issue.message}`;
    });
    // Report the parameters' own problems too, when the lesson and params can be read.
    const known =
      isRecord(input) && typeof input.lesson === 'string' ? lessons.get(input.lesson) : undefined;
    if (known && isRecord(input) && isRecord(input.params)) {
      const specs = new Map(allParams(known.paramGroups).map((p) => [p.name, p]));
      for (const [name, value] of Object.entries(input.params)) {
        const spec = specs.get(name);
        if (!spec)
          problems.push(
            `params.${showKey(name)}: unknown parameter for ${known.id}; known: ${[...specs.keys()].join(', ')}`,
          );
        else if (!coerceParam(spec, value, false).ok) {
          problems.push(
            `params.${showKey(name)}: got ${show(value)}; must be ${allowedText(spec)}`,
          );
        }
      }
    }
    return { ok: false, problems: [...new Set(problems)] };
  }
  const raw = parsed.data;
  const lesson = lessons.get(raw.lesson);
  if (!lesson) {
    return {
      ok: false,
      problems: [
        `lesson: unknown lesson ${show(raw.lesson)}; known: ${[...lessons.keys()].join(', ')}`,
      ],
    };
  }
  const problems: string[] = [];
  const specs = new Map(allParams(lesson.paramGroups).map((p) => [p.name, p]));
  const params = defaultValues(lesson.paramGroups);
  const check = (field: string, name: string, value: unknown): ParamValue | undefined => {
    const spec = specs.get(name);
    if (!spec) {
      problems.push(
        `${field}: unknown parameter for ${lesson.id}; known: ${[...specs.keys()].join(', ')}`,
      );
      return undefined;
    }
    const r = coerceParam(spec, value, false);
    if (!r.ok) {
      problems.push(`${field}: got ${show(value)}; must be ${allowedText(spec)}`);
      return undefined;
    }
    return r.value;
  };
  for (const [name, value] of Object.entries(raw.params ?? {})) {
    const v = check(`params.${showKey(name)}`, name, value);
    if (v !== undefined) params[name] = v;
  }
  const durationS = raw.durationS ?? lesson.defaultDurationS;
  const warmupS = raw.warmupS ?? Math.min(lesson.defaultWarmupS, durationS / 10);
  if (warmupS >= durationS) {
    problems.push(`warmupS: got ${warmupS}; must be less than durationS (${durationS})`);
  }
  const changes: ParamChange[] = [];
  (raw.changes ?? []).forEach((c, i) => {
    if (c.tS > durationS)
      problems.push(`changes.${i}.tS: got ${c.tS}; must be at most durationS (${durationS})`);
    if (i > 0 && c.tS < (raw.changes?.[i - 1]?.tS ?? 0)) {
      problems.push(`changes.${i}.tS: got ${c.tS}; changes must be in time order`);
    }
    const v = check(`changes.${i}.name`, c.name, c.value);
    if (v !== undefined) changes.push({ tS: c.tS, name: c.name, value: v });
  });
  if (problems.length > 0) return { ok: false, problems };
  return {
    ok: true,
    scenario: {
      lesson: lesson.id,
      seed: raw.seed ?? 1,
      durationS,
      warmupS,
      params,
      ...(changes.length > 0 ? { changes } : {}),
    },
  };
}
