// The autoscaling lesson's catalogue entry. Kept tiny: the view module carries the rest.
import type { LessonDefinition } from '../types.ts';

export const autoscaling: LessonDefinition = {
  id: 'autoscaling',
  title: 'Autoscaling',
  summary:
    'Follow a scaling loop as it chases a morning spike through metric delays, boot times and cooldowns, and tune reactive, scheduled and predictive policies until capacity keeps up without oscillating.',
  status: 'live',
  view: () => import('./view/AutoscalingLesson.tsx'),
};
