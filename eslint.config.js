// ESLint flat config for Scaling Lab: typescript-eslint and React-hooks rules everywhere, plus
// the purity rules that keep the simulation core (src/sim) and lesson models (src/lessons/*/model)
// free of UI code, timers, wall clocks, unseeded randomness and imports from outside their layer.
import { isBuiltin } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import js from '@eslint/js';
import { defineConfig, globalIgnores } from 'eslint/config';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const ROOT = path.dirname(fileURLToPath(import.meta.url));
const SIM_DIR = path.join(ROOT, 'src', 'sim');
const LESSONS_DIR = path.join(ROOT, 'src', 'lessons');

/** Files that must stay pure: they run unchanged in a Web Worker, in Node and in-process. */
const PURE_FILES = ['src/sim/**', 'src/lessons/*/model/**'];

/** Files that run in Node: tooling, configs, the headless runner, benchmarks, browser tests. */
const NODE_FILES = [
  'scripts/**',
  'e2e/**',
  'bench/**',
  'src/cli/**',
  '*.config.{js,mjs,cjs,ts,mts}',
];

/** npm packages of the view layer, never imported by pure code. */
const UI_PACKAGES = ['react', 'react-dom', 'react-router', 'zustand', 'uplot', 'mermaid'];

/** npm packages pure code may import; test files may also use `vitest` and Node built-ins. */
const PURE_PACKAGES = ['zod'];
const PURE_TEST_PACKAGES = ['vitest', 'fast-check'];

/**
 * A relative import that walks into a view-layer folder (src/components, src/pages, src/state,
 * src/url or any lesson's view/). src/worker is not listed: a string cannot tell it from
 * src/sim/worker, so the resolving `lab/import-boundary` rule below catches it instead.
 */
const UI_FOLDER_REGEX = String.raw`^\.{1,2}/(?:.*/)?(?:components|pages|state|url|view)(?:/|$)`;

const PURE_MESSAGE =
  'src/sim and lesson models are pure TypeScript (they run in a Worker and in Node): no React, ' +
  'stores, charts or view code. Move this to a view or pass the data in.';

function toPosix(p) {
  return p.split(path.sep).join('/');
}

function isInside(dir, target) {
  const rel = path.relative(dir, target);
  return rel === '' || (rel !== '..' && !rel.startsWith(`..${path.sep}`) && !path.isAbsolute(rel));
}

function packageName(specifier) {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : (parts[0] ?? specifier);
}

/** The folders a pure file may import from: src/sim, and for a model file its own model folder. */
function allowedDirsFor(filename) {
  const dirs = [SIM_DIR];
  const [lessonId, folder] = path.relative(LESSONS_DIR, filename).split(path.sep);
  if (isInside(LESSONS_DIR, filename) && lessonId && folder === 'model') {
    dirs.push(path.join(LESSONS_DIR, lessonId, 'model'));
  }
  return dirs;
}

/** A lesson model file or the model registry: pure code a test of the core may run. */
function isPureLessonModule(target) {
  if (toPosix(target) === toPosix(path.join(LESSONS_DIR, 'modelRegistry.ts'))) return true;
  const [lessonId, folder] = path.relative(LESSONS_DIR, target).split(path.sep);
  return isInside(LESSONS_DIR, target) && Boolean(lessonId) && folder === 'model';
}

/** True when `no-restricted-imports` (static imports only) already reports this specifier. */
function reportedByRestrictedImports(node, specifier) {
  if (node.type === 'ImportExpression') return false;
  return (
    UI_PACKAGES.includes(packageName(specifier)) ||
    new RegExp(UI_FOLDER_REGEX, 'iu').test(specifier)
  );
}

/**
 * `lab/import-boundary`: resolves every import of a pure file (static, dynamic and re-exports)
 * and reports any that leaves src/sim (or, for a lesson model, src/sim plus its own model folder)
 * or names an npm package other than the allowed ones.
 */
const importBoundaryRule = {
  meta: {
    type: 'problem',
    docs: { description: 'Keep src/sim and lesson models importing only from their own layer.' },
    schema: [],
    messages: {
      outside:
        "'{{source}}' resolves to {{target}}, outside this layer: {{who}} may import only from {{allowed}}.",
      package:
        "'{{source}}' is not allowed: {{who}} may import only these npm packages: {{allowed}}.",
      computed:
        'import() with a computed specifier cannot be checked here ({{who}}); name the module literally.',
    },
  },
  create(context) {
    const filename = context.physicalFilename ?? context.filename;
    const dirs = allowedDirsFor(filename);
    const who = dirs.length > 1 ? 'a lesson model' : 'the simulation core (src/sim)';
    const isTest = /\.test\.tsx?$/.test(filename);
    const packages = isTest ? [...PURE_PACKAGES, ...PURE_TEST_PACKAGES] : PURE_PACKAGES;

    function check(node, sourceNode) {
      if (!sourceNode) return;
      if (sourceNode.type !== 'Literal' || typeof sourceNode.value !== 'string') {
        if (node.type === 'ImportExpression') {
          context.report({ node: sourceNode, messageId: 'computed', data: { who } });
        }
        return;
      }
      const specifier = sourceNode.value;
      if (reportedByRestrictedImports(node, specifier)) return;
      const bare = specifier.split('?')[0] ?? specifier;
      if (bare.startsWith('.') || bare.startsWith('/')) {
        const target = bare.startsWith('/')
          ? path.join(ROOT, bare)
          : path.resolve(path.dirname(filename), bare);
        if (dirs.some((dir) => isInside(dir, target))) return;
        // Tests may drive the core with real lesson models (still pure code, never view code).
        if (isTest && isPureLessonModule(target)) return;
        context.report({
          node: sourceNode,
          messageId: 'outside',
          data: {
            source: specifier,
            target: toPosix(path.relative(ROOT, target)),
            who,
            allowed: dirs.map((dir) => toPosix(path.relative(ROOT, dir))).join(' and '),
          },
        });
        return;
      }
      if (packages.includes(packageName(bare))) return;
      if (isTest && isBuiltin(bare)) return;
      context.report({
        node: sourceNode,
        messageId: 'package',
        data: { source: specifier, who, allowed: packages.join(', ') },
      });
    }

    return {
      ImportDeclaration: (node) => check(node, node.source),
      ExportNamedDeclaration: (node) => check(node, node.source),
      ExportAllDeclaration: (node) => check(node, node.source),
      ImportExpression: (node) => check(node, node.source),
    };
  },
};

