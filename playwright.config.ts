// Playwright configuration: browser tests in e2e/ run in Chromium against the production build
// served by `npm run preview`; the browser is chosen by e2e/support/chromium.ts.
import { defineConfig, type ReporterDescription } from '@playwright/test';
import { chromiumLaunchOptions } from './e2e/support/chromium.ts';

const isCI = Boolean(process.env.CI) && process.env.CI !== 'false';
const PORT = 4173;
const BASE_URL = `http://localhost:${PORT}`;

const reporter: ReporterDescription[] = isCI ? [['list']] : [['list'], ['html', { open: 'never' }]];

export default defineConfig({
  testDir: 'e2e',
  forbidOnly: isCI,
  retries: 0,
  // One worker on CI keeps timing-sensitive checks stable on a 2-core machine.
  ...(isCI ? { workers: 1 } : {}),
  reporter,
  use: {
    baseURL: BASE_URL,
    headless: true,
    screenshot: 'only-on-failure',
  },
  projects: [
    {
      name: 'chromium',
      use: {
        browserName: 'chromium',
        launchOptions: chromiumLaunchOptions(),
      },
    },
  ],
  // `npm run test:e2e` builds dist/ first; the preview server only serves it.
  webServer: {
    command: 'npm run preview',
    url: BASE_URL,
    reuseExistingServer: !isCI,
    timeout: 60_000,
    stdout: 'ignore',
    stderr: 'pipe',
  },
});
