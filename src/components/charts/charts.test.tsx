// Component tests for the chart wrappers' text alternatives and the palette's contrast.
import { render, screen } from '@testing-library/react';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { BarChartCard, slotTicks } from './BarChartCard.tsx';
import { describeLatest, formatValue } from './chartText.ts';
import { CHART_COLORS, SERIES_COLORS, THEORY_COLOR } from './palette.ts';
import { TimeSeriesChart } from './TimeSeriesChart.tsx';

// jsdom has no canvas to draw on; these tests are about the cards' text alternatives, and the
// drawing is checked in the browser (e2e). The stand-in records the data it was given.
const drawn: unknown[] = [];
vi.mock('uplot', () => ({
  default: class {
    static paths = {};
    static pxRatio = 1;
    width = 360;
    height = 190;
    constructor(_opts: unknown, data: unknown) {
      drawn.push(data);
    }
    setData(data: unknown) {
      drawn.push(data);
    }
    setSize() {}
    destroy() {}
  },
}));

beforeAll(() => {
  vi.stubGlobal(
    'ResizeObserver',
    class {
      observe() {}
      unobserve() {}
      disconnect() {}
    },
  );
});

const latency = [
  { t: 0, p99: 40, theory: 35 },
  { t: 10, p99: 84.23, theory: null },
  { t: 20, p99: null, theory: 36.5 },
];

describe('TimeSeriesChart', () => {
  it('captions the chart and states the latest values and reference lines', () => {
    render(
      <TimeSeriesChart
        title="Latency over time"
        data={latency}
        xKey="t"
        xLabel="Time (s)"
        yLabel="Latency (ms)"
        unit="ms"
        series={[
          { key: 'p99', label: 'p99', color: CHART_COLORS.simulated },
          { key: 'theory', label: 'Theory', color: CHART_COLORS.theory, dashed: true },
        ]}
        referenceLines={[{ y: 100, label: 'SLO', color: THEORY_COLOR }]}
      />,
    );
    expect(screen.getByRole('figure', { name: 'Latency over time' })).toBeInTheDocument();
    expect(
      screen.getByText(
        'Latest values at time 20 s: p99 84.2 ms; Theory 36.5 ms. Reference lines: SLO 100 ms.',
      ),
    ).toBeInTheDocument();
  });

  it('uses a given summary instead', () => {
    render(
      <TimeSeriesChart
        title="Queue"
        data={[]}
        xKey="t"
        xLabel="Time (s)"
        yLabel="Requests"
        series={[]}
        summary="Nothing yet."
      />,
    );
    expect(screen.getByText('Nothing yet.')).toBeInTheDocument();
  });
});

describe('BarChartCard', () => {
  it('offers the values as a table', () => {
    render(
      <BarChartCard
        title="Utilisation per server"
        data={[
          { server: 'A', utilization: 91.234 },
          { server: 'B', utilization: null },
        ]}
        categoryKey="server"
        categoryLabel="Server"
        valueLabel="Utilisation (%)"
        unit="%"
        series={[{ key: 'utilization', label: 'Utilisation', color: CHART_COLORS.simulated }]}
      />,
    );
    // The plot gets the categories as slots 0, 1 and the values as numbers or gaps.
    expect(drawn.at(-1)).toEqual([
      [0, 1],
      [91.234, null],
    ]);
    const table = screen.getByRole('table', { name: 'Utilisation per server' });
    expect(table).toHaveTextContent('A91.2 %');
    expect(table).toHaveTextContent('Bno data');
    expect(screen.getByRole('rowheader', { name: 'A' })).toBeInTheDocument();
  });
});

describe('slotTicks', () => {
  it('ticks every category when they fit, and every n-th when they do not', () => {
    expect(slotTicks(-0.5, 3.5, 1)).toEqual([0, 1, 2, 3]);
    expect(slotTicks(-0.5, 11.5, 5)).toEqual([0, 5, 10]);
    expect(slotTicks(0, 0, 1)).toEqual([0]);
  });
});

describe('chart text', () => {
  it('formats values for reading', () => {
    expect(formatValue(1234567.8)).toBe('1,234,568');
    expect(formatValue(0.012345)).toBe('0.0123');
    expect(formatValue(Number.NaN)).toBe('no data');
    expect(describeLatest([], 't', 'Time', [])).toBe('No data yet.');
  });

  it('keeps 3:1 contrast for every series colour on light and dark surfaces', () => {
    const luminance = (hex: string) => {
      const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255);
      const lin = (c = 0) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
      return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
    };
    const ratio = (a: string, b: string) => {
      const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
      return (hi + 0.05) / (lo + 0.05);
    };
    for (const color of [...SERIES_COLORS, THEORY_COLOR]) {
      expect(ratio(color, '#ffffff')).toBeGreaterThanOrEqual(3);
      expect(ratio(color, '#111827')).toBeGreaterThanOrEqual(3);
    }
  });
});
