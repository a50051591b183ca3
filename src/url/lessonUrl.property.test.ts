// Property tests (fast-check) for lesson state in the URL. They prove that `parseLessonQuery`
// never throws on thousands of random and hostile query strings (repeated keys, huge, negative,
// non-numeric, NaN, Infinity and exponent values, very long strings, unicode, markup and
// script, `__proto__`/`constructor` keys, broken %-encoding) and always returns a complete,
// valid state (every parameter passes `coerceParam(spec, value, false)`) with a bounded list of
// plain-text notices; that the last valid value of a repeated key wins; and that
// `buildLessonQuery` -> `parseLessonQuery` is the identity for valid states.
// Run alone: npx vitest run --project jsdom src/url/lessonUrl.property.test.ts
// A failure prints the counterexample and the seed; replay with fc.assert's { seed, path }.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { allParams, coerceParam, defaultValues } from '../sim/params.ts';
import type { ParamGroup, ParamSpec, ParamValue } from '../sim/params.ts';
import { paramGroups as lbGroups } from '../lessons/load-balancing/model/params.ts';
import {
  DEFAULT_SEED,
  LANE_B_PREFIX,
  MAX_SEED,
  RESERVED_QUERY_KEYS,
  buildLessonQuery,
  parseLessonQuery,
  type LessonQueryState,
  type ParsedLessonQuery,
} from './lessonUrl.ts';

/** A small schema with one parameter of every kind, next to the real lesson's schema. */
const MINI_GROUPS: readonly ParamGroup[] = [
  {
    title: 'All kinds',
    params: [
      {
        kind: 'number',
        name: 'servers',
        label: 'Servers',
        unit: 'servers',
        min: 1,
        max: 100,
        step: 1,
        default: 4,
        integer: true,
        help: '',
      },
      {
        kind: 'number',
        name: 'rate',
        label: 'Rate',
        unit: 'req/s',
        min: -5,
        max: 1e6,
        step: 0.5,
        default: 50,
        help: '',
      },
      {
        kind: 'select',
        name: 'algorithm',
        label: 'Algorithm',
        options: [
          { value: 'random', label: 'Random' },
          { value: 'round-robin', label: 'Round robin' },
          { value: '__proto__', label: 'An option named like a prototype key' },
        ],
        default: 'round-robin',
        help: '',
      },
      { kind: 'boolean', name: 'health', label: 'Health', default: false, help: '' },
      {
        kind: 'text',
        name: 'weights',
        label: 'Weights',
        default: '',
        help: '',
        maxLength: 30,
        pattern: String.raw`\d+(?:, ?\d+)*`,
        patternHelp: 'whole numbers separated by commas',
      },
    ],
  },
];

const SCHEMAS: readonly (readonly [string, readonly ParamGroup[]])[] = [
  ['mini schema', MINI_GROUPS],
  ['load-balancing schema', lbGroups],
];

/** Most notices a parse may return: 12 kept plus one "…and N more" line. */
const MAX_NOTICES = 13;

/** Runs per property; each run parses one generated query. */
const RUNS = 2000;

/** A property runs for seconds, more on a busy machine: beyond the jsdom default of 5 s. */
const SLOW = { timeout: 60_000 };

/**
 * The parse result is a usable state: seed a whole number in range, compare a boolean, both
 * lanes plain objects with exactly the schema's keys and every value valid for its spec, and
 * a bounded list of plain strings as notices.
 */
