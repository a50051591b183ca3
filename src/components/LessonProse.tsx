// The text every lesson shows under its simulation: what to notice, the key ideas, the diagram
// of the simulated system and the model's assumptions, all from the lesson's content data.
import type { LessonContent } from '../sim/content.ts';
import { AssumptionsPanel } from './AssumptionsPanel.tsx';
import { LazyMermaid } from './LazyMermaid.tsx';

interface Props {
  readonly content: LessonContent;
  /** A sentence describing the diagram for screen readers. */
  readonly diagramLabel: string;
}

export function LessonProse({ content, diagramLabel }: Props) {
  return (
    <>
      <section className="lesson-prose panel" aria-labelledby="notice-heading">
        <h2 id="notice-heading">What to notice</h2>
        <ul>
          {content.notice.map((n) => (
            <li key={n}>{n}</li>
          ))}
        </ul>
      </section>
      {content.sections.map((section) => (
        <section key={section.title} className="lesson-prose">
          <h2>{section.title}</h2>
          {section.paragraphs.map((p) => (
            <p key={p}>{p}</p>
          ))}
        </section>
      ))}
      <section className="lesson-prose" aria-labelledby="diagram-heading">
        <h2 id="diagram-heading">The system being simulated</h2>
        <LazyMermaid definition={content.diagram} label={diagramLabel} />
        <AssumptionsPanel assumptions={content.assumptions} title="What this model assumes" />
      </section>
    </>
  );
}
