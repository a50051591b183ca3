// Component tests for the generated parameter panel: every control kind, commits, clamping,
// locking and validation, driven through accessible roles.
import { fireEvent, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { NumberParamSpec, ParamGroup, ParamValues } from '../sim/params.ts';
import { ParamPanel } from './ParamPanel.tsx';
import { fromSliderPosition, LOG_SLIDER_STEPS, toSliderPosition } from './paramScale.ts';

const groups: readonly ParamGroup[] = [
  {
    title: 'Traffic',
    params: [
      {
        kind: 'number',
        name: 'servers',
        label: 'Servers',
        unit: 'servers',
        min: 1,
        max: 100,
        step: 1,
        default: 5,
        integer: true,
        help: 'How many servers share the load.',
      },
      {
        kind: 'number',
        name: 'arrivalRate',
        label: 'Arrival rate',
        unit: 'req/s',
        min: 1,
        max: 10000,
        step: 1,
        default: 100,
        scale: 'log',
        help: 'Requests per second.',
      },
    ],
  },
  {
    title: 'Balancer',
    params: [
      {
        kind: 'select',
        name: 'algorithm',
        label: 'Algorithm',
        default: 'round-robin',
        help: 'How the balancer picks a server.',
        options: [
          { value: 'round-robin', label: 'Round robin' },
          { value: 'random', label: 'Random' },
        ],
      },
      { kind: 'boolean', name: 'sticky', label: 'Sticky sessions', default: false, help: 'Pin.' },
      {
        kind: 'text',
        name: 'weights',
        label: 'Weights',
        default: '',
        help: 'Comma-separated weights.',
        maxLength: 20,
        pattern: '\\d+(,\\d+)*',
        patternHelp: 'whole numbers separated by commas',
      },
    ],
  },
];

const values: ParamValues = {
  servers: 5,
  arrivalRate: 100,
  algorithm: 'round-robin',
  sticky: false,
  weights: '1,1',
};

function setup(extra: Partial<Parameters<typeof ParamPanel>[0]> = {}) {
  const onChange = vi.fn();
  render(<ParamPanel groups={groups} values={values} onChange={onChange} {...extra} />);
  return { onChange, user: userEvent.setup() };
}

describe('ParamPanel', () => {
  it('renders every kind of control inside labelled groups', () => {
    setup();
    expect(screen.getByRole('group', { name: 'Traffic' })).toBeInTheDocument();
    expect(screen.getByRole('group', { name: 'Balancer' })).toBeInTheDocument();
    const servers = screen.getByRole('slider', { name: 'Servers' });
    expect(servers).toHaveAttribute('aria-valuetext', '5 servers');
    expect(servers).toHaveAccessibleDescription(/How many servers share the load/);
    expect(screen.getByRole('spinbutton', { name: /Servers, exact value/ })).toHaveValue(5);
    expect(screen.getByRole('slider', { name: 'Arrival rate' })).toHaveAttribute('max', '1000');
    expect(screen.getByRole('combobox', { name: 'Algorithm' })).toHaveValue('round-robin');
    expect(screen.getByRole('checkbox', { name: 'Sticky sessions' })).not.toBeChecked();
    expect(screen.getByRole('textbox', { name: 'Weights' })).toHaveValue('1,1');
  });

  it('calls onChange with a number when a slider moves', () => {
    const { onChange } = setup();
    fireEvent.change(screen.getByRole('slider', { name: 'Servers' }), { target: { value: '42' } });
    expect(onChange).toHaveBeenCalledWith('servers', 42);
  });

  it('maps a log slider position to a value across decades', () => {
    const { onChange } = setup();
    fireEvent.change(screen.getByRole('slider', { name: 'Arrival rate' }), {
      target: { value: '750' },
    });
    expect(onChange).toHaveBeenCalledWith('arrivalRate', 1000);
  });

  it('clamps an out-of-range exact value to the maximum on Enter', async () => {
    const { onChange, user } = setup();
    const box = screen.getByRole('spinbutton', { name: /Servers, exact value/ });
    await user.clear(box);
    await user.type(box, '500{Enter}');
    expect(onChange).toHaveBeenCalledWith('servers', 100);
    expect(screen.getByText(/clamped to 100/)).toBeInTheDocument();
  });

  it('reverts invalid exact text on blur and says so', async () => {
    const { onChange, user } = setup();
    const box = screen.getByRole('spinbutton', { name: /Servers, exact value/ });
    await user.clear(box);
    await user.tab();
    expect(onChange).not.toHaveBeenCalled();
    expect(box).toHaveValue(5);
    expect(screen.getByText(/Not a valid value; kept 5 servers/)).toBeInTheDocument();
  });

  it('commits select and checkbox changes', async () => {
    const { onChange, user } = setup();
    await user.selectOptions(screen.getByRole('combobox', { name: 'Algorithm' }), 'random');
    expect(onChange).toHaveBeenCalledWith('algorithm', 'random');
    await user.click(screen.getByRole('checkbox', { name: 'Sticky sessions' }));
    expect(onChange).toHaveBeenCalledWith('sticky', true);
  });

  it('disables locked parameters and marks highlighted ones', () => {
    setup({ locked: new Set(['servers', 'algorithm']), highlight: new Set(['sticky']) });
    expect(screen.getByRole('slider', { name: 'Servers' })).toBeDisabled();
    expect(screen.getByRole('spinbutton', { name: /Servers, exact value/ })).toBeDisabled();
    expect(screen.getByRole('combobox', { name: 'Algorithm' })).toBeDisabled();
    expect(screen.getByRole('slider', { name: 'Arrival rate' })).toBeEnabled();
    expect(screen.getAllByText('Locked')).toHaveLength(2);
    expect(screen.getByText('Focus')).toBeInTheDocument();
  });

  it('does not commit invalid text and shows what is allowed', async () => {
    const { onChange, user } = setup();
    const box = screen.getByRole('textbox', { name: 'Weights' });
    await user.clear(box);
    await user.type(box, '1,x{Enter}');
    expect(onChange).not.toHaveBeenCalled();
    expect(box).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByText(/whole numbers separated by commas/)).toBeInTheDocument();
    await user.clear(box);
    await user.type(box, '2,3{Enter}');
    expect(onChange).toHaveBeenCalledWith('weights', '2,3');
  });

  it('falls back to defaults for missing values', () => {
    render(<ParamPanel groups={groups} values={{}} onChange={() => {}} />);
    expect(screen.getByRole('slider', { name: 'Servers' })).toHaveAttribute(
      'aria-valuetext',
      '5 servers',
    );
  });
});

describe('log slider helpers', () => {
  const servers: NumberParamSpec = {
    kind: 'number',
    name: 'servers',
    label: 'Servers',
    unit: 'servers',
    min: 1,
    max: 100,
    step: 1,
    default: 5,
    integer: true,
    scale: 'log',
    help: '',
  };

  it('round-trips the ends of the range', () => {
    expect(toSliderPosition(servers, 1)).toBe(0);
    expect(toSliderPosition(servers, 100)).toBe(LOG_SLIDER_STEPS);
    expect(fromSliderPosition(servers, 0, 50)).toBe(1);
    expect(fromSliderPosition(servers, LOG_SLIDER_STEPS, 50)).toBe(100);
  });

  it('moves at least one step per arrow key even where positions are dense', () => {
    const up = fromSliderPosition(servers, toSliderPosition(servers, 1) + 1, 1);
    expect(up).toBe(2);
    const down = fromSliderPosition(servers, toSliderPosition(servers, 2) - 1, 2);
    expect(down).toBe(1);
  });
});
