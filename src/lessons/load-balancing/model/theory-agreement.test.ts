// The load-balancing model against queueing theory, run exactly as the headless runner runs it:
// scenario -> validateScenario -> runScenario. Every comparison uses three seeds, averages
// them, and checks the average against the closed form within a stated tolerance.
//
// How the tolerances were set. Service times are exponential with mean 10 ms (mu = 100/s) and
// each case runs 1e6 customers per seed after a 100 s warm-up (the queues relax in well under
// a second, so the warm-up removes the empty-start bias). For the mean time in system of M/M/1
// the asymptotic variance of the customer average is known (Whitt 1989, "Planning queueing
// simulations"): n Var(mean T) -> 2 (1 + rho) / (mu^2 (1 - rho)^4), i.e. a relative standard
// error of sqrt(2 (1 + rho) / n) / (1 - rho) = 0.75 % per seed at rho = 0.75 and n = 1e6, and
// 0.43 % for the average of three seeds. Batch means (20 batches per run) over these very
// runs agree: 0.6-0.8 % per seed for M/M/1 and random routing, 0.4-0.5 % for M/M/4, 0.6 % for
// round robin, 0.4 % for power of two. Quantiles were measured the same way (batch means:
// p50 0.6 %, p99 up to 1.7 % per seed) and also carry the histogram's 0.5 % bin error. The
// tolerances below are about four standard errors of the three-seed average plus the
// histogram error, so a correct model fails them far less than once in a thousand runs, while
// a modelling error of a few percent (a wrong service rate, a queue that is not FIFO, a
// balancer that ignores load) does not pass. The seeds are fixed, so the test is deterministic.
import { afterAll, describe, expect, it } from 'vitest';
import { lessonModels } from '../../modelRegistry.ts';
import { createSim, runScenario } from '../../../sim/run.ts';
import { validateScenario, type RunResult, type Scenario } from '../../../sim/scenario.ts';
import { ekm1, mmc, supermarketMeanS } from '../../../sim/theory/queueing.ts';
import type { ParamValue } from '../../../sim/params.ts';
import { HashRing, clientHash } from '../../../sim/blocks/hashing.ts';
import type { ServerSummary } from './summary.ts';
import { lbTheory } from './theory.ts';

const SEEDS = [1, 2, 3] as const;
const CUSTOMERS = 1_000_000;
const WARMUP_S = 100;
const MU = 100; // 1 / (10 ms)
/** Parameters shared by the theory cases: 10 ms exponential service, queues never full. */
const BASE = { serviceTimeMs: 10, queueLimit: 10_000, serviceTimeDistribution: 'exponential' };

const lesson = lessonModels.get('load-balancing');
if (!lesson) throw new Error('load-balancing is not registered');
const def = lesson;

type Params = Record<string, ParamValue>;

/** A validated scenario; throws with the validator's lines if the input is invalid. */
function scenario(input: Record<string, unknown>): Scenario {
  const v = validateScenario({ lesson: 'load-balancing', ...input }, lessonModels);
  if (!v.ok) throw new Error(v.problems.join('\n'));
  return v.scenario;
}

/** Runs `customers` arrivals (in expectation) after the warm-up, for each seed. */
function runSeeds(params: Params, customers = CUSTOMERS): RunResult[] {
  const lambda = Number(params.arrivalRate);
  return SEEDS.map((seed) =>
    runScenario(
      def,
      scenario({ seed, durationS: WARMUP_S + customers / lambda, warmupS: WARMUP_S, params }),
    ),
  );
}

function servers(r: RunResult): ServerSummary[] {
  return r.summary.servers as ServerSummary[];
}

