import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { lessonModels } from '../lessons/modelRegistry.ts';
import { allParams, defaultValues } from '../sim/params.ts';
import {
  EXIT_BAD_INPUT,
  EXIT_INTERNAL,
  EXIT_OK,
  USAGE,
  runCommand,
  type CommandOutput,
  type ReadSource,
} from './commands.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const lb = lessonModels.get('load-balancing');
if (!lb) throw new Error('load-balancing is not registered');

/** A reader over in-memory files; "-" is standard input. Missing files fail like Node's. */
function files(contents: Record<string, string>): ReadSource {
  return (source) => {
    const text = contents[source];
    if (text === undefined) {
      throw Object.assign(new Error(`ENOENT: no such file or directory, open '${source}'`), {
        code: 'ENOENT',
      });
    }
    return text;
  };
}

const noFiles = files({});

function run(args: string[], read: ReadSource = noFiles): CommandOutput {
  return runCommand(args, read);
}

/** Bad input: exit code 2, nothing on stdout, each stderr line free of stack-trace frames. */
function expectBadInput(out: CommandOutput): string[] {
  expect(out.code).toBe(EXIT_BAD_INPUT);
  expect(out.stdout).toBe('');
  expect(out.stderr.endsWith('\n')).toBe(true);
  const lines = out.stderr.trimEnd().split('\n');
  for (const line of lines) {
    expect(line).not.toMatch(/^\s+at /);
    expect(line).not.toMatch(/Error:/);
  }
  return lines;
}

const SMALL = JSON.stringify({
  lesson: 'load-balancing',
  seed: 3,
  durationS: 30,
  warmupS: 5,
  params: { servers: 4, algorithm: 'least-connections' },
});

describe('sim describe', () => {
  it('lists the lessons with id and title', () => {
    const out = run(['describe']);
    expect(out.code).toBe(EXIT_OK);
    expect(out.stderr).toBe('');
    const list = JSON.parse(out.stdout) as { id: string; title: string }[];
    expect(list).toContainEqual({ id: 'load-balancing', title: lb.title });
    expect(list).toHaveLength(lessonModels.size);
    expect(out.stdout).toBe(`${JSON.stringify(list, null, 2)}\n`);
  });

  it("describes a lesson's parameters with type, unit, range or options, default, help, group", () => {
    const out = run(['describe', 'load-balancing']);
    expect(out.code).toBe(EXIT_OK);
    const d = JSON.parse(out.stdout) as {
      id: string;
      defaultDurationS: number;
      defaultWarmupS: number;
      parameters: Record<string, unknown>[];
    };
    expect(d.id).toBe('load-balancing');
    expect(d.defaultDurationS).toBe(lb.defaultDurationS);
    expect(d.defaultWarmupS).toBe(lb.defaultWarmupS);
    expect(d.parameters.map((p) => p.name)).toEqual(allParams(lb.paramGroups).map((p) => p.name));
    const byName = new Map(d.parameters.map((p) => [p.name, p]));
    expect(byName.get('servers')).toMatchObject({
      type: 'number',
      unit: 'servers',
      min: 1,
      max: 100,
      step: 1,
      integer: true,
      default: 5,
      group: 'Servers',
    });
    const algorithm = byName.get('algorithm') as { options: { value: string }[] };
    expect(algorithm).toMatchObject({
      type: 'select',
      default: 'round-robin',
      group: 'Load balancer',
    });
    expect(algorithm.options.map((o) => o.value)).toContain('power-of-two');
    expect(byName.get('weights')).toMatchObject({ type: 'text', default: '' });
    const defaults = defaultValues(lb.paramGroups);
    for (const p of d.parameters) {
      expect(p.default).toEqual(defaults[p.name as string]);
      expect(typeof p.help).toBe('string');
      expect(typeof p.group).toBe('string');
    }
  });

  it('rejects an unknown lesson with the known ids', () => {
    const [line] = expectBadInput(run(['describe', 'juggling']));
    expect(line).toContain('"juggling"');
    expect(line).toContain('load-balancing');
  });
});

