// Tests for the assignment panel: every kind passes and fails with the right feedback, runs use
// the right scenario, progress is saved and shown again, and failures are reported in words.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { act, cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { Assignment } from '../sim/assignments.ts';
import type { RunResult, Scenario } from '../sim/scenario.ts';
import { PROGRESS_KEY, parseProgress, useProgress } from '../state/progress.ts';
import { AssignmentPanel } from './AssignmentPanel.tsx';
import type { AssignmentPanelProps } from './AssignmentPanel.tsx';
import { AssignmentGradedContext, type AssignmentGraded } from './assignments/gradedContext.ts';

/** A result whose p95 latency and throughput the fixture checks read. */
function resultFor(scenario: Scenario, p95: number, throughputRps = 100): RunResult {
  return {
    lesson: scenario.lesson,
    seed: scenario.seed,
    durationS: scenario.durationS,
    warmupS: scenario.warmupS,
    params: scenario.params,
    summary: {
      requests: { arrived: 1000, completed: 1000, rejected: 0, failed: 0 },
      latencyMs: { mean: p95 / 2, p50: p95 / 2, p95, p99: p95, max: p95 },
      throughputRps,
    },
  };
}

const challenge: Assignment = {
  kind: 'challenge',
  id: 'c1',
  title: 'Keep p95 under 100 ms',
  prompt: 'Add servers until the tail is short.\n\nThe arrival rate is fixed.',
  fixed: { arrivalRate: 100 },
  focus: ['servers', 'policy'],
  setup: { servers: 1, policy: 'random' },
  durationS: 600,
  warmupS: 60,
  check: (r) =>
    r.summary.latencyMs.p95 < 100
      ? { pass: true, feedback: `p95 is ${r.summary.latencyMs.p95} ms, under 100 ms.` }
      : { pass: false, feedback: `p95 is ${r.summary.latencyMs.p95} ms, over 100 ms.` },
};

const prediction: Assignment = {
  kind: 'prediction',
  id: 'p1',
  title: 'What happens at rho 0.95?',
  prompt: 'Guess before you run.',
  options: [
    { id: 'flat', label: 'Latency stays flat', explanation: 'Queues grow near saturation.' },
    { id: 'explodes', label: 'Latency explodes', explanation: 'Waiting time grows as 1/(1-rho).' },
  ],
  params: { servers: 1, arrivalRate: 95 },
  durationS: 300,
  warmupS: 30,
  outcome: (r) => ({
    optionId: r.summary.latencyMs.p95 > 500 ? 'explodes' : 'flat',
    evidence: `p95 was ${r.summary.latencyMs.p95} ms.`,
  }),
};

const numeric: Assignment = {
  kind: 'numeric',
  id: 'n1',
  title: 'Mean wait',
  prompt: 'Compute the mean wait.',
  unit: 'ms',
  answer: 50,
  tolerance: 5,
  explanation: 'W = 1/(mu - lambda).',
};

const choice: Assignment = {
  kind: 'choice',
  id: 'q1',
  title: 'Best policy',
  prompt: 'Which policy keeps the tail shortest?',
  options: [
    { id: 'random', label: 'Random', explanation: 'Random ignores load.' },
    { id: 'p2c', label: 'Power of two choices', explanation: 'Two samples avoid busy servers.' },
  ],
  correctId: 'p2c',
};

const reflection: Assignment = {
  kind: 'reflection',
  id: 'r1',
  title: 'Why not always add servers?',
  prompt: 'Explain in a few sentences.',
  modelAnswer: 'Servers cost money.\n\nUtilisation drops.',
  rubric: ['Mentions cost', 'Mentions utilisation'],
};

const all = [challenge, prediction, numeric, choice, reflection];

function setup(
  overrides: Partial<AssignmentPanelProps> = {},
  onGraded: ((g: AssignmentGraded) => void) | null = null,
) {
  const runScenario = vi.fn((s: Scenario) => Promise.resolve(resultFor(s, 80)));
  const props: AssignmentPanelProps = {
    lessonId: 'lb',
    assignments: all,
    currentParams: { servers: 3, policy: 'p2c', arrivalRate: 5 },
    seed: 42,
    runScenario,
    ...overrides,
  };
  const view = render(
    <AssignmentGradedContext value={onGraded}>
      <AssignmentPanel {...props} />
    </AssignmentGradedContext>,
  );
  const user = userEvent.setup();
  const article = (name: string) => within(screen.getByRole('article', { name }));
  return { user, runScenario, props, view, article };
}

