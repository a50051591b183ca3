// Keyboard-only journeys on the production build. For every live lesson (from the registry):
// Tab from the top reaches every control, each with a visible focus indicator, and sliders move
// with the arrow keys and say their value. Through the load-balancing lesson: Space and Enter
// work the buttons, the compare switch and the presets; and a numeric assignment is answered
// and checked from the keyboard, its feedback arriving in a polite live region.
// Run alone: npx vite build && npx playwright test e2e/keyboard.spec.ts
import { expect, test, type Page } from '@playwright/test';
import { assignments } from '../src/lessons/load-balancing/model/assignments.ts';
import { lessons } from '../src/lessons/registry.ts';
import { presets } from '../src/lessons/load-balancing/model/presets.ts';
import { LessonPage } from './pages/LessonPage.ts';

const LESSON = 'load-balancing';
/** Attribute the walk uses to recognise elements it has met. */
const MARK = 'data-kb';

/** What the walk records about the focused element. */
interface Focused {
  /** The mark given before the walk, or '' for an element that was not expected. */
  readonly key: string;
  readonly tag: string;
  readonly type: string;
  readonly name: string;
  readonly indicator: boolean;
  readonly style: string;
  readonly focusVisible: boolean;
  readonly inViewport: boolean;
}

/** An element the walk must reach: every enabled, visible control (one radio per group). */
interface Expected {
  readonly key: string;
  readonly description: string;
}

/**
 * Marks every control a keyboard user must be able to reach and returns them. Radios count
 * once per group, because Tab enters a radio group once and the arrow keys move inside it.
 */
async function markControls(page: Page): Promise<Expected[]> {
  return page.evaluate((mark) => {
    const selector =
      'a[href], button, input, select, textarea, summary, [tabindex]:not([tabindex="-1"])';
    const out: { key: string; description: string }[] = [];
    const radioGroups = new Set<string>();
    let i = 0;
    for (const el of Array.from(document.querySelectorAll<HTMLElement>(selector))) {
      const disabled = (el as HTMLButtonElement).disabled === true;
      const hidden = el.getClientRects().length === 0 || el.closest('[aria-hidden="true"]');
      if (disabled || hidden || el.tabIndex < 0) continue;
      const key = String(i++);
      el.setAttribute(mark, key);
      if (el instanceof HTMLInputElement && el.type === 'radio') {
        if (radioGroups.has(el.name)) continue;
        radioGroups.add(el.name);
      }
      const label =
        el.getAttribute('aria-label') ??
        (el as HTMLInputElement).labels?.[0]?.textContent ??
        el.textContent ??
        '';
      const type = el instanceof HTMLInputElement ? `[type=${el.type}]` : '';
      out.push({ key, description: `${el.tagName.toLowerCase()}${type} "${label.trim()}"` });
    }
    return out;
  }, MARK);
}

/** Reads the focused element: its mark, name and whether a focus indicator is drawn. */
async function focused(page: Page): Promise<Focused | null> {
  return page.evaluate((mark) => {
    const el = document.activeElement as HTMLElement | null;
    if (el === null || el === document.body || el === document.documentElement) return null;
    const style = getComputedStyle(el);
    const outline = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0;
    const shadow = style.boxShadow !== 'none' && style.boxShadow !== '';
    const rect = el.getBoundingClientRect();
    // The visible name without decorations hidden from assistive technology (such as ▶).
    const source = el.getAttribute('aria-label') ?? (el as HTMLInputElement).labels?.[0] ?? el;
    let label = typeof source === 'string' ? source : '';
    if (typeof source !== 'string') {
      const copy = source.cloneNode(true) as HTMLElement;
      copy.querySelectorAll('[aria-hidden="true"]').forEach((n) => n.remove());
      label = copy.textContent ?? '';
    }
    return {
      key: el.getAttribute(mark) ?? '',
      tag: el.tagName.toLowerCase(),
      type: el instanceof HTMLInputElement ? el.type : '',
      name: label.replace(/\s+/g, ' ').trim(),
      indicator: outline || shadow,
      style: `outline ${style.outlineStyle} ${style.outlineWidth}; box-shadow ${style.boxShadow}`,
      focusVisible: el.matches(':focus-visible'),
      inViewport:
        rect.width > 0 &&
        rect.height > 0 &&
        rect.bottom > 0 &&
        rect.right > 0 &&
        rect.top < window.innerHeight &&
        rect.left < window.innerWidth,
    };
  }, MARK);
}

