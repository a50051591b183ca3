// Checks the JavaScript budgets of the production build (docs: /work/shared/design/quality.md,
// "Load"). Reads dist/.vite/manifest.json (vite.config.ts sets build.manifest) and, for each
// page, sums the gzip size of every JS file the page loads up front: its roots plus everything
// they import statically, transitively, plus any Web Worker script those files start. Dynamic
// imports (mermaid and its diagram chunks, the in-process simulation fallback) are not counted:
// they load only when needed. Prints a table; exits 1 when a page is over its budget or the
// manifest is missing or does not have the expected entries.
// Run alone (after `vite build`): node scripts/check-bundle-size.mjs [distDir]
import { readFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import process from 'node:process';
import { constants, gzipSync } from 'node:zlib';

const KB = 1000;

/**
 * Pages and their budgets. `roots` are manifest keys: the HTML entry plus the lazily imported
 * route and view chunks the page requests at once when opened.
 */
const PAGES = [
  {
    name: 'home page (/)',
    roots: ['index.html', 'src/pages/HomePage.tsx'],
    budgetKb: 150,
  },
  {
    name: 'lesson page (/lessons/load-balancing), before mermaid',
    roots: [
      'index.html',
      'src/pages/LessonPage.tsx',
      'src/lessons/load-balancing/view/LoadBalancingLesson.tsx',
    ],
    budgetKb: 350,
  },
  ...['rate-limiting/view/RateLimitingLesson.tsx', 'autoscaling/view/AutoscalingLesson.tsx'].map(
    (view) => ({
      name: `lesson page (/lessons/${view.split('/')[0]}), before mermaid`,
      roots: ['index.html', 'src/pages/LessonPage.tsx', `src/lessons/${view}`],
      budgetKb: 350,
    }),
  ),
];

/** Web Worker scripts appear in chunks as `.../name.worker-hash.js` URLs. */
const WORKER_URL = /[\w.-]+\.worker-[\w-]+\.js/g;
/** Static imports between built ES modules (workers are built with `format: 'es'`). */
const STATIC_IMPORT = /(?:^|[;\s}])import\s*(?:[\w*{}\s,$]+from\s*)?["']\.\/([\w.-]+\.js)["']/g;

function fail(line) {
  process.stderr.write(`check-bundle-size: ${line}\n`);
  process.exit(1);
}

const distDir = path.resolve(process.argv[2] ?? 'dist');
const manifestPath = path.join(distDir, '.vite', 'manifest.json');
if (!existsSync(manifestPath)) {
  fail(`${manifestPath} not found; build first (vite.config.ts must set build.manifest: true).`);
}
/** @type {Record<string, { file: string, imports?: string[], isEntry?: boolean }>} */
const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));

const gzipCache = new Map();
/** Raw and gzip (level 9) byte sizes of a file under dist/. */
function sizesOf(file) {
  let sizes = gzipCache.get(file);
  if (sizes === undefined) {
    const bytes = readFileSync(path.join(distDir, file));
    sizes = {
      raw: bytes.length,
      gzip: gzipSync(bytes, { level: constants.Z_BEST_COMPRESSION }).length,
    };
    gzipCache.set(file, sizes);
  }
  return sizes;
}

/** Every JS file (dist-relative) a page loads up front, from its manifest roots. */
function filesOf(page) {
  const files = new Set();
  const seen = new Set();
  const stack = [...page.roots];
  for (const root of page.roots) {
    if (!manifest[root]) fail(`manifest has no entry "${root}" (needed for the ${page.name}).`);
  }
  while (stack.length > 0) {
    const key = stack.pop();
    if (seen.has(key)) continue;
    seen.add(key);
    const chunk = manifest[key];
    if (!chunk) fail(`manifest has no chunk "${key}".`);
    if (chunk.file.endsWith('.js')) files.add(chunk.file);
    stack.push(...(chunk.imports ?? []));
  }
  // Worker scripts started by these files, and the chunks the workers import statically.
  const scan = [...files];
  while (scan.length > 0) {
    const file = scan.pop();
    const text = readFileSync(path.join(distDir, file), 'utf8');
    const dir = path.posix.dirname(file);
    const found = [
      ...[...text.matchAll(WORKER_URL)].map((m) => path.posix.join(dir, m[0])),
      ...(file.includes('.worker-')
        ? [...text.matchAll(STATIC_IMPORT)].map((m) => path.posix.join(dir, m[1]))
        : []),
    ];
    for (const next of found) {
      if (!files.has(next) && existsSync(path.join(distDir, next))) {
        files.add(next);
        scan.push(next);
      }
    }
  }
  return [...files].sort();
}

const kb = (bytes) => (bytes / KB).toFixed(1);
const pad = (text, width) => String(text).padEnd(width);
const padStart = (text, width) => String(text).padStart(width);

let over = 0;
const lines = [];
for (const page of PAGES) {
  const files = filesOf(page);
  let raw = 0;
  let gzip = 0;
  lines.push('', `${page.name}`);
  for (const file of files) {
    const s = sizesOf(file);
    raw += s.raw;
    gzip += s.gzip;
    lines.push(
      `  ${pad(path.posix.basename(file), 44)} ${padStart(kb(s.raw), 8)} kB ${padStart(kb(s.gzip), 7)} kB gzip`,
    );
  }
  const ok = gzip <= page.budgetKb * KB;
  if (!ok) over += 1;
  lines.push(
    `  ${pad(`total (${files.length} files)`, 44)} ${padStart(kb(raw), 8)} kB ${padStart(kb(gzip), 7)} kB gzip` +
      `   budget ${page.budgetKb} kB gzip: ${ok ? 'ok' : `OVER by ${kb(gzip - page.budgetKb * KB)} kB`}`,
  );
}
process.stdout.write(
  `JavaScript loaded up front per page (1 kB = 1000 bytes, gzip level 9)${lines.join('\n')}\n`,
);
if (over > 0) fail(`${over} page(s) over the JavaScript budget.`);
