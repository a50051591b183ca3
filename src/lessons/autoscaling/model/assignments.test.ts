// Grades the autoscaling assignments against the real model: intended solutions pass, naive
// settings fail for the reason the feedback gives, and the numeric, choice and prediction
// answers agree with what the simulation produces.
import { describe, expect, it } from 'vitest';
import {
  challengeScenario,
  gradeChoice,
  gradeNumeric,
  gradePrediction,
  predictionScenario,
  type Assignment,
  type ChallengeAssignment,
} from '../../../sim/assignments.ts';
import { defaultValues, type ParamValue } from '../../../sim/params.ts';
import { runValidated } from '../../../sim/run.ts';
import type { RunResult, Scenario } from '../../../sim/scenario.ts';
import { lessonModels } from '../../modelRegistry.ts';
import {
  assignments,
  autoscalerOf,
  CALM_MAX_DIRECTION_CHANGES,
  FIRST_FULL_SPEED_S,
  HYBRID_SLO_BUDGET_S,
  SCHEDULE_COST_CAP,
} from './assignments.ts';
import { AutoscalingSim } from './AutoscalingSim.ts';
import { autoscalingModel } from './definition.ts';

const defaults = defaultValues(autoscalingModel.paramGroups);
const run = (scenario: Scenario): RunResult => runValidated(scenario, lessonModels);

function byId<K extends Assignment['kind']>(id: string, kind: K): Extract<Assignment, { kind: K }> {
  const a = assignments.find((x) => x.id === id);
  if (!a || a.kind !== kind) throw new Error(`no ${kind} assignment ${id}`);
  return a as Extract<Assignment, { kind: K }>;
}

/** A challenge run from the learner's view: defaults, then "set up", then their own changes. */
function attempt(a: ChallengeAssignment, learner: Readonly<Record<string, ParamValue>>, seed = 1) {
  const result = run(
    challengeScenario(autoscalingModel.id, seed, a, { ...defaults, ...a.setup, ...learner }),
  );
  return { result, verdict: a.check(result) };
}

