// The iframe route `/embed/:lessonId`: the lesson without site chrome, an optional teacher
// prompt (plain text only), and the documented messages to and from the hosting page
// (embedMessages.ts): ready, resize and assignment results out; request-size in.
import { useEffect, useMemo, useRef, type RefObject } from 'react';
import { useParams, useSearchParams } from 'react-router';
import {
  AssignmentGradedContext,
  type OnAssignmentGraded,
} from '../components/assignments/gradedContext.ts';
import { findLesson } from '../lessons/registry.ts';
import {
  isFramed,
  isFromHost,
  parseHostMessage,
  postToHost,
  teacherPrompt,
} from './embedMessages.ts';
import { LessonBody } from './LessonBody.tsx';

/**
 * Tells the host when the page is ready and whenever its height changes, and answers the
 * host's request-size message. Any other message, or one from another window, is ignored.
 */
function useHostMessages(lessonId: string, root: RefObject<HTMLElement | null>): void {
  useEffect(() => {
    if (!isFramed()) return undefined;
    postToHost({ type: 'scaling-lab:ready', lesson: lessonId });
    const el = root.current;
    if (el === null) return undefined;
    let lastHeight = -1;
    const report = (force: boolean) => {
      const height = Math.ceil(el.getBoundingClientRect().height);
      if (height === lastHeight && !force) return;
      lastHeight = height;
      postToHost({ type: 'scaling-lab:resize', height });
    };
    const onMessage = (event: MessageEvent) => {
      if (!isFromHost(event)) return;
      const msg = parseHostMessage(event.data);
      if (msg?.type === 'scaling-lab:request-size') report(true);
    };
    window.addEventListener('message', onMessage);
    const observer =
      typeof ResizeObserver === 'undefined' ? null : new ResizeObserver(() => report(false));
    observer?.observe(el);
    report(false);
    return () => {
      window.removeEventListener('message', onMessage);
      observer?.disconnect();
    };
  }, [lessonId, root]);
}

/** Posts each graded assignment to the host; null when not framed (nobody to tell). */
function useResultReporter(lessonId: string): OnAssignmentGraded | null {
  return useMemo(() => {
    if (!isFramed()) return null;
    return (graded) =>
      postToHost({
        type: 'scaling-lab:assignment-result',
        lesson: lessonId,
        assignment: graded.assignmentId,
        kind: graded.kind,
        pass: graded.pass,
      });
  }, [lessonId]);
}

/** Embed page: finds the lesson by id and renders it for an iframe. */
export default function EmbedPage() {
  const { lessonId } = useParams();
  const [search] = useSearchParams();
  const lesson = findLesson(lessonId);
  const root = useRef<HTMLDivElement>(null);
  useHostMessages(lessonId ?? '', root);
  const onGraded = useResultReporter(lessonId ?? '');

  const prompt = teacherPrompt(search.get('prompt'));
  const live = lesson !== undefined && lesson.status === 'live' && lesson.view !== undefined;

  return (
    <div ref={root} className="embed-root">
      <title>{lesson ? `${lesson.title} · Scaling Lab` : 'Scaling Lab'}</title>
      <main className="page page-embed">
        {prompt !== undefined && (
          <aside className="teacher-prompt" aria-label="Your teacher says">
            <p className="teacher-prompt-label">Your teacher says</p>
            <p className="teacher-prompt-text">{prompt}</p>
          </aside>
        )}
        {lesson === undefined && (
          <>
            <h1>Lesson not found</h1>
            <p>This embed points at a lesson the lab does not have. Check the lesson id.</p>
          </>
        )}
        {lesson !== undefined && !live && (
          <>
            <h1>{lesson.title}</h1>
            <p>This lesson is coming next and cannot be embedded yet. {lesson.summary}</p>
          </>
        )}
        {live && (
          <AssignmentGradedContext value={onGraded}>
            <LessonBody lesson={lesson} embedded />
          </AssignmentGradedContext>
        )}
      </main>
    </div>
  );
}
