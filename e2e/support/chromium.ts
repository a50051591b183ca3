// Finds the Chromium that browser tests and scripts launch: $CHROMIUM_PATH, then Playwright's own
// build, then the system one. The single source of truth for playwright.config.ts,
// scripts/ensure-chromium.mjs and any script that starts a browser.
import { accessSync, constants, statSync } from 'node:fs';
import path from 'node:path';
import { chromium } from '@playwright/test';

/** Where a Chromium was found, in the order they are tried. */
export type ChromiumSource = 'env' | 'playwright' | 'system' | 'path';

/** A Chromium executable and how it was found. */
export interface FoundChromium {
  readonly source: ChromiumSource;
  readonly executablePath: string;
}

/** Debian's Chromium package installs here. */
export const SYSTEM_CHROMIUM = '/usr/bin/chromium';

/** Names looked up on PATH when nothing else is found. */
const PATH_NAMES = ['chromium', 'chromium-browser'] as const;

/**
 * Flags every launch uses. The background-networking, component-update and sync flags stop
 * Chromium from phoning home (refused connections on offline machines show up as noise);
 * `--no-sandbox` lets it run as root in containers.
 */
export const CHROMIUM_ARGS: readonly string[] = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/** True when `file` exists, is a regular file (after symlinks) and is executable by us. */
export function isExecutableFile(file: string): boolean {
  try {
    if (!statSync(file).isFile()) return false;
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

function playwrightChromium(): string | undefined {
  try {
    const file = chromium.executablePath();
    return file && isExecutableFile(file) ? file : undefined;
  } catch {
    return undefined;
  }
}

function onPath(pathVariable: string | undefined): string | undefined {
  for (const dir of (pathVariable ?? '').split(path.delimiter)) {
    if (dir === '') continue;
    for (const name of PATH_NAMES) {
      const file = path.join(dir, name);
      if (isExecutableFile(file)) return file;
    }
  }
  return undefined;
}

/**
 * Finds a Chromium: `CHROMIUM_PATH` if set (returned as given, even if it does not exist, so a
 * wrong override fails loudly instead of silently using another browser), else Playwright's own
 * if installed, else `/usr/bin/chromium`, else `chromium` or `chromium-browser` on PATH.
 * Returns `undefined` when there is none.
 */
export function findChromium(env: NodeJS.ProcessEnv = process.env): FoundChromium | undefined {
  const fromEnv = env.CHROMIUM_PATH?.trim();
  if (fromEnv) return { source: 'env', executablePath: path.resolve(fromEnv) };
  const own = playwrightChromium();
  if (own !== undefined) return { source: 'playwright', executablePath: own };
  if (isExecutableFile(SYSTEM_CHROMIUM))
    return { source: 'system', executablePath: SYSTEM_CHROMIUM };
  const found = onPath(env.PATH);
  return found === undefined ? undefined : { source: 'path', executablePath: found };
}

/** One line saying which browser is used, for logs. */
export function describeChromium(found: FoundChromium): string {
  const how: Record<ChromiumSource, string> = {
    env: 'from CHROMIUM_PATH',
    playwright: "Playwright's own build",
    system: 'system package',
    path: 'found on PATH',
  };
  return `${found.executablePath} (${how[found.source]})`;
}

/** Options for `chromium.launch()` or Playwright's `use.launchOptions`. */
export interface ChromiumLaunchOptions {
  headless: true;
  args: string[];
  executablePath?: string;
}

/**
 * Launch options for the found browser. For Playwright's own build `executablePath` is left
 * out so Playwright picks its matching binary (the lighter headless shell when installed).
 * When nothing is found it points at `/usr/bin/chromium`, so the launch error names the path;
 * run `node scripts/ensure-chromium.mjs` for a friendlier message.
 */
export function chromiumLaunchOptions(
  found: FoundChromium | undefined = findChromium(),
): ChromiumLaunchOptions {
  const options: ChromiumLaunchOptions = { headless: true, args: [...CHROMIUM_ARGS] };
  if (found?.source !== 'playwright')
    options.executablePath = found?.executablePath ?? SYSTEM_CHROMIUM;
  return options;
}
