// The home page: a short pitch and the catalogue of lessons, live ones linked, coming ones
// labelled. It must stay light: no charts, no simulation code beyond the registry.
import { Link } from 'react-router';
import { lessons } from '../lessons/registry.ts';
import type { LessonDefinition } from '../lessons/types.ts';
import { MAIN_CONTENT_ID, SiteHeader } from '../components/SiteHeader.tsx';

function LessonCard({ lesson }: { readonly lesson: LessonDefinition }) {
  const live = lesson.status === 'live' && lesson.view !== undefined;
  const headingId = `lesson-card-${lesson.id}`;
  return (
    <li className={live ? 'lesson-card' : 'lesson-card lesson-card--coming'}>
      <article aria-labelledby={headingId}>
        <h3 id={headingId} className="lesson-card-title">
          {live ? <Link to={`/lessons/${lesson.id}`}>{lesson.title}</Link> : lesson.title}
        </h3>
        <p className="lesson-card-summary">{lesson.summary}</p>
        {live ? (
          <p className="lesson-card-status lesson-card-status--live">Open the lesson</p>
        ) : (
          <p className="lesson-card-status">Coming next</p>
        )}
      </article>
    </li>
  );
}

/** Pitch plus the catalogue of lessons from the registry. */
export default function HomePage() {
  return (
    <>
      <title>Scaling Lab: see how scalable systems behave</title>
      <SiteHeader />
      <main id={MAIN_CONTENT_ID} className="page">
        <section className="hero" aria-labelledby="hero-title">
          <h1 id="hero-title">See how scalable systems really behave</h1>
          <p className="hero-lead">
            Every lesson is a small, honest simulation: drag a slider, watch requests flow through
            load balancers, rate limiters, autoscalers and caches, read the live charts, and prove
            what you learned with assignments graded by running the simulation.
          </p>
        </section>
        <section aria-labelledby="catalogue-title">
          <h2 id="catalogue-title">Lessons</h2>
          <ul className="lesson-grid">
            {lessons.map((lesson) => (
              <LessonCard key={lesson.id} lesson={lesson} />
            ))}
          </ul>
        </section>
      </main>
    </>
  );
}
