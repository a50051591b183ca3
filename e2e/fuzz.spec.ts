// Seeded random interaction ("fuzz") on every live lesson, against the production build. For
// at least 30 s per lesson a seeded generator moves sliders (clicks at the ends, drags past
// them, keys), types extreme, out-of-range and garbage numbers, picks options, ticks boxes
// (compare mode too), types weights, loads presets and drives playback. Throughout: no uncaught
// error, no console error, no NaN / Infinity / undefined / [object Object] on the page; at the
// end the simulation still advances after Play. A failure names the seed and the last actions:
// replay it with `FUZZ_SEED=<seed> npx playwright test e2e/fuzz.spec.ts`.
import { expect, test, type Locator, type Page } from '@playwright/test';
import { lessons } from '../src/lessons/registry.ts';
import { fuzzSeed, mixSeed, Prng } from './support/prng.ts';

const RUN_SEED = fuzzSeed(20_240_611);
/** Wall time of random actions per lesson; `FUZZ_MS` lengthens (or, locally, shortens) it. */
const FUZZ_MS = Number(process.env.FUZZ_MS ?? 30_000);
/** How many of the latest actions a failure prints. */
const HISTORY = 20;

const liveLessons = lessons.filter((lesson) => lesson.status === 'live');

/** Text that must never reach the page. */
const BAD_TEXT = /\bNaN\b|\bundefined\b|Infinity|\[object Object\]/;

/** Values typed into number boxes: the ends, just past them, far past them, and garbage. */
function numberTexts(rng: Prng, min: number, max: number): string {
  const span = max - min;
  return rng.pick([
    String(min),
    String(max),
    String(min - 1),
    String(max + 1),
    String(max * 1000),
    String(-max),
    String(min + rng.next() * span),
    String(Math.round(min + rng.next() * span)),
    '0',
    '-0',
    '1e309',
    '-1e309',
    '1e-7',
    '9'.repeat(40),
    '',
    'e',
    '-',
    '1e',
    '.',
    '--1',
    '1.2.3',
    'abc',
  ]);
}

/** Text typed into free-text parameters (weights and the like). */
function freeTexts(rng: Prng): string {
  const n = rng.int(1, 8);
  const list = Array.from({ length: n }, () => String(rng.pick([0, 1, 2, 3, 0.5, 9999.999])));
  return rng.pick([
    list.join(','),
    list.join(' , '),
    '0,0,0',
    '0',
    '',
    '1,,2',
    'abc',
    '<b>x</b>',
    '1,'.repeat(120),
    '9999.999,'.repeat(99) + '9999.999',
    '-1,2',
  ]);
}

/** A short, readable name for a control, for the action log. */
async function describe(control: Locator): Promise<string> {
  return control.evaluate((el) => {
    const input = el as HTMLInputElement;
    const label =
      input.labels?.[0]?.textContent?.trim() ??
      el.getAttribute('aria-label') ??
      el.textContent?.trim() ??
      el.tagName;
    return label.replace(/\s+/g, ' ').slice(0, 60);
  });
}

/** One enabled element of `all`, or null when there is none. */
async function pickEnabled(rng: Prng, all: Locator): Promise<Locator | null> {
  const count = await all.count();
  if (count === 0) return null;
  const control = all.nth(rng.int(0, count - 1));
  return (await control.isEnabled()) ? control : null;
}

/** Everything the learner can read, plus values and labels of controls and figures. */
async function badTextOnPage(page: Page): Promise<string | null> {
  return page.evaluate((source) => {
    const bad = new RegExp(source);
    const texts: string[] = [document.body.innerText];
    for (const el of document.querySelectorAll('input[type=number], input[type=range], select')) {
      texts.push(`value of ${el.id || el.tagName}: ${(el as HTMLInputElement).value}`);
    }
    for (const el of document.querySelectorAll('[aria-label], [aria-valuetext], [title], time')) {
      for (const attr of ['aria-label', 'aria-valuetext', 'title', 'datetime']) {
        const v = el.getAttribute(attr);
        if (v !== null) texts.push(`${attr}: ${v}`);
      }
    }
    for (const text of texts) {
      const m = bad.exec(text);
      if (m) {
        return JSON.stringify(text.slice(Math.max(0, m.index - 80), m.index + 80));
      }
    }
    return null;
  }, BAD_TEXT.source);
}

/** Simulated seconds shown by the shared playback clock (whole seconds). */
async function clockSeconds(page: Page): Promise<number> {
  const dt = await page
    .getByRole('group', { name: 'Playback' })
    .locator('time')
    .getAttribute('datetime');
  const m = /^PT(\d+)S$/.exec(dt ?? '');
  if (!m) throw new Error(`playback clock shows datetime=${String(dt)}`);
  return Number(m[1]);
}

type ActionKind =
  | 'sliderClick'
  | 'sliderDrag'
  | 'sliderKeys'
  | 'numberBox'
  | 'select'
  | 'checkbox'
  | 'text'
  | 'preset'
  | 'playPause'
  | 'step'
  | 'reset'
  | 'speed'
  | 'newSeed'
  | 'setUp'
  | 'wait';

