// The lesson catalogue: every lesson the app knows, live or coming, in display order.
// Routes, the home page and the embed page find lessons here and nowhere else.
import type { LessonDefinition } from './types.ts';
import { autoscaling } from './autoscaling/index.ts';
import { loadBalancing } from './load-balancing/index.ts';
import { rateLimiting } from './rate-limiting/index.ts';

const cdn: LessonDefinition = {
  id: 'cdn',
  title: 'CDN and edge caching',
  summary:
    'Serve a regional audience from edge caches and an origin shield, choose Cache-Control for each kind of content, and measure hit ratio, origin load and latency per region.',
  status: 'coming',
};

const scaling: LessonDefinition = {
  id: 'scaling',
  title: 'Vertical, horizontal and diagonal scaling',
  summary:
    'Grow demand month by month against a bigger machine, more machines or a mix of both, and compare the runway, cost and downtime each plan buys.',
  status: 'coming',
};

/** All lessons in catalogue order; ids are unique and equal the route slug. */
export const lessons: readonly LessonDefinition[] = [
  loadBalancing,
  rateLimiting,
  autoscaling,
  cdn,
  scaling,
];

/** The lesson with this id, or `undefined` when no lesson has it. */
export function findLesson(id: string | undefined): LessonDefinition | undefined {
  if (id === undefined) return undefined;
  return lessons.find((lesson) => lesson.id === id);
}
