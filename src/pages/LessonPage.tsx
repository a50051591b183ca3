// The full-page lesson route `/lessons/:lessonId`: site chrome plus the lesson's own view,
// a "coming soon" page for announced lessons, and not-found for unknown ids.
import { Link, useParams } from 'react-router';
import { findLesson } from '../lessons/registry.ts';
import type { LessonDefinition } from '../lessons/types.ts';
import { MAIN_CONTENT_ID, SiteHeader } from '../components/SiteHeader.tsx';
import { LessonBody } from './LessonBody.tsx';
import NotFoundPage from './NotFoundPage.tsx';

function ComingLesson({ lesson }: { readonly lesson: LessonDefinition }) {
  return (
    <main id={MAIN_CONTENT_ID} className="page page-narrow">
      <p className="eyebrow">Coming next</p>
      <h1>{lesson.title}</h1>
      <p>{lesson.summary}</p>
      <p>
        This lesson is still being built. In the meantime, the live lessons are ready to explore.
      </p>
      <p>
        <Link to="/">See all lessons</Link>
      </p>
    </main>
  );
}

/** Lesson page: finds the lesson by the route's id and renders it with site chrome. */
export default function LessonPage() {
  const { lessonId } = useParams();
  const lesson = findLesson(lessonId);
  if (lesson === undefined) return <NotFoundPage />;
  const live = lesson.status === 'live' && lesson.view !== undefined;
  return (
    <>
      <title>{`${lesson.title} · Scaling Lab`}</title>
      <SiteHeader />
      {live ? (
        <main id={MAIN_CONTENT_ID} className="page page-lesson">
          <LessonBody lesson={lesson} embedded={false} />
        </main>
      ) : (
        <ComingLesson lesson={lesson} />
      )}
    </>
  );
}
