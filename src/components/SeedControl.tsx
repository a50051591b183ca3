// The random seed of a run: an exact number box and a "New seed" button. The parent picks new
// seeds, so the simulation itself never needs a source of randomness.
import { useId, useState, type KeyboardEvent } from 'react';

/** Largest seed: seeds are unsigned 32-bit integers. */
export const MAX_SEED = 4294967295;

/** Props of {@link SeedControl}. */
export interface SeedControlProps {
  readonly seed: number;
  /** Called with a valid seed (an integer from 0 to {@link MAX_SEED}) typed by the learner. */
  readonly onSeed: (seed: number) => void;
  /** Asks the parent to pick and apply a fresh seed. */
  readonly onNewSeed: () => void;
  readonly disabled?: boolean | undefined;
}

/** Parses a typed seed; `undefined` when it is not a whole number in range. */
export function parseSeed(text: string): number | undefined {
  const trimmed = text.trim();
  if (!/^\d{1,10}$/.test(trimmed)) return undefined;
  const n = Number(trimmed);
  return n <= MAX_SEED ? n : undefined;
}

/** Seed box plus "New seed" button. */
export function SeedControl({ seed, onSeed, onNewSeed, disabled = false }: SeedControlProps) {
  const id = useId();
  const inputId = `${id}-seed`;
  const helpId = `${id}-help`;
  const messageId = `${id}-message`;
  const [draft, setDraft] = useState<string | null>(null);
  const [problem, setProblem] = useState('');

  const commit = () => {
    if (draft === null) return;
    const parsed = parseSeed(draft);
    setDraft(null);
    if (parsed === undefined) {
      setProblem(`Seeds are whole numbers from 0 to ${MAX_SEED}; kept ${seed}.`);
      return;
    }
    setProblem('');
    if (parsed !== seed) onSeed(parsed);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Enter') {
      event.preventDefault();
      commit();
    } else if (event.key === 'Escape') {
      setDraft(null);
      setProblem('');
    }
  };

  return (
    <div className="seed-control">
      <label htmlFor={inputId}>Seed</label>
      <input
        id={inputId}
        type="number"
        className="param-input seed-input"
        inputMode="numeric"
        min={0}
        max={MAX_SEED}
        step={1}
        value={draft ?? String(seed)}
        aria-describedby={`${helpId} ${messageId}`}
        disabled={disabled}
        onChange={(e) => setDraft(e.currentTarget.value)}
        onBlur={commit}
        onKeyDown={onKeyDown}
      />
      <button type="button" onClick={onNewSeed} disabled={disabled}>
        New seed
      </button>
      <p id={helpId} className="param-help">
        The same seed and settings always give the same run.
      </p>
      <p id={messageId} className="param-message" aria-live="polite">
        {problem}
      </p>
    </div>
  );
}