describe('sim run', () => {
  it('runs a scenario file and prints one pretty-printed JSON RunResult', () => {
    const out = run(['run', 'small.json'], files({ 'small.json': SMALL }));
    expect(out.code).toBe(EXIT_OK);
    expect(out.stderr).toBe('');
    const result = JSON.parse(out.stdout) as {
      lesson: string;
      seed: number;
      durationS: number;
      warmupS: number;
      params: Record<string, unknown>;
      summary: {
        requests: Record<string, number>;
        latencyMs: Record<string, number>;
        throughputRps: number;
        servers: unknown[];
      };
    };
    expect(out.stdout).toBe(`${JSON.stringify(result, null, 2)}\n`);
    expect(result).toMatchObject({ lesson: 'load-balancing', seed: 3, durationS: 30, warmupS: 5 });
    // All resolved parameter values, not only the given ones.
    expect(result.params).toEqual({
      ...defaultValues(lb.paramGroups),
      servers: 4,
      algorithm: 'least-connections',
    });
    expect(Object.keys(result.summary.requests)).toEqual([
      'arrived',
      'completed',
      'rejected',
      'failed',
    ]);
    expect(Object.keys(result.summary.latencyMs)).toEqual(['mean', 'p50', 'p95', 'p99', 'max']);
    expect(result.summary.throughputRps).toBeGreaterThan(0);
    expect(result.summary.servers).toHaveLength(4);
  });

  it('reads the scenario from standard input for "-", with the same result', () => {
    const fromFile = run(['run', 'small.json'], files({ 'small.json': SMALL }));
    const fromStdin = run(['run', '-'], files({ '-': SMALL }));
    expect(fromStdin).toEqual(fromFile);
  });

  it('prints every validation problem, one line each, prefixed with the source', () => {
    const bad = JSON.stringify({
      lesson: 'load-balancing',
      durationS: 10,
      warmupS: 20,
      params: { servers: 500, algorithm: 'fastest', colour: 'red' },
    });
    const lines = expectBadInput(run(['run', 'bad.json'], files({ 'bad.json': bad })));
    expect(lines).toHaveLength(4);
    expect(lines[0]).toBe(
      'bad.json: params.servers: got 500; must be a whole number from 1 to 100 servers',
    );
    expect(lines[1]).toMatch(/^bad\.json: params\.algorithm: got "fastest"; must be one of /);
    expect(lines[2]).toMatch(/^bad\.json: params\.colour: unknown parameter/);
    expect(lines[3]).toBe('bad.json: warmupS: got 20; must be less than durationS (10)');
    const [stdinLine] = expectBadInput(run(['run', '-'], files({ '-': '{"lesson":"x"}' })));
    expect(stdinLine).toMatch(/^<stdin>: lesson: unknown lesson "x"; known: load-balancing/);
  });

  it('reports a missing file in one line', () => {
    const lines = expectBadInput(run(['run', 'nope.json']));
    expect(lines).toEqual(['nope.json: cannot read: no such file']);
  });

  it('reports invalid JSON with line, column and position', () => {
    const text = '{\n  "lesson": "load-balancing",\n  "seed": 4\n  "durationS": 10\n}';
    const lines = expectBadInput(run(['run', 'broken.json'], files({ 'broken.json': text })));
    expect(lines).toEqual([
      `broken.json: invalid JSON at line 4, column 3 (position ${text.indexOf('"durationS"')}): expected ',' or '}' after a property value, got '"'`,
    ]);
    const [empty] = expectBadInput(run(['validate', 'empty.json'], files({ 'empty.json': '' })));
    expect(empty).toBe(
      'empty.json: invalid JSON at line 1, column 1 (position 0): expected a value, got the end of the input',
    );
  });

  it('needs exactly one scenario argument', () => {
    expect(expectBadInput(run(['run']))[0]).toMatch(/^run: expected one scenario file/);
    expect(expectBadInput(run(['run', 'a.json', 'b.json']))[0]).toContain('"a.json" "b.json"');
  });
});

