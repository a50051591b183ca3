// Tells whoever renders the assignments that one was graded, without the assignment views
// knowing who listens. The embed page provides it to post results to its host page.
import { createContext } from 'react';
import type { Assignment } from '../../sim/assignments.ts';

/** One graded answer: which assignment, of which kind, and whether it passed. */
export interface AssignmentGraded {
  readonly lessonId: string;
  readonly assignmentId: string;
  readonly kind: Assignment['kind'];
  readonly pass: boolean;
}

/** Called after a challenge, prediction, numeric or choice answer is graded (not reflections). */
export type OnAssignmentGraded = (graded: AssignmentGraded) => void;

/** Null (the default) when nobody listens, as on the normal lesson page. */
export const AssignmentGradedContext = createContext<OnAssignmentGraded | null>(null);
