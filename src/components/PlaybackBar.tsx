// Playback controls for a running simulation: play/pause, single step, reset, speed, the
// simulated clock, and a note when the simulation cannot keep up with the asked speed.
import { useId } from 'react';

/** Speeds offered, in simulated seconds per wall-clock second. */
export const PLAYBACK_SPEEDS: readonly number[] = [
  0.1, 0.25, 0.5, 1, 2, 5, 10, 25, 50, 100, 250, 500,
];

/** Props of {@link PlaybackBar}. */
export interface PlaybackBarProps {
  readonly playing: boolean;
  /** Asked speed, simulated seconds per wall second. */
  readonly speed: number;
  readonly onPlay: () => void;
  readonly onPause: () => void;
  /** Advances one small slice of simulated time; offered only while paused. */
  readonly onStep: () => void;
  readonly onReset: () => void;
  readonly onSpeed: (speed: number) => void;
  /** Current simulated time in seconds. */
  readonly simTimeS: number;
  /** True when the simulation runs slower than asked. */
  readonly lagging: boolean;
  /** Speed actually achieved recently, simulated seconds per wall second. */
  readonly achievedSpeed: number;
  /** Speeds to offer instead of {@link PLAYBACK_SPEEDS} (lessons that run for days). */
  readonly speeds?: readonly number[] | undefined;
  /** A second reading of the clock, such as the time of day ("Day 1, 09:12"). */
  readonly clockText?: ((simTimeS: number) => string) | undefined;
}

/** Simulated time as `mm:ss`, or `h:mm:ss` from one hour on. */
export function formatSimTime(seconds: number): string {
  const total = Number.isFinite(seconds) && seconds > 0 ? Math.floor(seconds) : 0;
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const mm = String(m).padStart(2, '0');
  const ss = String(s).padStart(2, '0');
  return h > 0 ? `${h}:${mm}:${ss}` : `${mm}:${ss}`;
}

/** A speed as shown in the menu and the lag note, such as `0.25×` or `37×`. */
export function formatSpeed(speed: number): string {
  if (!Number.isFinite(speed) || speed <= 0) return '0×';
  const digits = speed < 1 ? 2 : speed < 10 ? 1 : 0;
  return `${Number(speed.toFixed(digits))}×`;
}

/** The playback bar. All controls are native buttons and a select, so keys work as usual. */
export function PlaybackBar(props: PlaybackBarProps) {
  const { playing, speed, simTimeS, lagging, achievedSpeed } = props;
  const speedId = useId();
  const offered = props.speeds ?? PLAYBACK_SPEEDS;
  const options = offered.includes(speed) ? offered : [...offered, speed];
  const lagText =
    !lagging || !playing
      ? ''
      : Number.isFinite(achievedSpeed) && achievedSpeed > 0
        ? `Running at ${formatSpeed(achievedSpeed)} — slower than asked`
        : 'Running slower than asked';

  return (
    <div className="playback-bar" role="group" aria-label="Playback">
      <div className="playback-buttons">
        <button
          type="button"
          className="button-primary playback-toggle"
          onClick={playing ? props.onPause : props.onPlay}
        >
          <span aria-hidden="true">{playing ? '❚❚' : '▶'}</span> {playing ? 'Pause' : 'Play'}
        </button>
        <button type="button" onClick={props.onStep} disabled={playing}>
          Step
        </button>
        <button type="button" onClick={props.onReset}>
          Reset
        </button>
      </div>
      <div className="playback-speed">
        <label htmlFor={speedId}>Speed</label>
        <select
          id={speedId}
          value={String(speed)}
          onChange={(e) => props.onSpeed(Number(e.currentTarget.value))}
        >
          {options.map((s) => (
            <option key={s} value={String(s)}>
              {formatSpeed(s)}
            </option>
          ))}
        </select>
      </div>
      <p className="playback-clock">
        <span className="playback-clock-label">Simulated time</span>{' '}
        <time
          dateTime={`PT${Math.floor(Math.max(0, simTimeS) || 0)}S`}
          className="playback-clock-value"
        >
          {formatSimTime(simTimeS)}
        </time>
        {props.clockText && (
          <span className="playback-clock-note"> ({props.clockText(simTimeS)})</span>
        )}
      </p>
      <p className="playback-lag" role="status">
        {lagText}
      </p>
    </div>
  );
}
