// The load-balancing lesson's catalogue entry. Kept tiny: the view module carries the rest.
import type { LessonDefinition } from '../types.ts';

export const loadBalancing: LessonDefinition = {
  id: 'load-balancing',
  title: 'Load balancing',
  summary:
    'Send the same seeded traffic through nine balancing algorithms and watch queues, tail latency and hashing remaps change as servers differ, requests vary and a server fails.',
  status: 'live',
  view: () => import('./view/LoadBalancingLesson.tsx'),
};
