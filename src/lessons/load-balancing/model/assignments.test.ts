// Grades the load-balancing assignments against the real model: intended solutions pass, naive
// settings fail, and the numeric and choice answers agree with what the simulation produces.
import { describe, expect, it } from 'vitest';
import {
  challengeScenario,
  gradeChoice,
  gradeNumeric,
  gradePrediction,
  predictionScenario,
} from '../../../sim/assignments.ts';
import type {
  Assignment,
  ChallengeAssignment,
  ChoiceAssignment,
  NumericAssignment,
  PredictionAssignment,
} from '../../../sim/assignments.ts';
import type { LessonModelDefinition } from '../../../sim/model.ts';
import { defaultValues } from '../../../sim/params.ts';
import type { ParamValue } from '../../../sim/params.ts';
import { runScenario, runValidated } from '../../../sim/run.ts';
import { validateScenario } from '../../../sim/scenario.ts';
import type { RunResult, Scenario } from '../../../sim/scenario.ts';
import { assignments, BIMODAL_P99_LIMIT_MS, REMAP_LIMIT, serversOf } from './assignments.ts';
import { loadBalancingModel } from './definition.ts';

const lessons: ReadonlyMap<string, LessonModelDefinition> = new Map([
  [loadBalancingModel.id, loadBalancingModel],
]);
const defaults = defaultValues(loadBalancingModel.paramGroups);

/** Validates a scenario the way the worker and the headless runner do, then runs it. */
const run = (scenario: Scenario): RunResult => runValidated(scenario, lessons);

function byId<K extends Assignment['kind']>(id: string, kind: K): Extract<Assignment, { kind: K }> {
  const a = assignments.find((x) => x.id === id);
  if (!a || a.kind !== kind) throw new Error(`no ${kind} assignment ${id}`);
  return a as Extract<Assignment, { kind: K }>;
}

/** A challenge run from the learner's view: defaults, then "set up", then their own changes. */
function attempt(
  a: ChallengeAssignment,
  learner: Readonly<Record<string, ParamValue>>,
  seed = 1,
): RunResult {
  return run(
    challengeScenario(loadBalancingModel.id, seed, a, { ...defaults, ...a.setup, ...learner }),
  );
}

/** Runs a free-standing scenario of the lesson (for numeric and choice answers). */
function runParams(params: Readonly<Record<string, ParamValue>>, durationS = 300, seed = 1) {
  return run({ lesson: loadBalancingModel.id, seed, durationS, warmupS: durationS / 10, params });
}

/** Feedback must quote figures from the run. */
const QUOTES_FIGURES = /\d\.\d|\d %|\d ms|\d s\b/;

