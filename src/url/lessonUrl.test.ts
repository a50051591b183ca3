// Tests for lesson state in the URL: round trips, clamping, garbage and hostile input, repeated
// and reserved keys, and notices that echo markup as plain text.
import { describe, expect, it } from 'vitest';
import { allParams, coerceParam } from '../sim/params.ts';
import type { ParamGroup, ParamValue } from '../sim/params.ts';
import {
  DEFAULT_SEED,
  MAX_SEED,
  buildLessonQuery,
  parseLessonQuery,
  type LessonQueryState,
  type ParsedLessonQuery,
} from './lessonUrl.ts';

const GROUPS: readonly ParamGroup[] = [
  {
    title: 'Fleet',
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
        help: 'Servers behind the balancer.',
      },
      {
        kind: 'number',
        name: 'arrivalRate',
        label: 'Arrival rate',
        unit: 'req/s',
        min: 0.5,
        max: 5000,
        step: 0.5,
        default: 50,
        scale: 'log',
        help: 'Mean requests per second.',
      },
    ],
  },
  {
    title: 'Policy',
    params: [
      {
        kind: 'select',
        name: 'algorithm',
        label: 'Algorithm',
        options: [
          { value: 'random', label: 'Random' },
          { value: 'round-robin', label: 'Round robin' },
          { value: 'power-of-two', label: 'Power of two choices' },
        ],
        default: 'round-robin',
        help: 'How the balancer picks a server.',
      },
      {
        kind: 'boolean',
        name: 'healthChecks',
        label: 'Health checks',
        default: false,
        help: 'Skip servers that fail their checks.',
      },
      {
        kind: 'text',
        name: 'weights',
        label: 'Weights',
        default: '',
        help: 'Relative weight per server.',
        maxLength: 30,
        pattern: String.raw`\d+(?:, ?\d+)*`,
        patternHelp: 'whole numbers separated by commas',
      },
    ],
  },
];

const DEFAULTS = {
  servers: 4,
  arrivalRate: 50,
  algorithm: 'round-robin',
  healthChecks: false,
  weights: '',
};

function parse(search: string): ParsedLessonQuery {
  return parseLessonQuery(search, GROUPS);
}

/** The parse result is a usable state: every value valid for its spec, seed in range. */
function expectValidState(result: ParsedLessonQuery): void {
  expect(Number.isInteger(result.seed)).toBe(true);
  expect(result.seed).toBeGreaterThanOrEqual(0);
  expect(result.seed).toBeLessThanOrEqual(MAX_SEED);
  expect(typeof result.compare).toBe('boolean');
  for (const lane of [result.params, result.paramsB]) {
    expect(Object.keys(lane).sort()).toEqual(Object.keys(DEFAULTS).sort());
    for (const spec of allParams(GROUPS)) {
      const value = lane[spec.name];
      const check = coerceParam(spec, value, false);
      expect(check.ok && check.value === value, `${spec.name}=${String(value)}`).toBe(true);
    }
  }
  for (const notice of result.notices) expect(typeof notice).toBe('string');
}

