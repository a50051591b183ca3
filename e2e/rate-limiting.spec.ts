// User journey for the rate-limiting lesson on the production build: open it from the
// catalogue, watch requests arrive on the timeline, run the boundary attack against a fixed
// window (twice the limit) and a sliding log (the limit), inspect a refused request's 429,
// show all five algorithms, solve the 1.9x challenge and find it kept after a reload.
import { expect, test } from '@playwright/test';
import { LessonPage } from './pages/LessonPage.ts';

test('a learner times a boundary attack and reads the 429', async ({ page }) => {
  test.setTimeout(90_000);
  const errors: string[] = [];
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  page.on('pageerror', (e) => errors.push(e.message));

  await page.goto('/');
  await page
    .getByRole('link', { name: /rate limiting/i })
    .first()
    .click();
  const lesson = new LessonPage(page);
  await expect(lesson.heading).toHaveText('Rate limiting');
  await expect(page.getByTestId('topology-0')).toBeVisible();

  // Requests arrive: the readout counts them while it plays.
  await expect.poll(() => lesson.figure('Arrived'), { timeout: 10_000 }).toBeGreaterThan(0);
  await expect(page.getByRole('figure', { name: /Accepted in one window/ })).toBeVisible();

  // The boundary attack on a 10 s fixed window, at 10x: about twice the limit gets through.
  await lesson.controls.getByRole('button', { name: 'Boundary attack on a fixed window' }).click();
  await expect(page).toHaveURL(/trafficPattern=boundary-attack/);
  await lesson.controls.getByRole('combobox', { name: 'Speed' }).selectOption('10');
  await lesson.controls.getByRole('button', { name: 'Reset' }).click();
  await lesson.controls.getByRole('button', { name: 'Play', exact: true }).click();
  await expect
    .poll(() => lesson.figure('Most accepted in one window'), { timeout: 20_000 })
    .toBeGreaterThanOrEqual(190);

  // The same attack against a sliding log stays at the limit.
  await lesson.selectParam('Algorithm', 'sliding-log');
  await lesson.controls.getByRole('button', { name: 'Reset' }).click();
  await lesson.controls.getByRole('button', { name: 'Play', exact: true }).click();
  await expect.poll(() => lesson.figure('Refused (429)'), { timeout: 20_000 }).toBeGreaterThan(50);
  expect(await lesson.figure('Most accepted in one window')).toBeLessThanOrEqual(100);

  // Pick the latest refused request from the keyboard-reachable buttons: its 429 and headers.
  const inspector = page.getByRole('region', { name: 'Request inspector' });
  await inspector.getByRole('button', { name: 'Latest refused request' }).press('Enter');
  const response = inspector.getByLabel('Response status and headers');
  await expect(response).toContainText('429 Too Many Requests');
  await expect(response).toContainText(/Retry-After: \d+/);
  await expect(response).toContainText('X-RateLimit-Limit: 100');
  await expect(response).toContainText('X-RateLimit-Remaining: 0');
  await expect(response).toContainText(/X-RateLimit-Reset: \d+/);
  await inspector.getByRole('button', { name: 'Previous request' }).click();
  await expect(inspector.getByRole('heading', { level: 3 })).toContainText('Request #');

  // All five algorithms on the same traffic: one lane each.
  await page.getByLabel('All five algorithms on the same traffic').check();
  for (let lane = 0; lane < 5; lane++)
    await expect(page.getByTestId(`topology-${lane}`)).toBeVisible();
  await expect(page.getByRole('heading', { name: /^Sliding log: \d+ at most/ })).toBeVisible();
  await page.getByLabel('All five algorithms on the same traffic').uncheck();
  await expect(page.getByTestId('topology-1')).toHaveCount(0);

  // The 1.9x challenge: set it up, switch to the boundary attack, check.
  const challenge = lesson.assignment('Get twice the limit through a fixed window');
  await challenge.getByRole('button', { name: 'Set up' }).click();
  await lesson.selectParam('Traffic pattern', 'boundary-attack');
  await challenge.getByRole('button', { name: 'Check my configuration' }).click();
  await expect(challenge.getByText(/Passed/).first()).toBeVisible({ timeout: 15_000 });

  await page.reload();
  await expect(
    lesson.assignment('Get twice the limit through a fixed window').getByText(/Status: Passed/),
  ).toBeVisible();
  expect(errors).toEqual([]);
});
