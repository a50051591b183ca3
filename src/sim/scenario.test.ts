import { describe, expect, it } from 'vitest';
import { lessonModels } from '../lessons/modelRegistry.ts';
import { defaultValues } from './params.ts';
import { MAX_CHANGES, validateScenario, type ValidationResult } from './scenario.ts';

const lb = lessonModels.get('load-balancing');
if (!lb) throw new Error('load-balancing is not registered');

function problemsOf(input: unknown): readonly string[] {
  const r: ValidationResult = validateScenario(input, lessonModels);
  if (r.ok) throw new Error(`expected problems, got a valid scenario: ${JSON.stringify(r)}`);
  return r.problems;
}

/** Asserts exactly one problem line, containing each of `parts`. */
function oneProblem(input: unknown, ...parts: string[]): string {
  const problems = problemsOf(input);
  expect(problems).toHaveLength(1);
  const line = problems[0] as string;
  expect(line).not.toContain('\n');
  for (const part of parts) expect(line).toContain(part);
  return line;
}

describe('validateScenario', () => {
  it('fills defaults for everything a valid file leaves out', () => {
    const r = validateScenario({ lesson: 'load-balancing' }, lessonModels);
    expect(r).toEqual({
      ok: true,
      scenario: {
        lesson: 'load-balancing',
        seed: 1,
        durationS: lb.defaultDurationS,
        warmupS: lb.defaultWarmupS,
        params: defaultValues(lb.paramGroups),
      },
    });
  });

  it('keeps given values and resolves the rest of the parameters to defaults', () => {
    const r = validateScenario(
      {
        lesson: 'load-balancing',
        seed: 42,
        durationS: 600,
        warmupS: 60,
        params: { algorithm: 'power-of-two', servers: 100, arrivalRate: 900 },
      },
      lessonModels,
    );
    if (!r.ok) throw new Error(r.problems.join('\n'));
    expect(r.scenario.seed).toBe(42);
    expect(r.scenario.params).toEqual({
      ...defaultValues(lb.paramGroups),
      algorithm: 'power-of-two',
      servers: 100,
      arrivalRate: 900,
    });
    expect(r.scenario.changes).toBeUndefined();
  });

  it('defaults the warm-up to a tenth of a short run', () => {
    const r = validateScenario({ lesson: 'load-balancing', durationS: 30 }, lessonModels);
    expect(r.ok && r.scenario.warmupS).toBe(3);
  });

  it('accepts a change log in time order', () => {
    const r = validateScenario(
      {
        lesson: 'load-balancing',
        durationS: 200,
        changes: [
          { tS: 50, name: 'arrivalRate', value: 120 },
          { tS: 50, name: 'algorithm', value: 'random' },
          { tS: 100, name: 'servers', value: 8 },
        ],
      },
      lessonModels,
    );
    if (!r.ok) throw new Error(r.problems.join('\n'));
    expect(r.scenario.changes).toHaveLength(3);
  });

  it('unknown lesson: names the field, the value and the known lessons', () => {
    oneProblem({ lesson: 'juggling' }, 'lesson', '"juggling"', 'load-balancing');
  });

  it('unknown parameter: names the parameter and the known ones', () => {
    const line = oneProblem(
      { lesson: 'load-balancing', params: { serverz: 3 } },
      'params.serverz',
      'unknown parameter',
    );
    expect(line).toContain('servers');
    expect(line).toContain('arrivalRate');
  });

  it('wrong type: names the field, the value and the expected form', () => {
    oneProblem(
      { lesson: 'load-balancing', params: { servers: 'five' } },
      'params.servers',
      '"five"',
      'a whole number from 1 to 100',
    );
    oneProblem(
      { lesson: 'load-balancing', params: { algorithm: 3 } },
      'params.algorithm',
      'got 3',
      'one of round-robin',
    );
    oneProblem({ lesson: 'load-balancing', seed: 'abc' }, 'seed', '"abc"', 'number');
  });

  it('wrong JSON type even when the text would parse: a file is strict, unlike a URL', () => {
    oneProblem({ lesson: 'load-balancing', params: { servers: '5' } }, 'params.servers', '"5"');
    oneProblem({ lesson: 'load-balancing', params: { natShare: true } }, 'params.natShare', 'true');
    oneProblem(
      { lesson: 'load-balancing', changes: [{ tS: 1, name: 'servers', value: '7' }] },
      'changes.0',
      '"7"',
    );
  });

  it('out of range: names the field, the value and the range', () => {
    oneProblem(
      { lesson: 'load-balancing', params: { servers: 500 } },
      'params.servers',
      'got 500',
      'from 1 to 100 servers',
    );
    oneProblem(
      { lesson: 'load-balancing', params: { natShare: -0.5 } },
      'params.natShare',
      'got -0.5',
      'from 0 to 1',
    );
    oneProblem(
      { lesson: 'load-balancing', params: { servers: 2.5 } },
      'params.servers',
      'got 2.5',
      'whole number',
    );
    oneProblem({ lesson: 'load-balancing', durationS: -5 }, 'durationS', 'got -5', '0');
  });

  it('warm-up not shorter than the run: names both values', () => {
    oneProblem(
      { lesson: 'load-balancing', durationS: 100, warmupS: 100 },
      'warmupS',
      'got 100',
      'less than durationS (100)',
    );
    oneProblem(
      { lesson: 'load-balancing', durationS: 100, warmupS: 250 },
      'warmupS',
      'got 250',
      'less than durationS (100)',
    );
  });

  it('unknown top-level field: names it and the allowed fields', () => {
    oneProblem(
      { lesson: 'load-balancing', speed: 3 },
      'speed',
      'allowed: lesson, seed, durationS, warmupS, params, changes',
    );
  });

  it('a change log entry with an unknown parameter, a bad value or a bad time', () => {
    oneProblem(
      { lesson: 'load-balancing', changes: [{ tS: 10, name: 'nope', value: 1 }] },
      'changes.0.name',
      'unknown parameter',
    );
    oneProblem(
      { lesson: 'load-balancing', changes: [{ tS: 10, name: 'servers', value: 0 }] },
      'changes.0.name',
      'got 0',
      'from 1 to 100',
    );
    oneProblem(
      {
        lesson: 'load-balancing',
        durationS: 100,
        changes: [
          { tS: 50, name: 'servers', value: 3 },
          { tS: 20, name: 'servers', value: 4 },
        ],
      },
      'changes.1.tS',
      'got 20',
      'time order',
    );
    oneProblem(
      {
        lesson: 'load-balancing',
        durationS: 100,
        changes: [{ tS: 500, name: 'servers', value: 3 }],
      },
      'changes.0.tS',
      'got 500',
      'at most durationS (100)',
    );
  });

  it('reports every problem, one line each', () => {
    const problems = problemsOf({
      lesson: 'load-balancing',
      durationS: 10,
      warmupS: 20,
      params: { servers: 0, algorithm: 'fastest', colour: 'red' },
    });
    expect(problems).toHaveLength(4);
    expect(problems.map((p) => p.split(':')[0])).toEqual([
      'params.servers',
      'params.algorithm',
      'params.colour',
      'warmupS',
    ]);
  });

  it('rejects input that is not an object, naming what is missing', () => {
    for (const input of [null, 42, 'load-balancing', [], {}]) {
      const problems = problemsOf(input);
      expect(problems.length).toBeGreaterThan(0);
      for (const p of problems) expect(p).not.toContain('\n');
    }
    oneProblem({}, 'lesson', 'missing');
  });

  it('an array-like object as the change log is a problem, not a crash', () => {
    // CI found this with fast-check: zod's array length check read `length` off a non-array
    // and threw converting `{ toString: '' }` to a number.
    oneProblem(
      { lesson: 'load-balancing', changes: { length: { toString: '' } } },
      'changes',
      'expected array',
    );
    oneProblem({ lesson: 'load-balancing', changes: { length: 3 } }, 'changes', 'expected array');
  });

  it('a change log longer than 10,000 entries is one problem naming the limit', () => {
    const changes = Array.from({ length: MAX_CHANGES + 1 }, (_, i) => ({
      tS: i / 100,
      name: 'servers',
      value: 5,
    }));
    oneProblem(
      { lesson: 'load-balancing', durationS: 600, changes },
      'changes',
      `at most ${MAX_CHANGES} changes`,
    );
  });
});

describe('validateScenario reports everything at once', () => {
  it('lists parameter problems even when a top-level field is also wrong', () => {
    const problems = problemsOf({
      lesson: 'load-balancing',
      seed: -3,
      params: { servers: 0, algorithm: 'nope' },
    });
    expect(problems.some((p) => p.startsWith('seed'))).toBe(true);
    expect(problems.some((p) => p.startsWith('params.servers'))).toBe(true);
    expect(problems.some((p) => p.startsWith('params.algorithm'))).toBe(true);
  });
});
