// Lesson state in the URL query (`?seed=7&servers=5&compare=1&b.servers=8`): a forgiving parser
// that validates against the lesson's parameter schema and explains every change it made, and a
// builder that writes the shortest query that parses back to the same state.
import { allParams, allowedText, coerceParam, defaultValues } from '../sim/params.ts';
import type { NumberParamSpec, ParamGroup, ParamSpec, ParamValue } from '../sim/params.ts';

/** The lesson state a URL carries: seed, lane A's parameters and, for compare mode, lane B's. */
export interface LessonQueryState {
  /** Seed of the simulation's random stream, a whole number from 0 to 2^32 - 1. */
  seed: number;
  /** Lane A's parameter values, one per parameter of the lesson. */
  params: Record<string, ParamValue>;
  /** Whether two lanes run side by side. */
  compare: boolean;
  /** Lane B's parameter values, one per parameter of the lesson. */
  paramsB: Record<string, ParamValue>;
}

/** The state parsed from a query plus plain-text notices about anything that was changed. */
export interface ParsedLessonQuery extends LessonQueryState {
  /** What was clamped, ignored or repeated; plain text, to be rendered as text only. */
  notices: string[];
}

/** Seed used when the URL has none. */
export const DEFAULT_SEED = 1;

/** Largest seed: the generator is seeded from one unsigned 32-bit word. */
export const MAX_SEED = 2 ** 32 - 1;

/** Keys read elsewhere (embed options, test hook); the lesson parser accepts them silently. */
export const RESERVED_QUERY_KEYS: readonly string[] = [
  'e2e',
  'paused',
  'panels',
  'lock',
  'assignments',
  'prompt',
];

/** Prefix of lane B's keys in compare mode. */
export const LANE_B_PREFIX = 'b.';

/** Echoed keys and values are cut to this many characters. */
const MAX_ECHO_CHARS = 40;

/** A hostile URL cannot flood the page: after this many notices the rest are only counted. */
const MAX_NOTICES = 12;

const SEED_SPEC: NumberParamSpec = {
  kind: 'number',
  name: 'seed',
  label: 'Seed',
  unit: '',
  min: 0,
  max: MAX_SEED,
  step: 1,
  default: DEFAULT_SEED,
  integer: true,
  help: 'Seed of the random stream; the same seed replays the same run.',
};

/**
 * Control, format (zero-width, bidirectional-override) and line-separator characters, which could
 * hide or disguise part of an echoed value.
 */
const INVISIBLE_CHARS = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/gu;

/** Quotes a user-supplied key or value for a notice: visible characters only, at most 40. */
function echo(raw: string): string {
  const head = Array.from(raw.slice(0, MAX_ECHO_CHARS * 2));
  const cut = head.length > MAX_ECHO_CHARS || raw.length > MAX_ECHO_CHARS * 2;
  const shown = head.slice(0, MAX_ECHO_CHARS).join('').replace(INVISIBLE_CHARS, '\ufffd');
  return `“${shown}${cut ? '…' : ''}”`;
}

/** Collects notices, keeping the first few and counting the rest. */
class NoticeList {
  private readonly kept: string[] = [];
  private dropped = 0;

  add(notice: string): void {
    if (this.kept.length < MAX_NOTICES) this.kept.push(notice);
    else this.dropped += 1;
  }

  toArray(): string[] {
    if (this.dropped === 0) return [...this.kept];
    const more = this.dropped === 1 ? '1 more problem' : `${this.dropped} more problems`;
    return [...this.kept, `…and ${more} in the address were ignored.`];
  }
}

/**
 * Checks one value against its spec: returns the value to use (possibly clamped or rounded),
 * or `undefined` when it must be ignored, adding a notice either way when something was off.
 */
function readValue(
  key: string,
  spec: ParamSpec,
  raw: string,
  notices: NoticeList,
): ParamValue | undefined {
  const result = coerceParam(spec, raw, true);
  if (!result.ok) {
    notices.add(`Ignored ${key} = ${echo(raw)}: ${result.problem}.`);
    return undefined;
  }
  if (result.adjusted !== undefined) {
    notices.add(
      `Used ${key} = ${String(result.value)} instead of ${echo(raw)}: ${result.adjusted} ` +
        `(allowed: ${allowedText(spec)}).`,
    );
  }
  // "-0" reads as -0, which the builder writes back as "0": use +0 so the state is canonical.
  return result.value === 0 ? 0 : result.value;
}

