// Property tests (fast-check) for scenario files. They prove that `validateScenario`, fed
// objects or the JSON.parse of file text, never throws on thousands of random JSON
// trees, files with a wrong type at every field, hostile keys (`__proto__`, `constructor`,
// markup, line breaks) and deeply nested values; that each answer is either a complete, valid
// scenario (every parameter present and passing `coerceParam(spec, value, false)`) or a
// non-empty list of one-line problems; and that a valid scenario file round-trips. The CLI's
// whole read path (text -> parseJson -> validateScenario -> exit code and stderr lines) has its
// own property test in src/cli/scenarioFile.property.test.ts.
// Run alone: npx vitest run --project node src/sim/scenario.property.test.ts
// A failure prints the counterexample and the seed; replay with fc.assert's { seed, path }.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { lessonModels } from '../lessons/modelRegistry.ts';
import { allParams, coerceParam } from './params.ts';
import type { ParamSpec, ParamValue } from './params.ts';
import { MAX_DURATION_S, MAX_SEED, validateScenario, type ValidationResult } from './scenario.ts';

const LESSON = 'load-balancing';
const model = lessonModels.get(LESSON);
if (!model) throw new Error(`${LESSON} is not registered`);
const SPECS = allParams(model.paramGroups);
const NAMES = SPECS.map((s) => s.name);

/** Runs per property; each run validates one generated file. */
const RUNS = 2000;

/**
 * The answer is usable: a complete scenario whose every field is in range, or a non-empty
 * list of problems, one line each.
 */
function assertWellFormed(result: ValidationResult): void {
  if (!result.ok) {
    expect(result.problems.length).toBeGreaterThan(0);
    for (const problem of result.problems) {
      expect(typeof problem).toBe('string');
      expect(problem.length).toBeGreaterThan(0);
      expect(problem, JSON.stringify(problem)).not.toMatch(/[\r\n\u2028\u2029]/);
    }
    return;
  }
  const s = result.scenario;
  expect(s.lesson).toBe(LESSON);
  expect(Number.isInteger(s.seed) && s.seed >= 0 && s.seed <= MAX_SEED).toBe(true);
  expect(Number.isFinite(s.durationS) && s.durationS > 0 && s.durationS <= MAX_DURATION_S).toBe(
    true,
  );
  expect(Number.isFinite(s.warmupS) && s.warmupS >= 0 && s.warmupS < s.durationS).toBe(true);
  expect(Object.getPrototypeOf(s.params)).toBe(Object.prototype);
  expect(Object.keys(s.params).sort()).toEqual([...NAMES].sort());
  for (const spec of SPECS) {
    const value = s.params[spec.name];
    const check = coerceParam(spec, value, false);
    expect(check.ok, `${spec.name} = ${String(value)}`).toBe(true);
  }
  let last = 0;
  for (const change of s.changes ?? []) {
    const spec = SPECS.find((p) => p.name === change.name);
    expect(spec, change.name).toBeDefined();
    if (spec) expect(coerceParam(spec, change.value, false).ok).toBe(true);
    expect(change.tS).toBeGreaterThanOrEqual(last);
    expect(change.tS).toBeLessThanOrEqual(s.durationS);
    last = change.tS;
  }
}

function validate(input: unknown): ValidationResult {
  const result = validateScenario(input, lessonModels);
  assertWellFormed(result);
  expect(Object.keys(Object.prototype)).toEqual([]);
  return result;
}

// ----------------------------------------------------------------------------------------------
// Generators

const HOSTILE_KEYS = [
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'hasOwnProperty',
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  'line\nbreak',
  'carriage\rreturn',
  'separator\u2028here',
  '\u202eevil',
  '',
  ' ',
  'params.servers',
];

/** Any JSON-ish leaf, including the values JSON cannot hold but a caller could pass. */
const hostileLeaf: fc.Arbitrary<unknown> = fc.oneof(
  fc.double(),
  fc.integer(),
  fc.constantFrom(NaN, Infinity, -Infinity, -0, 1e308, -1e308, 5e-324, 2 ** 53 + 1, MAX_SEED + 1),
  fc.boolean(),
  fc.constant(null),
  fc.constant(undefined),
  fc.string(),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.constantFrom(...HOSTILE_KEYS, '1e3', '5', 'true', 'NaN', 'x'.repeat(100_000)),
);

/** A random tree of objects and arrays (keys may be hostile) over hostile leaves. */
const hostileTree: fc.Arbitrary<unknown> = fc.letrec<{ tree: unknown }>((tie) => ({
  tree: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    hostileLeaf,
    fc.array(tie('tree'), { maxLength: 4 }),
    fc.dictionary(fc.oneof(fc.string(), fc.constantFrom(...HOSTILE_KEYS)), tie('tree'), {
      maxKeys: 4,
    }),
  ),
})).tree;

