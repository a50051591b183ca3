// The fleet's lifecycle, timed by a real Simulation: boot, warm-up at half speed, serving,
// drain; the capacity and billing integrals; which instance goes first on scale-in.
import { describe, expect, it } from 'vitest';
import { Simulation } from '../../core/Simulation.ts';
import { BOOTING, DRAINING, Fleet, IN_SERVICE, WARMING, type FleetOptions } from './Fleet.ts';

const OPTIONS: FleetOptions = {
  capacityRps: 100,
  provisioningDelayS: 120,
  instanceWarmupS: 60,
  warmupSpeed: 0.5,
  drainS: 30,
};

function make(over: Partial<FleetOptions> = {}) {
  const sim = new Simulation();
  const fleet = new Fleet(sim, { ...OPTIONS, ...over }, null, 0, 64);
  const at = (t: number) => {
    sim.advance(t, 1e6);
    return fleet.view();
  };
  return { sim, fleet, at };
}

describe('Fleet lifecycle', () => {
  it('boots for provisioningDelayS, warms for instanceWarmupS, then serves (exact times)', () => {
    const { fleet, at } = make();
    fleet.startWith(2);
    expect(fleet.view()).toEqual({ desired: 2, booting: 0, warming: 0, inService: 2 });
    at(10);
    fleet.setDesired(5); // three launched at t = 10
    expect(fleet.view()).toEqual({ desired: 5, booting: 3, warming: 0, inService: 2 });
    expect(at(129.999)).toMatchObject({ booting: 3, warming: 0 });
    expect(at(130)).toMatchObject({ booting: 0, warming: 3, inService: 2 });
    expect(fleet.capacityRps()).toBe(2 * 100 + 3 * 50);
    expect(at(189.999)).toMatchObject({ warming: 3 });
    expect(at(190)).toEqual({ desired: 5, booting: 0, warming: 0, inService: 5 });
    expect(fleet.capacityRps()).toBe(500);
  });

  it('skips the warming state when instanceWarmupS is 0', () => {
    const { fleet, at } = make({ instanceWarmupS: 0 });
    fleet.setDesired(1);
    expect(at(119)).toMatchObject({ booting: 1 });
    expect(at(120)).toMatchObject({ booting: 0, warming: 0, inService: 1 });
  });

  it('drains a removed serving instance for drainS (billed, no capacity), then frees it', () => {
    const { fleet, at } = make();
    fleet.startWith(3);
    at(100);
    fleet.setDesired(2);
    expect(fleet.counts[DRAINING]).toBe(1);
    expect(fleet.active).toBe(2);
    expect(fleet.billed).toBe(3);
    expect(fleet.capacityRps()).toBe(200);
    at(129.999);
    expect(fleet.billed).toBe(3);
    at(130);
    expect(fleet.billed).toBe(2);
    expect(fleet.counts[DRAINING]).toBe(0);
  });

  it('integrates capacity (half speed while warming) and in-service seconds exactly', () => {
    const { fleet, at } = make();
    fleet.startWith(1);
    fleet.setDesired(2); // launched at 0: boots to 120, warms to 180
    at(300);
    // 1 x 100 x 300 + the new one: 0 booting, 50 req/s for 60 s, 100 req/s for 120 s.
    expect(fleet.takeCapacity()).toBeCloseTo(30_000 + 3_000 + 12_000, 9);
    expect(fleet.takeCountedSeconds()).toBeCloseTo(300 + 120, 9);
    expect(fleet.takeCapacity()).toBe(0); // reset by take
    at(310);
    expect(fleet.takeCapacity()).toBeCloseTo(2_000, 9);
  });

  it('bills every launched instance from launch to stop, from the statistics start', () => {
    const { fleet, at } = make();
    fleet.statsStartS = 100;
    fleet.startWith(2);
    at(50);
    fleet.setDesired(3); // +1 booting at 50
    at(200);
    fleet.setDesired(2); // the newest (warming 170..230) drains from 200 to 230
    at(1000);
    fleet.touch();
    // From 100: 2 instances to 1000 (1800 s) + the third from 100 to 200 + 30 s drain (130 s).
    expect(fleet.billedSeconds).toBeCloseTo(1800 + 130, 9);
  });

  it('a cancelled booting instance stops at once and its boot event is ignored', () => {
    const { fleet, at } = make();
    fleet.startWith(1);
    fleet.setDesired(2);
    at(60);
    fleet.setDesired(1); // cancelled while booting: no drain, billed 60 s only
    expect(fleet.billed).toBe(1);
    fleet.setDesired(2); // relaunched into the same slot at 60, boots until 180
    at(120); // the stale boot event of the first launch fires here and must be ignored
    expect(fleet.view()).toMatchObject({ booting: 1, warming: 0 });
    at(180);
    expect(fleet.view()).toMatchObject({ booting: 0, warming: 1 });
    at(1000);
    fleet.touch();
    expect(fleet.billedSeconds).toBeCloseTo(1000 + 60 + 940, 9);
  });

  it('a stale warm-up or drain event of a reused slot is ignored', () => {
    const { fleet, at } = make({ drainS: 100 });
    fleet.startWith(1);
    fleet.setDesired(2); // slot 1: boot to 120, warm to 180
    at(150);
    fleet.setDesired(1); // slot 1 drains from 150 until 250 (warm event at 180 is stale)
    at(181);
    expect(fleet.counts[IN_SERVICE]).toBe(1);
    expect(fleet.counts[DRAINING]).toBe(1);
    at(250);
    fleet.setDesired(2); // slot 1 again, boots until 370
    at(365);
    expect(fleet.view()).toMatchObject({ booting: 1, warming: 0, inService: 1 });
  });

  it('removes booting instances first, then warming ones, then the newest serving one', () => {
    const { fleet, sim, at } = make();
    fleet.startWith(3); // slots 0, 1, 2 serving
    fleet.setDesired(4); // slot 3 launched at 0: warming 120..180
    at(130);
    fleet.setDesired(6); // slots 4, 5 booting until 250
    const stateOf = (i: number) => fleet.state[i];
    fleet.setDesired(5);
    expect([stateOf(4), stateOf(5)]).toEqual([BOOTING, 0]); // newest booting went first
    fleet.setDesired(4);
    expect(stateOf(4)).toBe(0);
    expect(stateOf(3)).toBe(WARMING);
    fleet.setDesired(3);
    expect(stateOf(3)).toBe(DRAINING); // then the warming one
    fleet.setDesired(2);
    expect(stateOf(2)).toBe(DRAINING); // then the newest serving
    expect([stateOf(0), stateOf(1)]).toEqual([IN_SERVICE, IN_SERVICE]);
    expect(sim.now).toBe(130);
  });

  it('packs every non-free instance as [state, since, launched]', () => {
    const { fleet, at } = make();
    fleet.startWith(1);
    at(10);
    fleet.setDesired(2);
    expect(Array.from(fleet.packInstances())).toEqual([IN_SERVICE, 0, 0, BOOTING, 10, 10]);
  });
});