/** Small seeded generator (mulberry32) so the random cases are the same on every run. */
function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('parseLessonQuery', () => {
  it('gives defaults, seed 1 and no notices for an empty query', () => {
    for (const search of ['', '?', '?&&']) {
      const result = parse(search);
      expect(result).toEqual({
        seed: DEFAULT_SEED,
        params: DEFAULTS,
        compare: false,
        paramsB: DEFAULTS,
        notices: [],
      });
    }
  });

  it('reads every kind of parameter, with or without the leading ?', () => {
    const search =
      'seed=7&servers=12&arrivalRate=2.5&algorithm=power-of-two&healthChecks=true&weights=3,1,1';
    for (const q of [search, `?${search}`]) {
      const result = parse(q);
      expect(result.seed).toBe(7);
      expect(result.params).toEqual({
        servers: 12,
        arrivalRate: 2.5,
        algorithm: 'power-of-two',
        healthChecks: true,
        weights: '3,1,1',
      });
      expect(result.notices).toEqual([]);
    }
  });

  it('decodes percent-encoding and + as a space', () => {
    const result = parse('weights=3%2C%201&algorithm=power%2Dof%2Dtwo');
    expect(result.params.weights).toBe('3, 1');
    expect(result.params.algorithm).toBe('power-of-two');
    expect(parse('weights=3,+1').params.weights).toBe('3, 1');
  });

  it('starts lane B as a copy of lane A, then applies b.* overrides', () => {
    const result = parse('servers=10&algorithm=random&compare=1&b.algorithm=power-of-two');
    expect(result.compare).toBe(true);
    expect(result.params).toMatchObject({ servers: 10, algorithm: 'random' });
    expect(result.paramsB).toMatchObject({ servers: 10, algorithm: 'power-of-two' });
    expect(result.notices).toEqual([]);
    // Lane B's values do not leak into lane A, and the two records are separate objects.
    expect(result.params).not.toBe(result.paramsB);
  });

  it('applies b.* overrides wherever they appear in the query', () => {
    expect(parse('b.servers=9&servers=3').paramsB.servers).toBe(9);
    expect(parse('b.servers=9&servers=3').params.servers).toBe(3);
  });

  it('reads compare as a flag', () => {
    expect(parse('compare=1').compare).toBe(true);
    expect(parse('compare').compare).toBe(true);
    expect(parse('compare=true').compare).toBe(true);
    expect(parse('compare=0').compare).toBe(false);
    const bad = parse('compare=yes');
    expect(bad.compare).toBe(false);
    expect(bad.notices).toHaveLength(1);
    expect(bad.notices[0]).toContain('compare');
  });

  it('clamps out-of-range numbers and says so', () => {
    const high = parse('servers=5000');
    expect(high.params.servers).toBe(100);
    expect(high.notices).toHaveLength(1);
    expect(high.notices[0]).toContain('servers');
    expect(high.notices[0]).toContain('clamped to 100');
    expect(high.notices[0]).toContain('from 1 to 100');

    expect(parse('servers=-3').params.servers).toBe(1);
    expect(parse('arrivalRate=0').params.arrivalRate).toBe(0.5);
    expect(parse('arrivalRate=1e9').params.arrivalRate).toBe(5000);
  });

  it('rounds a whole-number parameter given a fraction, with a notice', () => {
    const result = parse('servers=2.6');
    expect(result.params.servers).toBe(3);
    expect(result.notices[0]).toContain('rounded to a whole number');
  });

  it('clamps and rounds the seed into 0..2^32-1', () => {
    expect(parse('seed=0').seed).toBe(0);
    expect(parse(`seed=${MAX_SEED}`).seed).toBe(MAX_SEED);
    expect(parse('seed=-5').seed).toBe(0);
    expect(parse('seed=1e15').seed).toBe(MAX_SEED);
    expect(parse('seed=2.5').seed).toBe(3);
    for (const q of ['seed=-5', 'seed=1e15', 'seed=2.5']) {
      expect(parse(q).notices).toHaveLength(1);
      expect(parse(q).notices[0]).toContain('seed');
    }
  });

  it('ignores malformed values with a notice naming the key and what is allowed', () => {
    const cases: [string, string, string][] = [
      ['servers=abc', 'servers', 'a whole number from 1 to 100'],
      ['servers=', 'servers', 'a whole number'],
      ['arrivalRate=NaN', 'arrivalRate', 'a number from 0.5 to 5000'],
      ['arrivalRate=Infinity', 'arrivalRate', 'a number'],
      ['algorithm=fastest', 'algorithm', 'one of random, round-robin, power-of-two'],
      ['healthChecks=maybe', 'healthChecks', 'true or false'],
      ['weights=1;2', 'weights', 'whole numbers separated by commas'],
      ['seed=lucky', 'seed', 'a whole number from 0 to 4294967295'],
    ];
    for (const [search, key, allowed] of cases) {
      const result = parse(search);
      expect(result.params, search).toEqual(DEFAULTS);
      expect(result.seed, search).toBe(DEFAULT_SEED);
      expect(result.notices, search).toHaveLength(1);
      expect(result.notices[0], search).toContain(key);
      expect(result.notices[0], search).toContain(allowed);
    }
  });

  it('ignores unknown keys with a notice listing the known ones', () => {
    const result = parse('servers=6&colour=blue&b.colour=red');
    expect(result.params.servers).toBe(6);
    expect(result.notices).toHaveLength(2);
    expect(result.notices[0]).toContain('“colour”');
    expect(result.notices[0]).toContain('seed, compare, servers, arrivalRate');
    expect(result.notices[1]).toContain('“b.colour”');
    expect(result.notices[1]).toContain('servers, arrivalRate, algorithm, healthChecks, weights');
  });

  it('lets the last valid value of a repeated key win, with one notice per key', () => {
    const later = parse('servers=3&servers=5');
    expect(later.params.servers).toBe(5);
    expect(later.notices).toEqual([expect.stringContaining('“servers” appears 2 times')]);

    const laterInvalid = parse('servers=3&servers=abc&servers=');
    expect(laterInvalid.params.servers).toBe(3);
    expect(laterInvalid.notices[0]).toContain('appears 3 times');
    expect(laterInvalid.notices).toHaveLength(3);

    const seeds = parse('seed=4&seed=9&b.servers=2&b.servers=8&compare=1&compare=0');
    expect(seeds.seed).toBe(9);
    expect(seeds.paramsB.servers).toBe(8);
    expect(seeds.compare).toBe(false);
    expect(seeds.notices).toHaveLength(3);
  });

  it('accepts the reserved keys silently and leaves the state alone', () => {
    const result = parse(
      'e2e&panels=chart,table&lock=servers&assignments=a1,a2&prompt=%3Cb%3EHi%3C%2Fb%3E&e2e=1&servers=8',
    );
    expect(result.notices).toEqual([]);
    expect(result.params).toEqual({ ...DEFAULTS, servers: 8 });
    expect(result.seed).toBe(DEFAULT_SEED);
  });

  it('echoes markup verbatim as text inside notices, never changing it into anything else', () => {
    const markup = '<img src=x onerror=alert(1)>';
    const result = parse(`algorithm=${encodeURIComponent(markup)}&${encodeURIComponent('<b>')}=1`);
    expect(result.params.algorithm).toBe('round-robin');
    expect(result.notices[0]).toContain(`“${markup}”`);
    expect(result.notices[1]).toContain('“<b>”');

    const host = document.createElement('p');
    host.textContent = result.notices.join(' ');
    expect(host.children).toHaveLength(0);
    expect(host.textContent).toContain(markup);
  });

  it('truncates echoed keys and values to about 40 characters', () => {
    const long = 'x'.repeat(10_000);
    const result = parse(`algorithm=${long}&${long}=1`);
    expect(result.notices).toHaveLength(2);
    for (const notice of result.notices) {
      expect(notice).toContain(`“${'x'.repeat(40)}…”`);
      expect(notice).not.toContain('x'.repeat(41));
      expect(notice.length).toBeLessThan(200);
    }
  });

  it('shows control and bidirectional characters as a replacement mark', () => {
    const result = parse(`algorithm=${encodeURIComponent('ab\u202edc\n\u0000')}`);
    expect(result.notices[0]).toContain('“ab\ufffddc\ufffd\ufffd”');
  });

  it('caps the number of notices for a flood of bad keys', () => {
    const search = Array.from({ length: 500 }, (_, i) => `junk${i}=1`).join('&');
    const result = parse(search);
    expect(result.notices).toHaveLength(13);
    expect(result.notices[12]).toBe('…and 488 more problems in the address were ignored.');
  });

  it('never throws on hostile input and always returns a valid state', () => {
    const hostile = [
      '%',
      '%%%',
      '%E0%A4%A',
      '%uD800',
      '\uD800\uDFFF\uD800',
      '=&=&==',
      '=value',
      '\u0000=\u0000',
      '__proto__=1&constructor=2&toString=3&b.__proto__=4&hasOwnProperty=5',
      `servers=${'9'.repeat(500)}`,
      `seed=${'9'.repeat(40)}`,
      'seed=0x10&servers=0b11&arrivalRate=-0',
      'seed=Infinity&servers=-Infinity&arrivalRate=1e309',
      `weights=${'1,'.repeat(5000)}1`,
      '<script>alert(1)</script>',
      `prompt=${'<i>'.repeat(1000)}`,
      'a'.repeat(1_000_000),
      `${'servers=1&'.repeat(20_000)}servers=2`,
      'b.=1&b.b.servers=2&.servers=3&b%2Eservers=7',
    ];
    for (const search of hostile) {
      const result = parse(search);
      expectValidState(result);
      expect(result.notices.length).toBeLessThanOrEqual(13);
    }
    expect(parse('b%2Eservers=7').paramsB.servers).toBe(7);
    expect(parse(`${'servers=1&'.repeat(20_000)}servers=2`).params.servers).toBe(2);
  });

  it('survives thousands of seeded random query strings', () => {
    const pieces = [
      'seed',
      'servers',
      'arrivalRate',
      'algorithm',
      'healthChecks',
      'weights',
      'compare',
      'b.servers',
      'b.algorithm',
      'prompt',
      'lock',
      '=',
      '&',
      '%',
      '%2',
      '%FF',
      '%00',
      '+',
      '?',
      '#',
      '-',
      '.',
      '1',
      '0',
      '99999999999',
      '-7',
      '1e400',
      'NaN',
      'true',
      'random',
      ',',
      '<b>',
      '"',
      "'",
      '\u202e',
      '\uD800',
      '😀',
      ' ',
    ];
    const random = seededRandom(20_240_601);
    for (let i = 0; i < 3000; i += 1) {
      let search = '';
      const length = Math.floor(random() * 24);
      for (let j = 0; j < length; j += 1) {
        search += pieces[Math.floor(random() * pieces.length)] ?? '';
      }
      let result: ParsedLessonQuery | undefined;
      expect(
        () => {
          result = parse(search);
        },
        `case ${i}: ${JSON.stringify(search)}`,
      ).not.toThrow();
      if (result) expectValidState(result);
    }
  });
});