function stored() {
  return parseProgress(localStorage.getItem(PROGRESS_KEY)).progress.lessons.lb?.assignments;
}

beforeEach(() => {
  localStorage.clear();
  useProgress.getState().reload();
});

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
  localStorage.clear();
  useProgress.getState().reload();
});

describe('AssignmentPanel', () => {
  it('renders each assignment as an article with its title and prompt paragraphs', () => {
    const { article } = setup();
    expect(screen.getAllByRole('article')).toHaveLength(5);
    const c = article('Keep p95 under 100 ms');
    expect(c.getByRole('heading', { name: 'Keep p95 under 100 ms' })).toBeInTheDocument();
    expect(c.getByText('The arrival rate is fixed.')).toBeInTheDocument();
    expect(c.getByText('Status: Not started')).toBeInTheDocument();
    expect(c.getByText('servers')).toBeInTheDocument();
    expect(screen.getByText('0 of 5 done.')).toBeInTheDocument();
  });

  it('checks a challenge with the merged parameters and seed, and saves the scenario', async () => {
    const { user, article, runScenario } = setup();
    const c = article('Keep p95 under 100 ms');
    await user.click(c.getByRole('button', { name: 'Check my configuration' }));
    const scenario: Scenario = {
      lesson: 'lb',
      seed: 42,
      durationS: 600,
      warmupS: 60,
      params: { servers: 3, policy: 'p2c', arrivalRate: 100 },
    };
    expect(runScenario).toHaveBeenCalledExactlyOnceWith(scenario);
    expect(await c.findByText('p95 is 80 ms, under 100 ms.')).toBeInTheDocument();
    const live = screen
      .getByRole('article', { name: 'Keep p95 under 100 ms' })
      .querySelector('[aria-live="polite"]');
    expect(live).toHaveTextContent('Passed: p95 is 80 ms, under 100 ms.');
    expect(c.getByText('Status: Passed')).toBeInTheDocument();
    expect(stored()?.c1).toMatchObject({ status: 'passed', scenario });
  });

  it('shows the running state, then a failing challenge verdict', async () => {
    let finish: (r: RunResult) => void = () => undefined;
    const runScenario = vi.fn(
      (s: Scenario) =>
        new Promise<RunResult>((resolve) => {
          finish = (r) => resolve(r);
          void s;
        }),
    );
    const { user, article } = setup({ runScenario });
    const c = article('Keep p95 under 100 ms');
    const button = c.getByRole('button', { name: 'Check my configuration' });
    await user.click(button);
    // Marked unavailable but still focused, so keyboard users keep their place.
    expect(button).toHaveAttribute('aria-disabled', 'true');
    expect(button).toHaveFocus();
    await user.click(button);
    expect(runScenario).toHaveBeenCalledTimes(1);
    expect(c.getByText('Running the simulation…')).toBeInTheDocument();
    const scenario = runScenario.mock.calls[0]?.[0];
    if (!scenario) throw new Error('runScenario was not called');
    await act(async () => finish(resultFor(scenario, 250)));
    expect(c.getByText('p95 is 250 ms, over 100 ms.')).toBeInTheDocument();
    expect(c.getByText('Not passed:')).toBeInTheDocument();
    expect(c.getByText('Status: Not passed yet')).toBeInTheDocument();
    expect(button).toHaveAttribute('aria-disabled', 'false');
    expect(button).toHaveFocus();
    expect(stored()?.c1?.status).toBe('failed');
  });

  it('reports a run that fails and records nothing', async () => {
    const runScenario = vi.fn(() => Promise.reject(new Error('worker crashed')));
    const { user, article } = setup({ runScenario });
    const c = article('Keep p95 under 100 ms');
    await user.click(c.getByRole('button', { name: 'Check my configuration' }));
    expect(
      await c.findByText('The simulation could not finish: worker crashed'),
    ).toBeInTheDocument();
    expect(c.getByText('Status: Not started')).toBeInTheDocument();
    expect(stored()).toBeUndefined();
  });

  it('sets up a challenge through onSetup, and has no Set up button without it', async () => {
    const onSetup = vi.fn();
    const { user, article, view, props } = setup({ onSetup });
    await user.click(article('Keep p95 under 100 ms').getByRole('button', { name: 'Set up' }));
    expect(onSetup).toHaveBeenCalledWith({ servers: 1, policy: 'random' });
    const { onSetup: _dropped, ...withoutSetup } = props;
    view.rerender(<AssignmentPanel {...withoutSetup} />);
    expect(
      article('Keep p95 under 100 ms').queryByRole('button', { name: 'Set up' }),
    ).not.toBeInTheDocument();
  });

  it('runs a prediction after the guess is committed, and allows another try', async () => {
    const runScenario = vi.fn((s: Scenario) => Promise.resolve(resultFor(s, 900)));
    const { user, article } = setup({ runScenario });
    const p = article('What happens at rho 0.95?');
    await user.click(p.getByRole('button', { name: 'Commit my prediction' }));
    expect(p.getByText('Pick one of the options first.')).toBeInTheDocument();
    expect(runScenario).not.toHaveBeenCalled();

    await user.click(p.getByRole('radio', { name: 'Latency stays flat' }));
    await user.click(p.getByRole('button', { name: 'Commit my prediction' }));
    expect(runScenario).toHaveBeenCalledWith({
      lesson: 'lb',
      seed: 42,
      durationS: 300,
      warmupS: 30,
      params: { servers: 1, arrivalRate: 95 },
    });
    expect(await p.findByText('Your prediction did not match:')).toBeInTheDocument();
    expect(
      p.getByText(/The run showed "Latency explodes", not "Latency stays flat"/),
    ).toBeInTheDocument();
    expect(p.getByText(/p95 was 900 ms\./)).toBeInTheDocument();
    expect(p.getByText(/Queues grow near saturation\./)).toBeInTheDocument();
    expect(p.getByText(/Waiting time grows as 1\/\(1-rho\)\./)).toBeInTheDocument();
    expect(p.getByRole('radio', { name: 'Latency explodes' })).toBeDisabled();
    expect(stored()?.p1).toMatchObject({ status: 'failed', answer: 'flat' });

    await user.click(p.getByRole('button', { name: 'Try again' }));
    await user.click(p.getByRole('radio', { name: 'Latency explodes' }));
    await user.click(p.getByRole('button', { name: 'Commit my prediction' }));
    expect(await p.findByText('Your prediction matched:')).toBeInTheDocument();
    expect(p.getByText(/\(what the run showed\)/)).toBeInTheDocument();
    expect(p.getByText('Status: Passed')).toBeInTheDocument();
  });

  it('grades a numeric answer, and asks for a number when it is empty', async () => {
    const { user, article } = setup();
    const n = article('Mean wait');
    const input = n.getByRole('spinbutton', { name: 'Your answer' });
    expect(input).toHaveAccessibleDescription('ms');
    await user.click(n.getByRole('button', { name: 'Check' }));
    expect(n.getByText('Enter a number.')).toBeInTheDocument();
    expect(stored()).toBeUndefined();
    await user.type(input, '30');
    await user.click(n.getByRole('button', { name: 'Check' }));
    expect(n.getByText(/Not quite: 30 ms is too low/)).toBeInTheDocument();
    expect(n.getByText('Not passed:')).toBeInTheDocument();
    await user.clear(input);
    await user.type(input, '52{Enter}');
    expect(n.getByText(/Correct: about 50 ms/)).toBeInTheDocument();
    expect(n.getByText('Passed:')).toBeInTheDocument();
    expect(stored()?.n1).toMatchObject({ status: 'passed', answer: '52' });
  });

  it('grades a multiple choice with its explanation', async () => {
    const { user, article } = setup();
    const q = article('Best policy');
    expect(q.getByRole('group', { name: 'Your answer' })).toBeInTheDocument();
    await user.click(q.getByRole('button', { name: 'Check' }));
    expect(q.getByText('Pick one of the options.')).toBeInTheDocument();
    await user.click(q.getByRole('radio', { name: 'Random' }));
    await user.click(q.getByRole('button', { name: 'Check' }));
    expect(q.getByText('Not quite. Random ignores load.')).toBeInTheDocument();
    await user.click(q.getByRole('radio', { name: 'Power of two choices' }));
    await user.click(q.getByRole('button', { name: 'Check' }));
    expect(q.getByText('Correct. Two samples avoid busy servers.')).toBeInTheDocument();
    expect(q.getByText('Status: Passed')).toBeInTheDocument();
  });

  it('saves a reflection, reveals the model answer and keeps the rubric ticks', async () => {
    const { user, article } = setup();
    const r = article('Why not always add servers?');
    await user.click(r.getByRole('button', { name: 'Save my answer' }));
    expect(r.getByText('Write your answer first.')).toBeInTheDocument();
    await user.type(r.getByRole('textbox', { name: 'Your answer' }), 'They cost money.');
    await user.click(r.getByRole('button', { name: 'Save my answer' }));
    expect(r.getByText('Your answer is saved.')).toBeInTheDocument();
    expect(r.getByText('Status: Answered')).toBeInTheDocument();
    expect(r.queryByText('Servers cost money.')).not.toBeInTheDocument();
    await user.click(r.getByRole('button', { name: 'Show model answer' }));
    expect(r.getByText('Servers cost money.')).toBeInTheDocument();
    expect(r.getByText('Utilisation drops.')).toBeInTheDocument();
    await user.click(r.getByRole('checkbox', { name: 'Mentions cost' }));
    expect(r.getByText('You ticked 1 of 2 points of the rubric.')).toBeInTheDocument();
    expect(stored()?.r1).toMatchObject({
      status: 'answered',
      answer: 'They cost money.',
      rubricChecked: [0],
    });
  });

  it('shows saved progress again after the panel is rendered anew', async () => {
    const first = setup();
    await first.user.click(
      first
        .article('Keep p95 under 100 ms')
        .getByRole('button', { name: 'Check my configuration' }),
    );
    await first.article('Keep p95 under 100 ms').findByText('Status: Passed');
    await first.user.type(first.article('Mean wait').getByRole('spinbutton'), '49{Enter}');
    await first.user.click(
      first.article('What happens at rho 0.95?').getByRole('radio', { name: 'Latency stays flat' }),
    );
    await first.user.click(
      first
        .article('What happens at rho 0.95?')
        .getByRole('button', { name: 'Commit my prediction' }),
    );
    await first.article('What happens at rho 0.95?').findByText('Your prediction matched:');
    first.view.unmount();
    useProgress.getState().reload();

    const second = setup();
    const c = second.article('Keep p95 under 100 ms');
    expect(c.getByText('Status: Passed')).toBeInTheDocument();
    expect(c.getByText('p95 is 80 ms, under 100 ms.')).toBeInTheDocument();
    expect(second.article('Mean wait').getByRole('spinbutton')).toHaveValue(49);
    const p = second.article('What happens at rho 0.95?');
    expect(p.getByRole('radio', { name: 'Latency stays flat' })).toBeChecked();
    expect(p.getByRole('button', { name: 'Try again' })).toBeInTheDocument();
    expect(screen.getByText('3 of 5 done.')).toBeInTheDocument();
  });

  it('says when progress cannot be kept, and still grades', async () => {
    vi.spyOn(Storage.prototype, 'setItem').mockImplementation(() => {
      throw new DOMException('full', 'QuotaExceededError');
    });
    const { user, article } = setup();
    expect(screen.queryByText(/not keeping your progress/)).not.toBeInTheDocument();
    const q = article('Best policy');
    await user.click(q.getByRole('radio', { name: 'Power of two choices' }));
    await user.click(q.getByRole('button', { name: 'Check' }));
    expect(q.getByText('Status: Passed')).toBeInTheDocument();
    expect(screen.getByText(/not keeping your progress/)).toBeInTheDocument();
  });

  it('tells a listener (the embed page) each grade, but not a saved reflection', async () => {
    const graded = vi.fn<(g: AssignmentGraded) => void>();
    const { user, article } = setup({}, graded);
    await user.click(
      article('Keep p95 under 100 ms').getByRole('button', { name: 'Check my configuration' }),
    );
    await article('Keep p95 under 100 ms').findByText('Status: Passed');
    const q = article('Best policy');
    await user.click(q.getByRole('radio', { name: 'Random' }));
    await user.click(q.getByRole('button', { name: 'Check' }));
    const n = article('Mean wait');
    await user.type(n.getByRole('spinbutton', { name: 'Your answer' }), '52{Enter}');
    const r = article('Why not always add servers?');
    await user.type(r.getByRole('textbox', { name: 'Your answer' }), 'Cost.');
    await user.click(r.getByRole('button', { name: 'Save my answer' }));
    expect(graded.mock.calls.map(([g]) => g)).toEqual([
      { lessonId: 'lb', assignmentId: 'c1', kind: 'challenge', pass: true },
      { lessonId: 'lb', assignmentId: 'q1', kind: 'choice', pass: false },
      { lessonId: 'lb', assignmentId: 'n1', kind: 'numeric', pass: true },
    ]);
  });

  it('says so on load when storage cannot be read', () => {
    vi.spyOn(Storage.prototype, 'getItem').mockImplementation(() => {
      throw new DOMException('blocked', 'SecurityError');
    });
    useProgress.getState().reload();
    setup();
    expect(screen.getByText(/not keeping your progress/)).toBeInTheDocument();
  });
});
