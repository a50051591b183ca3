// Page tests over a memory router with a fake lesson registry: catalogue, lesson routes
// (live, coming, unknown) and the embed page's teacher prompt and host messages.
import { act, render, screen } from '@testing-library/react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { describe, expect, it, vi } from 'vitest';
import type { LessonDefinition, LessonViewProps } from '../lessons/types.ts';
import EmbedPage from './EmbedPage.tsx';
import { MAX_PROMPT_LENGTH, postToHost, teacherPrompt } from './embedMessages.ts';
import HomePage from './HomePage.tsx';
import LessonPage from './LessonPage.tsx';

function FakeView({ lesson, embedded }: LessonViewProps) {
  return <h1>{`${lesson.title} view (${embedded ? 'embedded' : 'full page'})`}</h1>;
}

vi.mock('../lessons/registry.ts', () => {
  const lessons: readonly LessonDefinition[] = [
    {
      id: 'live-one',
      title: 'Live one',
      summary: 'A lesson that works.',
      status: 'live',
      view: () => Promise.resolve({ default: FakeView }),
    },
    { id: 'soon', title: 'Soon', summary: 'A lesson on its way.', status: 'coming' },
  ];
  return { lessons, findLesson: (id?: string) => lessons.find((l) => l.id === id) };
});

function renderAt(path: string) {
  const router = createMemoryRouter(
    [
      { path: '/', element: <HomePage /> },
      { path: '/lessons/:lessonId', element: <LessonPage /> },
      { path: '/embed/:lessonId', element: <EmbedPage /> },
    ],
    { initialEntries: [path] },
  );
  return render(<RouterProvider router={router} />);
}

describe('HomePage', () => {
  it('links live lessons and labels coming ones', () => {
    renderAt('/');
    expect(screen.getByRole('heading', { level: 1 })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Live one' })).toHaveAttribute(
      'href',
      '/lessons/live-one',
    );
    expect(screen.queryByRole('link', { name: 'Soon' })).not.toBeInTheDocument();
    expect(screen.getByRole('article', { name: 'Soon' })).toHaveTextContent('Coming next');
  });
});

describe('LessonPage', () => {
  it('renders a live lesson view with site chrome', async () => {
    await act(async () => renderAt('/lessons/live-one'));
    expect(
      await screen.findByRole('heading', { name: 'Live one view (full page)' }),
    ).toBeInTheDocument();
    expect(screen.getByRole('link', { name: /Scaling Lab/ })).toHaveAttribute('href', '/');
    expect(screen.getByRole('main')).toBeInTheDocument();
  });

  it('says a coming lesson is coming', () => {
    renderAt('/lessons/soon');
    expect(screen.getByRole('heading', { name: 'Soon' })).toBeInTheDocument();
    expect(screen.getByText('Coming next')).toBeInTheDocument();
  });

  it('shows not found for an unknown id', () => {
    renderAt('/lessons/nope');
    expect(screen.getByRole('heading', { name: 'Page not found' })).toBeInTheDocument();
  });
});

describe('EmbedPage', () => {
  it('renders the lesson without chrome and the prompt as text', async () => {
    const prompt = encodeURIComponent('<b>Find</b> the knee <script>alert(1)</script>');
    await act(async () => renderAt(`/embed/live-one?prompt=${prompt}`));
    expect(
      await screen.findByRole('heading', { name: 'Live one view (embedded)' }),
    ).toBeInTheDocument();
    expect(screen.queryByRole('link', { name: /Skip to content/ })).not.toBeInTheDocument();
    const note = screen.getByRole('complementary', { name: 'Your teacher says' });
    expect(note).toHaveTextContent('<b>Find</b> the knee <script>alert(1)</script>');
    expect(note.querySelector('b, script')).toBeNull();
  });

  it('cuts long prompts and ignores blank ones', () => {
    expect(teacherPrompt('x'.repeat(2000))).toHaveLength(MAX_PROMPT_LENGTH);
    expect(teacherPrompt('   ')).toBeUndefined();
    expect(teacherPrompt(null)).toBeUndefined();
  });

  it('explains an unknown lesson', () => {
    renderAt('/embed/nope');
    expect(screen.getByRole('heading', { name: 'Lesson not found' })).toBeInTheDocument();
  });

  it('posts host messages without throwing when the host refuses them', () => {
    const target = { postMessage: vi.fn() } as unknown as Window;
    postToHost({ type: 'scaling-lab:resize', height: 640 }, target);
    expect(target.postMessage).toHaveBeenCalledWith(
      { type: 'scaling-lab:resize', height: 640 },
      '*',
    );
    const broken = {
      postMessage: () => {
        throw new Error('gone');
      },
    } as unknown as Window;
    expect(() => postToHost({ type: 'scaling-lab:ready', lesson: 'x' }, broken)).not.toThrow();
  });
});
