// Robustness of a lesson page on the production build: the heaviest legal settings keep the
// page responsive and say the run is slower than asked; a simulation that fails shows a message
// with a working restart; no Worker (or one that dies before it starts) falls back to running
// in-process; blocked or full localStorage never breaks a lesson. No console errors anywhere.
import { expect, test, type Locator, type Page } from '@playwright/test';
import { paramGroups } from '../src/lessons/load-balancing/model/params.ts';
import { allParams, type NumberParamSpec } from '../src/sim/params.ts';
import { LessonPage } from './pages/LessonPage.ts';

const LESSON = 'load-balancing';

function numberSpec(name: string): NumberParamSpec {
  const spec = allParams(paramGroups).find((p) => p.name === name);
  if (spec?.kind !== 'number') throw new Error(`${name} is not a number parameter`);
  return spec;
}

/** Collects uncaught errors and console errors of the page and its workers. */
function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(`uncaught: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(`console: ${m.text()}`);
  });
  page.on('worker', (w) =>
    w.on('console', (m) => {
      if (m.type() === 'error') errors.push(`worker console: ${m.text()}`);
    }),
  );
  return errors;
}

function playback(page: Page): Locator {
  return page.getByRole('group', { name: 'Playback' });
}

function playToggle(page: Page): Locator {
  return playback(page).getByRole('button', { name: /^(play|pause)$/i });
}

/** Simulated time from the session (tenths of a second, unlike the mm:ss clock). */
async function simTime(page: Page): Promise<number> {
  return page.evaluate(
    () =>
      (
        window as unknown as {
          __lab: { session: { store: { getState(): { simTimeS: number } } } };
        }
      ).__lab.session.store.getState().simTimeS,
  );
}

async function expectAdvances(page: Page): Promise<void> {
  const before = await simTime(page);
  await expect.poll(() => simTime(page), { timeout: 10_000 }).toBeGreaterThan(before + 0.5);
}

async function openLesson(page: Page, query = ''): Promise<LessonPage> {
  const lesson = new LessonPage(page);
  await lesson.open(LESSON, `e2e${query ? `&${query}` : ''}`);
  await page.waitForFunction(
    () => 'session' in ((window as unknown as { __lab?: object }).__lab ?? {}),
    undefined,
    { timeout: 10_000 },
  );
  return lesson;
}

test('the heaviest legal settings keep the page responsive and say the run is slower', async ({
  page,
}) => {
  test.setTimeout(60_000);
  const errors = watchErrors(page);
  const rate = numberSpec('arrivalRate').max;
  const service = numberSpec('serviceTimeMs').min;
  const servers = numberSpec('servers').max;
  await openLesson(page, `arrivalRate=${rate}&serviceTimeMs=${service}&servers=${servers}`);
  const controls = page.getByRole('complementary', { name: 'Controls' });
  await expect(controls.getByRole('slider', { name: 'Arrival rate' })).toHaveAttribute(
    'aria-valuetext',
    new RegExp(`^${rate.toLocaleString('en-US')} `),
  );
  await expect(controls.getByRole('slider', { name: 'Servers' })).toHaveValue(String(servers));

  const speed = playback(page).getByRole('combobox', { name: /speed/i });
  const speeds = await speed
    .locator('option')
    .evaluateAll((options) => options.map((o) => Number((o as HTMLOptionElement).value)));
  const top = Math.max(...speeds);
  expect(top).toBe(500);
  await speed.selectOption(String(top));
  await expect(playToggle(page)).toHaveAccessibleName(/pause/i);

  // The page says it cannot keep up.
  await expect(playback(page).getByText(/slower than asked/)).toBeVisible({ timeout: 10_000 });

  // Frames keep coming: record the gaps between animation frames for 4 s.
  const gaps = await page.evaluate(
    () =>
      new Promise<number[]>((resolve) => {
        const out: number[] = [];
        let last = performance.now();
        const end = last + 4000;
        const frame = (now: number) => {
          out.push(now - last);
          last = now;
          if (now < end) requestAnimationFrame(frame);
          else resolve(out);
        };
        requestAnimationFrame(frame);
      }),
  );
  const sorted = [...gaps].sort((a, b) => a - b);
  const p90 = sorted[Math.floor(sorted.length * 0.9)] ?? Infinity;
  const worst = sorted[sorted.length - 1] ?? Infinity;
  console.log(
    `[robustness] frames in 4 s: ${gaps.length}, p90 gap ${p90.toFixed(0)} ms, worst ${worst.toFixed(0)} ms`,
  );
  expect(gaps.length, 'animation frames in 4 s').toBeGreaterThan(40);
  expect(p90, 'p90 gap between frames (ms)').toBeLessThan(100);
  expect(worst, 'longest gap between frames (ms)').toBeLessThan(500);

  // Pause answers at once, from the page's own point of view, and stays paused.
  const pauseMs = await playToggle(page).evaluate(
    (button) =>
      new Promise<number>((resolve) => {
        const t0 = performance.now();
        (button as HTMLButtonElement).click();
        const check = () => {
          if (/play/i.test(button.textContent ?? '')) resolve(performance.now() - t0);
          else setTimeout(check, 5);
        };
        check();
      }),
  );
  console.log(`[robustness] Pause showed after ${pauseMs.toFixed(0)} ms`);
  expect(pauseMs, 'ms until the button shows Play after Pause').toBeLessThan(250);
  // The worker's last snapshot lands shortly after; from then on the clock stands still.
  await page.waitForTimeout(400);
  const paused = await simTime(page);
  await page.waitForTimeout(1000);
  await expect(playToggle(page)).toHaveAccessibleName(/play/i);
  expect(await simTime(page), 'simulated time 1 s after pausing').toBe(paused);
  expect(errors).toEqual([]);
});

test('a simulation error shows a message with a restart that works', async ({ page }) => {
  const errors = watchErrors(page);
  await openLesson(page);
  await expectAdvances(page);
  // A real message the simulation host rejects: a parameter the lesson does not have.
  await page.evaluate(() =>
    (
      window as unknown as {
        __lab: { session: { setParam(lane: 0, name: string, value: number): void } };
      }
    ).__lab.session.setParam(0, 'noSuchParameter', 1),
  );
  const alert = page.getByRole('alert').filter({ hasText: /simulation stopped/i });
  await expect(alert).toBeVisible();
  await expect(alert).toContainText('noSuchParameter');
  // Stopped means stopped: the button offers Play and the clock stands still.
  await expect(playToggle(page)).toHaveAccessibleName(/play/i);
  const stoppedAt = await simTime(page);
  await page.waitForTimeout(600);
  await expect(playToggle(page)).toHaveAccessibleName(/play/i);
  expect(await simTime(page)).toBe(stoppedAt);

  await alert.getByRole('button', { name: /restart/i }).click();
  await expect(alert).toBeHidden();
  if (/play/i.test((await playToggle(page).textContent()) ?? '')) await playToggle(page).click();
  await expectAdvances(page);
  await expect(page.getByRole('alert').filter({ hasText: /simulation stopped/i })).toBeHidden();
  expect(await page.evaluate(() => document.body.innerText)).not.toMatch(/runs on the page/);
  expect(errors).toEqual([]);
});

const IN_PROCESS_NOTE = /would not start a background worker.*runs on the page itself/;

test('when a Worker cannot be created the lesson runs in-process and says so', async ({ page }) => {
  const errors = watchErrors(page);
  await page.addInitScript(() => {
    window.Worker = class {
      constructor() {
        throw new DOMException('Workers are blocked here', 'SecurityError');
      }
    } as unknown as typeof Worker;
  });
  await openLesson(page);
  await expect(page.getByText(IN_PROCESS_NOTE)).toBeVisible();
  await expectAdvances(page);
  expect(errors).toEqual([]);
});

test('when the Worker dies before it is ready the lesson falls back to in-process', async ({
  page,
}) => {
  const errors = watchErrors(page);
  await page.addInitScript(() => {
    window.Worker = class extends EventTarget {
      onmessage: ((e: MessageEvent) => void) | null = null;
      onerror: ((e: ErrorEvent) => void) | null = null;
      constructor() {
        super();
        setTimeout(() => {
          const event = new ErrorEvent('error', { message: 'failed to load the worker script' });
          this.onerror?.(event);
          this.dispatchEvent(event);
        }, 30);
      }
      postMessage(): void {}
      terminate(): void {}
    } as unknown as typeof Worker;
  });
  await openLesson(page);
  await expect(page.getByText(IN_PROCESS_NOTE)).toBeVisible();
  await expect(page.getByRole('alert').filter({ hasText: /simulation stopped/i })).toHaveCount(0);
  await expectAdvances(page);
  expect(errors).toEqual([]);
});

const STORAGE_NOTE = /not keeping your progress/i;

async function solveChallenge(lesson: LessonPage): Promise<void> {
  const challenge = lesson.assignment('Balance A, B and C');
  await challenge.getByRole('button', { name: 'Set up' }).click();
  await lesson.fillText('Weights', '1,1,2');
  await challenge.getByRole('button', { name: 'Check my configuration' }).click();
  await expect(challenge.getByText(/Passed/).first()).toBeVisible({ timeout: 15_000 });
}

test('blocked localStorage never breaks a lesson', async ({ page }) => {
  const errors = watchErrors(page);
  await page.addInitScript(() => {
    Object.defineProperty(window, 'localStorage', {
      configurable: true,
      get() {
        throw new DOMException('The operation is insecure.', 'SecurityError');
      },
    });
  });
  const lesson = await openLesson(page);
  await expectAdvances(page);
  await expect(lesson.assignments.getByText(STORAGE_NOTE)).toBeVisible();
  await solveChallenge(lesson);
  await expect(lesson.assignments.getByText(STORAGE_NOTE)).toBeVisible();
  expect(errors).toEqual([]);
});

test('full localStorage never breaks a lesson', async ({ page }) => {
  const errors = watchErrors(page);
  await page.addInitScript(() => {
    Storage.prototype.setItem = function setItem() {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    };
  });
  const lesson = await openLesson(page);
  await expectAdvances(page);
  await solveChallenge(lesson);
  await expect(lesson.assignments.getByText(STORAGE_NOTE)).toBeVisible();
  expect(errors).toEqual([]);
});
