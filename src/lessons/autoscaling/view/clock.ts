// The simulated clock as a learner reads it: days and times of day ("Day 2, 09:05"), and the
// simulated times the jump buttons go to. Pure functions of simulated seconds.

export const HOUR_S = 3600;
export const DAY_S = 86_400;
/** Length of the run the time slider covers: three simulated days. */
export const RUN_S = 3 * DAY_S;

/** Whole seconds since midnight of day 1 at simulated time `tS` (clock starting at `startHour`). */
function clockSeconds(tS: number, startHour: number): number {
  const t = Number.isFinite(tS) && tS > 0 ? tS : 0;
  const h = Number.isFinite(startHour) ? startHour : 0;
  return Math.floor(h * HOUR_S + t);
}

/** "09:05" for a number of seconds after midnight. */
export function hhmm(secondsOfDay: number): string {
  const s = ((Math.floor(secondsOfDay) % DAY_S) + DAY_S) % DAY_S;
  const h = Math.floor(s / HOUR_S);
  const m = Math.floor((s % HOUR_S) / 60);
  return `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`;
}

/** "Day 1, 09:05": the day of the run (from 1) and the time of day at simulated time `tS`. */
export function timeOfDayText(tS: number, startHour: number): string {
  const c = clockSeconds(tS, startHour);
  return `Day ${Math.floor(c / DAY_S) + 1}, ${hhmm(c)}`;
}

/** Short form for chart ticks: "09:05", or "D2 09:05" when the chart spans days. */
export function tickText(tS: number, startHour: number, withDay: boolean): string {
  const c = clockSeconds(tS, startHour);
  return withDay ? `D${Math.floor(c / DAY_S) + 1} ${hhmm(c)}` : hhmm(c);
}

/**
 * The first simulated time after `nowS` (by at least a second) at which the clock shows
 * `hour` (hours after midnight, fractions allowed).
 */
export function nextTimeOfDay(nowS: number, startHour: number, hour: number): number {
  const now = Number.isFinite(nowS) && nowS > 0 ? nowS : 0;
  const startOfDay1 = -startHour * HOUR_S;
  const day = Math.floor((now - startOfDay1) / DAY_S);
  let t = startOfDay1 + day * DAY_S + hour * HOUR_S;
  while (t < now + 1) t += DAY_S;
  return t;
}

/** "2 h 5 min", "4 min 10 s" or "45 s": a duration for readouts. */
export function durationText(seconds: number): string {
  if (!Number.isFinite(seconds) || seconds < 0) return 'none';
  const s = Math.round(seconds);
  if (s < 60) return `${s} s`;
  if (s < HOUR_S) {
    const m = Math.floor(s / 60);
    const rest = s % 60;
    return rest === 0 ? `${m} min` : `${m} min ${rest} s`;
  }
  const h = Math.floor(s / HOUR_S);
  const m = Math.floor((s % HOUR_S) / 60);
  return m === 0 ? `${h} h` : `${h} h ${m} min`;
}

/** Tick spacings of the time axis, in simulated seconds: whole minutes, hours and days. */
export const TIME_INCREMENTS: readonly number[] = [
  60,
  300,
  600,
  900,
  1800,
  HOUR_S,
  2 * HOUR_S,
  3 * HOUR_S,
  6 * HOUR_S,
  12 * HOUR_S,
  24 * HOUR_S,
];

/**
 * Ticks every `incrS` seconds between `minS` and `maxS` that fall on whole multiples of the
 * spacing on the clock (09:00, 12:00, ...), whatever hour the run starts at.
 */
export function clockTicks(minS: number, maxS: number, incrS: number, startHour: number): number[] {
  if (!(incrS > 0) || !Number.isFinite(minS) || !Number.isFinite(maxS) || maxS < minS) return [];
  const offset = (Number.isFinite(startHour) ? startHour : 0) * HOUR_S;
  const ticks: number[] = [];
  for (let c = Math.ceil((minS + offset) / incrS) * incrS; c - offset <= maxS; c += incrS) {
    ticks.push(c - offset);
    if (ticks.length > 1000) break;
  }
  return ticks;
}
