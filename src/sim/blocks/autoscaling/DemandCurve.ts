// Demand over time for the autoscaling lessons: a deterministic curve (step, daily, morning
// spike, flash crowd, plus an optional unforecast surge) and, for the noisy pattern, a slowly
// wandering multiplicative noise. Times are simulated seconds from the start of the run; the
// daily patterns follow the time of day, which starts at `startHour`.
import type { Random } from '../../core/Random.ts';
import { standardNormal } from '../../core/distributions.ts';

export const DEMAND_PATTERNS = ['step', 'daily', 'morning-spike', 'noisy', 'flash-crowd'] as const;
export type DemandPatternName = (typeof DEMAND_PATTERNS)[number];

export const DAY_S = 86_400;
/** The morning spike starts at 09:00 local time. */
export const SPIKE_START_S = 9 * 3600;
/** Seconds a spike or surge takes to ramp up (and the spike to ramp down). */
export const RAMP_S = 60;
/** The daily curve is lowest at 04:00 and highest twelve hours later. */
const DAILY_LOW_S = 4 * 3600;
/** Correlation time of the noisy pattern's wander. */
export const NOISE_TAU_S = 600;

export interface DemandConfig {
  readonly pattern: DemandPatternName;
  readonly baseRps: number;
  readonly peakRps: number;
  readonly stepAtS: number;
  readonly spikeDurationS: number;
  readonly noisePct: number;
  /** A one-off surge at this time; 0 means none. */
  readonly surpriseAtS: number;
  readonly startHour: number;
}

/** Share (0..1) of a surge that starts at `atS`: a linear ramp, then an exponential fade. */
function surgeShape(t: number, atS: number, fadeS: number): number {
  if (t < atS) return 0;
  const since = t - atS;
  if (since < RAMP_S) return since / RAMP_S;
  // Time constant a third of the fade, so 95 % has gone after `fadeS`.
  return Math.exp(-(since - RAMP_S) / (fadeS / 3));
}

/** Share (0..1) of the morning spike at time of day `tod` (seconds after midnight). */
function spikeShape(tod: number, durationS: number): number {
  const since = tod - SPIKE_START_S;
  if (since < 0) return 0;
  if (since < RAMP_S) return since / RAMP_S;
  if (since < RAMP_S + durationS) return 1;
  const down = since - RAMP_S - durationS;
  return down < RAMP_S ? 1 - down / RAMP_S : 0;
}

export class DemandCurve {
  /** Noise state: a unit-variance autoregressive process, one step per second. */
  private wander = 0;

  constructor(readonly config: DemandConfig) {}

  /** Seconds after midnight at simulated time `t`. */
  timeOfDay(t: number): number {
    const s = (this.config.startHour * 3600 + t) % DAY_S;
    return s < 0 ? s + DAY_S : s;
  }

  /** The noiseless demand in requests per second at simulated time `t`. */
  baseRate(t: number): number {
    const c = this.config;
    const span = c.peakRps - c.baseRps;
    let rate: number;
    switch (c.pattern) {
      case 'step':
        rate = t < c.stepAtS ? c.baseRps : c.peakRps;
        break;
      case 'daily':
      case 'noisy': {
        const phase = (2 * Math.PI * (this.timeOfDay(t) - DAILY_LOW_S)) / DAY_S;
        rate = c.baseRps + (span * (1 - Math.cos(phase))) / 2;
        break;
      }
      case 'morning-spike':
        rate = c.baseRps + span * spikeShape(this.timeOfDay(t), c.spikeDurationS);
        break;
      case 'flash-crowd':
        rate = c.baseRps + span * surgeShape(t, c.stepAtS, c.spikeDurationS);
        break;
    }
    if (c.surpriseAtS > 0) rate += span * surgeShape(t, c.surpriseAtS, c.spikeDurationS);
    return rate > 0 ? rate : 0;
  }

  /** Multiplier of the noisy pattern now (1 for the other patterns); mean 1. */
  noiseFactor(): number {
    const c = this.config;
    if (c.pattern !== 'noisy' || c.noisePct <= 0) return 1;
    const sigma = c.noisePct / 100;
    return Math.exp(sigma * this.wander - (sigma * sigma) / 2);
  }

  /** Moves the noise on by `dtS` seconds (an Ornstein–Uhlenbeck step, exact for any dt). */
  stepNoise(dtS: number, rng: Random): void {
    if (this.config.pattern !== 'noisy') return;
    const phi = Math.exp(-dtS / NOISE_TAU_S);
    this.wander = phi * this.wander + Math.sqrt(1 - phi * phi) * standardNormal(rng);
  }

  /** Demand now, noise included. */
  rate(t: number): number {
    return this.baseRate(t) * this.noiseFactor();
  }
}