const ACTION_WEIGHTS: Readonly<Record<ActionKind, number>> = {
  sliderClick: 8,
  sliderDrag: 6,
  sliderKeys: 6,
  numberBox: 12,
  select: 8,
  checkbox: 3,
  text: 4,
  preset: 4,
  playPause: 6,
  step: 4,
  reset: 2,
  speed: 5,
  newSeed: 2,
  setUp: 1,
  wait: 4,
};

/** Performs one random action and returns a line describing it. */
async function act(page: Page, rng: Prng, kind: ActionKind): Promise<string> {
  const controls = page.getByRole('complementary', { name: 'Controls' });
  const playback = page.getByRole('group', { name: 'Playback' });
  switch (kind) {
    case 'sliderClick': {
      const slider = await pickEnabled(rng, controls.locator('input[type=range]'));
      if (!slider) return 'slider click: none enabled';
      await slider.scrollIntoViewIfNeeded();
      const box = await slider.boundingBox();
      if (!box) return 'slider click: not laid out';
      const where = rng.pick([0, 1, rng.next()]);
      const x = box.x + 1 + where * (box.width - 2);
      await page.mouse.click(x, box.y + box.height / 2);
      return `slider click ${await describe(slider)} at ${where.toFixed(2)}`;
    }
    case 'sliderDrag': {
      const slider = await pickEnabled(rng, controls.locator('input[type=range]'));
      if (!slider) return 'slider drag: none enabled';
      await slider.scrollIntoViewIfNeeded();
      const box = await slider.boundingBox();
      if (!box) return 'slider drag: not laid out';
      const y = box.y + box.height / 2;
      const from = rng.next();
      // Past either end: the thumb stops at the bound.
      const to = rng.pick([-0.5, 1.5, rng.next()]);
      await page.mouse.move(box.x + from * box.width, y);
      await page.mouse.down();
      await page.mouse.move(box.x + to * box.width, y, { steps: rng.int(2, 8) });
      await page.mouse.up();
      return `slider drag ${await describe(slider)} ${from.toFixed(2)} -> ${to.toFixed(2)}`;
    }
    case 'sliderKeys': {
      const slider = await pickEnabled(rng, controls.locator('input[type=range]'));
      if (!slider) return 'slider keys: none enabled';
      await slider.focus();
      const keys = Array.from({ length: rng.int(1, 6) }, () =>
        rng.pick(['Home', 'End', 'ArrowLeft', 'ArrowRight', 'PageUp', 'PageDown', 'ArrowUp']),
      );
      for (const key of keys) await slider.press(key);
      return `slider keys ${await describe(slider)}: ${keys.join(' ')}`;
    }
    case 'numberBox': {
      const box = await pickEnabled(rng, controls.locator('input[type=number]'));
      if (!box) return 'number box: none enabled';
      const min = Number((await box.getAttribute('min')) ?? 0);
      const max = Number((await box.getAttribute('max')) ?? 100);
      const text = numberTexts(rng, min, max);
      const commit = rng.pick(['Enter', 'Tab', 'Escape']);
      await box.click();
      await box.press('ControlOrMeta+a');
      await box.press('Backspace');
      if (text !== '') await page.keyboard.type(text);
      await box.press(commit);
      return `number box ${await describe(box)} <- ${JSON.stringify(text)} + ${commit}`;
    }
    case 'select': {
      const select = await pickEnabled(rng, controls.locator('select'));
      if (!select) return 'select: none enabled';
      const values = await select
        .locator('option')
        .evaluateAll((options) => options.map((o) => (o as HTMLOptionElement).value));
      const value = rng.pick(values);
      await select.selectOption(value);
      return `select ${await describe(select)} = ${value}`;
    }
    case 'checkbox': {
      const box = await pickEnabled(rng, controls.locator('input[type=checkbox]'));
      if (!box) return 'checkbox: none enabled';
      await box.click();
      return `checkbox ${await describe(box)} -> ${String(await box.isChecked())}`;
    }
    case 'text': {
      const box = await pickEnabled(rng, controls.locator('input[type=text]'));
      if (!box) return 'text: none enabled';
      const text = freeTexts(rng);
      const commit = rng.pick(['Enter', 'Tab']);
      await box.fill(text);
      await box.press(commit);
      return `text ${await describe(box)} <- ${JSON.stringify(text.slice(0, 40))} + ${commit}`;
    }
    case 'preset': {
      const button = await pickEnabled(rng, controls.locator('.preset-button'));
      if (!button) return 'preset: none';
      const name = await describe(button);
      await button.click();
      return `preset ${name}`;
    }
    case 'playPause': {
      const toggle = playback.getByRole('button', { name: /^(play|pause)$/i });
      const name = await describe(toggle);
      await toggle.click();
      return `press ${name}`;
    }
    case 'step': {
      const step = playback.getByRole('button', { name: /^step$/i });
      if (!(await step.isEnabled())) return 'step: disabled while playing';
      await step.click();
      return 'press Step';
    }
    case 'reset':
      await playback.getByRole('button', { name: /^reset$/i }).click();
      return 'press Reset';
    case 'speed': {
      const speed = playback.getByRole('combobox', { name: /speed/i });
      const values = await speed
        .locator('option')
        .evaluateAll((options) => options.map((o) => (o as HTMLOptionElement).value));
      const value = rng.pick(values);
      await speed.selectOption(value);
      return `speed ${value}`;
    }
    case 'newSeed':
      await controls.getByRole('button', { name: /new seed/i }).click();
      return 'press New seed';
    case 'setUp': {
      const button = await pickEnabled(rng, page.getByRole('button', { name: /^set up$/i }));
      if (!button) return 'set up: none';
      await button.click();
      return 'press an assignment Set up';
    }
    case 'wait': {
      const ms = rng.int(50, 400);
      await page.waitForTimeout(ms);
      return `wait ${ms} ms`;
    }
  }
}