function readCompare(raw: string, notices: NoticeList): boolean | undefined {
  if (raw === '' || raw === '1' || raw === 'true') return true;
  if (raw === '0' || raw === 'false') return false;
  notices.add(`Ignored compare = ${echo(raw)}: must be 1 (compare two lanes) or 0 (one lane).`);
  return undefined;
}

/**
 * Reads lesson state from a URL query string (with or without the leading `?`).
 *
 * Keys: `seed`, each parameter by name, `compare=1`, and `b.<name>` for lane B (which starts as a
 * copy of lane A). Out-of-range numbers are clamped and non-whole counts rounded, with a notice;
 * malformed values and unknown keys are ignored with a notice naming the key and what is
 * allowed; for a repeated key the last valid value wins, with a notice. Keys in
 * {@link RESERVED_QUERY_KEYS} are left for other readers. Never throws.
 */
export function parseLessonQuery(search: string, groups: readonly ParamGroup[]): ParsedLessonQuery {
  const specs = new Map(allParams(groups).map((spec) => [spec.name, spec] as const));
  const notices = new NoticeList();
  const params = defaultValues(groups);
  const overridesB = new Map<string, ParamValue>();
  let seed = DEFAULT_SEED;
  let compare = false;

  const entries = new URLSearchParams(typeof search === 'string' ? search : '');
  const counts = new Map<string, number>();
  for (const [key] of entries) counts.set(key, (counts.get(key) ?? 0) + 1);
  const repeatNoticed = new Set<string>();
  const names = [...specs.keys()];

  for (const [key, raw] of entries) {
    if (RESERVED_QUERY_KEYS.includes(key)) continue;
    const times = counts.get(key) ?? 1;
    if (times > 1 && !repeatNoticed.has(key)) {
      repeatNoticed.add(key);
      notices.add(
        `${echo(key)} appears ${times} times in the address; the last valid value is used.`,
      );
    }

    const spec = specs.get(key);
    const specB = key.startsWith(LANE_B_PREFIX)
      ? specs.get(key.slice(LANE_B_PREFIX.length))
      : undefined;
    if (key === 'seed') {
      const value = readValue(key, SEED_SPEC, raw, notices);
      if (typeof value === 'number') seed = value;
    } else if (key === 'compare') {
      compare = readCompare(raw, notices) ?? compare;
    } else if (spec !== undefined) {
      const value = readValue(key, spec, raw, notices);
      if (value !== undefined) params[spec.name] = value;
    } else if (specB !== undefined) {
      const value = readValue(key, specB, raw, notices);
      if (value !== undefined) overridesB.set(specB.name, value);
    } else {
      notices.add(unknownKeyNotice(key, names));
    }
  }

  const paramsB = { ...params };
  for (const [name, value] of overridesB) paramsB[name] = value;
  return { seed, params, compare, paramsB, notices: notices.toArray() };
}

function unknownKeyNotice(key: string, names: readonly string[]): string {
  if (key.startsWith(LANE_B_PREFIX)) {
    return `Ignored unknown setting ${echo(key)}: lane B takes b. followed by one of ${names.join(', ')}.`;
  }
  const known = ['seed', 'compare', ...names, 'b.<setting>'].join(', ');
  return `Ignored unknown setting ${echo(key)}; known settings are ${known}.`;
}

function formatValue(value: ParamValue): string {
  return typeof value === 'string' ? value : String(value);
}

/**
 * Writes lesson state as a query string without the leading `?`: `seed` always, then lane A's
 * non-default parameters in schema order, `compare=1` when on, then lane B's values that differ
 * from lane A as `b.<name>`. Parameters not in the schema are left out.
 * `parseLessonQuery(buildLessonQuery(state, groups), groups)` returns `state` for any valid state.
 */
export function buildLessonQuery(state: LessonQueryState, groups: readonly ParamGroup[]): string {
  const query = new URLSearchParams();
  query.set('seed', String(state.seed));
  const specs = allParams(groups);
  for (const spec of specs) {
    const value = state.params[spec.name];
    if (value !== undefined && value !== spec.default) query.append(spec.name, formatValue(value));
  }
  if (state.compare) query.set('compare', '1');
  for (const spec of specs) {
    const valueB = state.paramsB[spec.name];
    const valueA = state.params[spec.name] ?? spec.default;
    if (valueB !== undefined && valueB !== valueA) {
      query.append(`${LANE_B_PREFIX}${spec.name}`, formatValue(valueB));
    }
  }
  return query.toString();
}
