// Component tests for the lazy mermaid diagram, with the mermaid module replaced by a fake.
import { act, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { LazyMermaid } from './LazyMermaid.tsx';

const fake = vi.hoisted(() => ({
  initialize: vi.fn(),
  parse: vi.fn(async (_text: string, _options?: unknown): Promise<unknown> => ({})),
  render: vi.fn(async (id: string, _text: string) => ({ svg: `<svg id="${id}"><g></g></svg>` })),
}));
vi.mock('mermaid', () => ({ default: fake }));

const source = 'flowchart LR\n  client --> balancer --> server';

afterEach(() => {
  vi.unstubAllGlobals();
  fake.render.mockClear();
});

describe('LazyMermaid', () => {
  it('draws the diagram inside a labelled image and initializes mermaid once, strictly', async () => {
    render(<LazyMermaid definition={source} label="Clients send requests to a balancer." />);
    const img = screen.getByRole('img', { name: 'Clients send requests to a balancer.' });
    await waitFor(() => expect(img.querySelector('svg')).not.toBeNull());
    render(<LazyMermaid definition={source} label="Second diagram" />);
    await waitFor(() => expect(fake.render).toHaveBeenCalledTimes(2));
    expect(fake.initialize).toHaveBeenCalledOnce();
    expect(fake.initialize).toHaveBeenCalledWith({
      startOnLoad: false,
      securityLevel: 'strict',
      theme: 'default',
    });
  });

  it('shows the source when the definition cannot be drawn', async () => {
    fake.parse.mockResolvedValueOnce(false);
    render(<LazyMermaid definition="not a diagram" label="Broken" />);
    expect(await screen.findByText('not a diagram')).toBeInTheDocument();
    expect(screen.queryByRole('img')).not.toBeInTheDocument();
    expect(fake.render).not.toHaveBeenCalled();
  });

  it('waits until the diagram comes near the viewport', async () => {
    let notify: ((entries: { isIntersecting: boolean }[]) => void) | undefined;
    vi.stubGlobal(
      'IntersectionObserver',
      class {
        constructor(callback: (entries: { isIntersecting: boolean }[]) => void) {
          notify = callback;
        }
        observe() {}
        disconnect() {}
      },
    );
    render(<LazyMermaid definition={source} label="Later" />);
    await act(async () => {});
    expect(fake.render).not.toHaveBeenCalled();
    act(() => notify?.([{ isIntersecting: true }]));
    await waitFor(() => expect(fake.render).toHaveBeenCalledOnce());
  });
});