for (const lesson of liveLessons) {
  const seed = mixSeed(RUN_SEED, lesson.id);
  test(`fuzz ${lesson.id} for ${FUZZ_MS / 1000} s (FUZZ_SEED=${RUN_SEED}, lesson seed ${seed})`, async ({
    page,
  }) => {
    test.setTimeout(FUZZ_MS + 60_000);
    console.log(`[fuzz] ${lesson.id}: FUZZ_SEED=${RUN_SEED} (lesson stream ${seed})`);
    const problems: string[] = [];
    page.on('pageerror', (e) => problems.push(`uncaught: ${e.message}`));
    page.on('console', (m) => {
      if (m.type() === 'error') problems.push(`console error: ${m.text()}`);
    });
    page.on('worker', (w) =>
      w.on('console', (m) => {
        if (m.type() === 'error') problems.push(`worker console error: ${m.text()}`);
      }),
    );
    // "New seed" draws from crypto.getRandomValues: seed it too, so a replay is exact.
    await page.addInitScript((s: number) => {
      let state = s >>> 0;
      const next = (): number => {
        state = (state + 0x6d2b79f5) >>> 0;
        let t = state;
        t = Math.imul(t ^ (t >>> 15), t | 1);
        t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
        return (t ^ (t >>> 14)) >>> 0;
      };
      const seeded = <T extends ArrayBufferView | null>(array: T): T => {
        if (array instanceof Uint32Array) for (let i = 0; i < array.length; i++) array[i] = next();
        else if (array instanceof Uint8Array)
          for (let i = 0; i < array.length; i++) array[i] = next() & 0xff;
        return array;
      };
      crypto.getRandomValues = seeded as typeof crypto.getRandomValues;
    }, seed);

    const rng = new Prng(seed);
    const log: string[] = [];
    const fail = (why: string): never => {
      const last = log
        .slice(-HISTORY)
        .map((line, i) => `  ${log.length - Math.min(HISTORY, log.length) + i + 1}. ${line}`);
      throw new Error(
        `${why}\nReplay: FUZZ_SEED=${RUN_SEED} npx playwright test e2e/fuzz.spec.ts -g "${lesson.id}"\n` +
          `Last ${last.length} of ${log.length} actions (lesson seed ${seed}):\n${last.join('\n')}`,
      );
    };
    const check = async (): Promise<void> => {
      if (problems.length > 0) fail(problems.join('\n'));
      const bad = await badTextOnPage(page);
      if (bad !== null) fail(`the page shows ${bad}`);
    };

    await page.goto(`/lessons/${lesson.id}`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(lesson.title);
    await expect(page.getByRole('group', { name: 'Playback' })).toBeVisible();
    await check();

    const started = Date.now();
    while (Date.now() - started < FUZZ_MS) {
      const kind = rng.weighted(ACTION_WEIGHTS);
      try {
        log.push(await act(page, rng, kind));
      } catch (err) {
        fail(`action ${kind} could not be performed: ${(err as Error).message}`);
      }
      await check();
    }

    // Afterwards the simulation still advances: a readable speed, then Play.
    const playback = page.getByRole('group', { name: 'Playback' });
    await playback.getByRole('combobox', { name: /speed/i }).selectOption('10');
    const toggle = playback.getByRole('button', { name: /^(play|pause)$/i });
    if (/pause/i.test(await describe(toggle))) await toggle.click();
    await expect(toggle).toHaveAccessibleName(/play/i);
    // Snapshots sent before the pause may still move the clock: wait until it stands still.
    let before = await clockSeconds(page);
    for (let settled = 0; settled < 3;) {
      await page.waitForTimeout(150);
      const now = await clockSeconds(page);
      settled = now === before ? settled + 1 : 0;
      before = now;
    }
    await toggle.click();
    log.push('final: speed 10, press Play');
    try {
      await expect
        .poll(() => clockSeconds(page), { timeout: 10_000 })
        .toBeGreaterThanOrEqual(before + 2);
    } catch {
      fail(`simulated time stayed at ${await clockSeconds(page)} s after Play (was ${before} s)`);
    }
    await check();
    console.log(`[fuzz] ${lesson.id}: ${log.length} actions, no problem (FUZZ_SEED=${RUN_SEED})`);
  });
}
