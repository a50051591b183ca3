// A lesson's assignments: each rendered as an article by kind, graded in place (challenges and
// predictions by running the simulation), with the learner's saved progress shown on load.
import { useCallback, useContext, useId } from 'react';
import type { Assignment } from '../sim/assignments.ts';
import type { ParamGroup, ParamValue } from '../sim/params.ts';
import type { RunResult, Scenario } from '../sim/scenario.ts';
import { getRecord, selectRecord, selectStorageProblem, useProgress } from '../state/progress.ts';
import type { AssignmentRecordDraft, StorageProblem } from '../state/progress.ts';
import { ChallengeBody } from './assignments/ChallengeBody.tsx';
import { ChoiceBody } from './assignments/ChoiceBody.tsx';
import { AssignmentGradedContext } from './assignments/gradedContext.ts';
import { NumericBody } from './assignments/NumericBody.tsx';
import { PredictionBody } from './assignments/PredictionBody.tsx';
import { ReflectionBody } from './assignments/ReflectionBody.tsx';
import { Paragraphs, StatusLine } from './assignments/shared.tsx';

export interface AssignmentPanelProps {
  readonly lessonId: string;
  readonly assignments: readonly Assignment[];
  /** The learner's parameters right now; a challenge check runs these with its `fixed` on top. */
  readonly currentParams: Readonly<Record<string, ParamValue>>;
  /** The learner's seed; challenge and prediction runs use it so results match the lesson. */
  readonly seed: number;
  /** Runs a scenario to its end (in the Worker) and resolves with its result. */
  readonly runScenario: (scenario: Scenario) => Promise<RunResult>;
  /** Loads a challenge's starting parameters into the lesson; without it there is no Set up. */
  readonly onSetup?: (params: Readonly<Record<string, ParamValue>>) => void;
  /** The lesson's parameter schema: challenges then name parameters by label. */
  readonly paramGroups?: readonly ParamGroup[];
}

const STORAGE_NOTES: Readonly<Record<StorageProblem, string>> = {
  unavailable: 'This browser is not keeping your progress: it will be lost when you leave.',
  'newer-version':
    'Your progress was saved by a newer version of the lab; changes made here will not be kept.',
};

type CardProps = Omit<AssignmentPanelProps, 'assignments'> & { readonly assignment: Assignment };

/** One assignment as an article: title, status, prompt, then the controls for its kind. */
function AssignmentCard(props: CardProps) {
  const { lessonId, assignment: a } = props;
  const headingId = useId();
  const record = useProgress(selectRecord(lessonId, a.id));
  const onGraded = useContext(AssignmentGradedContext);
  const save = useCallback(
    (draft: AssignmentRecordDraft) => {
      useProgress.getState().record(lessonId, a.id, draft);
      // Only a grade is reported: a reflection's 'answered' is not graded.
      if (onGraded !== null && draft.status !== 'answered') {
        onGraded({ lessonId, assignmentId: a.id, kind: a.kind, pass: draft.status === 'passed' });
      }
    },
    [lessonId, a.id, a.kind, onGraded],
  );
  const common = { record, save };
  const run = { lessonId, seed: props.seed, runScenario: props.runScenario };
  let body;
  switch (a.kind) {
    case 'challenge':
      body = (
        <ChallengeBody
          {...common}
          {...run}
          assignment={a}
          currentParams={props.currentParams}
          onSetup={props.onSetup}
          paramGroups={props.paramGroups}
        />
      );
      break;
    case 'prediction':
      body = <PredictionBody {...common} {...run} assignment={a} />;
      break;
    case 'numeric':
      body = <NumericBody {...common} assignment={a} />;
      break;
    case 'choice':
      body = <ChoiceBody {...common} assignment={a} />;
      break;
    case 'reflection':
      body = <ReflectionBody {...common} assignment={a} />;
      break;
  }
  return (
    <article className="assignment" data-kind={a.kind} aria-labelledby={headingId}>
      <h3 id={headingId}>{a.title}</h3>
      <StatusLine record={record} />
      <Paragraphs text={a.prompt} />
      {body}
    </article>
  );
}

/** Every assignment of a lesson, with a count of those done and a note when progress is not kept. */
export function AssignmentPanel(props: AssignmentPanelProps) {
  const { lessonId, assignments } = props;
  const headingId = useId();
  const storageProblem = useProgress(selectStorageProblem);
  const done = useProgress(
    (s) =>
      assignments.filter((a) => {
        const status = getRecord(s.progress, lessonId, a.id)?.status;
        return status === 'passed' || status === 'answered';
      }).length,
  );
  if (assignments.length === 0) return null;
  return (
    <section className="assignment-panel" aria-labelledby={headingId}>
      <h2 id={headingId}>Assignments</h2>
      <p>
        {done} of {assignments.length} done.
      </p>
      {storageProblem && <p className="assignment-panel__note">{STORAGE_NOTES[storageProblem]}</p>}
      {assignments.map((a) => (
        <AssignmentCard key={a.id} {...props} assignment={a} />
      ))}
    </section>
  );
}
