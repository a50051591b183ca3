// The rate-limiting lesson's catalogue entry. Kept tiny: the view module carries the rest.
import type { LessonDefinition } from '../types.ts';

export const rateLimiting: LessonDefinition = {
  id: 'rate-limiting',
  title: 'Rate limiting',
  summary:
    'Pit fixed windows, sliding logs and token or leaky buckets against steady, bursty and boundary-timed traffic, then see what a shared counter changes across many gateways.',
  status: 'live',
  view: () => import('./view/RateLimitingLesson.tsx'),
};
