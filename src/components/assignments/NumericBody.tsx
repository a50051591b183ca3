// A numeric answer with a unit, graded against the expected value within its tolerance.
import { useId, useState } from 'react';
import { gradeNumeric } from '../../sim/assignments.ts';
import type { NumericAssignment } from '../../sim/assignments.ts';
import { Feedback } from './shared.tsx';
import type { BodyProps } from './shared.tsx';

/** A labelled number input with its unit, a Check button and the feedback. */
export function NumericBody({ assignment: a, record, save }: BodyProps<NumericAssignment>) {
  const id = useId();
  const [text, setText] = useState(record?.answer ?? '');
  const [note, setNote] = useState<string | null>(null);

  const check = (): void => {
    const value = text.trim() === '' ? Number.NaN : Number(text);
    const verdict = gradeNumeric(a, value);
    if (!Number.isFinite(value)) {
      setNote(verdict.feedback);
      return;
    }
    setNote(null);
    save({
      status: verdict.pass ? 'passed' : 'failed',
      answer: text.trim(),
      feedback: verdict.feedback,
    });
  };

  return (
    <>
      <form
        className="assignment__numeric"
        onSubmit={(e) => {
          e.preventDefault();
          check();
        }}
      >
        <label htmlFor={`${id}-value`}>Your answer</label>{' '}
        <input
          id={`${id}-value`}
          type="number"
          step="any"
          inputMode="decimal"
          value={text}
          aria-describedby={`${id}-unit`}
          onChange={(e) => setText(e.target.value)}
        />{' '}
        <span id={`${id}-unit`}>{a.unit}</span> <button type="submit">Check</button>
      </form>
      <Feedback note={note} record={record} />
    </>
  );
}
