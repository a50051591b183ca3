// Small pieces every assignment kind shares: prompt paragraphs, the status line, the radio
// group and the live feedback region that screen readers announce.
import type { ReactNode } from 'react';
import type { ChoiceOption } from '../../sim/assignments.ts';
import type {
  AssignmentRecord,
  AssignmentRecordDraft,
  AssignmentStatus,
} from '../../state/progress.ts';

/** Splits plain text into paragraphs at blank lines. */
export function paragraphs(text: string): string[] {
  return text
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter((p) => p !== '');
}

/** Plain text rendered as paragraphs (never as markup). */
export function Paragraphs({ text }: { readonly text: string }) {
  return (
    <>
      {paragraphs(text).map((p, i) => (
        <p key={i}>{p}</p>
      ))}
    </>
  );
}

const STATUS_TEXT: Readonly<Record<AssignmentStatus, string>> = {
  passed: 'Passed',
  failed: 'Not passed yet',
  answered: 'Answered',
};

/** "Status: Passed" and so on, in words so it never depends on colour. */
export function StatusLine({ record }: { readonly record: AssignmentRecord | undefined }) {
  const status = record?.status;
  return (
    <p className="assignment__status" data-status={status ?? 'none'}>
      Status: {status ? STATUS_TEXT[status] : 'Not started'}
    </p>
  );
}

/** Words that open the feedback line, per status. */
export type VerdictLabels = Readonly<Record<AssignmentStatus, string>>;

/** The default feedback labels: pass and fail said in words. */
export const VERDICT_LABELS: VerdictLabels = {
  passed: 'Passed',
  failed: 'Not passed',
  answered: 'Saved',
};

export interface FeedbackProps {
  /** A run is in progress: says so instead of anything else. */
  readonly pending?: boolean;
  readonly error?: string | null;
  /** A hint that is not a grade, such as "Pick one of the options." */
  readonly note?: string | null;
  /** The saved grade to show, if any. */
  readonly record?: AssignmentRecord | undefined;
  readonly labels?: VerdictLabels;
}

/** The polite live region inside each assignment; always rendered so changes are announced. */
export function Feedback({ pending, error, note, record, labels = VERDICT_LABELS }: FeedbackProps) {
  let content: ReactNode = null;
  if (pending) content = <p>Running the simulation…</p>;
  else if (error) content = <p className="assignment__error">{error}</p>;
  else if (note) content = <p>{note}</p>;
  else if (record) {
    content = (
      <p key={record.updatedAt} className="assignment__verdict" data-status={record.status}>
        <strong>{labels[record.status]}:</strong> {record.feedback}
      </p>
    );
  }
  return (
    <div className="assignment__feedback" aria-live="polite">
      {content}
    </div>
  );
}

export interface OptionGroupProps {
  readonly legend: string;
  /** Unique per group so radios of different assignments never share a name. */
  readonly name: string;
  readonly options: readonly ChoiceOption[];
  readonly value: string;
  readonly disabled?: boolean;
  readonly onChange: (optionId: string) => void;
}

/** A fieldset of labelled radio buttons. */
export function OptionGroup({
  legend,
  name,
  options,
  value,
  disabled,
  onChange,
}: OptionGroupProps) {
  return (
    <fieldset className="assignment__options" disabled={disabled}>
      <legend>{legend}</legend>
      {options.map((o) => (
        <label key={o.id}>
          <input
            type="radio"
            name={name}
            value={o.id}
            checked={value === o.id}
            onChange={() => onChange(o.id)}
          />{' '}
          {o.label}
        </label>
      ))}
    </fieldset>
  );
}

/** What every kind's body receives: its assignment, its saved record and a way to save. */
export interface BodyProps<A> {
  readonly assignment: A;
  readonly record: AssignmentRecord | undefined;
  readonly save: (draft: AssignmentRecordDraft) => void;
}
