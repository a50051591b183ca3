// Component tests for preset buttons and their descriptions.
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { Preset } from '../lessons/types.ts';
import { PresetBar } from './PresetBar.tsx';

const presets: readonly Preset[] = [
  {
    id: 'calm',
    label: 'Calm day',
    description: 'Low load on five servers.',
    params: { servers: 5 },
  },
  { id: 'peak', label: 'Peak hour', description: 'Near saturation.', params: { servers: 3 } },
];

describe('PresetBar', () => {
  it('applies a preset and describes each button', async () => {
    const onApply = vi.fn();
    const user = userEvent.setup();
    render(<PresetBar presets={presets} onApply={onApply} activeId="calm" />);
    const peak = screen.getByRole('button', { name: 'Peak hour' });
    expect(peak).toHaveAccessibleDescription('Near saturation.');
    expect(peak).toHaveAttribute('title', 'Near saturation.');
    expect(peak).toHaveAttribute('aria-pressed', 'false');
    expect(screen.getByRole('button', { name: 'Calm day' })).toHaveAttribute(
      'aria-pressed',
      'true',
    );
    await user.click(peak);
    expect(onApply).toHaveBeenCalledWith(presets[1]);
  });

  it('renders nothing without presets', () => {
    const { container } = render(<PresetBar presets={[]} onApply={() => {}} />);
    expect(container).toBeEmptyDOMElement();
  });
});
