// The autoscaling lesson's identity and parameter schema, without the engine.
import type { LessonSchema } from '../../../sim/model.ts';
import { paramGroups } from './params.ts';

export const autoscalingSchema: LessonSchema = {
  id: 'autoscaling',
  title: 'Autoscaling',
  paramGroups,
};
