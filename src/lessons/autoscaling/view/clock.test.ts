import { describe, expect, it } from 'vitest';
import { clockTicks } from './clock.ts';

describe('clockTicks', () => {
  it('puts ticks on whole hours of the clock when the run starts on the hour', () => {
    // Clock starts at 08:00; 3-hour ticks fall on 09:00, 12:00, 15:00.
    expect(clockTicks(0, 8 * 3600, 3 * 3600, 8)).toEqual([3600, 4 * 3600, 7 * 3600]);
  });

  it('puts ticks on whole hours when the run starts at half past', () => {
    // Clock starts at 08:30: 09:00 is 1800 s in, 10:00 is 5400 s in.
    expect(clockTicks(0, 6000, 3600, 8.5)).toEqual([1800, 5400]);
  });

  it('includes both ends when they fall on a tick and gives nothing for bad input', () => {
    expect(clockTicks(3600, 7200, 3600, 0)).toEqual([3600, 7200]);
    expect(clockTicks(0, 100, 0, 0)).toEqual([]);
    expect(clockTicks(100, 0, 60, 0)).toEqual([]);
    expect(clockTicks(Number.NaN, 100, 60, 0)).toEqual([]);
  });
});
