import { describe, expect, it } from 'vitest';
import { niceCeil, plotColumns, valueRange } from './plotData.ts';

describe('plotColumns', () => {
  const rows = [
    { t: 0, a: 1, b: 2, c: 3, line: 10 },
    { t: 60, a: 4, b: null, c: 1, line: null },
    { t: 120, a: 2, b: 2, c: 2, line: 7 },
  ];

  it('stacks the areas bottom first and keeps the lines as they are', () => {
    const { columns, areaValues } = plotColumns(rows, 't', ['a', 'b', 'c'], ['line']);
    expect(columns[0]).toEqual([0, 60, 120]);
    expect(columns[1]).toEqual([1, 4, 2]);
    expect(columns[2]).toEqual([3, null, 4]);
    // A gap in a lower area leaves every sum above it a gap, not a wrong total.
    expect(columns[3]).toEqual([6, null, 6]);
    expect(columns[4]).toEqual([10, null, 7]);
    expect(areaValues).toEqual([
      [1, 4, 2],
      [2, null, 2],
      [3, 1, 2],
    ]);
  });

  it('turns missing and non-finite values into gaps', () => {
    const { columns } = plotColumns(
      [{ t: 0, v: Number.NaN }, { t: 1 }, { t: 2, v: Infinity }, { t: 3, v: 5 }],
      't',
      [],
      ['v'],
    );
    expect(columns[1]).toEqual([null, null, null, 5]);
  });

  it('gives empty columns for no rows', () => {
    expect(plotColumns([], 't', ['a'], ['b']).columns).toEqual([[], [], []]);
  });
});

describe('valueRange', () => {
  it('starts at zero and rounds the top up a little above the data', () => {
    expect(valueRange([[1, 2, 9.5, null]], [])).toEqual([0, 10]);
    expect(valueRange([[0.2, 0.26]], [])).toEqual([0, 0.3]);
  });

  it('keeps a reference line above the data in view', () => {
    // p99 of 50 ms under a 10 s timeout line: the timeout must still show.
    expect(valueRange([[50, 48]], [200, 10_000])).toEqual([0, 12_000]);
  });

  it('uses a fixed top when one is given', () => {
    expect(valueRange([[120]], [], 100)).toEqual([0, 100]);
  });

  it('gives a unit range when there is nothing above zero', () => {
    expect(valueRange([[null, 0]], [])).toEqual([0, 1]);
    expect(valueRange([], [Number.NaN])).toEqual([0, 1]);
  });
});

describe('niceCeil', () => {
  it('rounds up to 1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6 or 8 times a power of ten', () => {
    expect([0.7, 1, 1.1, 1.3, 17, 21, 260, 3001, 45, 55, 79, 81].map(niceCeil)).toEqual([
      0.8, 1, 1.2, 1.5, 20, 25, 300, 4000, 50, 60, 80, 100,
    ]);
  });
});