describe('load-balancing assignments: structure', () => {
  it('has unique ids and every kind from the lesson plan', () => {
    const ids = assignments.map((a) => a.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(new Set(assignments.map((a) => a.kind))).toEqual(
      new Set(['challenge', 'prediction', 'numeric', 'choice', 'reflection']),
    );
  });

  it('uses only valid parameters and short runs', () => {
    for (const a of assignments) {
      if (a.kind === 'challenge') {
        for (const params of [a.fixed, a.setup]) {
          const v = validateScenario(
            { lesson: loadBalancingModel.id, durationS: a.durationS, warmupS: a.warmupS, params },
            lessons,
          );
          expect(v.ok ? [] : v.problems, a.id).toEqual([]);
        }
        expect(a.durationS).toBeLessThanOrEqual(600);
      }
      if (a.kind === 'prediction') {
        expect(validateScenario(predictionScenario(loadBalancingModel.id, 1, a), lessons).ok).toBe(
          true,
        );
        expect(a.durationS).toBeLessThanOrEqual(600);
      }
    }
  });
});

describe('Balance A, B and C', () => {
  const a = byId('lb-balance-abc', 'challenge');

  it.each([1, 2, 3])('passes with weights 1,1,2 and fails with 1,1,1 (seed %i)', (seed) => {
    const good = attempt(a, { weights: '1,1,2' }, seed);
    const verdict = a.check(good);
    expect(verdict.pass, verdict.feedback).toBe(true);
    expect(verdict.feedback).toMatch(QUOTES_FIGURES);

    const naive = a.check(attempt(a, {}, seed));
    expect(naive.pass).toBe(false);
    expect(naive.feedback).toMatch(/A 0\.9\d, B 0\.9\d, C 0\.4\d/);
  });

  it('accepts any multiple of the speeds, and the default weights (the speeds)', () => {
    expect(a.check(attempt(a, { weights: '2,2,4' })).pass).toBe(true);
    expect(a.check(attempt(a, { weights: '' })).pass).toBe(true);
  });

  it('rejects weights that are only roughly right', () => {
    expect(a.check(attempt(a, { weights: '1,1,3' })).pass).toBe(false);
    expect(a.check(attempt(a, { weights: '1,1,1.5' })).pass).toBe(false);
  });

  it('cannot be dodged by changing the fixed setting', () => {
    const r = attempt(a, { weights: '1,1,1', algorithm: 'least-connections', arrivalRate: 10 });
    expect(r.params.algorithm).toBe('weighted-round-robin');
    expect(a.check(r).pass).toBe(false);
  });
});

describe('What does plain round robin do to A and B at peak?', () => {
  const a: PredictionAssignment = byId('lb-round-robin-peak', 'prediction');

  it('lists every parameter, since the worker runs a prediction scenario as it is', () => {
    expect(Object.keys(a.params).sort()).toEqual(Object.keys(defaults).sort());
  });

  it.each([1, 2])('shows A and B overloaded while C has room (seed %i)', (seed) => {
    const result = runScenario(
      loadBalancingModel,
      predictionScenario(loadBalancingModel.id, seed, a),
    );
    expect(result.summary).toEqual(run(predictionScenario(loadBalancingModel.id, seed, a)).summary);
    const { optionId, evidence } = a.outcome(result);
    expect(optionId).toBe('ab-overloaded');
    expect(evidence).toMatch(/A 1\.00 busy/);
    expect(evidence).toMatch(/rejected/);
    const [A, B, C] = serversOf(result);
    expect(A && B && C).toBeTruthy();
    expect(C?.utilization).toBeLessThan(0.65);
    expect(gradePrediction(a, 'ab-overloaded', result).pass).toBe(true);
    expect(gradePrediction(a, 'even', result).pass).toBe(false);
  });

  it('reports "ab-busier" when the same fleet is below the tipping point', () => {
    const result = run({
      ...predictionScenario(loadBalancingModel.id, 1, a),
      params: { ...a.params, arrivalRate: 400 },
    });
    expect(a.outcome(result).optionId).toBe('ab-busier');
  });

  it('reports "even" when the weights match the speeds', () => {
    const result = run({
      ...predictionScenario(loadBalancingModel.id, 1, a),
      params: { ...a.params, algorithm: 'weighted-round-robin', weights: '1,1,2' },
    });
    expect(a.outcome(result).optionId).toBe('even');
  });
});

describe('Requests cost 10 ms or 5 s', () => {
  const a = byId('lb-bimodal-p99', 'challenge');
  const seeds = [1, 2, 3];

  it('uses a bimodal cost of 10 ms fast and 5 s slow', () => {
    const fastMs = Number(a.fixed.serviceTimeMs) / (0.99 + 0.01 * 500);
    expect(fastMs).toBeCloseTo(10, 0);
    expect(fastMs * 500).toBeGreaterThan(4900);
    expect(fastMs * 500).toBeLessThan(5100);
  });

  // least-response-time is left out: with the model's EWMA it currently misses (see report).
  it.each(['least-connections', 'weighted-least-connections', 'power-of-two'])(
    '%s keeps p99 under the limit',
    (algorithm) => {
      for (const seed of seeds) {
        const r = attempt(a, { algorithm }, seed);
        const v = a.check(r);
        expect(v.pass, v.feedback).toBe(true);
        expect(r.summary.latencyMs.p99).toBeLessThanOrEqual(BIMODAL_P99_LIMIT_MS - 900);
      }
    },
  );

  it.each(['round-robin', 'weighted-round-robin', 'random', 'ip-hash', 'consistent-hash'])(
    '%s misses it',
    (algorithm) => {
      for (const seed of seeds) {
        const r = attempt(a, { algorithm }, seed);
        const v = a.check(r);
        expect(v.pass).toBe(false);
        expect(v.feedback).toMatch(QUOTES_FIGURES);
        expect(r.summary.latencyMs.p99).toBeGreaterThan(BIMODAL_P99_LIMIT_MS + 1000);
      }
    },
  );
});

describe("How unbalanced does a NAT'd office make IP hash?", () => {
  const a: NumericAssignment = byId('lb-nat-ip-hash', 'numeric');

  it('matches the simulated share of the busiest server', () => {
    for (const seed of [1, 2]) {
      const r = runParams(
        { algorithm: 'ip-hash', servers: 5, natShare: 0.3, arrivalRate: 30 },
        600,
        seed,
      );
      const busiest = Math.max(...serversOf(r).map((s) => s.share));
      expect(r.summary.requests.rejected).toBe(0);
      expect(Math.abs(busiest * 100 - a.answer)).toBeLessThanOrEqual(a.tolerance);
    }
  });

  it('grades the theory and rejects the naive answers', () => {
    expect(gradeNumeric(a, 0.3 * 100 + 70 / 5).pass).toBe(true);
    expect(gradeNumeric(a, 20).pass).toBe(false);
    expect(gradeNumeric(a, 30).pass).toBe(false);
  });
});

describe('How many clients move when one of 10 servers leaves?', () => {
  const a: ChoiceAssignment = byId('lb-remap-share', 'choice');

  it('has the option the simulation shows as correct', () => {
    const remap = (algorithm: string): number => {
      const r = runParams(
        { algorithm, servers: 10, failServerIndex: 3, failAtS: 30, failDurationS: 0 },
        120,
      );
      const share = r.summary.remappedShare;
      if (typeof share !== 'number') throw new Error('no remap recorded');
      return share;
    };
    const modulo = remap('ip-hash');
    const ring = remap('consistent-hash');
    expect(modulo).toBeGreaterThan(0.8);
    expect(ring).toBeLessThan(0.15);
    expect(a.correctId).toBe('modulo-90-ring-10');
    expect(gradeChoice(a, a.correctId).pass).toBe(true);
    for (const o of a.options) expect(o.explanation.length).toBeGreaterThan(40);
  });
});

describe('Lose a server, keep the clients', () => {
  const a = byId('lb-keep-clients', 'challenge');

  it('passes with a consistent-hash ring', () => {
    const r = attempt(a, { algorithm: 'consistent-hash', vnodes: 100 });
    const v = a.check(r);
    expect(v.pass, v.feedback).toBe(true);
    expect(r.summary.remappedShare).toBeLessThanOrEqual(REMAP_LIMIT);
    expect(v.feedback).toMatch(/remappedShare 0\.\d\d/);
  });

  it('fails with hash mod N, with a ring of one point per server, and without affinity', () => {
    const modulo = a.check(attempt(a, {}));
    expect(modulo.pass).toBe(false);
    expect(modulo.feedback).toMatch(/remappedShare 0\.[89]\d/);
    expect(a.check(attempt(a, { algorithm: 'consistent-hash', vnodes: 1 })).pass).toBe(false);
    const roundRobin = a.check(attempt(a, { algorithm: 'round-robin' }));
    expect(roundRobin.pass).toBe(false);
    expect(roundRobin.feedback).toMatch(/no client had a server/);
  });
});

describe('reflection', () => {
  it('has a model answer and a 3-5 item rubric', () => {
    const a = byId('lb-abc-reflection', 'reflection');
    expect(a.modelAnswer.length).toBeGreaterThan(200);
    expect(a.rubric.length).toBeGreaterThanOrEqual(3);
    expect(a.rubric.length).toBeLessThanOrEqual(5);
  });
});
