// Component tests for the seed box and its "New seed" button.
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { MAX_SEED, parseSeed, SeedControl } from './SeedControl.tsx';

describe('SeedControl', () => {
  it('commits a typed seed on Enter and asks the parent for a new one', async () => {
    const onSeed = vi.fn();
    const onNewSeed = vi.fn();
    const user = userEvent.setup();
    render(<SeedControl seed={7} onSeed={onSeed} onNewSeed={onNewSeed} />);
    const box = screen.getByRole('spinbutton', { name: 'Seed' });
    expect(box).toHaveValue(7);
    await user.clear(box);
    await user.type(box, '12345{Enter}');
    expect(onSeed).toHaveBeenCalledWith(12345);
    await user.click(screen.getByRole('button', { name: 'New seed' }));
    expect(onNewSeed).toHaveBeenCalledOnce();
  });

  it('rejects seeds outside 0..2^32-1 and keeps the old one', async () => {
    const onSeed = vi.fn();
    const user = userEvent.setup();
    render(<SeedControl seed={7} onSeed={onSeed} onNewSeed={() => {}} />);
    const box = screen.getByRole('spinbutton', { name: 'Seed' });
    await user.clear(box);
    await user.type(box, '4294967296');
    await user.tab();
    expect(onSeed).not.toHaveBeenCalled();
    expect(box).toHaveValue(7);
    expect(screen.getByText(/kept 7/)).toBeInTheDocument();
  });

  it('parses only whole numbers in range', () => {
    expect(parseSeed('0')).toBe(0);
    expect(parseSeed(String(MAX_SEED))).toBe(MAX_SEED);
    expect(parseSeed('-1')).toBeUndefined();
    expect(parseSeed('1.5')).toBeUndefined();
    expect(parseSeed('1e3')).toBeUndefined();
    expect(parseSeed('')).toBeUndefined();
  });
});
