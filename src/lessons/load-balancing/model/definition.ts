// The engine-side definition of the load-balancing lesson: schema, run defaults and factory.
import type { LessonModelDefinition } from '../../../sim/model.ts';
import { LoadBalancingSim } from './LoadBalancingSim.ts';
import { paramGroups } from './params.ts';

export const loadBalancingModel: LessonModelDefinition = {
  id: 'load-balancing',
  title: 'Load balancing',
  paramGroups,
  defaultDurationS: 600,
  defaultWarmupS: 60,
  create: (config) => new LoadBalancingSim(config),
};
