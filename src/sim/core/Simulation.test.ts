import { describe, expect, it } from 'vitest';
import { Simulation } from './Simulation.ts';

describe('Simulation', () => {
  it('runs events in time order and stops the clock at the horizon', () => {
    const sim = new Simulation();
    const seen: number[] = [];
    const kind = sim.register((a) => seen.push(a));
    sim.schedule(2, kind, 2);
    sim.schedule(1, kind, 1);
    sim.schedule(5, kind, 5);
    expect(sim.advance(3, 100)).toBe(true);
    expect(seen).toEqual([1, 2]);
    expect(sim.now).toBe(3);
  });

  it('stops when the event budget runs out and resumes where it left off', () => {
    const sim = new Simulation();
    let count = 0;
    const kind = sim.register(() => count++);
    for (let i = 0; i < 10; i++) sim.schedule(i, kind);
    expect(sim.advance(100, 4)).toBe(false);
    expect(count).toBe(4);
    expect(sim.advance(100, 100)).toBe(true);
    expect(count).toBe(10);
  });

  it('refuses an event at a time that is not a number (regression: silent NaN ordering)', () => {
    const sim = new Simulation();
    const kind = sim.register(() => undefined);
    expect(() => sim.schedule(NaN, kind)).toThrow(/not a number/);
  });

  it('a timer fires once, at the time it was last set to, never before now', () => {
    const sim = new Simulation();
    const seen: [number, number][] = [];
    const kind = sim.register((a) => seen.push([sim.now, a]));
    const timer = sim.addTimer(kind, 7);
    sim.setTimer(timer, 4);
    sim.setTimer(timer, 2);
    sim.advance(3, 100);
    sim.setTimer(timer, 1); // in the past: fires now
    sim.advance(10, 100);
    expect(seen).toEqual([
      [2, 7],
      [3, 7],
    ]);
    expect(() => sim.setTimer(timer, NaN)).toThrow(/not a number/);
  });
});
