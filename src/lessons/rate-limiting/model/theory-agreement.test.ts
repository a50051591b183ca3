// The rate limiters as the runner reports them: the fixed window's boundary burst, the sliding
// log's exactness, the token bucket's bound, local counters on N gateways against a central
// store, and what fail open and fail closed let through while the store is down.
import { describe, expect, it } from 'vitest';
import { validateScenario } from '../../../sim/scenario.ts';
import { runScenario } from '../../../sim/run.ts';
import { rateLimitingModel } from './definition.ts';

const models = new Map([[rateLimitingModel.id, rateLimitingModel]]);

interface RateLimiterSection {
  accepted: number;
  rejected: number;
  maxAcceptedInWindow: number;
  maxAcceptedInWindowBound: number | null;
  acceptedDuringOutage: number;
  rejectedDuringOutage: number;
}

function run(params: Record<string, unknown>, seed = 1, durationS = 1200) {
  const v = validateScenario(
    { lesson: 'rate-limiting', seed, durationS, warmupS: 0, params },
    models,
  );
  if (!v.ok) throw new Error(v.problems.join('; '));
  const summary = runScenario(rateLimitingModel, v.scenario).summary;
  return { summary, rl: summary.rateLimiter as RateLimiterSection };
}

describe('rate limiters against their theory', () => {
  it('a fixed window lets exactly twice its limit through in one window under a boundary attack', () => {
    const { rl } = run({
      algorithm: 'fixed-window',
      trafficPattern: 'boundary-attack',
      limit: 100,
      windowS: 60,
    });
    expect(rl.maxAcceptedInWindow).toBe(200);
    expect(rl.maxAcceptedInWindowBound).toBe(200);
  });

  it.each([1, 2, 3])('a sliding log never lets more than its limit through (seed %i)', (seed) => {
    for (const trafficPattern of ['boundary-attack', 'steady', 'random-bursts', 'bursty']) {
      const { rl } = run(
        { algorithm: 'sliding-log', trafficPattern, rate: 6, limit: 100, windowS: 60 },
        seed,
      );
      expect(rl.maxAcceptedInWindow).toBeLessThanOrEqual(100);
      expect(rl.maxAcceptedInWindow).toBeGreaterThanOrEqual(90); // and it is actually reached
    }
  });

  it.each([1, 2, 3])(
    'a token bucket never exceeds capacity + refill rate x window (seed %i)',
    (seed) => {
      for (const trafficPattern of ['boundary-attack', 'random-bursts', 'bursty']) {
        const params = {
          algorithm: 'token-bucket',
          trafficPattern,
          rate: 6,
          bucketCapacity: 50,
          refillRate: 1,
          windowS: 60,
        };
        const { rl } = run(params, seed);
        expect(rl.maxAcceptedInWindow).toBeLessThanOrEqual(50 + 1 * 60);
      }
    },
  );

  it('8 gateways counting locally let about 8 times the limit through; a central store holds it', () => {
    const base = {
      algorithm: 'sliding-log',
      trafficPattern: 'steady',
      rate: 40,
      limit: 100,
      windowS: 60,
      gateways: 8,
    };
    const local = run({ ...base, centralStore: false }).rl;
    const central = run({ ...base, centralStore: true }).rl;
    expect(local.maxAcceptedInWindow).toBeGreaterThan(7.5 * 100);
    expect(local.maxAcceptedInWindow).toBeLessThanOrEqual(8 * 100);
    expect(central.maxAcceptedInWindow).toBeLessThanOrEqual(100);
    expect(central.maxAcceptedInWindow).toBeGreaterThanOrEqual(95);
  });

  it('while the store is down, fail open lets everything through and fail closed refuses everything', () => {
    const base = {
      algorithm: 'fixed-window',
      rate: 5,
      limit: 100,
      windowS: 60,
      gateways: 8,
      centralStore: true,
      outageAtS: 300,
      outageDurationS: 120,
    };
    const open = run({ ...base, failMode: 'open' }).rl;
    const closed = run({ ...base, failMode: 'closed' }).rl;
    // About 5 req/s x 120 s = 600 requests arrive during the outage.
    expect(open.acceptedDuringOutage).toBeGreaterThan(500);
    expect(open.rejectedDuringOutage).toBe(0);
    expect(closed.rejectedDuringOutage).toBeGreaterThan(500);
    expect(closed.acceptedDuringOutage).toBe(0);
    expect(open.maxAcceptedInWindow).toBeGreaterThan(250); // the limit is gone while open
  });
});

describe('rate-limiting chart series (regressions found in review)', () => {
  it('the rolling count never drops to zero while requests keep arriving, and the level reaches now', async () => {
    const { RateLimitingSim } = await import('./RateLimitingSim.ts');
    const { defaultValues } = await import('../../../sim/params.ts');
    const { paramGroups } = await import('./params.ts');
    // 200 req/s against 100 per 60 s: nearly every request after the first half second is refused.
    const params = {
      ...defaultValues(paramGroups),
      rate: 200,
      algorithm: 'sliding-log',
    };
    const sim = new RateLimitingSim({ seed: 1, params, warmupS: 0 });
    sim.advance(30, 1e9);
    const a = sim.snapshot(true).arrays as Record<string, Float64Array>;
    const rolling = Array.from(a.rolling ?? []);
    // From 1 s on the log holds exactly 100 accepted requests of the last minute.
    const after = rolling.slice(Math.ceil(1 / 0.1));
    expect(Math.min(...after)).toBe(100);
    expect(Math.max(...rolling)).toBe(100);
    // The token-free algorithms plot their window count: the last bucket is not a sag to 0.
    const level = Array.from(a.level ?? []);
    expect(level.at(-1)).toBeGreaterThan(90);
  });

  it('the rolling count holds through time slices in which no request arrives', async () => {
    const { RateLimitingSim } = await import('./RateLimitingSim.ts');
    const { defaultValues } = await import('../../../sim/params.ts');
    const { paramGroups } = await import('./params.ts');
    // 2 req/s against 100 per 60 s: everything is accepted and nothing leaves the window
    // before 60 s, so the count in the window only grows; most 0.1 s slices see no request.
    const params = { ...defaultValues(paramGroups), rate: 2, algorithm: 'sliding-log' };
    const sim = new RateLimitingSim({ seed: 3, params, warmupS: 0 });
    sim.advance(30, 1e9);
    const snap = sim.snapshot(true);
    const rolling = Array.from((snap.arrays as Record<string, Float64Array>).rolling ?? []);
    const first = rolling.findIndex((v) => v > 0);
    expect(first).toBeGreaterThanOrEqual(0);
    const after = rolling.slice(first);
    // Never back to 0 (it read 0 in every slice without an arrival), never falling.
    expect(Math.min(...after)).toBeGreaterThan(0);
    for (let i = 1; i < after.length; i++) {
      expect(after[i], `slice ${first + i}`).toBeGreaterThanOrEqual(after[i - 1] as number);
    }
    // The newest slice holds every request so far (all accepted, none expired), also when it
    // has seen no request yet.
    expect(rolling.at(-1)).toBe(snap.values.arrived);
    sim.advance(30.05, 1e9);
    const later = sim.snapshot(true);
    const newest = (later.arrays as Record<string, Float64Array>).rolling?.at(-1);
    expect(newest).toBe(later.values.arrived);
  });
});
