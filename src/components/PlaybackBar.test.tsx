// Component tests for the playback bar: toggle, step, reset, speed, clock and the lag note.
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { formatSimTime, formatSpeed, PlaybackBar, type PlaybackBarProps } from './PlaybackBar.tsx';

function setup(overrides: Partial<PlaybackBarProps> = {}) {
  const props: PlaybackBarProps = {
    playing: false,
    speed: 1,
    onPlay: vi.fn(),
    onPause: vi.fn(),
    onStep: vi.fn(),
    onReset: vi.fn(),
    onSpeed: vi.fn(),
    simTimeS: 65.4,
    lagging: false,
    achievedSpeed: 1,
    ...overrides,
  };
  render(<PlaybackBar {...props} />);
  return { props, user: userEvent.setup() };
}

describe('PlaybackBar', () => {
  it('plays, steps and resets from the keyboard', async () => {
    const { props, user } = setup();
    await user.tab();
    expect(screen.getByRole('button', { name: 'Play' })).toHaveFocus();
    await user.keyboard('{Enter}');
    expect(props.onPlay).toHaveBeenCalledOnce();
    await user.tab();
    await user.keyboard(' ');
    expect(props.onStep).toHaveBeenCalledOnce();
    await user.click(screen.getByRole('button', { name: 'Reset' }));
    expect(props.onReset).toHaveBeenCalledOnce();
  });

  it('shows Pause while playing and disables Step', async () => {
    const { props, user } = setup({ playing: true });
    await user.click(screen.getByRole('button', { name: 'Pause' }));
    expect(props.onPause).toHaveBeenCalledOnce();
    expect(screen.getByRole('button', { name: 'Step' })).toBeDisabled();
  });

  it('offers speeds from 0.1× to 500× and reports the chosen one as a number', async () => {
    const { props, user } = setup();
    const select = screen.getByRole('combobox', { name: 'Speed' });
    const labels = screen.getAllByRole('option').map((o) => o.textContent);
    expect(labels[0]).toBe('0.1×');
    expect(labels.at(-1)).toBe('500×');
    expect(labels).toHaveLength(12);
    await user.selectOptions(select, '25');
    expect(props.onSpeed).toHaveBeenCalledWith(25);
  });

  it('shows the simulated time as mm:ss', () => {
    setup();
    expect(screen.getByText('01:05')).toBeInTheDocument();
  });

  it('says when the simulation runs slower than asked', () => {
    setup({ playing: true, lagging: true, speed: 500, achievedSpeed: 37.4 });
    expect(screen.getByRole('status')).toHaveTextContent('Running at 37× — slower than asked');
  });

  it('offers a lesson’s own speeds and a second reading of the clock', async () => {
    const { props, user } = setup({
      speed: 120,
      speeds: [1, 120, 3600],
      clockText: (t) => `Day 1, at ${Math.floor(t)} s`,
    });
    const speed = screen.getByRole('combobox', { name: 'Speed' });
    expect(Array.from(speed.querySelectorAll('option'), (o) => o.value)).toEqual([
      '1',
      '120',
      '3600',
    ]);
    await user.selectOptions(speed, '3600');
    expect(props.onSpeed).toHaveBeenCalledWith(3600);
    expect(screen.getByText('(Day 1, at 65 s)')).toBeInTheDocument();
    expect(screen.getByText('01:05').tagName).toBe('TIME');
  });

  it('keeps the status empty when keeping up', () => {
    setup({ playing: true, lagging: false });
    expect(screen.getByRole('status')).toBeEmptyDOMElement();
  });
});

describe('formatting', () => {
  it('formats times and speeds', () => {
    expect(formatSimTime(0)).toBe('00:00');
    expect(formatSimTime(599.9)).toBe('09:59');
    expect(formatSimTime(3 * 86400 + 61)).toBe('72:01:01');
    expect(formatSimTime(Number.NaN)).toBe('00:00');
    expect(formatSpeed(0.25)).toBe('0.25×');
    expect(formatSpeed(2.35)).toBe('2.4×');
  });
});
