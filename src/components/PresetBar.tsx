// Buttons that load a lesson preset (several parameters at once), each described for
// pointer users by a tooltip and for screen readers by aria-describedby.
import { useId } from 'react';
import type { Preset } from '../lessons/types.ts';

/** Props of {@link PresetBar}. */
export interface PresetBarProps {
  readonly presets: readonly Preset[];
  readonly onApply: (preset: Preset) => void;
  /** The preset whose values are loaded now; when given, buttons expose `aria-pressed`. */
  readonly activeId?: string | undefined;
  readonly disabled?: boolean | undefined;
  /** Heading above the buttons. */
  readonly label?: string | undefined;
}

/** A row of preset buttons; renders nothing when there are no presets. */
export function PresetBar({
  presets,
  onApply,
  activeId,
  disabled = false,
  label = 'Presets',
}: PresetBarProps) {
  const id = useId();
  if (presets.length === 0) return null;
  return (
    <div className="preset-bar" role="group" aria-labelledby={`${id}-label`}>
      <p id={`${id}-label`} className="preset-bar-label">
        {label}
      </p>
      <ul className="preset-list">
        {presets.map((preset) => {
          const descId = `${id}-${preset.id}`;
          return (
            <li key={preset.id}>
              <button
                type="button"
                className="preset-button"
                title={preset.description}
                aria-describedby={descId}
                aria-pressed={activeId === undefined ? undefined : activeId === preset.id}
                disabled={disabled}
                onClick={() => onApply(preset)}
              >
                {preset.label}
              </button>
              <span id={descId} className="visually-hidden">
                {preset.description}
              </span>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
