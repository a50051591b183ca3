// The frame every lesson page shares: session status, the main column (the lesson's own
// simulation views, then its text and assignments) and the controls column.
import { useCallback, type ReactNode } from 'react';
import type { Assignment } from '../sim/assignments.ts';
import type { LessonContent } from '../sim/content.ts';
import type { LessonSchema } from '../sim/model.ts';
import type { ParamValue } from '../sim/params.ts';
import type { LessonPreset } from '../sim/presets.ts';
import type { Scenario } from '../sim/scenario.ts';
import type { LessonSession } from '../state/lessonSession.ts';
import { useSession } from '../state/useLessonSession.ts';
import { AssignmentPanel } from './AssignmentPanel.tsx';
import { LessonControls } from './LessonControls.tsx';
import { LessonProse } from './LessonProse.tsx';
import { SessionStatus } from './SessionStatus.tsx';

interface Props {
  readonly session: LessonSession;
  readonly schema: LessonSchema;
  readonly content: LessonContent;
  /** A sentence describing the lesson's diagram for screen readers. */
  readonly diagramLabel: string;
  readonly assignments: readonly Assignment[];
  readonly presets: readonly LessonPreset[];
  /** The lesson's simulation views (canvases, readouts, charts). */
  readonly children: ReactNode;
  /** Playback speeds to offer instead of the shared list. */
  readonly speeds?: readonly number[] | undefined;
  /** A second reading of the simulated clock in the playback bar. */
  readonly clockText?: ((simTimeS: number) => string) | undefined;
}

export function LessonLayout(props: Props) {
  const { session, schema } = props;
  const s = useSession(session, (st) => ({ params: st.params, seed: st.seed }));
  const runScenario = useCallback((scenario: Scenario) => session.runToEnd(scenario), [session]);
  const onSetup = useCallback(
    (params: Readonly<Record<string, ParamValue>>) => session.applyParams(params),
    [session],
  );
  return (
    <>
      <SessionStatus session={session} />
      <div className="lesson-layout">
        <div className="lesson-main">
          {props.children}
          <LessonProse content={props.content} diagramLabel={props.diagramLabel} />
          <AssignmentPanel
            lessonId={schema.id}
            assignments={props.assignments}
            currentParams={s.params}
            seed={s.seed}
            runScenario={runScenario}
            onSetup={onSetup}
            paramGroups={schema.paramGroups}
          />
        </div>
        <aside className="lesson-side" aria-label="Controls">
          <LessonControls
            session={session}
            presets={props.presets}
            speeds={props.speeds}
            clockText={props.clockText}
          />
        </aside>
      </div>
    </>
  );
}
