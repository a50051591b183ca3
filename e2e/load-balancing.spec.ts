// User journey for the load-balancing lesson on the production build: open it from the
// catalogue, watch requests move, change the algorithm and see the charts change, solve a
// simulation challenge, reload and find the progress kept. Any console error fails the test.
import { expect, test } from '@playwright/test';
import { LessonPage } from './pages/LessonPage.ts';

test('a learner explores load balancing and solves the A/B/C challenge', async ({ page }) => {
  const errors: string[] = [];
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  page.on('pageerror', (e) => errors.push(e.message));

  await page.goto('/');
  await page
    .getByRole('link', { name: /load balancing/i })
    .first()
    .click();
  const lesson = new LessonPage(page);
  await expect(lesson.heading).toHaveText('Load balancing');
  await expect(page.getByTestId('topology-0')).toBeVisible();

  // Requests move: simulated time and arrivals grow while it plays.
  await expect.poll(() => lesson.simulatedTime(), { timeout: 10_000 }).toBeGreaterThan(1);
  const arrivedBefore = await lesson.figure('Arrived');
  await expect.poll(() => lesson.figure('Arrived')).toBeGreaterThan(arrivedBefore);

  // Round robin on identical servers has a closed form (E5/M/1); least connections has none.
  const latencyChart = page.getByRole('figure', { name: /Latency percentiles over time/ });
  await expect(latencyChart).toContainText('E5/M/1');
  await lesson.selectParam('Algorithm', 'least-connections');
  await expect(page).toHaveURL(/algorithm=least-connections/);
  await expect(latencyChart).toContainText('No theory line');
  const t = await lesson.simulatedTime();
  await expect.poll(() => lesson.simulatedTime()).toBeGreaterThan(t); // it did not restart

  // The A/B/C challenge: set it up, give C twice the weight, and check.
  const challenge = lesson.assignment('Balance A, B and C');
  await challenge.getByRole('button', { name: 'Set up' }).click();
  await lesson.fillText('Weights', '1,1,2');
  await expect(page).toHaveURL(/weights=1%2C1%2C2|weights=1,1,2/);
  await challenge.getByRole('button', { name: 'Check my configuration' }).click();
  await expect(challenge.getByText(/Passed/).first()).toBeVisible({ timeout: 15_000 });

  // Progress survives a reload.
  await page.reload();
  await expect(lesson.assignment('Balance A, B and C').getByText(/Status: Passed/)).toBeVisible();
  expect(errors).toEqual([]);
});

test('bad values in the URL are clamped or ignored with a visible notice', async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  const lesson = new LessonPage(page);
  await lesson.open('load-balancing', 'servers=5000&algorithm=<b>x</b>&arrivalRate=abc&seed=4');
  const notices = page.getByRole('status').filter({ hasText: /servers/ });
  await expect(notices.first()).toBeVisible();
  await expect(page.locator('b', { hasText: 'x' })).toHaveCount(0);
  await expect(lesson.controls.getByRole('slider', { name: 'Servers' }).first()).toHaveValue(/100/);
  expect(errors).toEqual([]);
});

test('compare mode runs two configurations side by side', async ({ page }) => {
  const lesson = new LessonPage(page);
  await lesson.open('load-balancing', 'compare=1&b.algorithm=power-of-two');
  await expect(page.getByTestId('topology-0')).toBeVisible();
  await expect(page.getByTestId('topology-1')).toBeVisible();
  await expect(
    page.getByRole('heading', { name: /Configuration B: Power of two choices/ }),
  ).toBeVisible();
});
