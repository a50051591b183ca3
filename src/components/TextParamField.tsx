// One free-text parameter (for example a list of weights): validated by the parameter schema
// on blur or Enter; an invalid value shows why and is not committed.
import { useId, useState, type KeyboardEvent } from 'react';
import { coerceParam, type TextParamSpec } from '../sim/params.ts';

/** Props of {@link TextParamField}. */
export interface TextParamFieldProps {
  readonly spec: TextParamSpec;
  readonly value: string;
  readonly onChange: (name: string, value: string) => void;
  readonly disabled: boolean;
  /** Ids of elements describing the parameter (help text, lock note). */
  readonly describedBy: string;
}

/** Text input for a {@link TextParamSpec}. */
export function TextParamField({
  spec,
  value,
  onChange,
  disabled,
  describedBy,
}: TextParamFieldProps) {
  const id = useId();
  const inputId = `${id}-input`;
  const messageId = `${id}-message`;
  const [draft, setDraft] = useState<string | null>(null);
  const [problem, setProblem] = useState('');

  const commit = () => {
    if (draft === null) return;
    const result = coerceParam(spec, draft, true);
    if (!result.ok || typeof result.value !== 'string') {
      setProblem(`Not applied: ${spec.patternHelp} (at most ${spec.maxLength} characters).`);
      return;
    }
    setProblem('');
    setDraft(null);
    if (result.value !== value) onChange(spec.name, result.value);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Enter') {
      event.preventDefault();
      commit();
    } else if (event.key === 'Escape' && draft !== null) {
      setDraft(null);
      setProblem('');
    }
  };

  return (
    <div className="param-text">
      <label className="param-label" htmlFor={inputId}>
        {spec.label}
      </label>
      <input
        id={inputId}
        type="text"
        className="param-input param-input--text"
        value={draft ?? value}
        maxLength={spec.maxLength}
        spellCheck={false}
        autoComplete="off"
        aria-invalid={problem !== ''}
        aria-describedby={`${messageId} ${describedBy}`}
        disabled={disabled}
        onChange={(e) => setDraft(e.currentTarget.value)}
        onBlur={commit}
        onKeyDown={onKeyDown}
      />
      <p id={messageId} className="param-message param-message--error" aria-live="polite">
        {problem}
      </p>
    </div>
  );
}
