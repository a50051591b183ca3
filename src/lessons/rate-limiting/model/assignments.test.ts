// Grades the rate-limiting assignments against the real model: intended solutions pass, naive
// settings fail, and the numeric and choice answers agree with what the simulation produces.
import { describe, expect, it } from 'vitest';
import {
  challengeScenario,
  gradeChoice,
  gradeNumeric,
  gradePrediction,
  predictionScenario,
} from '../../../sim/assignments.ts';
import type { Assignment, ChallengeAssignment } from '../../../sim/assignments.ts';
import type { LessonModelDefinition } from '../../../sim/model.ts';
import { defaultValues } from '../../../sim/params.ts';
import type { ParamValue } from '../../../sim/params.ts';
import { runValidated } from '../../../sim/run.ts';
import { validateScenario } from '../../../sim/scenario.ts';
import type { RunResult, Scenario } from '../../../sim/scenario.ts';
import {
  assignments,
  BOUNDARY_FACTOR,
  BURST_CEILING,
  BURST_MIN_ACCEPTED,
  limiterOf,
  type LimiterFigures,
} from './assignments.ts';
import { rateLimitingModel } from './definition.ts';

const lessons: ReadonlyMap<string, LessonModelDefinition> = new Map([
  [rateLimitingModel.id, rateLimitingModel],
]);
const defaults = defaultValues(rateLimitingModel.paramGroups);

/** Validates a scenario the way the worker and the headless runner do, then runs it. */
const run = (scenario: Scenario): RunResult => runValidated(scenario, lessons);

function figures(result: RunResult): LimiterFigures {
  const r = limiterOf(result);
  if (!r) throw new Error('no limiter figures');
  return r;
}

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
    challengeScenario(rateLimitingModel.id, seed, a, { ...defaults, ...a.setup, ...learner }),
  );
}

function runParams(params: Readonly<Record<string, ParamValue>>, durationS = 300, seed = 1) {
  return run({ lesson: rateLimitingModel.id, seed, durationS, warmupS: 0, params });
}

const QUOTES_FIGURES = /\d/;

describe('rate-limiting assignments: structure', () => {
  it('has unique ids and every kind', () => {
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
            { lesson: rateLimitingModel.id, durationS: a.durationS, warmupS: a.warmupS, params },
            lessons,
          );
          expect(v.ok ? [] : v.problems, a.id).toEqual([]);
        }
        expect(a.durationS).toBeLessThanOrEqual(600);
        for (const name of a.focus) expect(name in a.fixed, `${a.id} ${name}`).toBe(false);
      }
      if (a.kind === 'prediction') {
        expect(Object.keys(a.params).sort()).toEqual(Object.keys(defaults).sort());
        expect(validateScenario(predictionScenario(rateLimitingModel.id, 1, a), lessons).ok).toBe(
          true,
        );
      }
    }
  });
});

describe('Allow bursts, cap every minute', () => {
  const a = byId('rl-burst-policy', 'challenge');

  it.each([1, 2, 3])(
    'passes with a sliding log and fails with the fixed window (seed %i)',
    (seed) => {
      const good = attempt(a, { algorithm: 'sliding-log' }, seed);
      const v = a.check(good);
      expect(v.pass, v.feedback).toBe(true);
      expect(figures(good).maxAcceptedInWindow).toBeLessThanOrEqual(BURST_CEILING);
      expect(figures(good).accepted).toBeGreaterThanOrEqual(BURST_MIN_ACCEPTED);

      const naive = attempt(a, {}, seed);
      const n = a.check(naive);
      expect(n.pass).toBe(false);
      expect(n.feedback).toMatch(/straddles a window edge/);
      expect(figures(naive).maxAcceptedInWindow).toBeGreaterThan(BURST_CEILING);
    },
  );

  it('also passes with a sliding log of 110', () => {
    expect(a.check(attempt(a, { algorithm: 'sliding-log', limit: 110 })).pass).toBe(true);
  });

  it('fails with the default token bucket, a small one, and the default leaky bucket', () => {
    const big = a.check(attempt(a, { algorithm: 'token-bucket' }));
    expect(big.pass).toBe(false);
    expect(big.feedback).toMatch(/full bucket/);
    const small = a.check(attempt(a, { algorithm: 'token-bucket', bucketCapacity: 10 }));
    expect(small.pass).toBe(false);
    expect(small.feedback).toMatch(/small bucket/);
    const leaky = a.check(attempt(a, { algorithm: 'leaky-bucket' }));
    expect(leaky.pass).toBe(false);
    expect(leaky.feedback).toMatch(QUOTES_FIGURES);
  });

  it('cannot be dodged by changing the traffic or the window', () => {
    const r = attempt(a, { trafficPattern: 'steady', rate: 0.5, windowS: 1 });
    expect(r.params.trafficPattern).toBe('bursty');
    expect(r.params.windowS).toBe(60);
    expect(a.check(r).pass).toBe(false);
  });
});

