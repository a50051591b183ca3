// The headless runner's commands as pure functions: arguments and a way to read a scenario
// source in, stdout text, stderr text and an exit code out. `sim.ts` only wires them to the
// process. The output format is a public contract (see docs and the architecture page).
import { lessonModels } from '../lessons/modelRegistry.ts';
import type { LessonModelDefinition } from '../sim/model.ts';
import { allowedText, type ParamSpec } from '../sim/params.ts';
import { runScenario } from '../sim/run.ts';
import { validateScenario, type Scenario } from '../sim/scenario.ts';
import { parseJson } from './json.ts';

export interface CommandOutput {
  readonly stdout: string;
  readonly stderr: string;
  readonly code: number;
}

/** Returns the text of a scenario source: a file path, or "-" for standard input. May throw. */
export type ReadSource = (source: string) => string;

export const EXIT_OK = 0;
/** Something went wrong inside the runner (a bug, not the input). */
export const EXIT_INTERNAL = 1;
/** Bad input: unknown command, unreadable file, invalid JSON or an invalid scenario. */
export const EXIT_BAD_INPUT = 2;

export const USAGE = `Usage: npm run sim -- <command>

Runs Scaling Lab's simulations headless, with the same core as the browser.

Commands:
  describe                       List the lessons as JSON (id, title).
  describe <lesson>              A lesson's parameters as JSON (type, unit, range or options,
                                 default, help) and its default duration and warm-up.
  run <scenario.json | ->        Run a scenario to its end; print one JSON result on stdout.
                                 "-" reads the scenario from standard input.
  validate <scenario.json | ->   Check a scenario; print "ok", or every problem on stderr.
  help, --help, -h               Show this text.

A scenario file:
  { "lesson": "load-balancing", "seed": 42, "durationS": 600, "warmupS": 60,
    "params": { "algorithm": "power-of-two", "servers": 100, "arrivalRate": 900 } }
Omitted fields and parameters take their defaults.

Exit codes: 0 success; 2 bad input (one line per problem on stderr); 1 internal error.
npm prints its own header on stdout: to capture clean JSON use "npm run -s sim -- ..." or
"npx tsx src/cli/sim.ts ...".
`;

const ok = (stdout: string): CommandOutput => ({ stdout, stderr: '', code: EXIT_OK });
const badInput = (problems: readonly string[]): CommandOutput => ({
  stdout: '',
  stderr: problems.map((p) => `${p}\n`).join(''),
  code: EXIT_BAD_INPUT,
});
const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;

/** One parameter as `describe <lesson>` prints it. */
export function describeParam(spec: ParamSpec, group: string): Record<string, unknown> {
  const common = { name: spec.name, type: spec.kind, label: spec.label, group };
  switch (spec.kind) {
    case 'number':
      return {
        ...common,
        unit: spec.unit,
        min: spec.min,
        max: spec.max,
        step: spec.step,
        integer: spec.integer ?? false,
        scale: spec.scale ?? 'linear',
        default: spec.default,
        allowed: allowedText(spec),
        help: spec.help,
      };
    case 'select':
      return {
        ...common,
        options: spec.options.map((o) => ({ value: o.value, label: o.label })),
        default: spec.default,
        allowed: allowedText(spec),
        help: spec.help,
      };
    case 'boolean':
      return { ...common, default: spec.default, allowed: allowedText(spec), help: spec.help };
    case 'text':
      return {
        ...common,
        maxLength: spec.maxLength,
        pattern: spec.pattern,
        default: spec.default,
        allowed: allowedText(spec),
        help: spec.help,
      };
  }
}

/** `describe <lesson>`: the lesson's run defaults and every parameter, in panel order. */
export function describeLesson(def: LessonModelDefinition): Record<string, unknown> {
  return {
    id: def.id,
    title: def.title,
    defaultDurationS: def.defaultDurationS,
    defaultWarmupS: def.defaultWarmupS,
    parameters: def.paramGroups.flatMap((g) => g.params.map((p) => describeParam(p, g.title))),
  };
}

function sourceLabel(source: string): string {
  return source === '-' ? '<stdin>' : source;
}