describe('buildLessonQuery', () => {
  const base: LessonQueryState = {
    seed: 1,
    params: { ...DEFAULTS },
    compare: false,
    paramsB: { ...DEFAULTS },
  };

  it('writes only the seed for a default state, without a leading ?', () => {
    expect(buildLessonQuery(base, GROUPS)).toBe('seed=1');
  });

  it('writes non-default values in schema order, then compare, then differing lane B values', () => {
    const state: LessonQueryState = {
      seed: 42,
      params: { ...DEFAULTS, weights: '2, 1', servers: 10, healthChecks: true },
      compare: true,
      paramsB: {
        ...DEFAULTS,
        weights: '2, 1',
        servers: 20,
        healthChecks: true,
        algorithm: 'random',
      },
    };
    expect(buildLessonQuery(state, GROUPS)).toBe(
      'seed=42&servers=10&healthChecks=true&weights=2%2C+1&compare=1&b.servers=20&b.algorithm=random',
    );
  });

  it('leaves out keys that are not in the schema', () => {
    const state = { ...base, params: { ...DEFAULTS, bogus: 3 } as Record<string, ParamValue> };
    expect(buildLessonQuery(state, GROUPS)).toBe('seed=1');
  });

  it('round-trips hand-picked states', () => {
    const states: LessonQueryState[] = [
      base,
      { ...base, seed: 0 },
      { ...base, seed: MAX_SEED },
      {
        seed: 123_456,
        params: { ...DEFAULTS, arrivalRate: 0.5, algorithm: 'random' },
        compare: true,
        paramsB: { ...DEFAULTS, arrivalRate: 4999.5, algorithm: 'random', healthChecks: true },
      },
      // Lane B differences survive even while compare mode is off.
      { ...base, paramsB: { ...DEFAULTS, servers: 99 } },
      { ...base, params: { ...DEFAULTS, weights: '10, 20,30' }, paramsB: { ...DEFAULTS } },
    ];
    for (const state of states) {
      const query = buildLessonQuery(state, GROUPS);
      expect(query.startsWith('?')).toBe(false);
      expect(parse(query), query).toEqual({ ...state, notices: [] });
    }
  });

  it('round-trips seeded random valid states', () => {
    const random = seededRandom(7);
    const specs = allParams(GROUPS);
    const randomLane = (): Record<string, ParamValue> => {
      const lane: Record<string, ParamValue> = {};
      for (const spec of specs) {
        const pick = random();
        switch (spec.kind) {
          case 'number': {
            const raw = spec.min + pick * (spec.max - spec.min);
            lane[spec.name] = spec.integer ? Math.round(raw) : raw;
            break;
          }
          case 'select':
            lane[spec.name] = spec.options[Math.floor(pick * spec.options.length)]?.value ?? '';
            break;
          case 'boolean':
            lane[spec.name] = pick < 0.5;
            break;
          case 'text':
            lane[spec.name] =
              pick < 0.3 ? '' : `${Math.floor(pick * 100)}, ${Math.floor(pick * 7)}`;
            break;
        }
        if (random() < 0.4) lane[spec.name] = spec.default;
      }
      return lane;
    };
    for (let i = 0; i < 500; i += 1) {
      const params = randomLane();
      const other = randomLane();
      const paramsB = random() < 0.5 ? { ...params } : other;
      const state: LessonQueryState = {
        seed: Math.floor(random() * (MAX_SEED + 1)),
        params,
        compare: random() < 0.5,
        paramsB,
      };
      const query = buildLessonQuery(state, GROUPS);
      expect(parse(query), `case ${i}: ${query}`).toEqual({ ...state, notices: [] });
    }
  });
});
