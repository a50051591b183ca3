// An open reflection: the learner writes an answer (saved), then compares it with the model
// answer and ticks the rubric points it covers (also saved). Nothing here is graded.
import { useId, useState } from 'react';
import type { ReflectionAssignment } from '../../sim/assignments.ts';
import type { AssignmentRecordDraft } from '../../state/progress.ts';
import { Feedback, Paragraphs } from './shared.tsx';
import type { BodyProps } from './shared.tsx';

/** The textarea, save and reveal buttons, the model answer and the rubric checkboxes. */
export function ReflectionBody({ assignment: a, record, save }: BodyProps<ReflectionAssignment>) {
  const id = useId();
  const [text, setText] = useState(record?.answer ?? '');
  const [revealed, setRevealed] = useState(record?.rubricChecked !== undefined);
  const [note, setNote] = useState<string | null>(null);
  const ticked = record?.rubricChecked ?? [];

  const saveWith = (rubricChecked: readonly number[] | undefined, feedback: string): void => {
    const draft: AssignmentRecordDraft = {
      status: 'answered',
      feedback,
      ...(text.trim() !== '' ? { answer: text } : {}),
      ...(rubricChecked ? { rubricChecked } : {}),
    };
    setNote(null);
    save(draft);
  };

  const saveAnswer = (): void => {
    if (text.trim() === '') {
      setNote('Write your answer first.');
      return;
    }
    saveWith(revealed ? ticked : undefined, 'Your answer is saved.');
  };

  const reveal = (): void => {
    setRevealed(true);
    saveWith(ticked, 'Compare your answer with the model answer and tick each point it covers.');
  };

  const toggle = (index: number, on: boolean): void => {
    const next = on
      ? [...new Set([...ticked, index])].sort((x, y) => x - y)
      : ticked.filter((i) => i !== index);
    saveWith(next, `You ticked ${next.length} of ${a.rubric.length} points of the rubric.`);
  };

  return (
    <>
      <label htmlFor={`${id}-answer`}>Your answer</label>
      <textarea
        id={`${id}-answer`}
        rows={5}
        value={text}
        onChange={(e) => setText(e.target.value)}
      />
      <div className="assignment__actions">
        <button type="button" onClick={saveAnswer}>
          Save my answer
        </button>
        {!revealed && (
          <button type="button" onClick={reveal}>
            Show model answer
          </button>
        )}
      </div>
      {revealed && (
        <div className="assignment__model-answer">
          <h4>Model answer</h4>
          <Paragraphs text={a.modelAnswer} />
          <fieldset>
            <legend>Tick each point your answer covers</legend>
            {a.rubric.map((point, i) => (
              <label key={i}>
                <input
                  type="checkbox"
                  checked={ticked.includes(i)}
                  onChange={(e) => toggle(i, e.target.checked)}
                />{' '}
                {point}
              </label>
            ))}
          </fieldset>
        </div>
      )}
      <Feedback note={note} record={record} />
    </>
  );
}