function assertValidState(result: ParsedLessonQuery, groups: readonly ParamGroup[]): void {
  const specs = allParams(groups);
  const names = specs.map((s) => s.name).sort();
  expect(Number.isInteger(result.seed)).toBe(true);
  expect(result.seed).toBeGreaterThanOrEqual(0);
  expect(result.seed).toBeLessThanOrEqual(MAX_SEED);
  expect(typeof result.compare).toBe('boolean');
  for (const lane of [result.params, result.paramsB]) {
    expect(Object.getPrototypeOf(lane)).toBe(Object.prototype);
    expect(Object.keys(lane).sort()).toEqual(names);
    for (const spec of specs) {
      expect(Object.prototype.hasOwnProperty.call(lane, spec.name)).toBe(true);
      const value = lane[spec.name];
      const check = coerceParam(spec, value, false);
      expect(check.ok, `${spec.name} = ${String(value)}`).toBe(true);
      if (check.ok) expect(check.value).toBe(value);
    }
  }
  expect(Array.isArray(result.notices)).toBe(true);
  expect(result.notices.length).toBeLessThanOrEqual(MAX_NOTICES);
  for (const notice of result.notices) {
    expect(typeof notice).toBe('string');
    // Echoed input is cut to 40 characters; the rest is fixed text and the schema's names.
    expect(notice.length).toBeLessThan(1200);
    // Echoes show control, bidi and line-separator characters as U+FFFD, so a notice is one
    // visible line that cannot disguise itself.
    expect(notice).not.toMatch(/[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/u);
  }
}

/** Nothing was written onto shared prototypes by a hostile key. */
function assertNoPollution(): void {
  const probe: Record<string, unknown> = {};
  expect(Object.keys(Object.prototype)).toEqual([]);
  for (const key of ['servers', 'seed', 'polluted', 'x', '1']) expect(probe[key]).toBeUndefined();
}

// ----------------------------------------------------------------------------------------------
// Generators

/** Keys the parser knows for a schema, with lane B's and the reserved ones. */
function knownKeys(groups: readonly ParamGroup[]): string[] {
  const names = allParams(groups).map((s) => s.name);
  return [
    'seed',
    'compare',
    ...names,
    ...names.map((n) => `${LANE_B_PREFIX}${n}`),
    ...RESERVED_QUERY_KEYS,
  ];
}

const PROTOTYPE_KEYS = [
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'valueOf',
  'hasOwnProperty',
  '__defineGetter__',
  'b.__proto__',
  'b.constructor',
  '__proto__.polluted',
  'constructor.prototype.polluted',
  'constructor[prototype][polluted]',
];

const MARKUP = [
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  '<svg/onload=alert(1)>',
  'javascript:alert(1)',
  'JaVaScRiPt:alert(document.cookie)',
  '<iframe src="javascript:alert(1)"></iframe>',
  '{{constructor.constructor("alert(1)")()}}',
  '${alert(1)}',
  '</title><b>bold</b>',
  '&lt;b&gt;',
  '\u202egnp.exe',
  '\u0000\u0001\u001f\u007f',
  '\u2028\u2029\r\n',
  '\ufeff\u200b\u200d',
];

const PERCENT_GARBAGE = [
  '%',
  '%%',
  '%2',
  '%zz',
  '%E0%A4%A',
  '%C0%AF',
  '%FF%FE',
  '%uD800',
  '%ED%A0%80',
  '%00',
  '%0A',
  '%25',
  '%2525',
  '%3D',
  '%26',
  '%2B',
  '+',
];

/** Numbers written every way a person or an attacker might: text the parser must weigh. */
const numberText: fc.Arbitrary<string> = fc.oneof(
  fc.integer().map(String),
  fc.integer({ min: -1000, max: 1000 }).map(String),
  fc.double().map(String),
  fc.double({ noNaN: true, noDefaultInfinity: true }).map((x) => x.toExponential()),
  fc.bigInt({ min: -(10n ** 400n), max: 10n ** 400n }).map(String),
  fc.constantFrom(
    'NaN',
    'nan',
    'Infinity',
    '-Infinity',
    '+Infinity',
    '1e309',
    '-1e309',
    '1e-400',
    '1e+3',
    '1E3',
    '.5',
    '5.',
    '-0',
    '+0',
    '0x10',
    '0b11',
    '0o7',
    '1_000',
    '١٢٣',
    '１２',
    ' 42 ',
    '\t7\n',
    '4294967295',
    '4294967296',
    '-4294967296',
    '9007199254740993',
    '1.7976931348623157e308',
    '5e-324',
    '',
  ),
);

const hostileText: fc.Arbitrary<string> = fc.oneof(
  fc.string(),
  fc.string({ unit: 'grapheme', maxLength: 60 }),
  fc.string({ unit: 'binary', maxLength: 60 }),
  fc.constantFrom(...MARKUP),
  fc.constantFrom(...PERCENT_GARBAGE),
  fc.constantFrom(...PROTOTYPE_KEYS),
  fc
    .tuple(
      fc.constantFrom('x', '9', '<', '%', 'é', '😀', '\u202e'),
      fc.integer({ min: 100, max: 20_000 }),
    )
    .map(([c, n]) => c.repeat(n)),
);

/** A value for any key: valid-looking choices, numbers in any form, or hostile text. */
function valueArb(groups: readonly ParamGroup[]): fc.Arbitrary<string> {
  const options = allParams(groups).flatMap((s) =>
    s.kind === 'select' ? s.options.map((o) => o.value) : [],
  );
  return fc.oneof(
    { weight: 3, arbitrary: numberText },
    { weight: 1, arbitrary: fc.constantFrom('true', 'false', '1', '0', 'yes', ...options) },
    { weight: 3, arbitrary: hostileText },
  );
}

function keyArb(groups: readonly ParamGroup[]): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 5, arbitrary: fc.constantFrom(...knownKeys(groups)) },
    { weight: 2, arbitrary: fc.constantFrom(...PROTOTYPE_KEYS) },
    { weight: 2, arbitrary: hostileText },
    { weight: 1, arbitrary: fc.constantFrom('b.', 'b.b.servers', '.servers', 'B.servers', 'SEED') },
  );
}

