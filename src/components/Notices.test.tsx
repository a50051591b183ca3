// Component tests for dismissable notices: text-only rendering and focus after dismissal.
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import { Notices, type NoticeItem } from './Notices.tsx';

function Harness({ initial }: { readonly initial: readonly NoticeItem[] }) {
  const [notices, setNotices] = useState(initial);
  return (
    <Notices
      notices={notices}
      onDismiss={(id) => setNotices((n) => n.filter((x) => x.id !== id))}
    />
  );
}

describe('Notices', () => {
  it('shows markup as plain text', () => {
    render(<Harness initial={[{ id: 'a', text: '<img src=x onerror=alert(1)> was ignored' }]} />);
    expect(screen.getByRole('status')).toHaveTextContent(
      '<img src=x onerror=alert(1)> was ignored',
    );
    expect(screen.queryByRole('img')).not.toBeInTheDocument();
  });

  it('dismisses notices and keeps keyboard focus in the list', async () => {
    const user = userEvent.setup();
    render(
      <Harness
        initial={[
          { id: 'a', text: 'servers=500 was clamped to 100.' },
          { id: 'b', text: 'Unknown key colour was ignored.' },
        ]}
      />,
    );
    const buttons = screen.getAllByRole('button', { name: 'Dismiss' });
    expect(buttons[0]).toHaveAccessibleDescription('servers=500 was clamped to 100.');
    await user.click(buttons[0]!);
    expect(screen.queryByText(/clamped/)).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Dismiss' })).toHaveFocus();
    await user.keyboard('{Enter}');
    expect(screen.queryByRole('button')).not.toBeInTheDocument();
    expect(screen.getByRole('status')).toHaveFocus();
  });
});