/** Why a read failed, in one line (Node's errno codes get plain words). */
function readProblem(source: string, error: unknown): string {
  const code =
    error !== null && typeof error === 'object' && 'code' in error
      ? String((error as { code: unknown }).code)
      : '';
  const words: Record<string, string> = {
    ENOENT: 'no such file',
    EISDIR: 'it is a directory',
    EACCES: 'permission denied',
    EPERM: 'permission denied',
    ENOTDIR: 'a part of the path is not a directory',
  };
  const message = error instanceof Error ? error.message : String(error);
  const reason = words[code] ?? (message.split('\n')[0] || 'unknown error');
  return `${sourceLabel(source)}: cannot read: ${reason}`;
}

type Loaded =
  | { readonly ok: true; readonly scenario: Scenario }
  | { readonly ok: false; readonly output: CommandOutput };

/** Reads, parses and validates a scenario; any failure becomes exit code 2 with its lines. */
function loadScenario(
  source: string,
  read: ReadSource,
  lessons: ReadonlyMap<string, LessonModelDefinition>,
): Loaded {
  let text: string;
  try {
    text = read(source);
  } catch (e) {
    return { ok: false, output: badInput([readProblem(source, e)]) };
  }
  const label = sourceLabel(source);
  const parsed = parseJson(text);
  if (!parsed.ok) return { ok: false, output: badInput([`${label}: ${parsed.problem}`]) };
  const v = validateScenario(parsed.value, lessons);
  if (!v.ok) return { ok: false, output: badInput(v.problems.map((p) => `${label}: ${p}`)) };
  return { ok: true, scenario: v.scenario };
}

/** The one scenario argument of `run` and `validate`, or a usage problem. */
function oneSource(command: string, rest: readonly string[]): string | CommandOutput {
  if (rest.length === 1 && rest[0] !== undefined && rest[0] !== '') return rest[0];
  const got = rest.length === 0 ? 'none' : rest.map((r) => JSON.stringify(r)).join(' ');
  return badInput([
    `${command}: expected one scenario file (or - for stdin), got ${got}`,
    `usage: npm run sim -- ${command} <scenario.json | ->`,
  ]);
}

/**
 * Runs one command line (the arguments after `sim`). Never throws: bad input gives exit code 2
 * and one line per problem; an unexpected failure inside the runner gives exit code 1 and one
 * line, never a stack trace.
 */
export function runCommand(
  args: readonly string[],
  read: ReadSource,
  lessons: ReadonlyMap<string, LessonModelDefinition> = lessonModels,
): CommandOutput {
  try {
    return dispatch(args, read, lessons);
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    return {
      stdout: '',
      stderr: `internal error: ${message.split('\n')[0] ?? message}\n`,
      code: EXIT_INTERNAL,
    };
  }
}

function dispatch(
  args: readonly string[],
  read: ReadSource,
  lessons: ReadonlyMap<string, LessonModelDefinition>,
): CommandOutput {
  const [command, ...rest] = args;
  if (command === undefined) {
    return { stdout: '', stderr: `missing command\n\n${USAGE}`, code: EXIT_BAD_INPUT };
  }
  if (command === '--help' || command === '-h' || command === 'help' || rest.includes('--help')) {
    return ok(USAGE);
  }
  switch (command) {
    case 'describe': {
      if (rest.length === 0) {
        return ok(json([...lessons.values()].map((d) => ({ id: d.id, title: d.title }))));
      }
      const [id] = rest;
      if (rest.length > 1 || id === undefined) {
        return badInput([
          `describe: expected at most one lesson id, got ${rest.map((r) => JSON.stringify(r)).join(' ')}`,
        ]);
      }
      const def = lessons.get(id);
      if (!def) {
        return badInput([
          `describe: unknown lesson ${JSON.stringify(id)}; known: ${[...lessons.keys()].join(', ')}`,
        ]);
      }
      return ok(json(describeLesson(def)));
    }
    case 'run':
    case 'validate': {
      const source = oneSource(command, rest);
      if (typeof source !== 'string') return source;
      const loaded = loadScenario(source, read, lessons);
      if (!loaded.ok) return loaded.output;
      if (command === 'validate') return ok('ok\n');
      const def = lessons.get(loaded.scenario.lesson);
      if (!def) return badInput([`lesson: unknown lesson ${loaded.scenario.lesson}`]);
      return ok(json(runScenario(def, loaded.scenario)));
    }
    default:
      return badInput([
        `unknown command ${JSON.stringify(command)}; commands: describe, run, validate (see --help)`,
      ]);
  }
}
