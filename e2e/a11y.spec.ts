// Accessibility on the production build: axe-core with the WCAG 2.2 AA rules finds no serious
// or critical violation on the home page, every live lesson (read from the registry, so a new
// lesson is checked without touching this file), its embed page on its own and inside a host
// page's iframe, compare mode, the open assumptions panel with an assignment's feedback, in
// light and dark colour schemes. Under prefers-reduced-motion a lesson starts paused.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, test, type Frame, type Page } from '@playwright/test';
import { LessonPage } from './pages/LessonPage.ts';
import {
  blockingViolations,
  countByImpact,
  formatViolations,
  runAxe,
  type AxeRunOptions,
} from './support/axe.ts';

interface CatalogueEntry {
  readonly id: string;
  readonly title: string;
  readonly status: 'live' | 'coming';
}

// A computed path keeps `tsc` from following the registry into the React views (it checks e2e
// with the Node settings); Playwright loads the TypeScript module itself at run time.
const REGISTRY = '../src/lessons/registry.ts';
const registry = (await import(REGISTRY)) as { readonly lessons: readonly CatalogueEntry[] };
const liveLessons = registry.lessons.filter((l) => l.status === 'live');

const SCHEMES = ['light', 'dark'] as const;

/**
 * A course page on another origin (its own port on the loopback address, so Chromium's
 * private network access rules let it frame the lab) with a heading and the lesson's iframe.
 */
