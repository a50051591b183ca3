// Pure helpers for number parameters: mapping values to slider positions (linear or
// logarithmic), snapping to the spec's step, and formatting values for display.
import type { NumberParamSpec } from '../sim/params.ts';

/** Slider positions of a log-scale slider run from 0 to this value. */
export const LOG_SLIDER_STEPS = 1000;

/** True when the spec asks for a log slider and its range allows one (min above zero). */
export function usesLogScale(spec: NumberParamSpec): boolean {
  return spec.scale === 'log' && spec.min > 0 && spec.max > spec.min;
}

function clamp(v: number, lo: number, hi: number): number {
  return Math.min(hi, Math.max(lo, v));
}

/** Removes floating-point noise such as 0.30000000000000004. */
function tidy(v: number): number {
  return Number(v.toPrecision(12));
}

/** Rounds to the spec's step (and to whole numbers for integer specs), within range. */
export function snapToStep(spec: NumberParamSpec, v: number): number {
  let out = spec.step > 0 ? Math.round((v - spec.min) / spec.step) * spec.step + spec.min : v;
  if (spec.integer) out = Math.round(out);
  return tidy(clamp(out, spec.min, spec.max));
}

/** The slider position that shows `value`. */
export function toSliderPosition(spec: NumberParamSpec, value: number): number {
  const v = clamp(value, spec.min, spec.max);
  if (!usesLogScale(spec)) return v;
  const t = Math.log(v / spec.min) / Math.log(spec.max / spec.min);
  return Math.round(t * LOG_SLIDER_STEPS);
}

/** Rounds to three significant digits, so log sliders land on readable values. */
function roundSignificant(v: number): number {
  if (v === 0) return 0;
  const magnitude = 10 ** (Math.floor(Math.log10(Math.abs(v))) - 2);
  return Math.round(v / magnitude) * magnitude;
}

/**
 * The value for a slider position. On a log slider a move that would round back to the
 * current value moves one step instead, so arrow keys always make progress.
 */
export function fromSliderPosition(
  spec: NumberParamSpec,
  position: number,
  current: number,
): number {
  if (!usesLogScale(spec)) return snapToStep(spec, position);
  const t = clamp(position, 0, LOG_SLIDER_STEPS) / LOG_SLIDER_STEPS;
  const raw = spec.min * (spec.max / spec.min) ** t;
  let v = position >= LOG_SLIDER_STEPS ? spec.max : snapToStep(spec, roundSignificant(raw));
  if (position <= 0) v = spec.min;
  const direction = Math.sign(position - toSliderPosition(spec, current));
  if (v === current && direction !== 0) {
    v = snapToStep(spec, current + direction * (spec.step > 0 ? spec.step : current / 100));
  }
  return v;
}

// One formatter for every call: `toLocaleString` with options builds a new one each time,
// which cost tens of microseconds per slider per render.
const NUMBER_FORMAT = new Intl.NumberFormat('en-US', { maximumFractionDigits: 4 });

/** A number as people read it: grouped thousands, at most four decimals. */
export function formatNumber(v: number): string {
  return NUMBER_FORMAT.format(v);
}

/** A number with its unit, for aria-valuetext and range hints. */
export function formatWithUnit(v: number, unit: string): string {
  return unit === '' ? formatNumber(v) : `${formatNumber(v)} ${unit}`;
}

/** The plain text a number input shows: no grouping, no float noise. */
export function numberInputText(v: number): string {
  return String(tidy(v));
}