/** The slider's value and spoken value, as assistive technology reads them. */
async function sliderState(page: Page): Promise<{ value: string; text: string; max: string }> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLInputElement;
    return {
      value: el.value,
      text: el.getAttribute('aria-valuetext') ?? '',
      max: el.max,
    };
  });
}

/** Presses Tab until the focused element satisfies `match`; fails after `limit` presses. */
async function tabTo(
  page: Page,
  match: (f: Focused) => boolean,
  what: string,
  limit = 400,
): Promise<Focused> {
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press('Tab');
    const f = await focused(page);
    if (f !== null && match(f)) return f;
  }
  throw new Error(`Tab never reached ${what}`);
}

async function simSeconds(page: Page): Promise<number> {
  return new LessonPage(page).simulatedTime();
}

/**
 * Tabs from the top of a lesson to the end and back to the start. Every control must be reached,
 * show a focus indicator that matches :focus-visible and be scrolled into view; every slider
 * must follow the arrow keys and say its new value; the controls the brief names (playback,
 * speed, seed, compare, every preset, the assignment checks) must be among those reached.
 */
async function tabThroughLesson(page: Page, lessonId: string): Promise<void> {
  const lesson = new LessonPage(page);
  await lesson.open(lessonId, 'paused');
  await expect(page.getByTestId('topology-0')).toBeVisible();
  await expect(lesson.controls.getByRole('slider').first()).toBeVisible();
  const expected = await markControls(page);
  expect(expected.length).toBeGreaterThan(30);

  // From the top: the skip link comes first and shows itself when focused.
  await page.evaluate(() => {
    (document.activeElement as HTMLElement | null)?.blur();
    window.scrollTo(0, 0);
  });
  await page.keyboard.press('Tab');
  const first = await focused(page);
  expect(first?.name).toBe('Skip to content');
  expect(first?.inViewport, 'the skip link is on screen when focused').toBe(true);

  const reached = new Set<string>();
  const problems: string[] = [];
  let slidersMoved = 0;
  let current = first;
  for (let i = 0; i < 800 && current !== null; i++) {
    if (reached.has(current.key) && current.key !== '') break; // wrapped around
    if (current.key !== '') reached.add(current.key);
    const who = `${current.tag}${current.type ? `[type=${current.type}]` : ''} "${current.name}"`;
    if (!current.indicator) problems.push(`${who}: no focus indicator (${current.style})`);
    if (!current.focusVisible) problems.push(`${who}: does not match :focus-visible`);
    if (!current.inViewport) problems.push(`${who}: focused but not scrolled into view`);

    if (current.tag === 'input' && current.type === 'range') {
      const before = await sliderState(page);
      const [forward, back] =
        before.value === before.max ? ['ArrowLeft', 'ArrowRight'] : ['ArrowRight', 'ArrowLeft'];
      await page.keyboard.press(forward);
      const after = await sliderState(page);
      if (after.value === before.value || after.text === before.text) {
        problems.push(`${who}: ${forward} left it at ${before.value} ("${before.text}")`);
      } else {
        slidersMoved += 1;
      }
      await page.keyboard.press(back);
      const restored = await sliderState(page);
      if (restored.text === after.text) problems.push(`${who}: ${back} did not move it back`);
    }

    await page.keyboard.press('Tab');
    current = await focused(page);
  }

  const missed = expected.filter((e) => !reached.has(e.key)).map((e) => e.description);
  expect(missed, 'controls Tab never reached').toEqual([]);
  expect(problems, 'focus and slider problems').toEqual([]);

  // The named controls of the brief, each reached above.
  const sliders = lesson.controls.getByRole('slider');
  const boxes = lesson.controls.getByRole('spinbutton');
  // Every slider on the page moved, the lesson's own (such as a time slider) included.
  expect(slidersMoved).toBe(await page.getByRole('slider').count());
  expect(await boxes.count()).toBeGreaterThanOrEqual(await sliders.count());
  const presetButtons = page
    .getByRole('region', { name: 'Presets' })
    .or(lesson.controls.locator('section[aria-labelledby="presets-heading"]'))
    .first()
    .getByRole('button');
  expect(await presetButtons.count(), 'the lesson has presets').toBeGreaterThan(0);
  const named = [
    lesson.controls.getByRole('button', { name: 'Play', exact: true }),
    lesson.controls.getByRole('button', { name: 'Step' }),
    lesson.controls.getByRole('button', { name: 'Reset' }),
    lesson.controls.getByRole('combobox', { name: 'Speed' }),
    lesson.controls.getByRole('spinbutton', { name: 'Seed' }),
    lesson.controls.getByRole('button', { name: 'New seed' }),
    lesson.controls.getByRole('checkbox', { name: /Compare two configurations/ }),
    ...(await presetButtons.all()),
  ];
  const checks = lesson.assignments.getByRole('button', { name: /^Check( my configuration)?$/ });
  expect(await checks.count(), 'the lesson has assignments to check').toBeGreaterThan(0);
  named.push(...(await checks.all()));
  for (const control of named) {
    const key = await control.getAttribute(MARK);
    expect(key, `${control.toString()} is a reachable control`).not.toBeNull();
    expect(reached.has(key ?? ''), `Tab reached ${control.toString()}`).toBe(true);
  }
}

