// A hostile query string cannot inject anything (quality bar "Robust: URL and scenario input"):
// opening a lesson, or its embed page, with script tags, img onerror, svg onload, javascript:
// URLs, broken %-encoding, prototype keys, repeated keys and huge numbers in the address adds no
// element, attribute or script to the DOM, fires no dialog (alert/confirm/prompt), runs nothing,
// logs no error, shows the markup as plain text in a visible notice, and leaves a working,
// clamped simulation. The property tests in src/url/lessonUrl.property.test.ts cover the parser
// itself with thousands of inputs; this proves the page renders its answer safely.
// Run alone: flock /tmp/heavy.lock npx vite build && flock /tmp/heavy.lock npx playwright test e2e/hostile-url.spec.ts
import { expect, test, type Page } from '@playwright/test';
import { LessonPage } from './pages/LessonPage.ts';

/** Any of these running sets a flag on window (or opens a dialog); none may. */
const PAYLOADS = [
  '<script>window.__pwned=1;alert(1)</script>',
  '"><img src=x onerror="window.__pwned=2;alert(2)">',
  "<svg/onload=window.__pwned=3;alert('3')>",
  'javascript:window.__pwned=4;alert(4)',
  '<iframe src="javascript:alert(5)"></iframe>',
  '<a href="javascript:alert(6)" id="pwned-link">click</a>',
  '</title><b id="pwned-b">bold</b>',
  '<details open ontoggle=alert(7)>',
  '{{constructor.constructor("alert(8)")()}}',
];

/** Key and value pairs for the lesson's own settings: markup, garbage and extremes. */
function hostileQuery(): string {
  const pairs: [string, string][] = [
    ['algorithm', PAYLOADS[0] ?? ''],
    ['weights', PAYLOADS[1] ?? ''],
    ['serverProfile', PAYLOADS[2] ?? ''],
    ['serviceTimeDistribution', PAYLOADS[3] ?? ''],
    ['b.algorithm', PAYLOADS[4] ?? ''],
    [PAYLOADS[5] ?? '', '1'],
    [PAYLOADS[6] ?? '', PAYLOADS[7] ?? ''],
    ['seed', PAYLOADS[8] ?? ''],
    ['servers', '1e308'],
    ['servers', '-5'],
    ['servers', '99999999999999999999999999'],
    ['arrivalRate', 'Infinity'],
    ['clients', 'NaN'],
    ['natShare', '-1e-400'],
    ['__proto__', '<b>x</b>'],
    ['constructor', 'prototype'],
    ['compare', '<script>alert(9)</script>'],
  ];
  const encoded = pairs.map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`);
  // Unencoded markup and broken escapes too, as a hand-made link would carry them.
  encoded.push('%E0%A4%A=%', 'queueLimit=%zz', `<script>alert(10)</script>=1`);
  return encoded.join('&');
}

/** Watches for anything a payload could do: dialogs, errors, and a flag set on window. */
function watch(page: Page): { dialogs: string[]; errors: string[] } {
  const dialogs: string[] = [];
  const errors: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(`${dialog.type()}: ${dialog.message()}`);
    void dialog.dismiss().catch(() => undefined);
  });
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  return { dialogs, errors };
}

/** Everything in the DOM a payload could have added, as short descriptions. */
async function injectedMarkup(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const found: string[] = [];
    const origin = window.location.origin;
    for (const el of document.querySelectorAll('*')) {
      const tag = el.tagName.toLowerCase();
      for (const attr of el.attributes) {
        if (attr.name.toLowerCase().startsWith('on')) found.push(`${tag}[${attr.name}]`);
        const value = attr.value.trim().toLowerCase();
        if (value.startsWith('javascript:')) found.push(`${tag}[${attr.name}=javascript:]`);
      }
      if (el.id.startsWith('pwned')) found.push(`#${el.id}`);
      // The app itself uses no images, frames or bold tags; the payloads bring all three.
      if (tag === 'iframe' || tag === 'img' || tag === 'b') found.push(tag);
      if (tag === 'script') {
        const src = (el as HTMLScriptElement).src;
        if (!src.startsWith(`${origin}/`)) found.push(`script ${src || 'inline'}`);
      }
    }
    if ((window as unknown as { __pwned?: unknown }).__pwned !== undefined) found.push('ran code');
    return found;
  });
}

test('a lesson opened with a hostile query shows it as text and stays intact', async ({ page }) => {
  const seen = watch(page);
  const lesson = new LessonPage(page);
  await lesson.open('load-balancing', hostileQuery());

  // A visible notice explains what was ignored, with the markup as literal text.
  const notices = page.getByRole('status', { name: 'Notices about this link' });
  await expect(notices).toBeVisible();
  await expect(notices).toContainText('Ignored algorithm');
  // Echoes are cut to 40 characters; this payload is exactly 40.
  await expect(notices).toContainText(`“${PAYLOADS[2] ?? ''}”`);
  await expect(notices).toContainText('<script>window.__pwned=1;alert(1)</scrip');
  await expect(notices).toContainText('Used servers');

  // The simulation runs with clamped, valid values and the page title is untouched.
  await expect.poll(() => lesson.simulatedTime(), { timeout: 10_000 }).toBeGreaterThan(0);
  // servers: 1e308, -5, then 1e26; the last valid value wins, clamped to the maximum.
  await expect(lesson.controls.getByRole('slider', { name: 'Servers' }).first()).toHaveValue('100');
  await expect(page).toHaveTitle('Load balancing · Scaling Lab');
  // Give late handlers (image errors, timers) a moment to fire if anything was injected.
  await page.waitForTimeout(500);

  expect(await injectedMarkup(page)).toEqual([]);
  expect(seen.dialogs).toEqual([]);
  expect(seen.errors).toEqual([]);
  // The address is rewritten to the clean state; the hostile settings are gone from it.
  expect(decodeURIComponent(new URL(page.url()).search)).not.toMatch(/<|javascript:/i);
});

test('the embed page with a hostile prompt and settings shows them as text only', async ({
  page,
}) => {
  const seen = watch(page);
  const prompt = PAYLOADS.join(' ');
  await page.goto(`/embed/load-balancing?${hostileQuery()}&prompt=${encodeURIComponent(prompt)}`);
  await expect(page.getByTestId('topology-0')).toBeVisible();
  const teacher = page.getByRole('complementary', { name: 'Your teacher says' });
  await expect(teacher).toBeVisible();
  await expect(teacher).toContainText('<script>window.__pwned=1;alert(1)</script>');
  await page.waitForTimeout(500);

  expect(await injectedMarkup(page)).toEqual([]);
  expect(seen.dialogs).toEqual([]);
  expect(seen.errors).toEqual([]);
});
