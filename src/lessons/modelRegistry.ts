// Every lesson's engine-side model, by id: what the worker, the headless runner and assignment
// grading can run. Pure (no React), so it loads in Node and in the Worker.
import type { LessonModelDefinition } from '../sim/model.ts';
import { autoscalingModel } from './autoscaling/model/definition.ts';
import { loadBalancingModel } from './load-balancing/model/definition.ts';
import { rateLimitingModel } from './rate-limiting/model/definition.ts';

export const lessonModels: ReadonlyMap<string, LessonModelDefinition> = new Map([
  [loadBalancingModel.id, loadBalancingModel],
  [rateLimitingModel.id, rateLimitingModel],
  [autoscalingModel.id, autoscalingModel],
]);
