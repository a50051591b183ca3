// Theory agreement for the autoscaling model: Poisson arrivals (count and dispersion) against
// the integral of the demand curve, utilisation = demand / capacity, the fleet target tracking
// settles at, and the fluid queue in overload: backlog growing at demand - capacity until the
// timeout caps it at demand x timeout, failures at the excess, waits bounded by the timeout,
// Little's law. Tolerances: 4 standard errors for Poisson counts (stated at each check);
// latency quantiles within the histogram's 0.5 %.
import { describe, expect, it } from 'vitest';
import { createSim, runScenario } from '../../../sim/run.ts';
import { validateScenario, type Scenario } from '../../../sim/scenario.ts';
import { lessonModels } from '../../modelRegistry.ts';
import { AS, type AutoscalingSim } from './AutoscalingSim.ts';
import { autoscalingModel } from './definition.ts';
import { idealInstances, settledInstances } from './theory.ts';

const SEEDS = [1, 2, 3];

function scenario(params: Record<string, unknown>, more: Record<string, unknown> = {}): Scenario {
  const v = validateScenario(
    { lesson: 'autoscaling', seed: 1, durationS: 3600, warmupS: 0, params, ...more },
    lessonModels,
  );
  if (!v.ok) throw new Error(v.problems.join('\n'));
  return v.scenario;
}

function sim(sc: Scenario): AutoscalingSim {
  return createSim(autoscalingModel, sc) as AutoscalingSim;
}

/** Advances to `t` and returns the model's live counts. */
function at(m: AutoscalingSim, t: number) {
  m.advance(t, Infinity);
  const v = m.snapshot(false).values;
  const get = (name: string) => v[name] ?? NaN;
  return {
    arrivedRps: get('arrivedRps'),
    queued: get('queued'),
    completed: get('completed'),
    failed: get('failed'),
  };
}

describe('Poisson arrivals against the demand curve', () => {
  it.each(SEEDS)('seed %i: three days of daily demand bring sum(rate) arrivals', (seed) => {
    // The cosine averages (base + peak) / 2 over whole days: 600 x 259,200 = 155.52 M, sd 12.5 k.
    const { summary } = runScenario(
      autoscalingModel,
      scenario(
        { demandPattern: 'daily', baseRps: 200, peakRps: 1000 },
        { seed, durationS: 259_200 },
      ),
    );
    const expected = 600 * 259_200;
    expect(Math.abs(summary.requests.arrived - expected)).toBeLessThan(4 * Math.sqrt(expected));
  });

  it.each(SEEDS)(
    'seed %i: three morning spikes add (peak - base) x (duration + 60 s) each',
    (seed) => {
      // Each spike: 60 s ramp up and down (half the extra each) and 1800 s flat.
      const { summary } = runScenario(
        autoscalingModel,
        scenario(
          { demandPattern: 'morning-spike', baseRps: 50, peakRps: 450, spikeDurationS: 1800 },
          { seed, durationS: 259_200 },
        ),
      );
      const expected = 50 * 259_200 + 3 * 400 * (1800 + 60);
      expect(Math.abs(summary.requests.arrived - expected)).toBeLessThan(4 * Math.sqrt(expected));
    },
  );

  it('counts per second are Poisson: variance = mean', () => {
    const m = sim(scenario({ demandPattern: 'step', baseRps: 50, peakRps: 50 }, { seed: 4 }));
    const n = 10_000;
    let sum = 0;
    let sum2 = 0;
    for (let t = 1; t <= n; t++) {
      const x = at(m, t).arrivedRps;
      sum += x;
      sum2 += x * x;
    }
    const mean = sum / n;
    const variance = sum2 / n - mean * mean;
    // SE of the mean sqrt(50 / n) = 0.07; of the variance sqrt((50 + 2 x 50^2) / n) = 0.71.
    expect(Math.abs(mean - 50)).toBeLessThan(4 * 0.071);
    expect(Math.abs(variance - 50)).toBeLessThan(4 * 0.711);
  });
});

