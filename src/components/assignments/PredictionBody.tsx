// A prediction: the learner commits a guess, the assignment's own scenario runs, and the panel
// shows whether the guess matched, the figures that decide it and why each option is right or not.
import { useId, useState } from 'react';
import { gradePrediction, predictionScenario } from '../../sim/assignments.ts';
import type { PredictionAssignment } from '../../sim/assignments.ts';
import type { RunResult, Scenario } from '../../sim/scenario.ts';
import { Feedback, OptionGroup } from './shared.tsx';
import type { BodyProps, VerdictLabels } from './shared.tsx';
import { useSimulationRun } from './useSimulationRun.ts';

const LABELS: VerdictLabels = {
  passed: 'Your prediction matched',
  failed: 'Your prediction did not match',
  answered: 'Saved',
};

export interface PredictionBodyProps extends BodyProps<PredictionAssignment> {
  readonly lessonId: string;
  readonly seed: number;
  readonly runScenario: (scenario: Scenario) => Promise<RunResult>;
}

/** The prediction's options, commit and retry, and the explanations once it has run. */
export function PredictionBody(props: PredictionBodyProps) {
  const { assignment: a, record, save, lessonId, seed } = props;
  const name = useId();
  const [guess, setGuess] = useState(record?.answer ?? '');
  const [committed, setCommitted] = useState(record?.answer !== undefined);
  // After a reload only a matched guess tells us what the run showed.
  const [outcomeId, setOutcomeId] = useState<string | null>(
    record?.status === 'passed' ? (record.answer ?? null) : null,
  );
  const [note, setNote] = useState<string | null>(null);
  const { pending, error, run } = useSimulationRun(props.runScenario);
  const shown = committed && !pending && !error && record !== undefined;

  const commit = async (): Promise<void> => {
    if (pending) return;
    if (!a.options.some((o) => o.id === guess)) {
      setNote('Pick one of the options first.');
      return;
    }
    setNote(null);
    setCommitted(true);
    const scenario = predictionScenario(lessonId, seed, a);
    const verdict = await run(scenario, (result) => gradePrediction(a, guess, result));
    if (!verdict) {
      setCommitted(false);
      return;
    }
    setOutcomeId(verdict.outcomeId);
    save({
      status: verdict.pass ? 'passed' : 'failed',
      answer: guess,
      feedback: verdict.feedback,
      scenario,
    });
  };

  const tryAgain = (): void => {
    setCommitted(false);
    setOutcomeId(null);
    setNote(null);
  };

  return (
    <>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void commit();
        }}
      >
        <OptionGroup
          legend="Your prediction"
          name={name}
          options={a.options}
          value={guess}
          disabled={committed || pending}
          onChange={(id) => {
            setGuess(id);
            setNote(null);
          }}
        />
        {/* aria-disabled, not disabled, while the run is out: a disabled button drops
            keyboard focus to the page. Commit and Try again share one element, so focus stays. */}
        <div className="assignment__actions">
          {committed ? (
            <button
              type="button"
              onClick={() => {
                if (!pending) tryAgain();
              }}
              aria-disabled={pending}
            >
              Try again
            </button>
          ) : (
            <button type="submit" aria-disabled={pending}>
              Commit my prediction
            </button>
          )}
        </div>
      </form>
      <Feedback
        pending={pending}
        error={error}
        note={note}
        record={committed ? record : undefined}
        labels={LABELS}
      />
      {shown && (
        <ul className="assignment__explanations" aria-label="Why each option is right or wrong">
          {a.options.map((o) => (
            <li key={o.id}>
              <strong>{o.label}</strong>
              {o.id === guess && ' (your prediction)'}
              {o.id === outcomeId && ' (what the run showed)'}: {o.explanation}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
