// The engine-side definition of the autoscaling lesson: schema, run defaults and factory.
import type { LessonModelDefinition } from '../../../sim/model.ts';
import { AutoscalingSim } from './AutoscalingSim.ts';
import { autoscalingSchema } from './schema.ts';

export const autoscalingModel: LessonModelDefinition = {
  ...autoscalingSchema,
  /** One simulated day from 08:00: the morning spike and the quiet evening after it. */
  defaultDurationS: 86_400,
  defaultWarmupS: 0,
  create: (config) => new AutoscalingSim(config),
};