/** How one piece of the query is written: encoded properly, raw, or with garbage around it. */
const encoding = fc.constantFrom('component', 'raw', 'garbled');

function encode(text: string, how: string, garbage: string): string {
  if (how === 'raw') return text;
  if (how === 'garbled') return `${garbage}${text}${garbage}`;
  try {
    return encodeURIComponent(text);
  } catch {
    return text; // a lone surrogate cannot be encoded: send it raw instead
  }
}

/** A query string from generated key/value pairs, often with keys repeated. */
function queryArb(groups: readonly ParamGroup[]): fc.Arbitrary<string> {
  const pair = fc.record({
    key: keyArb(groups),
    value: valueArb(groups),
    keyHow: encoding,
    valueHow: encoding,
    garbage: fc.constantFrom(...PERCENT_GARBAGE),
    form: fc.constantFrom('pair', 'pair', 'pair', 'bare', 'empty-value', 'double-equals'),
  });
  return fc
    .tuple(
      fc.array(pair, { maxLength: 30 }),
      fc.constantFrom('', '?', '??', '&', '#', '?&'),
      fc.nat({ max: 4 }),
    )
    .map(([pairs, lead, repeatFirst]) => {
      const parts = pairs.map((p) => {
        const k = encode(p.key, p.keyHow, p.garbage);
        const v = encode(p.value, p.valueHow, p.garbage);
        switch (p.form) {
          case 'bare':
            return k;
          case 'empty-value':
            return `${k}=`;
          case 'double-equals':
            return `${k}==${v}`;
          default:
            return `${k}=${v}`;
        }
      });
      // Repeat the first pair a few times so repeated keys are common, not merely possible.
      const first = parts[0];
      for (let i = 0; i < repeatFirst && first !== undefined; i += 1) parts.push(first);
      return lead + parts.join('&');
    });
}

/** Any string at all, as a hostile address bar might hold. */
const anyQuery: fc.Arbitrary<string> = fc.oneof(
  fc.string({ maxLength: 400 }),
  fc.string({ unit: 'binary', maxLength: 400 }),
  fc.string({ unit: 'grapheme', maxLength: 200 }),
  fc
    .array(
      fc.constantFrom('=', '&', '%', '%2', '+', '?', '#', 'b.', 'seed', 'servers', '<', '>', '"'),
      { maxLength: 80 },
    )
    .map((bits) => bits.join('')),
);

