// The demand patterns at the times that define them.
import { describe, expect, it } from 'vitest';
import { Random } from '../../core/Random.ts';
import { DAY_S, DemandCurve, NOISE_TAU_S, type DemandConfig } from './DemandCurve.ts';

const BASE: DemandConfig = {
  pattern: 'step',
  baseRps: 200,
  peakRps: 1000,
  stepAtS: 600,
  spikeDurationS: 3600,
  noisePct: 15,
  surpriseAtS: 0,
  startHour: 0,
};
const curve = (over: Partial<DemandConfig>) => new DemandCurve({ ...BASE, ...over });
const H = 3600;

describe('DemandCurve', () => {
  it('step: base before stepAtS, peak from it on', () => {
    const c = curve({});
    expect(c.baseRate(0)).toBe(200);
    expect(c.baseRate(599.999)).toBe(200);
    expect(c.baseRate(600)).toBe(1000);
    expect(c.rate(1e5)).toBe(1000);
  });

  it('time of day starts at startHour and wraps every day', () => {
    const c = curve({ startHour: 8 });
    expect(c.timeOfDay(0)).toBe(8 * H);
    expect(c.timeOfDay(16 * H)).toBe(0);
    expect(c.timeOfDay(DAY_S + 3 * H)).toBe(11 * H);
  });

  it('daily: lowest (base) at 04:00, highest (peak) at 16:00, halfway at 10:00 and 22:00', () => {
    const c = curve({ pattern: 'daily', startHour: 8 });
    const at = (hour: number, day = 1) => c.baseRate(day * DAY_S + (hour - 8) * H);
    expect(at(4)).toBeCloseTo(200, 9);
    expect(at(16)).toBeCloseTo(1000, 9);
    expect(at(10)).toBeCloseTo(600, 9);
    expect(at(22)).toBeCloseTo(600, 9);
    for (let h = 0; h < 24; h += 0.5) {
      expect(at(h)).toBeGreaterThanOrEqual(200 - 1e-9);
      expect(at(h)).toBeLessThanOrEqual(1000 + 1e-9);
      expect(at(h, 2)).toBeCloseTo(at(h, 1), 9); // the same every day
    }
  });

  it('morning spike: 09:00 with a 60 s ramp up, flat for spikeDurationS, 60 s ramp down', () => {
    const c = curve({ pattern: 'morning-spike', startHour: 8, spikeDurationS: 1800 });
    const at = (sinceNine: number, day = 0) => c.baseRate(day * DAY_S + H + sinceNine);
    expect(at(-1)).toBe(200);
    expect(at(0)).toBe(200);
    expect(at(30)).toBeCloseTo(600, 9); // halfway up the ramp
    expect(at(60)).toBe(1000);
    expect(at(60 + 1800 - 1)).toBe(1000);
    expect(at(60 + 1800 + 30)).toBeCloseTo(600, 9);
    expect(at(60 + 1800 + 60)).toBe(200);
    expect(at(30, 2)).toBeCloseTo(600, 9); // every day
    expect(c.baseRate(12 * H)).toBe(200);
  });

  it('flash crowd: ramps to peak over 60 s at stepAtS, then fades (95 % gone after spikeDurationS)', () => {
    const c = curve({ pattern: 'flash-crowd', stepAtS: 1000, spikeDurationS: 900 });
    expect(c.baseRate(999)).toBe(200);
    expect(c.baseRate(1030)).toBeCloseTo(600, 9);
    expect(c.baseRate(1060)).toBeCloseTo(1000, 9);
    // exp(-3) of the 800 extra left after 900 s of fading.
    expect(c.baseRate(1060 + 900)).toBeCloseTo(200 + 800 * Math.exp(-3), 9);
    expect(c.baseRate(1060 + 300)).toBeCloseTo(200 + 800 * Math.exp(-1), 9);
    expect(c.baseRate(1e6)).toBeCloseTo(200, 6);
  });

  it('a surprise surge adds peak - base on top of any pattern, then fades', () => {
    const c = curve({ pattern: 'morning-spike', surpriseAtS: 20 * H, spikeDurationS: 600 });
    expect(c.baseRate(20 * H - 1)).toBe(200);
    expect(c.baseRate(20 * H + 60)).toBeCloseTo(1000, 9);
    expect(c.baseRate(20 * H + 60 + 200)).toBeCloseTo(200 + 800 * Math.exp(-1), 9);
    // On a step after the step: peak + span.
    expect(curve({ surpriseAtS: 5000 }).baseRate(5060)).toBeCloseTo(1800, 9);
  });

  it('never goes below zero', () => {
    expect(curve({ pattern: 'daily', baseRps: 500, peakRps: 1 }).baseRate(0)).toBeGreaterThan(0);
    expect(curve({ baseRps: 300, peakRps: 100, surpriseAtS: 700 }).baseRate(760)).toBe(0);
  });

  it('noisy: the daily curve times a wandering factor with mean ~1 and the given spread', () => {
    const c = curve({ pattern: 'noisy', noisePct: 20 });
    const rng = new Random(5, 2);
    // Burn in past the correlation time, then average over 400 correlation times.
    for (let t = 0; t < 10 * NOISE_TAU_S; t++) c.stepNoise(1, rng);
    let sum = 0;
    let sumLog2 = 0;
    const n = 400 * NOISE_TAU_S;
    for (let t = 0; t < n; t++) {
      c.stepNoise(1, rng);
      const f = c.noiseFactor();
      sum += f;
      sumLog2 += Math.log(f) ** 2;
    }
    // About 400 independent stretches: the SE of the mean is about 0.2 / sqrt(400) = 0.01.
    expect(Math.abs(sum / n - 1)).toBeLessThan(0.04);
    // ln f = 0.2 W - 0.02 with W standard normal: E[(ln f)^2] = 0.04 + 0.0004.
    expect(Math.abs(sumLog2 / n - 0.0404)).toBeLessThan(0.01);
    expect(c.rate(0)).toBeCloseTo(c.baseRate(0) * c.noiseFactor(), 9);
  });

  it('the other patterns have no noise', () => {
    const c = curve({ pattern: 'daily' });
    c.stepNoise(1000, new Random(1, 2));
    expect(c.noiseFactor()).toBe(1);
    expect(curve({ pattern: 'noisy', noisePct: 0 }).noiseFactor()).toBe(1);
  });
});