const average = (xs: readonly number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;

interface Row {
  readonly case: string;
  readonly quantity: string;
  readonly simulated: string;
  readonly theory: string;
  readonly error: string;
  readonly tolerance: string;
  readonly perSeed: string;
}
const rows: Row[] = [];
const fmt = (x: number) => (Math.abs(x) >= 100 ? x.toFixed(2) : x.toPrecision(5));

/** Checks the seed average against `theory` within a relative tolerance, and logs the row. */
function expectRelative(
  label: string,
  quantity: string,
  perSeed: readonly number[],
  theory: number,
  tolerance: number,
): void {
  const simulated = average(perSeed);
  const error = simulated / theory - 1;
  rows.push({
    case: label,
    quantity,
    simulated: fmt(simulated),
    theory: fmt(theory),
    error: `${(error * 100).toFixed(2)} %`,
    tolerance: `±${(tolerance * 100).toFixed(1)} %`,
    perSeed: perSeed.map(fmt).join(' / '),
  });
  expect(Math.abs(error), `${label} ${quantity}: ${simulated} vs ${theory}`).toBeLessThanOrEqual(
    tolerance,
  );
}

/** Relative tolerances for three seeds of 1e6 customers each (see the header). */
const TOL = { mean: 0.02, p50: 0.02, p95: 0.03, p99: 0.04 } as const;

function expectLatencyAgainst(
  label: string,
  results: readonly RunResult[],
  theory: { meanS: number; quantileS(q: number): number },
  quantities: readonly ('mean' | 'p50' | 'p95' | 'p99')[],
  tolerance: Partial<Record<'mean' | 'p50' | 'p95' | 'p99', number>> = {},
): void {
  const q = { p50: 0.5, p95: 0.95, p99: 0.99 } as const;
  for (const k of quantities) {
    const perSeed = results.map((r) => r.summary.latencyMs[k]);
    const want = 1000 * (k === 'mean' ? theory.meanS : theory.quantileS(q[k]));
    expectRelative(label, `${k} ms`, perSeed, want, tolerance[k] ?? TOL[k]);
  }
}

/** Little's law from the output alone: time-average in system = throughput x mean latency. */
function expectLittle(r: RunResult): void {
  const slots = Number(r.params.serverConcurrency);
  const inSystem = servers(r).reduce((s, x) => s + x.meanQueueLength + x.utilization * slots, 0);
  const littleL = (r.summary.throughputRps * r.summary.latencyMs.mean) / 1000;
  // Both sides come from one sample path; they differ only by requests straddling the window
  // edges and by rounding in the summary, a few parts in a million here. 0.1 % is generous.
  expect(Math.abs(inSystem / littleL - 1)).toBeLessThan(0.001);
}

function expectNoLoss(results: readonly RunResult[]): void {
  for (const r of results)
    expect([r.summary.requests.rejected, r.summary.requests.failed]).toEqual([0, 0]);
}

afterAll(() => {
  console.log(
    `Theory agreement: seeds ${SEEDS.join(', ')}; ${CUSTOMERS.toExponential(0)} customers per ` +
      `seed after a ${WARMUP_S} s warm-up unless noted; simulated = average of the seeds.`,
  );
  console.table(rows);
});

describe('load balancing agrees with queueing theory', () => {
  it('one server, one slot is M/M/1 (rho 0.75): mean and p50/p95/p99 of time in system', () => {
    const params: Params = { ...BASE, servers: 1, serverConcurrency: 1, arrivalRate: 75 };
    const results = runSeeds(params);
    expectNoLoss(results);
    const theory = mmc(75, MU, 1);
    if (!theory) throw new Error('unstable');
    expectLatencyAgainst('M/M/1 rho 0.75', results, theory, ['mean', 'p50', 'p95', 'p99']);
    // The lesson's own theory overlay names the same model and the same numbers.
    const overlay = lbTheory(results[0]?.params ?? {});
    expect('theory' in overlay && overlay.theory?.model).toBe('M/M/1');
    expect(overlay.theory?.meanMs).toBeCloseTo(40, 9);
    const utils = results.map((r) => servers(r)[0]?.utilization ?? NaN);
    // Utilisation is the busy fraction, rho: the work that arrived over the time, a sum of a
    // Poisson number of exponential service times, so a relative SE of sqrt(2 / n) = 0.14 %
    // per seed and 0.08 % for three; 0.5 % is about 6 SE.
    expectRelative('M/M/1 rho 0.75', 'utilisation', utils, 0.75, 0.005);
    for (const r of results) expectLittle(r);
  });

  it('one server with 4 slots is M/M/4 with one shared queue (rho 0.75)', () => {
    const params: Params = { ...BASE, servers: 1, serverConcurrency: 4, arrivalRate: 300 };
    const results = runSeeds(params);
    expectNoLoss(results);
    const theory = mmc(300, MU, 4);
    if (!theory) throw new Error('unstable');
    // Batch means give 0.45 % per seed for the mean (0.26 % for three): 1.5 % is ~4 SE + margin.
    expectLatencyAgainst('M/M/4 rho 0.75', results, theory, ['mean', 'p50', 'p95', 'p99'], {
      mean: 0.015,
    });
    expect(lbTheory(params).theory?.model).toBe('M/M/4 (one queue, 4 slots)');
    for (const r of results) expectLittle(r);
  });

  it('random routing over 5 equal servers is M/M/1 per server with lambda/5', () => {
    const params: Params = { ...BASE, servers: 5, algorithm: 'random', arrivalRate: 375 };
    const results = runSeeds(params);
    expectNoLoss(results);
    const theory = mmc(375 / 5, MU, 1);
    if (!theory) throw new Error('unstable');
    // A random split of a Poisson stream gives five independent M/M/1 queues, so the overall
    // mean has the same relative error as one M/M/1 with all 1e6 customers.
    expectLatencyAgainst('random, 5 servers', results, theory, ['mean', 'p99']);
    for (const r of results) {
      for (const s of servers(r)) {
        // Each server sees 2e5 customers: utilisation within 0.015 of rho (about 4 SE).
        expect(Math.abs(s.utilization - 0.75)).toBeLessThan(0.015);
        expect(Math.abs(s.share - 0.2)).toBeLessThan(0.005);
      }
      expectLittle(r);
    }
  });

  it('round robin over 5 equal servers is E5/M/1 per server', () => {
    const params: Params = { ...BASE, servers: 5, algorithm: 'round-robin', arrivalRate: 375 };
    const results = runSeeds(params);
    expectNoLoss(results);
    const theory = ekm1(375 / 5, MU, 5);
    if (!theory) throw new Error('unstable');
    expectLatencyAgainst('round robin, 5 servers', results, theory, ['mean', 'p99']);
    // Regular arrivals queue less than Poisson ones: well below random routing's 40 ms.
    expect(theory.meanS * 1000).toBeLessThan(0.7 * 40);
    for (const r of results) expectLittle(r);
  });

  it('power of two choices over 100 servers sits just above the supermarket-model limit', () => {
    // The supermarket model is the N -> infinity limit. For finite N the mean time in system
    // is higher by roughly c/N: measured here, c is about 0.7 at rho 0.8 (N = 10: +7 %,
    // N = 20: +3.2 %, N = 100: +0.5 %), in line with the 1/N accuracy of mean-field limits
    // (Gast 2017). So for N = 100 the average must lie in [limit - 1 %, limit + 2 %]: the lower
    // edge is about four standard errors of the three-seed average (0.25 %) below the limit,
    // the upper edge is 2/N, three times the expected excess.
    const rho = 0.8;
    const limitMs = 1000 * (supermarketMeanS(rho, MU, 2) ?? NaN);
    const randomMs = 1000 * (mmc(rho * MU, MU, 1)?.meanS ?? NaN);
    const sharedMs = 1000 * (mmc(rho * MU * 100, MU, 100)?.meanS ?? NaN);
    const big = runSeeds({ ...BASE, servers: 100, algorithm: 'power-of-two', arrivalRate: 8000 });
    expectNoLoss(big);
    const bigMean = average(big.map((r) => r.summary.latencyMs.mean));
    rows.push({
      case: 'power of two, 100 servers',
      quantity: 'mean ms',
      simulated: fmt(bigMean),
      theory: `${fmt(limitMs)} (limit)`,
      error: `${((bigMean / limitMs - 1) * 100).toFixed(2)} %`,
      tolerance: '-1 % .. +2 %',
      perSeed: big.map((r) => fmt(r.summary.latencyMs.mean)).join(' / '),
    });
    expect(bigMean / limitMs).toBeGreaterThan(0.99);
    expect(bigMean / limitMs).toBeLessThan(1.02);
    // Far below random routing (M/M/1 per server, 50 ms), above the shared-queue bound.
    expect(bigMean).toBeLessThan(0.5 * randomMs);
    expect(bigMean).toBeGreaterThan(sharedMs);
    expect(lbTheory(big[0]?.params ?? {}).theory?.meanMs).toBeCloseTo(limitMs, 9);

    // Fewer servers sit further above the limit: the approach as N grows.
    const small = runSeeds(
      { ...BASE, servers: 10, algorithm: 'power-of-two', arrivalRate: 800 },
      500_000,
    );
    const smallMean = average(small.map((r) => r.summary.latencyMs.mean));
    rows.push({
      case: 'power of two, 10 servers (5e5/seed)',
      quantity: 'mean ms',
      simulated: fmt(smallMean),
      theory: `${fmt(limitMs)} (limit)`,
      error: `${((smallMean / limitMs - 1) * 100).toFixed(2)} %`,
      tolerance: '> 100-server excess',
      perSeed: small.map((r) => fmt(r.summary.latencyMs.mean)).join(' / '),
    });
    expect(smallMean - limitMs).toBeGreaterThan(3 * (bigMean - limitMs));
    expect(smallMean).toBeLessThan(0.5 * randomMs);
    for (const r of [...big, ...small]) expectLittle(r);
  });

  it('weighted round robin with default weights balances A, B, C (speeds 1, 1, 2)', () => {
    // Weights default to the speeds, so C gets half the requests at twice the speed: every
    // server runs at rho = 300 x 10 ms / (4 speed units) = 0.75.
    const results = runSeeds(
      {
        ...BASE,
        servers: 3,
        serverProfile: 'abc',
        algorithm: 'weighted-round-robin',
        arrivalRate: 300,
      },
      300_000,
    );
    expectNoLoss(results);
    for (const r of results) {
      const [a, b, c] = servers(r) as [ServerSummary, ServerSummary, ServerSummary];
      expect([a.id, b.id, c.id]).toEqual(['A', 'B', 'C']);
      expect([a.weight, b.weight, c.weight]).toEqual([1, 1, 2]);
      const utils = [a.utilization, b.utilization, c.utilization];
      rows.push({
        case: `weighted RR A/B/C, seed ${r.seed} (3e5)`,
        quantity: 'utilisation A/B/C',
        simulated: utils.map(fmt).join(' / '),
        theory: '0.75 each',
        error: `spread ${fmt(Math.max(...utils) - Math.min(...utils))}`,
        tolerance: 'spread < 0.02',
        perSeed: `share C ${fmt(c.share)}`,
      });
      // Utilisations are equal within 0.02 of each other and of rho (each has an SE of
      // about 0.3 % with 75k-150k customers per server).
      expect(Math.max(...utils) - Math.min(...utils)).toBeLessThan(0.02);
      for (const u of utils) expect(Math.abs(u - 0.75)).toBeLessThan(0.02);
      // Smooth weighted round robin is deterministic: shares are exact up to requests still in
      // flight at the window edges.
      expect(Math.abs(c.share - 0.5)).toBeLessThan(0.001);
      expect(Math.abs(a.share - 0.25)).toBeLessThan(0.001);
      expect(Math.abs(c.completed / a.completed - 2)).toBeLessThan(0.002);
      expectLittle(r);
    }
  });

  describe('share of clients remapped when one of 10 servers leaves (10 000 clients)', () => {
    const failing = 3;
    const remapRun = (algorithm: string): RunResult =>
      runScenario(
        def,
        scenario({
          seed: 5,
          durationS: 20,
          warmupS: 2,
          params: {
            servers: 10,
            clients: 10_000,
            algorithm,
            failServerIndex: failing,
            failAtS: 1,
            failDurationS: 0,
            healthCheckIntervalS: 1,
            unhealthyThreshold: 1,
          },
        }),
      );

    function checkEvent(r: RunResult): number {
      const events = r.summary.remapEvents as {
        tS: number;
        fromServers: number;
        toServers: number;
      }[];
      expect(events).toHaveLength(1);
      const e = events[0];
      expect(e?.fromServers).toBe(10);
      expect(e?.toServers).toBe(9);
      // Noticed at the first probe after the failure: within one interval plus one.
      expect(e?.tS).toBeGreaterThan(1);
      expect(e?.tS).toBeLessThanOrEqual(3);
      return r.summary.remappedShare as number;
    }

    it('ip hash (hash mod N) remaps about 1 - 1/N = 0.9 of the clients', () => {
      const share = checkEvent(remapRun('ip-hash'));
      // Exactly: a client stays if members9[h % 9] is the server h % 10 it had.
      const members9 = [0, 1, 2, 4, 5, 6, 7, 8, 9];
      let moved = 0;
      for (let c = 0; c < 10_000; c++) {
        const h = clientHash(c);
        if (members9[h % 9] !== h % 10) moved++;
      }
      expect(share).toBe(moved / 10_000);
      // 1 - 1/N in expectation over hashes; binomial sd 0.003, allow 4.
      expectRelative('ip hash, 10 -> 9 servers', 'remapped share', [share], 0.9, 0.012 / 0.9);
    });

    it('consistent hash (ring, 100 vnodes) remaps about 1/N = 0.1: only the lost clients', () => {
      const share = checkEvent(remapRun('consistent-hash'));
      // Exactly the clients whose ring owner was the failed server move.
      const ring = new HashRing();
      ring.build(10, 100);
      const all = new Uint8Array(10).fill(1);
      let owned = 0;
      for (let c = 0; c < 10_000; c++) if (ring.lookup(clientHash(c), all) === failing) owned++;
      expect(share).toBe(owned / 10_000);
      // A server's share of a ring with V points has relative sd about 1/sqrt(V) = 10 %.
      expectRelative('consistent hash, 10 -> 9', 'remapped share', [share], 0.1, 0.4);
    });
  });
});

describe('runs are deterministic and replayable', () => {
  const p2 = scenario({
    seed: 42,
    durationS: 200,
    warmupS: 20,
    params: { algorithm: 'power-of-two', servers: 100, arrivalRate: 900 },
  });

  it('same scenario and seed give a byte-identical JSON result; another seed differs', () => {
    const a = JSON.stringify(runScenario(def, p2));
    const b = JSON.stringify(runScenario(def, p2));
    expect(b).toBe(a);
    const c = JSON.stringify(runScenario(def, { ...p2, seed: 43 }));
    expect(c).not.toBe(a);
    expect(JSON.parse(c).summary.latencyMs.mean).not.toBe(JSON.parse(a).summary.latencyMs.mean);
  });

  it('a run with a parameter change is reproduced exactly by replaying scenario + changes', () => {
    const base = scenario({
      seed: 7,
      durationS: 300,
      warmupS: 30,
      params: { servers: 5, arrivalRate: 60, algorithm: 'least-connections' },
    });
    // "Live": the engine advances in uneven slices (as the worker does per frame) and the
    // learner moves two sliders at t = 100 and t = 180.
    const live = createSim(def, base);
    const step = (until: number) => {
      let slice = 1;
      while (!live.advance(until, slice)) slice = (slice * 7) % 1013 || 1;
    };
    step(37.5);
    step(100);
    live.setParam('arrivalRate', 90);
    step(180);
    live.setParam('algorithm', 'power-of-two');
    step(300);
    const liveSummary = JSON.stringify(live.summary());

    const changes = [
      { tS: 100, name: 'arrivalRate', value: 90 },
      { tS: 180, name: 'algorithm', value: 'power-of-two' },
    ];
    const replayed = runScenario(def, scenario({ ...base, changes }));
    expect(JSON.stringify(replayed.summary)).toBe(liveSummary);
    expect(JSON.stringify(runScenario(def, scenario({ ...base, changes })))).toBe(
      JSON.stringify(replayed),
    );
    const without = runScenario(def, base);
    expect(JSON.stringify(without.summary)).not.toBe(liveSummary);
    // The change is visible: 60/s for 70 s then 90/s for 200 s after the warm-up.
    const expected = 60 * 70 + 90 * 200;
    expect(Math.abs(replayed.summary.requests.arrived - expected)).toBeLessThan(
      4 * Math.sqrt(expected),
    );
  });

  it('excludes the warm-up: arrivals counted are about lambda x (duration - warm-up)', () => {
    const r = runScenario(
      def,
      scenario({ seed: 3, durationS: 1000, warmupS: 200, params: { arrivalRate: 80 } }),
    );
    const expected = 80 * 800; // Poisson count: sd sqrt(64 000) = 253
    expect(Math.abs(r.summary.requests.arrived - expected)).toBeLessThan(4 * Math.sqrt(expected));
    expect(Math.abs(r.summary.throughputRps - 80)).toBeLessThan((4 * Math.sqrt(expected)) / 800);
    const full = runScenario(
      def,
      scenario({ seed: 3, durationS: 1000, warmupS: 0, params: { arrivalRate: 80 } }),
    );
    // Same seed, same sample path: the warm-up only changes what is counted.
    expect(full.summary.requests.arrived).toBeGreaterThan(r.summary.requests.arrived);
    expect(Math.abs(full.summary.requests.arrived - 80_000)).toBeLessThan(4 * Math.sqrt(80_000));
    expect(full.summary.latencyMs.max).toBeGreaterThanOrEqual(r.summary.latencyMs.max);
  });
});