/** A valid value for one parameter, picked across its whole range and its edges. */
function validValueArb(spec: ParamSpec): fc.Arbitrary<ParamValue> {
  switch (spec.kind) {
    case 'number': {
      if (spec.integer) {
        return fc.oneof(
          fc.integer({ min: spec.min, max: spec.max }),
          fc.constantFrom(spec.min, spec.max, spec.default),
        );
      }
      return fc.oneof(
        fc
          .double({ min: spec.min, max: spec.max, noNaN: true })
          // -0 is written as "0" and read back as 0; it is the same setting, so use 0.
          .map((x) => (Object.is(x, -0) ? 0 : x)),
        fc.constantFrom(spec.min, spec.max, spec.default),
      );
    }
    case 'select':
      return fc.constantFrom(...spec.options.map((o) => o.value));
    case 'boolean':
      return fc.boolean();
    case 'text':
      return fc.oneof(
        fc.constant(spec.default),
        fc
          .stringMatching(new RegExp(`^(?:${spec.pattern})$`))
          .filter((s) => s.length <= spec.maxLength),
      );
  }
}

function laneArb(groups: readonly ParamGroup[]): fc.Arbitrary<Record<string, ParamValue>> {
  const specs = allParams(groups);
  const defaults = defaultValues(groups);
  // Each parameter is left at its default about half the time, so short queries are common.
  const entries = specs.map((spec) =>
    fc
      .option(validValueArb(spec), { nil: undefined, freq: 2 })
      .map((v) => v ?? defaults[spec.name]),
  );
  return fc.tuple(...entries).map((values) => {
    const lane: Record<string, ParamValue> = {};
    specs.forEach((spec, i) => {
      lane[spec.name] = values[i] as ParamValue;
    });
    return lane;
  });
}

function stateArb(groups: readonly ParamGroup[]): fc.Arbitrary<LessonQueryState> {
  return fc
    .record({
      seed: fc.oneof(fc.integer({ min: 0, max: MAX_SEED }), fc.constantFrom(0, 1, MAX_SEED)),
      params: laneArb(groups),
      compare: fc.boolean(),
      other: laneArb(groups),
      sameB: fc.boolean(),
    })
    .map(({ seed, params, compare, other, sameB }) => ({
      seed,
      params,
      compare,
      paramsB: sameB ? { ...params } : other,
    }));
}

// ----------------------------------------------------------------------------------------------
// Properties