async function startHostPage(embedUrl: string): Promise<{ url: string; close(): Promise<void> }> {
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Course</title>
    </head><body><main><h1>Week 3: load balancing</h1>
    <iframe src="${embedUrl}" title="Scaling Lab lesson" width="1000" height="900"></iframe>
    </main></body></html>`;
  const server = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(html);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/course.html`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** Fails with a readable list when axe finds a serious or critical violation; logs the counts. */
async function expectNoBlockingViolations(
  target: Page | Frame,
  where: string,
  options: AxeRunOptions = {},
): Promise<void> {
  const violations = await runAxe(target, options);
  console.log(`axe ${where}: ${JSON.stringify(countByImpact(violations))}`);
  const blocking = blockingViolations(violations);
  expect(blocking, `${where}:\n${formatViolations(blocking)}`).toEqual([]);
}

/** Waits until a lesson has drawn its picture, its charts and its controls. */
async function waitForLesson(root: Page | Frame): Promise<void> {
  await expect(root.getByTestId('topology-0')).toBeVisible({ timeout: 15_000 });
  await expect(root.getByRole('figure').first()).toBeVisible();
  await expect(root.getByRole('slider').first()).toBeVisible();
}

test('the axe check itself catches violations', async ({ page }) => {
  // Guards against a silent no-op: a page with known problems must fail the same check.
  await page.setContent(`<!doctype html><html lang="en"><head><title>Bad</title></head><body>
    <main><h1>Bad page</h1><img src="data:," />
    <p style="color:#aaa;background:#fff">Faint text</p><button></button></main></body></html>`);
  const found = blockingViolations(await runAxe(page)).map((v) => v.id);
  expect(found).toEqual(expect.arrayContaining(['image-alt', 'color-contrast', 'button-name']));
  expect(formatViolations(blockingViolations(await runAxe(page)))).toContain(
    '[critical] image-alt',
  );
});

test.describe('axe: no serious or critical WCAG 2.2 AA violations', () => {
  test.describe.configure({ timeout: 60_000 });

  for (const scheme of SCHEMES) {
    test.describe(`${scheme} colour scheme`, () => {
      test.beforeEach(async ({ page }) => {
        await page.emulateMedia({ colorScheme: scheme });
      });

      test('home page', async ({ page }) => {
        await page.goto('/');
        await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
        await expectNoBlockingViolations(page, `home (${scheme})`);
      });

      test('page not found', async ({ page }) => {
        await page.goto('/no-such-page');
        await expect(page.getByRole('heading', { name: 'Page not found' })).toBeVisible();
        await expectNoBlockingViolations(page, `not found (${scheme})`);
      });

      test('every live lesson is in the list', () => {
        expect(liveLessons.length).toBeGreaterThan(0);
      });

      for (const lesson of liveLessons) {
        test(`lesson ${lesson.id}`, async ({ page }) => {
          const view = new LessonPage(page);
          await view.open(lesson.id);
          await waitForLesson(page);
          await expectNoBlockingViolations(page, `lesson ${lesson.id} (${scheme})`);
        });

        test(`lesson ${lesson.id} in compare mode`, async ({ page }) => {
          const view = new LessonPage(page);
          await view.open(lesson.id, 'compare=1');
          await waitForLesson(page);
          await expect(page.getByTestId('topology-1')).toBeVisible();
          await expectNoBlockingViolations(page, `lesson ${lesson.id} compare (${scheme})`);
        });

        test(`lesson ${lesson.id} with a notice, the assumptions open and feedback shown`, async ({
          page,
        }) => {
          const view = new LessonPage(page);
          // An out-of-range value in the link shows a notice above the lesson.
          await view.open(lesson.id, 'seed=abc');
          await waitForLesson(page);
          await expect(page.locator('.notice').first()).toBeVisible();

          const assumptions = page.locator('details').first();
          await assumptions.locator('summary').click();
          await expect(assumptions).toHaveAttribute('open', '');

          // The diagram beside the assumptions loads when scrolled near; wait for it to settle.
          const diagram = page.locator('.diagram').first();
          await diagram.scrollIntoViewIfNeeded();
          await expect(diagram).not.toHaveAttribute('aria-busy', 'true', { timeout: 15_000 });

          // Answer the first numeric or choice assignment (graded at once, no simulation run).
          const numeric = page.locator('article.assignment[data-kind="numeric"]').first();
          const choice = page.locator('article.assignment[data-kind="choice"]').first();
          if ((await numeric.count()) > 0) {
            await numeric.getByRole('spinbutton', { name: 'Your answer' }).fill('1');
            await numeric.getByRole('button', { name: 'Check' }).click();
            await expect(numeric.locator('.assignment__verdict')).toBeVisible();
          }
          if ((await choice.count()) > 0) {
            await choice.getByRole('radio').first().check();
            await choice.getByRole('button', { name: 'Check' }).click();
            await expect(choice.locator('.assignment__verdict')).toBeVisible();
          }
          await expectNoBlockingViolations(
            page,
            `lesson ${lesson.id} details+feedback (${scheme})`,
          );
        });

        test(`embed page of ${lesson.id}`, async ({ page }) => {
          await page.goto(`/embed/${lesson.id}?prompt=${encodeURIComponent('Find the knee.')}`);
          await waitForLesson(page);
          await expectNoBlockingViolations(page, `embed ${lesson.id} (${scheme})`);
        });

        test(`embed page of ${lesson.id} inside a host page's iframe`, async ({
          page,
          baseURL,
        }) => {
          const embedUrl = new URL(`/embed/${lesson.id}`, baseURL).href;
          const host = await startHostPage(embedUrl);
          try {
            await page.goto(host.url);
            const frame = page.frame({ url: embedUrl });
            expect(frame, 'the lesson iframe loaded').not.toBeNull();
            if (frame === null) return;
            await waitForLesson(frame);
            await expectNoBlockingViolations(page, `host page (${scheme})`);
            await expectNoBlockingViolations(frame, `embed ${lesson.id} in an iframe (${scheme})`);
          } finally {
            await host.close();
          }
        });
      }
    });
  }
});

test.describe('reflow (WCAG 1.4.10): no sideways scrolling at 320 CSS pixels', () => {
  const pages = [
    { name: 'home', path: '/' },
    ...liveLessons.flatMap((l) => [
      { name: `lesson ${l.id}`, path: `/lessons/${l.id}` },
      { name: `lesson ${l.id} in compare mode`, path: `/lessons/${l.id}?compare=1` },
      { name: `embed page of ${l.id}`, path: `/embed/${l.id}` },
    ]),
  ];
  for (const { name, path } of pages) {
    test(name, async ({ page }) => {
      // 320 px is a 1280 px window zoomed to 400 %.
      await page.setViewportSize({ width: 320, height: 640 });
      await page.goto(path);
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
      if (path !== '/') await waitForLesson(page);
      const widths = await page.evaluate(() => ({
        content: document.documentElement.scrollWidth,
        viewport: document.documentElement.clientWidth,
      }));
      expect(widths.content, `${name} is wider than the screen`).toBeLessThanOrEqual(
        widths.viewport,
      );
    });
  }
});

test.describe('prefers-reduced-motion', () => {
  for (const lesson of liveLessons) {
    test(`lesson ${lesson.id} starts paused`, async ({ page }) => {
      await page.emulateMedia({ reducedMotion: 'reduce' });
      const view = new LessonPage(page);
      await view.open(lesson.id);
      await waitForLesson(page);
      const playback = page.getByRole('group', { name: 'Playback' });
      await expect(playback.getByRole('button', { name: 'Play', exact: true })).toBeVisible();
      await expect(playback.getByRole('button', { name: 'Pause', exact: true })).toHaveCount(0);
      const clock = playback.locator('time');
      await expect(clock).toHaveText('00:00');
      await page.waitForTimeout(1_000);
      await expect(clock).toHaveText('00:00');
      if ((await page.locator('dl.readout').count()) > 0) {
        expect(await view.simulatedTime()).toBe(0);
      }
      // Play still works when asked for.
      await playback.getByRole('button', { name: 'Play', exact: true }).click();
      await expect(clock).not.toHaveText('00:00', { timeout: 10_000 });
    });
  }
});
