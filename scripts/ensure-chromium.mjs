// Makes sure a Chromium exists for the browser tests, found exactly as playwright.config.ts finds
// it (e2e/support/chromium.ts). Installs Debian's package when running as root; otherwise stops
// with one line saying what to run. Prints one line naming the browser used.
import { spawnSync } from 'node:child_process';
import process from 'node:process';

const FINDER = '../e2e/support/chromium.ts';

/** Prints one line to stderr and exits with code 1. */
function fail(line) {
  process.stderr.write(`ensure-chromium: ${line}\n`);
  process.exit(1);
}

/** Loads the TypeScript finder through tsx, so the search order lives in one place. */
async function loadFinder() {
  try {
    const { tsImport } = await import('tsx/esm/api');
    return await tsImport(FINDER, import.meta.url);
  } catch (error) {
    const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
    fail(`cannot load ${FINDER.slice(3)} (${reason}); run "npm ci" first.`);
  }
}

function hasAptGet() {
  return spawnSync('sh', ['-c', 'command -v apt-get'], { stdio: 'ignore' }).status === 0;
}

function isRoot() {
  return typeof process.getuid === 'function' && process.getuid() === 0;
}

/** Runs `apt-get update && apt-get install -y chromium` with its output shown; true on success. */
function aptInstallChromium() {
  process.stdout.write(
    'ensure-chromium: no Chromium found; installing Debian package "chromium"\n',
  );
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  for (const args of [['update'], ['install', '-y', 'chromium']]) {
    const result = spawnSync('apt-get', args, { stdio: 'inherit', env });
    if (result.status !== 0) return false;
  }
  return true;
}

const finder = await loadFinder();
let found = finder.findChromium();

if (found === undefined && isRoot() && hasAptGet()) {
  if (!aptInstallChromium()) {
    fail('installing Chromium with apt-get failed; see its output above, or set CHROMIUM_PATH.');
  }
  found = finder.findChromium();
  if (found === undefined) {
    fail(
      `installed "chromium" but found no browser at ${finder.SYSTEM_CHROMIUM}; set CHROMIUM_PATH.`,
    );
  }
}

if (found === undefined) {
  fail(
    hasAptGet()
      ? 'no Chromium found: run "sudo apt-get install -y chromium" (or "npx playwright install chromium"), or set CHROMIUM_PATH.'
      : 'no Chromium found: run "npx playwright install chromium", or set CHROMIUM_PATH to a Chromium or Chrome binary.',
  );
}

if (!finder.isExecutableFile(found.executablePath)) {
  fail(`CHROMIUM_PATH=${found.executablePath} is not an executable file; fix or unset it.`);
}

process.stdout.write(`ensure-chromium: using ${finder.describeChromium(found)}\n`);
