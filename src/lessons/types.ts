// The view-side description of a lesson: what the catalogue, the routes and the lesson page
// need. The engine-side half is `LessonModelDefinition` in `src/sim/model.ts`.
import type { ComponentType } from 'react';
import type { LessonPreset } from '../sim/presets.ts';

/** A preset as lessons define it (pure data, shared with the models). */
export type Preset = LessonPreset;

/** Props every lesson view receives from the lesson page. */
export interface LessonViewProps {
  readonly lesson: LessonDefinition;
  /** Embedded in an iframe: no site chrome. */
  readonly embedded: boolean;
}

export interface LessonDefinition {
  readonly id: string;
  readonly title: string;
  /** One sentence for the catalogue card. */
  readonly summary: string;
  readonly status: 'live' | 'coming';
  /**
   * Lazily loaded page body for a live lesson. The view brings its model, presets and
   * assignments with it, so the catalogue (home page) stays free of simulation code.
   */
  readonly view?: () => Promise<{ default: ComponentType<LessonViewProps> }>;
}
