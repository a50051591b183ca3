// A preset: several parameter values a lesson applies at once. Pure data, so lesson models
// can define their presets without importing view code.
import { defaultValues, type ParamGroup, type ParamValue } from './params.ts';

export interface LessonPreset {
  readonly id: string;
  readonly label: string;
  readonly description: string;
  readonly params: Readonly<Record<string, ParamValue>>;
}

/**
 * A preset maker for a lesson: every preset sets every parameter (defaults underneath), so
 * nothing lingers from the preset applied before it.
 */
export function presetMaker(
  groups: readonly ParamGroup[],
): (
  id: string,
  label: string,
  description: string,
  params: Readonly<Record<string, ParamValue>>,
) => LessonPreset {
  const defaults = defaultValues(groups);
  return (id, label, description, params) => ({
    id,
    label,
    description,
    params: { ...defaults, ...params },
  });
}