// Every live lesson: a lesson added to the registry is walked without a new test.
for (const { id } of lessons.filter((l) => l.status === 'live')) {
  test(`keyboard only: ${id}: Tab reaches every control with a visible focus indicator; sliders follow the arrow keys`, async ({
    page,
  }) => {
    test.setTimeout(180_000);
    await tabThroughLesson(page, id);
  });
}

test.describe('keyboard only: the load-balancing lesson', () => {
  test.describe.configure({ timeout: 120_000 });

  test('Space and Enter work playback, compare mode and presets', async ({ page }) => {
    const lesson = new LessonPage(page);
    await lesson.open(LESSON, 'paused');
    await expect(page.getByTestId('topology-0')).toBeVisible();
    const toggle = lesson.controls.getByRole('button', { name: /^(Play|Pause)$/ });

    // Play with Space: the button turns into Pause and simulated time moves.
    await tabTo(page, (f) => f.tag === 'button' && f.name === 'Play', 'the Play button');
    await page.keyboard.press('Space');
    await expect(toggle).toHaveText(/Pause/);
    await expect(toggle).toBeFocused();
    await expect.poll(() => simSeconds(page), { timeout: 10_000 }).toBeGreaterThan(0.5);

    // Pause with Enter: time stands still.
    await page.keyboard.press('Enter');
    await expect(toggle).toHaveText(/Play/);
    // The readout catches up with the worker's last snapshot (charts and readouts refresh at a
    // paced rate), then must not move at all.
    let paused = await simSeconds(page);
    await expect
      .poll(async () => {
        const before = paused;
        await page.waitForTimeout(300);
        paused = await simSeconds(page);
        return paused === before;
      })
      .toBe(true);
    await page.waitForTimeout(600);
    expect(await simSeconds(page)).toBe(paused);

    // Step, while paused, advances a little.
    await page.keyboard.press('Tab');
    expect((await focused(page))?.name).toBe('Step');
    await page.keyboard.press('Enter');
    await expect.poll(() => simSeconds(page)).toBeGreaterThan(paused);

    // The compare switch toggles with Space.
    await tabTo(
      page,
      (f) => f.type === 'checkbox' && f.name.startsWith('Compare'),
      'the compare checkbox',
    );
    await page.keyboard.press('Space');
    await expect(page.getByTestId('topology-1')).toBeVisible();
    await expect(page).toHaveURL(/compare=1/);
    await page.keyboard.press('Space');
    await expect(page.getByTestId('topology-1')).toHaveCount(0);

    // A preset applies with Enter: the A, B, C fleet has three servers of profile abc.
    const fleet = presets.find((p) => p.params.serverProfile === 'abc');
    expect(fleet, 'a preset with the A, B, C servers').toBeDefined();
    if (fleet === undefined) return;
    await tabTo(page, (f) => f.tag === 'button' && f.name === fleet.label, `"${fleet.label}"`);
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(/serverProfile=abc/);
    await expect(lesson.controls.getByRole('slider', { name: 'Servers' })).toHaveValue(
      String(fleet.params.servers),
    );
    // Focus stays on the preset, so the next Tab carries on from there.
    await expect(lesson.controls.getByRole('button', { name: fleet.label })).toBeFocused();
  });

  test('checking a challenge from the keyboard keeps focus on its button', async ({ page }) => {
    const challenge = assignments.find((a) => a.kind === 'challenge');
    expect(challenge, 'the lesson has a challenge').toBeDefined();
    if (challenge === undefined) return;
    const lesson = new LessonPage(page);
    await lesson.open(LESSON, 'paused');
    const card = lesson.assignment(challenge.title);
    const check = card.getByRole('button', { name: 'Check my configuration' });
    await check.evaluate((el, mark) => el.setAttribute(mark, 'challenge-check'), MARK);
    await tabTo(page, (f) => f.key === 'challenge-check', 'the challenge check button');
    await page.keyboard.press('Enter');
    // The verdict arrives in the card's live region, and the learner is still where they were.
    await expect(card.locator('[aria-live="polite"] .assignment__verdict')).toBeVisible({
      timeout: 20_000,
    });
    await expect(check).toBeFocused();
    await expect(check).not.toHaveAttribute('aria-disabled', 'true');
  });

  test('a numeric assignment is answered and checked with the keyboard alone', async ({ page }) => {
    const numeric = assignments.find((a) => a.kind === 'numeric');
    expect(numeric, 'the lesson has a numeric assignment').toBeDefined();
    if (numeric?.kind !== 'numeric') return;
    const lesson = new LessonPage(page);
    await lesson.open(LESSON, 'paused');
    const card = lesson.assignment(numeric.title);
    await expect(card).toBeVisible();
    const input = card.getByRole('spinbutton', { name: 'Your answer' });

    // The feedback region exists (and is polite) before anything is said in it.
    const live = card.locator('[aria-live="polite"]');
    await expect(live).toHaveCount(1);
    await live.evaluate((el) => el.setAttribute('data-live-region', 'before'));

    await input.evaluate((el, mark) => el.setAttribute(mark, 'numeric-answer'), MARK);
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await tabTo(page, (f) => f.key === 'numeric-answer', 'the numeric answer box');
    await expect(input).toBeFocused();

    // A wrong answer, checked with Space on the Check button.
    await page.keyboard.type(String(numeric.answer / 4));
    await page.keyboard.press('Tab');
    await expect(card.getByRole('button', { name: 'Check' })).toBeFocused();
    await page.keyboard.press('Space');
    await expect(live).toContainText('Not passed');
    await expect(card.getByText(/Status: Not passed yet/)).toBeVisible();

    // Back to the box, replace the answer, and submit with Enter.
    await page.keyboard.press('Shift+Tab');
    await expect(input).toBeFocused();
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.type(String(numeric.answer));
    await page.keyboard.press('Enter');
    await expect(live).toContainText('Passed');
    await expect(live).not.toContainText('Not passed');
    await expect(live).toHaveAttribute('data-live-region', 'before'); // the same region spoke
    await expect(card.getByText('Status: Passed')).toBeVisible();
  });
});
