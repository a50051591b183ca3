// The simulated clock as a time of day, and ways to move through a run of days: a time slider
// over three days and buttons to jump just before the 09:00 spike, an hour or a day on, to
// three days in, or back to the start. Moves go through the session's seek.
import { useEffect, useId, useRef, useState } from 'react';
import type { LessonSession } from '../../../state/lessonSession.ts';
import { DAY_S, HOUR_S, nextTimeOfDay, RUN_S, timeOfDayText } from './clock.ts';

/** Slider steps of five simulated minutes. */
const STEP_S = 300;
/** A dragged slider seeks once it has rested this long. */
const SETTLE_MS = 250;

interface Props {
  readonly session: LessonSession;
  readonly nowS: number;
  readonly startHour: number;
}

export function TimeControls({ session, nowS, startHour }: Props) {
  const id = useId();
  const [dragged, setDragged] = useState<number | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  useEffect(
    () => () => {
      if (timer.current !== null) clearTimeout(timer.current);
    },
    [],
  );
  const now = Number.isFinite(nowS) && nowS > 0 ? nowS : 0;
  const max = Math.max(RUN_S, Math.ceil(now / DAY_S) * DAY_S);
  const shown = dragged ?? Math.min(max, Math.round(now / STEP_S) * STEP_S);

  const go = (tS: number) => {
    if (timer.current !== null) clearTimeout(timer.current);
    timer.current = null;
    setDragged(null);
    session.seek(tS);
  };
  const drag = (tS: number) => {
    setDragged(tS);
    if (timer.current !== null) clearTimeout(timer.current);
    timer.current = setTimeout(() => go(tS), SETTLE_MS);
  };

  return (
    <section className="panel as-time" aria-label="Time of day">
      <p className="as-clock" aria-live="off">
        <span className="as-clock-label">Simulated clock</span>{' '}
        <span className="as-clock-value">{timeOfDayText(now, startHour)}</span>
      </p>
      <div className="as-time-slider">
        <label htmlFor={id}>Move to a time</label>
        <input
          id={id}
          type="range"
          min={0}
          max={max}
          step={STEP_S}
          value={shown}
          aria-valuetext={timeOfDayText(shown, startHour)}
          onChange={(e) => drag(Number(e.currentTarget.value))}
        />
      </div>
      <div className="as-time-buttons" role="group" aria-label="Jump in time">
        <button type="button" onClick={() => go(nextTimeOfDay(now, startHour, 8 + 55 / 60))}>
          Next 08:55 (just before the spike)
        </button>
        <button type="button" onClick={() => go(now + HOUR_S)}>
          +1 hour
        </button>
        <button type="button" onClick={() => go(now + DAY_S)}>
          +1 day
        </button>
        <button type="button" onClick={() => go(RUN_S)} disabled={now >= RUN_S}>
          3 days in
        </button>
        <button type="button" onClick={() => go(0)}>
          Replay from the start
        </button>
      </div>
      <p className="as-hint">
        Going forward runs the simulation on; going back replays it from the start with the current
        settings.
      </p>
    </section>
  );
}
