// A preset: several parameter values a lesson applies at once. Pure data, so lesson models
// can define their presets without importing view code.
import type { ParamValue } from './params.ts';

export interface LessonPreset {
  readonly id: string;
  readonly label: string;
  readonly description: string;
  readonly params: Readonly<Record<string, ParamValue>>;
}
