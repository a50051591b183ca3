// The engine-side definition of the load-balancing lesson: schema, run defaults and factory.
import type { LessonModelDefinition } from '../../../sim/model.ts';
import { LoadBalancingSim } from './LoadBalancingSim.ts';
import { loadBalancingSchema } from './schema.ts';

export const loadBalancingModel: LessonModelDefinition = {
  ...loadBalancingSchema,
  defaultDurationS: 600,
  defaultWarmupS: 60,
  create: (config) => new LoadBalancingSim(config),
};
