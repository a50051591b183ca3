// The load-balancing lesson's identity and parameter schema, without the engine: what the
// page bundle needs (the engine itself runs in the worker).
import type { LessonSchema } from '../../../sim/model.ts';
import { paramGroups } from './params.ts';

export const loadBalancingSchema: LessonSchema = {
  id: 'load-balancing',
  title: 'Load balancing',
  paramGroups,
};