describe('autoscaling assignments', () => {
  it('have unique ids, and every challenge pins only known parameters', () => {
    const ids = assignments.map((a) => a.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const a of assignments) {
      if (a.kind !== 'challenge') continue;
      for (const name of [...Object.keys(a.fixed), ...a.focus, ...Object.keys(a.setup)]) {
        expect(defaults, `${a.id}: ${name}`).toHaveProperty(name);
      }
      for (const name of a.focus)
        expect(a.fixed, `${a.id} pins its focus ${name}`).not.toHaveProperty(name);
    }
  });

  it('names all three delays in series as the cause of the morning errors', () => {
    const a = byId('as-delays', 'choice');
    expect(gradeChoice(a, 'all').pass).toBe(true);
    for (const wrong of ['detection', 'provisioning', 'warmup'])
      expect(gradeChoice(a, wrong).pass).toBe(false);
  });

  it('puts the first added instance at full speed 360 s after 09:00, as the model does', () => {
    const a = byId('as-first-full-speed', 'numeric');
    expect(gradeNumeric(a, FIRST_FULL_SPEED_S).pass).toBe(true);
    expect(gradeNumeric(a, 180).pass).toBe(false);
    // The model: the first action at 09:03 (one hour and three minutes into a run from 08:00).
    const sim = new AutoscalingSim({ seed: 1, warmupS: 0, params: defaults });
    sim.advance(3600 + 3 * 60, 1e9);
    const firstActionS = sim.actions[0];
    expect(firstActionS).toBe(3600 + 180);
    sim.advance(3600 + FIRST_FULL_SPEED_S - 1, 1e9);
    expect(sim.fleet.view().warming).toBeGreaterThan(0);
    sim.advance(3600 + FIRST_FULL_SPEED_S, 1e9);
    expect(sim.fleet.view().warming).toBe(0);
    expect(sim.fleet.view().inService).toBeGreaterThan(3);
  });

  describe('be ready before nine (predictive)', () => {
    const a = byId('as-predictive', 'challenge');
    it('fails with the set-up lead of 60 s: the spike arrives before the capacity is warm', () => {
      const { result, verdict } = attempt(a, {});
      expect(verdict.pass).toBe(false);
      expect(result.summary.requests.failed).toBeGreaterThan(0);
      expect(verdict.feedback).toMatch(/boot plus warm-up/);
    });
    it('passes with a lead of boot plus warm-up or more', () => {
      for (const lead of [180, 600])
        expect(attempt(a, { forecastLeadS: lead }).verdict.pass).toBe(true);
    });
    it('refuses a reactive policy, even a well-tuned one', () => {
      expect(attempt(a, { policy: 'target-tracking' }).verdict.pass).toBe(false);
    });
  });

  describe('the surge nobody forecast (hybrid)', () => {
    const a = byId('as-hybrid', 'challenge');
    it('fails with predictive alone, and with the hybrid on CPU', () => {
      expect(attempt(a, {}).verdict.pass).toBe(false);
      const cpu = attempt(a, { policy: 'predictive+reactive' });
      expect(cpu.verdict.pass).toBe(false);
      expect(cpu.verdict.feedback).toMatch(/CPU cannot go above 100 %/);
    });
    it('passes with the hybrid on requests per instance, across seeds', () => {
      for (const seed of [1, 2, 3]) {
        const { result, verdict } = attempt(
          a,
          { policy: 'predictive+reactive', scalingMetric: 'rps-per-instance' },
          seed,
        );
        expect(verdict.pass, verdict.feedback).toBe(true);
        expect(autoscalerOf(result)?.sloViolationS).toBeLessThanOrEqual(HYBRID_SLO_BUDGET_S);
      }
    });
    it('does not let a large fixed fleet buy its way through', () => {
      const { verdict } = attempt(a, {
        policy: 'predictive+reactive',
        scalingMetric: 'rps-per-instance',
        forecastLeadS: 600,
        targetUtilization: 10,
      });
      expect(verdict.pass).toBe(false);
      expect(verdict.feedback).toMatch(/budget/);
    });
  });

  describe('a schedule instead of a forecast', () => {
    const a = byId('as-scheduled', 'challenge');
    it('fails with the set-up minimum of 2: the base load saturates two instances', () => {
      const { verdict } = attempt(a, {});
      expect(verdict.pass).toBe(false);
      expect(verdict.feedback).toMatch(/minimum/);
    });
    it('fails on cost with a loose window, and passes with a tight one', () => {
      const loose = attempt(a, { minInstances: 3 });
      expect(loose.verdict.pass).toBe(false);
      expect(autoscalerOf(loose.result)?.cost).toBeGreaterThan(SCHEDULE_COST_CAP);
      const tight = attempt(a, { minInstances: 3, scheduleStartHour: 8.75, scheduleEndHour: 10.1 });
      expect(tight.verdict.pass, tight.verdict.feedback).toBe(true);
    });
    it('fails when the schedule starts too late for boot and warm-up', () => {
      const late = attempt(a, { minInstances: 3, scheduleStartHour: 9, scheduleEndHour: 10.1 });
      expect(late.verdict.pass).toBe(false);
    });
  });

  describe('stop the flapping', () => {
    const a = byId('as-calm', 'challenge');
    it('fails as set up, with many changes of direction', () => {
      const { result, verdict } = attempt(a, {});
      expect(verdict.pass).toBe(false);
      expect(autoscalerOf(result)?.directionChanges).toBeGreaterThan(
        4 * CALM_MAX_DIRECTION_CHANGES,
      );
    });
    it('passes with a cooldown, scale-in stabilisation and three periods, across seeds', () => {
      for (const seed of [1, 2]) {
        const { verdict } = attempt(
          a,
          { cooldownS: 300, scaleInStabilizationS: 900, evaluationPeriods: 3 },
          seed,
        );
        expect(verdict.pass, verdict.feedback).toBe(true);
      }
    });
  });

  describe('the wrong metric', () => {
    it('shows CPU never scaling out while latency reaches the timeout', () => {
      const a = byId('as-wrong-metric-predict', 'prediction');
      const result = run(predictionScenario(autoscalingModel.id, 1, a));
      const verdict = gradePrediction(a, 'never-scales', result);
      expect(verdict.pass, verdict.evidence).toBe(true);
      expect(result.summary.latencyMs.p99).toBeGreaterThan(9000);
      expect(gradePrediction(a, 'recovers', result).pass).toBe(false);
    });
    const fix = byId('as-wrong-metric-fix', 'challenge');
    it('cannot be fixed by any scaling metric', () => {
      for (const scalingMetric of ['cpu', 'rps-per-instance', 'queue-depth', 'p99-latency']) {
        expect(attempt(fix, { scalingMetric }).verdict.pass, scalingMetric).toBe(false);
      }
      const latency = attempt(fix, { scalingMetric: 'p99-latency' });
      expect(latency.verdict.feedback).toMatch(/contention/);
    });
    it('is fixed at the pool', () => {
      const { verdict } = attempt(fix, { dbPoolSize: 80 });
      expect(verdict.pass, verdict.feedback).toBe(true);
    });
  });
});
