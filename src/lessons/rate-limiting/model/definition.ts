// The engine-side definition of the rate-limiting lesson: schema, run defaults and factory.
import type { LessonModelDefinition } from '../../../sim/model.ts';
import { RateLimitingSim } from './RateLimitingSim.ts';
import { rateLimitingSchema } from './schema.ts';

export const rateLimitingModel: LessonModelDefinition = {
  ...rateLimitingSchema,
  defaultDurationS: 600,
  defaultWarmupS: 0,
  create: (config) => new RateLimitingSim(config),
};
