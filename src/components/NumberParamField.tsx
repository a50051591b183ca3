// One number parameter: a range slider (linear or log) and an exact number box bound to the
// same value. The box commits on blur or Enter, clamping through the parameter schema.
import { useId, useState, type KeyboardEvent } from 'react';
import { coerceParam, type NumberParamSpec } from '../sim/params.ts';
import {
  formatWithUnit,
  fromSliderPosition,
  LOG_SLIDER_STEPS,
  numberInputText,
  toSliderPosition,
  usesLogScale,
} from './paramScale.ts';

/** Props of {@link NumberParamField}. */
export interface NumberParamFieldProps {
  readonly spec: NumberParamSpec;
  readonly value: number;
  readonly onChange: (name: string, value: number) => void;
  readonly disabled: boolean;
  /** Ids of elements describing the parameter (help text, lock note). */
  readonly describedBy: string;
}

/** Slider plus exact number input for a {@link NumberParamSpec}. */
export function NumberParamField({
  spec,
  value,
  onChange,
  disabled,
  describedBy,
}: NumberParamFieldProps) {
  const id = useId();
  const sliderId = `${id}-slider`;
  const rangeId = `${id}-range`;
  const messageId = `${id}-message`;
  const [draft, setDraft] = useState<string | null>(null);
  const [message, setMessage] = useState('');
  const log = usesLogScale(spec);

  const commitValue = (next: number) => {
    if (next !== value) onChange(spec.name, next);
  };

  const commitDraft = () => {
    if (draft === null) return;
    const result = coerceParam(spec, draft, true);
    setDraft(null);
    if (!result.ok || typeof result.value !== 'number') {
      setMessage(`Not a valid value; kept ${formatWithUnit(value, spec.unit)}.`);
      return;
    }
    setMessage(result.adjusted ? `Adjusted: ${result.adjusted}.` : '');
    commitValue(result.value);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Enter') {
      event.preventDefault();
      commitDraft();
    } else if (event.key === 'Escape' && draft !== null) {
      setDraft(null);
      setMessage('');
    }
  };

  return (
    <div className="param-number">
      <label className="param-label" htmlFor={sliderId}>
        {spec.label}
      </label>
      <div className="param-number-controls">
        <input
          id={sliderId}
          type="range"
          className="param-slider"
          min={log ? 0 : spec.min}
          max={log ? LOG_SLIDER_STEPS : spec.max}
          step={log ? 1 : spec.step}
          value={toSliderPosition(spec, value)}
          aria-valuetext={formatWithUnit(value, spec.unit)}
          aria-describedby={`${rangeId} ${describedBy}`}
          disabled={disabled}
          onChange={(e) => {
            setMessage('');
            commitValue(fromSliderPosition(spec, Number(e.currentTarget.value), value));
          }}
        />
        <span className="param-exact">
          <input
            type="number"
            className="param-input"
            inputMode={spec.integer ? 'numeric' : 'decimal'}
            min={spec.min}
            max={spec.max}
            step={spec.integer ? Math.max(1, spec.step) : 'any'}
            value={draft ?? numberInputText(value)}
            aria-label={`${spec.label}, exact value${spec.unit ? ` in ${spec.unit}` : ''}`}
            aria-describedby={`${rangeId} ${messageId} ${describedBy}`}
            disabled={disabled}
            onChange={(e) => setDraft(e.currentTarget.value)}
            onBlur={commitDraft}
            onKeyDown={onKeyDown}
          />
          {spec.unit && <span className="param-unit">{spec.unit}</span>}
        </span>
      </div>
      <p id={rangeId} className="param-range">
        {formatWithUnit(spec.min, spec.unit)} to {formatWithUnit(spec.max, spec.unit)}
        {log ? ', log scale' : ''}
      </p>
      <p id={messageId} className="param-message" aria-live="polite">
        {message}
      </p>
    </div>
  );
}
