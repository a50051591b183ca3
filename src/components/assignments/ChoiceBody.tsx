// A multiple-choice question: pick one option, check it, and read why it is right or wrong.
import { useId, useState } from 'react';
import { gradeChoice } from '../../sim/assignments.ts';
import type { ChoiceAssignment } from '../../sim/assignments.ts';
import { Feedback, OptionGroup } from './shared.tsx';
import type { BodyProps } from './shared.tsx';

/** The options as a radio group, a Check button and the feedback with the explanation. */
export function ChoiceBody({ assignment: a, record, save }: BodyProps<ChoiceAssignment>) {
  const name = useId();
  const [choice, setChoice] = useState(record?.answer ?? '');
  const [note, setNote] = useState<string | null>(null);

  const check = (): void => {
    const verdict = gradeChoice(a, choice);
    if (!a.options.some((o) => o.id === choice)) {
      setNote(verdict.feedback);
      return;
    }
    setNote(null);
    save({
      status: verdict.pass ? 'passed' : 'failed',
      answer: choice,
      feedback: verdict.feedback,
    });
  };

  return (
    <>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          check();
        }}
      >
        <OptionGroup
          legend="Your answer"
          name={name}
          options={a.options}
          value={choice}
          onChange={(id) => {
            setChoice(id);
            setNote(null);
          }}
        />
        <div className="assignment__actions">
          <button type="submit">Check</button>
        </div>
      </form>
      <Feedback note={note} record={record} />
    </>
  );
}