describe.each(SCHEMAS)('parseLessonQuery with the %s', (_name, groups) => {
  it('never throws on structured hostile queries and always returns a valid state', SLOW, () => {
    fc.assert(
      fc.property(queryArb(groups), (search) => {
        assertValidState(parseLessonQuery(search, groups), groups);
        assertNoPollution();
      }),
      { numRuns: RUNS },
    );
  });

  it('never throws on arbitrary strings and always returns a valid state', SLOW, () => {
    fc.assert(
      fc.property(anyQuery, (search) => {
        assertValidState(parseLessonQuery(search, groups), groups);
      }),
      { numRuns: RUNS },
    );
  });

  it('never puts markup anywhere but inside plain-text notices', SLOW, () => {
    fc.assert(
      fc.property(fc.constantFrom(...MARKUP), keyArb(groups), (markup, key) => {
        const search = `${encodeURIComponent(key)}=${encodeURIComponent(markup)}`;
        const result = parseLessonQuery(search, groups);
        assertValidState(result, groups);
        // A value holding markup is never accepted as a setting (no select option, number or
        // text pattern in the schema admits `<`, `:` or a quote).
        for (const lane of [result.params, result.paramsB]) {
          for (const value of Object.values(lane)) {
            if (typeof value === 'string') expect(value).not.toMatch(/[<>"]|javascript:/i);
          }
        }
        // Rendered as text, a notice creates no elements.
        const host = document.createElement('div');
        host.textContent = result.notices.join('\n');
        expect(host.children).toHaveLength(0);
      }),
      { numRuns: 500 },
    );
  });

  it('lets the last valid value of a repeated key win, or keeps the default', SLOW, () => {
    const specs = allParams(groups);
    fc.assert(
      fc.property(
        fc.constantFrom(...specs),
        fc.array(valueArb(groups), { minLength: 1, maxLength: 6 }),
        fc.boolean(),
        (spec, values, laneB) => {
          const key = laneB ? `${LANE_B_PREFIX}${spec.name}` : spec.name;
          const search = values.map((v) => `${key}=${encodeURIComponent(v)}`).join('&');
          const result = parseLessonQuery(search, groups);
          assertValidState(result, groups);
          let expected: ParamValue = spec.default;
          for (const v of values) {
            const r = coerceParam(spec, v, true);
            // The parser reads "-0" as 0 (the builder writes both as "0").
            if (r.ok) expected = r.value === 0 ? 0 : r.value;
          }
          expect((laneB ? result.paramsB : result.params)[spec.name]).toBe(expected);
          if (laneB) expect(result.params[spec.name]).toBe(spec.default);
          if (values.length > 1) {
            expect(result.notices.some((n) => n.includes(`appears ${values.length} times`))).toBe(
              true,
            );
          }
        },
      ),
      { numRuns: RUNS },
    );
  });

  it('reads any seed text as a whole number in range, or keeps the default seed', SLOW, () => {
    fc.assert(
      fc.property(numberText, (text) => {
        const result = parseLessonQuery(`seed=${encodeURIComponent(text)}`, groups);
        assertValidState(result, groups);
        const n = Number(text.trim());
        if (text.trim() === '' || !Number.isFinite(n) || text.length > 40) {
          expect(result.seed).toBe(DEFAULT_SEED);
        } else {
          // `+ 0` compares -0 and 0 as equal: both are seed zero.
          expect(result.seed + 0).toBe(Math.min(MAX_SEED, Math.max(0, Math.round(n))) + 0);
        }
      }),
      { numRuns: RUNS },
    );
  });

  it('round-trips every valid state: parse(build(state)) is state, with no notices', SLOW, () => {
    fc.assert(
      fc.property(stateArb(groups), (state) => {
        const query = buildLessonQuery(state, groups);
        expect(query.startsWith('?')).toBe(false);
        expect(parseLessonQuery(query, groups)).toEqual({ ...state, notices: [] });
        expect(parseLessonQuery(`?${query}`, groups)).toEqual({ ...state, notices: [] });
      }),
      { numRuns: RUNS },
    );
  });

  it(
    'settles after one parse: build(parse(q)) parses back to the same state, silently',
    SLOW,
    () => {
      fc.assert(
        fc.property(queryArb(groups), (search) => {
          const first = parseLessonQuery(search, groups);
          const { notices: _ignored, ...state } = first;
          const again = parseLessonQuery(buildLessonQuery(state, groups), groups);
          expect(again).toEqual({ ...state, notices: [] });
        }),
        { numRuns: RUNS },
      );
    },
  );
});

describe('parseLessonQuery on very large input', () => {
  it('stays valid and bounded for megabyte-long queries and thousands of repeats', SLOW, () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...knownKeys(lbGroups), '__proto__', '<b>'),
        fc.constantFrom('9'.repeat(100_000), '<i>'.repeat(50_000), '%'.repeat(200_000), '1'),
        fc.integer({ min: 1, max: 5000 }),
        (key, value, asked) => {
          // Long values are repeated a few times, short ones thousands of times: at most ~1 MB.
          const times = value.length > 1 ? Math.min(asked, 5) : asked;
          const search = Array.from({ length: times }, () => `${key}=${value}`).join('&');
          assertValidState(parseLessonQuery(search, lbGroups), lbGroups);
        },
      ),
      { numRuns: 40 },
    );
  });
});
