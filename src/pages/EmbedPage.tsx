// The iframe route `/embed/:lessonId`: the lesson without site chrome, an optional teacher
// prompt (plain text only) and height/ready messages to the hosting page.
import { useEffect, useRef, type RefObject } from 'react';
import { useParams, useSearchParams } from 'react-router';
import { findLesson } from '../lessons/registry.ts';
import { isFramed, postToHost, teacherPrompt } from './embedMessages.ts';
import { LessonBody } from './LessonBody.tsx';

/** Tells the host when the page is ready and whenever its height changes. */
function useHostMessages(lessonId: string, root: RefObject<HTMLElement | null>): void {
  useEffect(() => {
    if (!isFramed()) return undefined;
    postToHost({ type: 'scaling-lab:ready', lesson: lessonId });
    const el = root.current;
    if (el === null || typeof ResizeObserver === 'undefined') return undefined;
    let lastHeight = -1;
    const report = () => {
      const height = Math.ceil(el.getBoundingClientRect().height);
      if (height === lastHeight) return;
      lastHeight = height;
      postToHost({ type: 'scaling-lab:resize', height });
    };
    const observer = new ResizeObserver(report);
    observer.observe(el);
    report();
    return () => observer.disconnect();
  }, [lessonId, root]);
}

/** Embed page: finds the lesson by id and renders it for an iframe. */
export default function EmbedPage() {
  const { lessonId } = useParams();
  const [search] = useSearchParams();
  const lesson = findLesson(lessonId);
  const root = useRef<HTMLDivElement>(null);
  useHostMessages(lessonId ?? '', root);

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
        {live && <LessonBody lesson={lesson} embedded />}
      </main>
    </div>
  );
}
