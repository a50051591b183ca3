// The rate-limiting lesson's identity and parameter schema, without the engine.
import type { LessonSchema } from '../../../sim/model.ts';
import { paramGroups } from './params.ts';

export const rateLimitingSchema: LessonSchema = {
  id: 'rate-limiting',
  title: 'Rate limiting',
  paramGroups,
};
