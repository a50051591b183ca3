// The autoscaler around a policy: evaluation windows, cooldown for reactive decisions only,
// scale-in stabilisation (the highest recommendation in the window wins), min/max limits.
import { describe, expect, it } from 'vitest';
import { Autoscaler, type AutoscalerSettings, type ScalableFleet } from './Autoscaler.ts';
import { REASON, type Decision, type PolicyContext, type ScalingPolicy } from './policy.ts';
import { targetTracking } from './policies/targetTracking.ts';

class FakeFleet implements ScalableFleet {
  constructor(public active: number) {}
  readonly calls: number[] = [];
  view() {
    const a = this.active;
    return { desired: a, booting: 0, warming: 0, inService: a };
  }
  setDesired(n: number) {
    this.calls.push(n);
    this.active = n;
  }
}

const SETTINGS: AutoscalerSettings = {
  scaleOutAtPct: 100,
  scaleInAtPct: 50,
  stepSize: 2,
  scheduleStartHour: 8.75,
  scheduleEndHour: 10.25,
  scheduledInstances: 15,
  minInstances: 2,
  maxInstances: 40,
  forecastLeadS: 600,
  rpsPerInstanceAtTarget: 70,
  evaluationPeriods: 1,
  cooldownS: 300,
  scaleInStabilizationS: 0,
};

/** A policy that wants whatever the test says next, reactive or planned. */
function scripted(reactive: boolean) {
  const seen: PolicyContext[] = [];
  let next: number | null = null;
  const policy: ScalingPolicy = {
    name: 'simple',
    decide(ctx): Decision | null {
      seen.push(ctx);
      if (next === null) return null;
      const code = reactive ? REASON.simpleOut : REASON.scheduleOn;
      return { desired: next, reason: { code, value: next, threshold: 0, periods: 1 }, reactive };
    },
  };
  return { policy, seen, want: (n: number | null) => (next = n) };
}

function make(active: number, over: Partial<AutoscalerSettings>, reactive = true) {
  const fleet = new FakeFleet(active);
  const s = scripted(reactive);
  const a = new Autoscaler(s.policy, { ...SETTINGS, ...over }, fleet);
  const step = (t: number, want: number | null, datapoint = 50) => {
    s.want(want);
    return a.evaluate(t, t, datapoint, { name: 'cpu', target: 70 }, () => null);
  };
  return { fleet, a, step, seen: s.seen };
}

describe('Autoscaler', () => {
  it('a cooldown blocks reactive decisions until it has run out', () => {
    const { fleet, step, a } = make(4, { cooldownS: 300 });
    expect(step(60, 8)).toMatchObject({ atS: 60, from: 4, to: 8 });
    expect(a.cooldownLeft(120)).toBe(240);
    expect(step(120, 12)).toBeNull();
    expect(step(300, 12)).toBeNull(); // 60 + 300 = 360 not reached
    expect(step(360, 12)).toMatchObject({ from: 8, to: 12 });
    expect(fleet.calls).toEqual([8, 12]);
    expect(a.cooldownLeft(1000)).toBe(0);
  });

  it('a cooldown does not hold planned (scheduled or forecast) decisions', () => {
    const { fleet, step } = make(4, { cooldownS: 3600 }, false);
    step(60, 15);
    step(120, 20);
    step(180, 6);
    expect(fleet.calls).toEqual([15, 20, 6]);
  });

  it('stabilisation: scale in only to the highest recommendation inside the window', () => {
    const { fleet, step } = make(10, { cooldownS: 0, scaleInStabilizationS: 300 });
    step(0, 10);
    step(60, 9);
    expect(fleet.active).toBe(10); // 10 was wanted at t = 0
    step(120, 6);
    expect(fleet.active).toBe(10);
    step(301, 5); // t = 0 left the window; highest left is 9 (t = 60)
    expect(fleet.active).toBe(9);
    step(361, 5); // the 9 at t = 60 left; highest is 6 (t = 120)
    expect(fleet.active).toBe(6);
    step(421, 5);
    expect(fleet.active).toBe(5);
    // Scale-out is never delayed by stabilisation.
    step(481, 30);
    expect(fleet.active).toBe(30);
  });

  it('a recommendation exactly at the window edge still counts', () => {
    const { fleet, step } = make(10, { cooldownS: 0, scaleInStabilizationS: 300 });
    step(0, 10);
    step(300, 4);
    expect(fleet.active).toBe(10);
    step(360, 4);
    expect(fleet.active).toBe(4);
  });

  it('clamps every decision to [min, max], and min above max means max', () => {
    const { fleet, step } = make(5, { cooldownS: 0, minInstances: 3, maxInstances: 12 });
    expect(step(0, 50)).toMatchObject({ to: 12 });
    expect(step(60, 0)).toMatchObject({ to: 3 });
    expect(step(120, 7.4)).toMatchObject({ to: 7 });
    expect(fleet.calls).toEqual([12, 3, 7]);
    const odd = make(5, { cooldownS: 0, minInstances: 20, maxInstances: 10 });
    expect(odd.step(0, 1)).toMatchObject({ to: 10 });
  });

  it('enforceLimits brings the fleet inside changed limits at once, as a limits action', () => {
    const { fleet, a, step } = make(8, { cooldownS: 3600 });
    step(0, 9); // starts a long cooldown
    a.settings = { ...a.settings, maxInstances: 5 };
    expect(a.enforceLimits(10)).toEqual({
      atS: 10,
      from: 9,
      to: 5,
      reason: { code: REASON.limits, value: 5, threshold: 0, periods: 0 },
    });
    a.settings = { ...a.settings, minInstances: 7, maxInstances: 40 };
    expect(a.enforceLimits(20)).toMatchObject({ from: 5, to: 7 });
    expect(a.enforceLimits(30)).toBeNull();
    expect(fleet.active).toBe(7);
  });

  it('a policy without a decision still moves a fleet outside the limits', () => {
    const { fleet, step } = make(50, { cooldownS: 0 });
    expect(step(0, null)).toMatchObject({ from: 50, to: 40, reason: { code: REASON.limits } });
    expect(fleet.active).toBe(40);
  });

  it('hands the policy the last evaluationPeriods datapoints, oldest first', () => {
    const { step, seen } = make(4, { evaluationPeriods: 3 });
    for (const [i, v] of [10, 20, 30, 40].entries()) step(60 * (i + 1), null, v);
    expect(seen.at(-1)?.metric.datapoints).toEqual([20, 30, 40]);
    expect(seen.at(-1)?.metric.target).toBe(70);
    expect(seen.at(-1)?.fleet.desired).toBe(4);
  });

  it('pads missing periods with NaN, so N periods means N datapoints (no act on the first one)', () => {
    const fleet = new FakeFleet(4);
    const a = new Autoscaler(targetTracking, { ...SETTINGS, evaluationPeriods: 3 }, fleet);
    const ev = (t: number, v: number) =>
      a.evaluate(t, t, v, { name: 'cpu', target: 70 }, () => null);
    expect(ev(60, 200)).toBeNull();
    expect(ev(120, 200)).toBeNull();
    expect(a.datapoints()).toEqual([NaN, 200, 200]);
    expect(ev(180, 200)).toMatchObject({ from: 4, to: 12 }); // ceil(4 x 200 / 70)
    // And after the metric changes, the window starts afresh.
    a.resetMetric();
    expect(ev(600, 10)).toBeNull();
  });
});