describe('What does request 101 receive?', () => {
  const a = byId('rl-request-101', 'prediction');

  it.each([1, 2, 3, 4])('shows a 429 after exactly 100 accepted (seed %i)', (seed) => {
    const result = run(predictionScenario(rateLimitingModel.id, seed, a));
    const r = figures(result);
    expect(r.accepted).toBe(100);
    expect(r.rejected).toBeGreaterThan(20);
    const { optionId, evidence } = a.outcome(result);
    expect(optionId).toBe('429');
    expect(evidence).toMatch(/request 101/);
    expect(gradePrediction(a, '429', result).pass).toBe(true);
    expect(gradePrediction(a, 'queued', result).pass).toBe(false);
  });

  it('reports "queued" for a leaky bucket', () => {
    const result = run({
      ...predictionScenario(rateLimitingModel.id, 1, a),
      params: { ...a.params, algorithm: 'leaky-bucket' },
    });
    expect(a.outcome(result).optionId).toBe('queued');
  });
});

describe('Eight gateways, eight counters', () => {
  const a = byId('rl-eight-local', 'numeric');

  it.each(['sliding-log', 'fixed-window'])('matches the simulation with %s', (algorithm) => {
    const r = figures(runParams({ algorithm, trafficPattern: 'steady', rate: 20, gateways: 8 }));
    // The sliding log is exact; a fixed window may go higher across a boundary.
    expect(r.maxAcceptedInWindow).toBeGreaterThanOrEqual(800);
    if (algorithm === 'sliding-log') expect(r.maxAcceptedInWindow).toBe(a.answer);
  });

  it('grades 800 and rejects the naive answers', () => {
    expect(gradeNumeric(a, 800).pass).toBe(true);
    expect(gradeNumeric(a, 100).pass).toBe(false);
    expect(gradeNumeric(a, 12.5).pass).toBe(false);
  });
});

describe('The counter store is down', () => {
  const a = byId('rl-fail-mode', 'choice');

  it('has explanations, and the simulation shows the two modes as the options say', () => {
    const outage = {
      algorithm: 'sliding-log',
      trafficPattern: 'steady',
      rate: 5,
      gateways: 8,
      centralStore: true,
      outageAtS: 60,
      outageDurationS: 120,
    };
    const open = figures(runParams({ ...outage, failMode: 'open' }));
    const closed = figures(runParams({ ...outage, failMode: 'closed' }));
    expect(open.acceptedDuringOutage).toBeGreaterThan(400);
    expect(open.rejectedDuringOutage).toBe(0);
    expect(closed.rejectedDuringOutage).toBe(open.acceptedDuringOutage);
    expect(gradeChoice(a, a.correctId).pass).toBe(true);
    expect(gradeChoice(a, 'closed').pass).toBe(false);
    for (const o of a.options) expect(o.explanation.length).toBeGreaterThan(40);
  });
});

describe('Get twice the limit through a fixed window', () => {
  const a = byId('rl-boundary-twice', 'challenge');

  it.each([1, 2])('passes with the boundary attack (seed %i)', (seed) => {
    const r = attempt(a, { trafficPattern: 'boundary-attack' }, seed);
    const v = a.check(r);
    expect(v.pass, v.feedback).toBe(true);
    expect(figures(r).maxAcceptedInWindow).toBeGreaterThanOrEqual(BOUNDARY_FACTOR * 100);
    expect(v.feedback).toMatch(/2\.00 times/);
  });

  it('passes with a short window too (the e2e journey uses 10 s)', () => {
    const r = attempt(a, { trafficPattern: 'boundary-attack', windowS: 10, limit: 20 });
    expect(a.check(r).pass).toBe(true);
  });

  it.each(['steady', 'bursty', 'random-bursts'])('fails with %s traffic', (trafficPattern) => {
    for (const rate of [2, 20]) {
      const v = a.check(attempt(a, { trafficPattern, rate }));
      expect(v.pass, `${trafficPattern} at ${rate}`).toBe(false);
      expect(v.feedback).toMatch(/\d\.\d\d times the limit/);
    }
  });

  it('cannot be dodged with another algorithm or more gateways', () => {
    const r = attempt(a, { algorithm: 'sliding-log', gateways: 8, rate: 50 });
    expect(r.params.algorithm).toBe('fixed-window');
    expect(r.params.gateways).toBe(1);
    expect(a.check(r).pass).toBe(false);
  });
});

describe('reflection', () => {
  it('has a model answer and a 3-5 item rubric', () => {
    const a = byId('rl-design', 'reflection');
    expect(a.modelAnswer.length).toBeGreaterThan(200);
    expect(a.rubric.length).toBeGreaterThanOrEqual(3);
    expect(a.rubric.length).toBeLessThanOrEqual(5);
  });
});