describe('utilisation and the settled fleet', () => {
  it.each(SEEDS)('seed %i: CPU = demand / capacity on a fixed fleet (350 / 500 = 70 %)', (seed) => {
    const sc = scenario(
      { demandPattern: 'step', baseRps: 350, peakRps: 350, minInstances: 5, maxInstances: 5 },
      { seed, durationS: 3600 },
    );
    const m = sim(sc);
    m.advance(3600, Infinity);
    const metric = m.buckets.levels[AS.metric] as Float64Array;
    let integral = 0;
    for (const x of metric) integral += x;
    // Time-averaged CPU datapoint; the count has SE sqrt(350 x 3600) / (500 x 3600) = 0.06 pp.
    expect(Math.abs(integral / 3600 - 70)).toBeLessThan(4 * 0.062 + 0.01);
  });

  // Points whose ideal fleet is at least 15 % of an instance from a whole number, so the
  // Poisson noise of a 60 s datapoint (well under 1 %) cannot tip the rounding.
  const grid: [number, number, number][] = [];
  for (const d of [300, 800, 1700, 4200])
    for (const c of [50, 120, 300])
      for (const t of [40, 65, 90]) {
        const ideal = idealInstances(d, c, t);
        const frac = ideal - Math.floor(ideal);
        if (ideal >= 3 && ideal <= 150 && frac > 0.15 && frac < 0.85) grid.push([d, c, t]);
      }

  it(`target tracking settles at ceil(D / (c t)) at ${grid.length} parameter points`, () => {
    expect(grid.length).toBeGreaterThanOrEqual(12);
    for (const [d, c, t] of grid)
      for (const scalingMetric of ['cpu', 'rps-per-instance']) {
        const params = {
          demandPattern: 'step',
          baseRps: Math.max(1, Math.round(d / 5)),
          peakRps: d,
          instanceCapacity: c,
          targetUtilization: t,
          scalingMetric,
          minInstances: 1,
          maxInstances: 200,
        };
        const { summary } = runScenario(autoscalingModel, scenario(params, { durationS: 5400 }));
        const a = summary.autoscaler as { finalInstances: number };
        expect(a.finalInstances, `${d} req/s, ${c} per instance, ${t} %, ${scalingMetric}`).toBe(
          settledInstances(d, c, t),
        );
      }
  });
});

describe('the fluid queue in overload', () => {
  // A fixed fleet of 5 x 100 req/s meets a step from 200 to 1000 req/s at 600 s; timeout 10 s.
  // Fluid theory: the backlog grows at D - C = 500 req/s; the request arriving s seconds after
  // the step waits 500 s / 500 = s, so the first timeouts come at 600 + T D / (D - C) = 620 s,
  // when the backlog is D T = 10,000 and stays there; from then on every request waits exactly
  // T, completions run at C and failures at D - C.
  const overload = (seed: number, timeout = 10) =>
    sim(
      scenario(
        {
          demandPattern: 'step',
          baseRps: 200,
          peakRps: 1000,
          stepAtS: 600,
          minInstances: 5,
          maxInstances: 5,
          requestTimeoutS: timeout,
          serviceTimeMs: 50,
        },
        { seed, durationS: 3600 },
      ),
    );

  it.each(SEEDS)('seed %i: backlog grows at demand - capacity, then is capped at D x T', (seed) => {
    const m = overload(seed);
    expect(at(m, 600).queued).toBeLessThan(1e-6);
    // Backlog after s seconds: Poisson(1000 s) - 500 s, sd sqrt(1000 s).
    for (const s of [5, 10, 15]) {
      const q = at(m, 600 + s).queued;
      expect(Math.abs(q - 500 * s), `after ${s} s`).toBeLessThan(4 * Math.sqrt(1000 * s));
      expect(at(m, 600 + s).failed).toBe(0);
    }
    const f0 = at(m, 700).failed;
    const c0 = at(m, 700).completed;
    let sumQ = 0;
    let samples = 0;
    for (let t = 710; t <= 3600; t += 10) {
      sumQ += at(m, t).queued;
      samples++;
    }
    const v = at(m, 3600);
    // Failures and completions over 2900 s: (D - C) and C per second (sd sqrt(1000 x 2900)).
    expect(Math.abs(v.failed - f0 - 500 * 2900)).toBeLessThan(4 * Math.sqrt(1000 * 2900) + 1);
    expect(v.completed - c0).toBeCloseTo(500 * 2900, 3);
    // Little's law: every request stays exactly T, so the mean backlog is D T = 10,000
    // (sd of one sample sqrt(1000 x 10) = 100; 290 samples).
    expect(Math.abs(sumQ / samples - 10_000)).toBeLessThan(4 * (100 / Math.sqrt(samples)) + 20);
  });

  it.each([10, 2, 1])(
    'a %i s timeout bounds every completed wait; in overload it is exactly T',
    (timeout) => {
      const m = overload(1, timeout);
      m.advance(3600, Infinity);
      const lat = m.summary().latencyMs;
      const cap = timeout * 1000 + 50;
      expect(lat.max).toBeLessThanOrEqual(cap + 1e-6);
      // In the overload (3000 of 3600 s) every completion waited T: p50 and p99 are T + service.
      expect(Math.abs(lat.p50 - cap)).toBeLessThanOrEqual(0.005 * cap);
      expect(Math.abs(lat.p99 - cap)).toBeLessThanOrEqual(0.005 * cap);
    },
  );

  it('below capacity nothing waits: latency is the service time and nothing fails', () => {
    const m = sim(
      scenario(
        { demandPattern: 'step', baseRps: 300, peakRps: 300, minInstances: 5, maxInstances: 5 },
        { durationS: 3600 },
      ),
    );
    m.advance(3600, Infinity);
    const s = m.summary();
    expect(s.requests.failed).toBe(0);
    expect(s.latencyMs.max).toBeCloseTo(50, 9);
    expect(at(m, 3600).queued).toBeLessThan(1e-6);
  });
});