/** A value nested `depth` levels deep in arrays or objects, built without recursion. */
function nested(depth: number, inObjects: boolean): unknown {
  let value: unknown = 1;
  for (let i = 0; i < depth; i += 1) value = inObjects ? { a: value } : [value];
  return value;
}

/**
 * A deeply nested value. Built lazily and printed as its recipe, so a failing case reports
 * "nested(100000, false)" rather than overflowing the reporter with the value itself.
 */
class Deep {
  constructor(
    readonly depth: number,
    readonly inObjects: boolean,
  ) {}
  build(): unknown {
    return nested(this.depth, this.inObjects);
  }
  toString(): string {
    return `nested(${this.depth}, ${this.inObjects})`;
  }
}

/** Depths either side of where recursive code overflows the stack (about 5,000 in Node). */
function deepArb(depths: readonly number[]): fc.Arbitrary<Deep> {
  return fc
    .tuple(fc.constantFrom(...depths), fc.boolean())
    .map(([depth, inObjects]) => new Deep(depth, inObjects));
}

const deepRecipe = deepArb([10, 1000, 10_000, 100_000]);
/** Shallower, for mixing into every field of every file without slowing the run down. */
const deepishRecipe = deepArb([10, 1000, 8000]);

/** Replaces every Deep recipe in a generated file by the value it describes. */
function materialise(value: unknown): unknown {
  if (value instanceof Deep) return value.build();
  if (Array.isArray(value)) return value.map(materialise);
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      Object.defineProperty(out, k, {
        value: materialise(v),
        enumerable: true,
        writable: true,
        configurable: true,
      });
    }
    return out;
  }
  return value;
}

/** A field's value: usually right, often the wrong type, out of range, hostile or deep. */
function fieldArb(good: fc.Arbitrary<unknown>): fc.Arbitrary<unknown> {
  return fc.oneof(
    { weight: 4, arbitrary: good },
    { weight: 3, arbitrary: hostileLeaf },
    { weight: 2, arbitrary: hostileTree },
    { weight: 1, arbitrary: deepishRecipe },
  );
}

function goodValue(spec: ParamSpec): fc.Arbitrary<ParamValue> {
  switch (spec.kind) {
    case 'number':
      return spec.integer
        ? fc.integer({ min: spec.min, max: spec.max })
        : fc.double({ min: spec.min, max: spec.max, noNaN: true });
    case 'select':
      return fc.constantFrom(...spec.options.map((o) => o.value));
    case 'boolean':
      return fc.boolean();
    case 'text':
      return fc.constantFrom(spec.default, '1,1,2', '3, 1 ,2.5');
  }
}

/** Parameter records: real names with right or wrong values, plus unknown and hostile names. */
const paramsArb: fc.Arbitrary<unknown> = fc
  .array(
    fc.oneof(
      { weight: 6, arbitrary: fc.constantFrom(...SPECS) },
      { weight: 1, arbitrary: fc.constantFrom(...HOSTILE_KEYS) },
    ),
    { maxLength: 8 },
  )
  .chain((picks) =>
    fc.tuple(
      ...picks.map((pick) =>
        typeof pick === 'string'
          ? fc.tuple(fc.constant(pick), fieldArb(fc.integer()))
          : fc.tuple(fc.constant(pick.name), fieldArb(goodValue(pick))),
      ),
    ),
  )
  .map((entries) => {
    // defineProperty, as JSON.parse does, so `__proto__` becomes an own key, not the prototype.
    const out: Record<string, unknown> = {};
    for (const [key, value] of entries) {
      Object.defineProperty(out, key, {
        value,
        enumerable: true,
        writable: true,
        configurable: true,
      });
    }
    return out;
  });

const changeArb: fc.Arbitrary<unknown> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.constantFrom(...SPECS).chain((spec) =>
      fc.record({
        tS: fieldArb(fc.double({ min: 0, max: 3600, noNaN: true })),
        name: fieldArb(fc.constant(spec.name)),
        value: fieldArb(goodValue(spec)),
      }),
    ),
  },
  { weight: 1, arbitrary: hostileTree },
);

/** A scenario file where every field may be missing, right, wrong-typed, hostile or deep. */
const scenarioArb: fc.Arbitrary<Record<string, unknown>> = fc.record(
  {
    lesson: fieldArb(fc.constant(LESSON)),
    seed: fieldArb(fc.integer({ min: 0, max: MAX_SEED })),
    durationS: fieldArb(fc.double({ min: 1, max: MAX_DURATION_S, noNaN: true })),
    warmupS: fieldArb(fc.double({ min: 0, max: 100, noNaN: true })),
    params: fieldArb(paramsArb),
    changes: fieldArb(fc.array(changeArb, { maxLength: 6 })),
    extra: hostileTree,
  },
  { requiredKeys: [] },
);

