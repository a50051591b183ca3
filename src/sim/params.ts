// Parameter schemas: the one description of a lesson's knobs that the UI panel, the URL
// parser, the scenario validator and the headless runner all read.

/** A numeric parameter; `unit` is shown next to the value and used in `describe`. */
export interface NumberParamSpec {
  readonly kind: 'number';
  readonly name: string;
  readonly label: string;
  readonly unit: string;
  readonly min: number;
  readonly max: number;
  readonly step: number;
  readonly default: number;
  readonly help: string;
  /** Whole numbers only (counts, indices). */
  readonly integer?: boolean;
  /** Slider moves on a log scale (rates, times spanning decades). */
  readonly scale?: 'linear' | 'log';
}

export interface SelectOption {
  readonly value: string;
  readonly label: string;
}

/** A choice among named options. */
export interface SelectParamSpec {
  readonly kind: 'select';
  readonly name: string;
  readonly label: string;
  readonly options: readonly SelectOption[];
  readonly default: string;
  readonly help: string;
}

/** An on/off switch. */
export interface BooleanParamSpec {
  readonly kind: 'boolean';
  readonly name: string;
  readonly label: string;
  readonly default: boolean;
  readonly help: string;
}

/** A short free-text value checked against a pattern (for example a list of weights). */
export interface TextParamSpec {
  readonly kind: 'text';
  readonly name: string;
  readonly label: string;
  readonly default: string;
  readonly help: string;
  readonly maxLength: number;
  /** Anchored regular expression source the value must match (the empty string is allowed). */
  readonly pattern: string;
  /** Human description of the allowed form, used in error messages. */
  readonly patternHelp: string;
}

export type ParamSpec = NumberParamSpec | SelectParamSpec | BooleanParamSpec | TextParamSpec;
export type ParamValue = number | string | boolean;
export type ParamValues = Readonly<Record<string, ParamValue>>;

/** The ordered list of a lesson's parameters, grouped for display. */
export interface ParamGroup {
  readonly title: string;
  readonly params: readonly ParamSpec[];
}

export function allParams(groups: readonly ParamGroup[]): ParamSpec[] {
  return groups.flatMap((g) => g.params);
}

/** The label a select parameter shows for `value` (the value itself when none matches). */
export function optionLabel(groups: readonly ParamGroup[], name: string, value: unknown): string {
  const spec = allParams(groups).find((p) => p.name === name);
  const option = spec?.kind === 'select' ? spec.options.find((o) => o.value === value) : undefined;
  return option?.label ?? String(value);
}

export function defaultValues(groups: readonly ParamGroup[]): Record<string, ParamValue> {
  const out: Record<string, ParamValue> = {};
  for (const p of allParams(groups)) out[p.name] = p.default;
  return out;
}

/** Outcome of checking one raw value against its spec. */
export type CoerceResult =
  | { readonly ok: true; readonly value: ParamValue; readonly adjusted?: string }
  | { readonly ok: false; readonly problem: string };

function describeAllowed(spec: ParamSpec): string {
  switch (spec.kind) {
    case 'number':
      return `${spec.integer ? 'a whole number' : 'a number'} from ${spec.min} to ${spec.max}${spec.unit ? ` ${spec.unit}` : ''}`;
    case 'select':
      return `one of ${spec.options.map((o) => o.value).join(', ')}`;
    case 'boolean':
      return 'true or false';
    case 'text':
      return `${spec.patternHelp} (at most ${spec.maxLength} characters)`;
  }
}

/** Short text for "what is allowed", used by the runner's error lines and URL notices. */
export function allowedText(spec: ParamSpec): string {
  return describeAllowed(spec);
}

function parseNumber(raw: unknown): number | undefined {
  if (typeof raw === 'number') return raw;
  if (typeof raw === 'string' && raw.trim() !== '' && raw.length <= 40) {
    const n = Number(raw.trim());
    return n;
  }
  return undefined;
}

/**
 * Checks a raw value (a JSON value or a URL string) against its spec.
 * Lenient mode (`clamp`, for URLs and the UI) reads numbers and booleans from text and pulls
 * out-of-range numbers to the nearest bound. Strict mode (scenario files) wants the JSON type
 * itself and reports an out-of-range number as a problem.
 */
export function coerceParam(spec: ParamSpec, raw: unknown, clamp: boolean): CoerceResult {
  const bad = (): CoerceResult => ({
    ok: false,
    problem: `must be ${describeAllowed(spec)}`,
  });
  switch (spec.kind) {
    case 'number': {
      if (!clamp && typeof raw !== 'number') return bad();
      const n = parseNumber(raw);
      if (n === undefined || !Number.isFinite(n)) return bad();
      const notes: string[] = [];
      let v = n;
      if (spec.integer && !Number.isInteger(v)) {
        if (!clamp) return bad();
        v = Math.round(v);
        notes.push('rounded to a whole number');
      }
      if (v < spec.min || v > spec.max) {
        if (!clamp) return bad();
        v = v < spec.min ? spec.min : spec.max;
        notes.push(`clamped to ${v}`);
      }
      if (notes.length > 0) return { ok: true, value: v, adjusted: notes.join(', ') };
      return { ok: true, value: n };
    }
    case 'select':
      if (typeof raw === 'string' && spec.options.some((o) => o.value === raw)) {
        return { ok: true, value: raw };
      }
      return bad();
    case 'boolean':
      if (typeof raw === 'boolean') return { ok: true, value: raw };
      if (!clamp) return bad();
      if (raw === 'true' || raw === '1') return { ok: true, value: true };
      if (raw === 'false' || raw === '0') return { ok: true, value: false };
      return bad();
    case 'text':
      if (typeof raw !== 'string' || raw.length > spec.maxLength) return bad();
      if (raw !== '' && !new RegExp(`^(?:${spec.pattern})$`).test(raw)) return bad();
      return { ok: true, value: raw };
  }
}