const labPlugin = {
  meta: { name: 'scaling-lab-local' },
  rules: { 'import-boundary': importBoundaryRule },
};

const timerMessage =
  'Simulated time advances by events in the engine, never by timers or frames; the Worker host ' +
  '(src/worker) owns scheduling.';
const clockMessage =
  'Read simulated time from the engine clock; wall-clock time breaks determinism.';
const hostMessage =
  'Pure code has no DOM, storage or network; receive what you need as data from the caller.';

/** Globals pure code must not touch, each with the reason shown in the lint error. */
const PURE_RESTRICTED_GLOBALS = [
  ...['setTimeout', 'setInterval', 'requestAnimationFrame'].map((name) => ({
    name,
    message: timerMessage,
  })),
  // Not in the original list but the same rule: other ways to schedule work.
  ...['setImmediate', 'queueMicrotask', 'requestIdleCallback'].map((name) => ({
    name,
    message: timerMessage,
  })),
  { name: 'performance', message: clockMessage },
  { name: 'crypto', message: 'Use the seeded Random from src/sim/core/Random.ts.' },
  ...[
    'window',
    'document',
    'self',
    'localStorage',
    'sessionStorage',
    'indexedDB',
    'fetch',
    'XMLHttpRequest',
  ].map((name) => ({ name, message: hostMessage })),
];

export default defineConfig([
  globalIgnores([
    'dist/',
    'node_modules/',
    'coverage/',
    'test-results/',
    'playwright-report/',
    '.tmp/',
  ]),

  {
    name: 'lab/base',
    files: ['**/*.{js,mjs,cjs,ts,mts,cts,tsx}'],
    extends: [js.configs.recommended, tseslint.configs.recommended],
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    languageOptions: { ecmaVersion: 'latest', sourceType: 'module' },
    rules: {
      // Same convention as tsc's noUnusedParameters: a leading underscore marks "unused on purpose".
      '@typescript-eslint/no-unused-vars': [
        'error',
        {
          argsIgnorePattern: '^_',
          varsIgnorePattern: '^_',
          caughtErrorsIgnorePattern: '^_',
          destructuredArrayIgnorePattern: '^_',
        },
      ],
    },
  },

  {
    name: 'lab/browser-globals',
    files: ['src/**'],
    ignores: [...PURE_FILES, 'src/cli/**'],
    languageOptions: { globals: { ...globals.browser } },
  },

  {
    name: 'lab/worker-globals',
    files: ['src/worker/**'],
    languageOptions: { globals: { ...globals.worker } },
  },

  {
    name: 'lab/node-globals',
    files: NODE_FILES,
    languageOptions: { globals: { ...globals.node } },
  },

  {
    name: 'lab/react-hooks',
    files: ['**/*.tsx'],
    extends: [reactHooks.configs.flat.recommended],
  },

  {
    name: 'lab/pure-sim-and-models',
    files: PURE_FILES,
    plugins: { lab: labPlugin },
    languageOptions: { globals: { ...globals.es2022 } },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: UI_PACKAGES.map((name) => ({ name, message: PURE_MESSAGE })),
          patterns: [
            { group: UI_PACKAGES.map((name) => `${name}/**`), message: PURE_MESSAGE },
            { regex: UI_FOLDER_REGEX, message: PURE_MESSAGE },
          ],
        },
      ],
      'lab/import-boundary': 'error',
      'no-restricted-properties': [
        'error',
        {
          object: 'Math',
          property: 'random',
          message: 'Use the seeded Random from src/sim/core/Random.ts.',
        },
        { object: 'Date', property: 'now', message: clockMessage },
        { object: 'performance', property: 'now', message: clockMessage },
      ],
      'no-restricted-globals': ['error', ...PURE_RESTRICTED_GLOBALS],
      'no-restricted-syntax': [
        'error',
        {
          selector: "NewExpression[callee.name='Date'][arguments.length=0]",
          message: clockMessage,
        },
        { selector: "CallExpression[callee.name='Date']", message: clockMessage },
      ],
    },
  },
]);