/** A valid scenario file, with values chosen across their ranges. */
const validFileArb = fc
  .record({
    seed: fc.integer({ min: 0, max: MAX_SEED }),
    durationS: fc.integer({ min: 60, max: MAX_DURATION_S }),
    params: fc.tuple(...SPECS.map((spec) => fc.option(goodValue(spec), { nil: undefined }))),
    changeTimes: fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { maxLength: 5 }),
    changeSpecs: fc.array(fc.constantFrom(...SPECS), { minLength: 5, maxLength: 5 }),
    changeValues: fc.array(fc.nat(), { minLength: 5, maxLength: 5 }),
  })
  .map(({ seed, durationS, params, changeTimes, changeSpecs }) => {
    const record: Record<string, ParamValue> = {};
    SPECS.forEach((spec, i) => {
      const value = params[i];
      if (value !== undefined) record[spec.name] = value;
    });
    const times = [...changeTimes].sort((a, b) => a - b);
    const changes = times.map((f, i) => {
      const spec = changeSpecs[i] as ParamSpec;
      return { tS: f * durationS, name: spec.name, value: spec.default };
    });
    return {
      lesson: LESSON,
      seed,
      durationS,
      warmupS: Math.min(10, durationS / 10),
      params: record,
      ...(changes.length > 0 ? { changes } : {}),
    };
  });

// ----------------------------------------------------------------------------------------------
// Properties

describe('validateScenario properties', () => {
  it('never throws on random JSON values and answers with a scenario or problems', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        validate(value);
        validate({ lesson: LESSON, params: value });
      }),
      { numRuns: RUNS },
    );
  });

  it('never throws on random trees with hostile keys and values', () => {
    fc.assert(
      fc.property(hostileTree, (value) => {
        validate(value);
      }),
      { numRuns: RUNS },
    );
  });

  it('never throws when any field has the wrong type, a hostile value or deep nesting', () => {
    fc.assert(
      fc.property(scenarioArb, (file) => {
        validate(materialise(file));
      }),
      { numRuns: RUNS },
    );
  });

  it('never throws on deeply nested values in any field', () => {
    const fields = ['lesson', 'seed', 'durationS', 'warmupS', 'params', 'changes', 'extra'];
    fc.assert(
      fc.property(fc.constantFrom(...fields), deepRecipe, (field, recipe) => {
        const deep = recipe.build();
        const result = validate({ lesson: LESSON, [field]: deep });
        expect(result.ok).toBe(false);
        validate(deep);
        validate({ lesson: LESSON, params: { servers: deep } });
        validate({ lesson: LESSON, changes: [{ tS: 1, name: 'servers', value: deep }] });
      }),
      { numRuns: 60 },
    );
  });

  it('never throws on file text, however deeply nested, once JSON.parse accepts it', () => {
    const text = fc.oneof(
      fc.string(),
      fc.jsonValue().map((v) => JSON.stringify(v)),
      scenarioArb.map((v) => {
        try {
          return JSON.stringify(materialise(v)) ?? 'null';
        } catch {
          return '[]'; // too deep for JSON.stringify: such a file would be written by hand
        }
      }),
      // Deep and unterminated nesting, as recipes ("[" x n, closed or not) printed briefly.
      fc.tuple(
        fc.constantFrom('[', '{"a":', '{"lesson":"load-balancing","seed":'),
        fc.integer({ min: 1, max: 50_000 }),
        fc.boolean(),
      ),
    );
    const closer: Record<string, string> = {
      '[': '1]',
      '{"a":': '1}',
      '{"lesson":"load-balancing","seed":': '1}',
    };
    fc.assert(
      fc.property(text, (recipe) => {
        let t: string;
        if (typeof recipe === 'string') t = recipe;
        else {
          const [open, n, closed] = recipe;
          const close = closer[open] ?? '';
          t = open.repeat(n) + (closed ? close.slice(0, 1) + close.slice(1).repeat(n) : '');
        }
        let value: unknown;
        try {
          value = JSON.parse(t);
        } catch {
          return; // not JSON: the CLI stops at its JSON parser, tested in src/cli
        }
        validate(value);
      }),
      { numRuns: 300 },
    );
  });

  it('accepts every valid file and keeps its values (round trip)', () => {
    fc.assert(
      fc.property(validFileArb, (file) => {
        const result = validate(file);
        if (!result.ok) throw new Error(result.problems.join('\n'));
        const s = result.scenario;
        expect(s.seed).toBe(file.seed);
        expect(s.durationS).toBe(file.durationS);
        expect(s.warmupS).toBe(file.warmupS);
        for (const [name, value] of Object.entries(file.params)) expect(s.params[name]).toBe(value);
        expect(s.changes ?? []).toEqual(file.changes ?? []);
        // The normalised scenario is itself a valid file that validates to itself.
        const again = validate(JSON.parse(JSON.stringify(s)) as unknown);
        expect(again).toEqual(result);
      }),
      { numRuns: RUNS },
    );
  });
});
