// Arrival processes for one client's traffic: steady Poisson, on/off bursts, the fixed-window
// boundary attack, and random bursts over a background. Each answers "when is the next
// request after time t?" so a model schedules one arrival event at a time.
import type { Random } from '../core/Random.ts';

export type PatternName = 'steady' | 'bursty' | 'boundary-attack' | 'random-bursts';

export interface PatternConfig {
  /** Average requests per second (the boundary attack ignores it). */
  readonly rate: number;
  /** The limiter's window and limit: the boundary attack aims at them. */
  readonly windowS: number;
  readonly limit: number;
}

/** On/off bursts: this long a cycle, on for the first share of it at rate / share. */
export const BURST_CYCLE_S = 30;
export const BURST_ON_SHARE = 0.2;
/** Random bursts: half the traffic arrives in bursts of this many requests over this span. */
export const RANDOM_BURST_SPAN_S = 0.5;

/** A source of arrival times; `next(t)` gives the first arrival strictly after `t`. */
export interface ArrivalProcess {
  next(afterS: number): number;
}

function exp(rng: Random, rate: number): number {
  return -Math.log(rng.nextOpen()) / rate;
}

/** Poisson arrivals at `rate`. */
function steady(rng: Random, rate: number): ArrivalProcess {
  return { next: (t) => t + exp(rng, rate) };
}

/** Poisson at rate / BURST_ON_SHARE during the on part of each cycle, nothing in between. */
function bursty(rng: Random, rate: number): ArrivalProcess {
  const onS = BURST_CYCLE_S * BURST_ON_SHARE;
  const onRate = rate / BURST_ON_SHARE;
  return {
    next(t) {
      let x = t;
      for (;;) {
        const cycleStart = Math.floor(x / BURST_CYCLE_S) * BURST_CYCLE_S;
        const onEnd = cycleStart + onS;
        if (x < onEnd) {
          // Poisson is memoryless: a gap drawn from x is exact; past the on part, try the next.
          const candidate = x + exp(rng, onRate);
          if (candidate < onEnd) return candidate;
        }
        x = cycleStart + BURST_CYCLE_S;
      }
    },
  };
}

/**
 * The boundary attack: at every second window edge B = (2j + 1) W, `limit` requests evenly
 * spread over the span just before B, and `limit` more over the same span from B on. A fixed
 * window counts them in two windows and lets all 2 x limit through within one window length.
 */
function boundaryAttack(config: PatternConfig): ArrivalProcess {
  const w = config.windowS;
  const n = config.limit;
  const span = Math.min(1, w / 20);
  const step = span / n;
  return {
    next(t) {
      for (let j = Math.max(0, Math.floor(t / (2 * w)) - 1); ; j++) {
        const first = (2 * j + 1) * w - span; // request k of cycle j is at first + k * step
        let k = t < first ? 0 : Math.floor((t - first) / step) + 1;
        while (k < 2 * n && first + k * step <= t) k++; // guard against rounding
        if (k < 2 * n) return first + k * step;
      }
    },
  };
}

/**
 * Half the rate as a Poisson background; the other half in bursts of about limit / 2 requests
 * spread over RANDOM_BURST_SPAN_S, the bursts themselves starting at random (Poisson) times.
 */
function randomBursts(rng: Random, config: PatternConfig): ArrivalProcess {
  const size = Math.max(1, Math.round(config.limit / 2));
  const burstRate = config.rate / 2 / size; // bursts per second
  const step = RANDOM_BURST_SPAN_S / size;
  let background = exp(rng, config.rate / 2);
  let burstStart = exp(rng, burstRate);
  let burstIndex = 0;
  return {
    next(t) {
      for (;;) {
        while (background <= t) background += exp(rng, config.rate / 2);
        let burstAt = burstStart + burstIndex * step;
        while (burstAt <= t) {
          burstIndex++;
          if (burstIndex >= size) {
            burstStart += exp(rng, burstRate) + RANDOM_BURST_SPAN_S;
            burstIndex = 0;
          }
          burstAt = burstStart + burstIndex * step;
        }
        return Math.min(background, burstAt);
      }
    },
  };
}

/** Builds the arrival process of a pattern. */
export function arrivalProcess(
  name: PatternName,
  config: PatternConfig,
  rng: Random,
): ArrivalProcess {
  switch (name) {
    case 'steady':
      return steady(rng, config.rate);
    case 'bursty':
      return bursty(rng, config.rate);
    case 'boundary-attack':
      return boundaryAttack(config);
    case 'random-bursts':
      return randomBursts(rng, config);
  }
}