describe('sim validate', () => {
  it('prints ok for a valid scenario', () => {
    expect(run(['validate', 'small.json'], files({ 'small.json': SMALL }))).toEqual({
      stdout: 'ok\n',
      stderr: '',
      code: EXIT_OK,
    });
  });

  it('prints every problem of an invalid one', () => {
    const bad = JSON.stringify({ lesson: 'load-balancing', seeds: 3, params: { servers: 'x' } });
    const lines = expectBadInput(run(['validate', 'bad.json'], files({ 'bad.json': bad })));
    expect(lines).toHaveLength(2); // the envelope's problem and the parameter's, one line each
    expect(lines[0]).toContain('unknown field(s) seeds');
    expect(lines[1]).toContain('params.servers');
  });

  it('accepts both example scenarios in examples/', () => {
    const read: ReadSource = (source) => readFileSync(path.join(ROOT, source), 'utf8');
    for (const file of [
      'examples/load-balancing-power-of-two.json',
      'examples/load-balancing-abc-weighted.json',
    ]) {
      expect(run(['validate', file], read)).toEqual({ stdout: 'ok\n', stderr: '', code: EXIT_OK });
    }
    // The power-of-two example is the scenario shown in the architecture page.
    expect(JSON.parse(read('examples/load-balancing-power-of-two.json'))).toEqual({
      lesson: 'load-balancing',
      seed: 42,
      durationS: 600,
      warmupS: 60,
      params: { algorithm: 'power-of-two', servers: 100, arrivalRate: 900 },
    });
  });
});

describe('sim usage and errors', () => {
  it('prints usage for --help, -h and help, also after a command', () => {
    for (const args of [['--help'], ['-h'], ['help'], ['run', '--help']]) {
      expect(run(args)).toEqual({ stdout: USAGE, stderr: '', code: EXIT_OK });
    }
    expect(USAGE).toContain('describe <lesson>');
    expect(USAGE).toContain('run <scenario.json | ->');
    expect(USAGE).toContain('validate <scenario.json | ->');
  });

  it('rejects a missing or unknown command with exit code 2', () => {
    const none = run([]);
    expect(none.code).toBe(EXIT_BAD_INPUT);
    expect(none.stderr).toContain('missing command');
    expect(none.stderr).toContain(USAGE);
    expect(expectBadInput(run(['simulate', 'x.json']))).toEqual([
      'unknown command "simulate"; commands: describe, run, validate (see --help)',
    ]);
  });

  it('turns an unexpected failure inside the runner into one line and exit code 1', () => {
    const broken = new Map([
      [
        'load-balancing',
        {
          ...lb,
          create: () => {
            throw new Error('engine exploded\n    at somewhere (file.ts:1:1)');
          },
        },
      ],
    ]);
    const out = runCommand(['run', 'small.json'], files({ 'small.json': SMALL }), broken);
    expect(out).toEqual({
      stdout: '',
      stderr: 'internal error: engine exploded\n',
      code: EXIT_INTERNAL,
    });
  });
});

describe('sim.ts wrapper (a real process)', () => {
  const tsx = path.join(ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs');
  const sim = (args: string[], input?: string) =>
    spawnSync(process.execPath, [tsx, path.join(ROOT, 'src', 'cli', 'sim.ts'), ...args], {
      cwd: ROOT,
      encoding: 'utf8',
      ...(input === undefined ? {} : { input }),
    });

  it('runs a scenario from stdin and exits 0 with JSON on stdout', () => {
    const p = sim(['run', '-'], SMALL);
    expect(p.status).toBe(0);
    expect(p.stderr).toBe('');
    expect(JSON.parse(p.stdout)).toEqual(
      JSON.parse(run(['run', '-'], files({ '-': SMALL })).stdout),
    );
  });

  it('exits 2 with one line on stderr and no stack trace for a missing file', () => {
    const p = sim(['validate', 'does-not-exist.json']);
    expect(p.status).toBe(2);
    expect(p.stdout).toBe('');
    expect(p.stderr).toBe('does-not-exist.json: cannot read: no such file\n');
  });
});
