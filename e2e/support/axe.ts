// Runs axe-core inside a page (or a frame) with the WCAG 2.2 AA rule set and formats what it
// finds for failure messages. axe-core is injected from node_modules with a script tag, so the
// tests need neither @axe-core/playwright nor network access.
import { createRequire } from 'node:module';
import type { Frame, Page } from '@playwright/test';
import type { AxeResults, ImpactValue, Result, RunOptions } from 'axe-core';

const require = createRequire(import.meta.url);
const AXE_SCRIPT = require.resolve('axe-core/axe.min.js');

/** The rule tags of WCAG 2.0, 2.1 and 2.2 at levels A and AA. */
export const WCAG22_AA_TAGS: readonly string[] = [
  'wcag2a',
  'wcag2aa',
  'wcag21a',
  'wcag21aa',
  'wcag22aa',
];

/** Impacts that fail the quality bar ("zero serious or critical violations"). */
export const BLOCKING_IMPACTS: readonly ImpactValue[] = ['serious', 'critical'];

/** One element that breaks a rule, as plain data (elements cannot leave the page). */
export interface AxeNode {
  readonly html: string;
  /** CSS selectors leading to the element; more than one when it sits in a frame. */
  readonly target: readonly string[];
  readonly failureSummary: string;
}

/** One axe violation: the rule, its impact and the elements that break it. */
export interface AxeViolation {
  readonly id: string;
  readonly impact: ImpactValue;
  readonly description: string;
  readonly help: string;
  readonly helpUrl: string;
  readonly tags: readonly string[];
  readonly nodes: readonly AxeNode[];
}

/** Options for {@link runAxe}. */
export interface AxeRunOptions {
  /** CSS selectors of the parts to check; the whole document when left out. */
  readonly include?: readonly string[];
  /** CSS selectors of parts to leave out, such as a third-party widget. */
  readonly exclude?: readonly string[];
}

type AxeTarget = Page | Frame;

declare global {
  interface Window {
    axe?: {
      run(context: unknown, options: RunOptions): Promise<AxeResults>;
    };
  }
}

/** Adds axe-core to the page or frame once; later calls are no-ops. */
export async function injectAxe(target: AxeTarget): Promise<void> {
  const present = await target.evaluate(() => typeof window.axe !== 'undefined');
  if (!present) await target.addScriptTag({ path: AXE_SCRIPT });
}

/**
 * Runs axe over the page or frame with the WCAG 2.2 AA tags and returns its violations (all
 * impacts). Frames are not followed: check an iframe's content by passing its `Frame`.
 */
export async function runAxe(
  target: AxeTarget,
  options: AxeRunOptions = {},
): Promise<AxeViolation[]> {
  await injectAxe(target);
  return target.evaluate(
    async ({ tags, include, exclude }) => {
      const axe = window.axe;
      if (axe === undefined) throw new Error('axe-core was not injected');
      const context: { include?: string[]; exclude?: string[] } = {};
      if (include.length > 0) context.include = include;
      if (exclude.length > 0) context.exclude = exclude;
      const results = await axe.run(Object.keys(context).length > 0 ? context : document, {
        runOnly: { type: 'tag', values: tags },
        resultTypes: ['violations'],
        iframes: false,
      });
      // Elements cannot cross back to Node; keep only plain data.
      return results.violations.map((v: Result) => ({
        id: v.id,
        impact: v.impact ?? null,
        description: v.description,
        help: v.help,
        helpUrl: v.helpUrl,
        tags: v.tags,
        nodes: v.nodes.map((n) => ({
          html: n.html,
          target: n.target.map((t) => (typeof t === 'string' ? t : JSON.stringify(t))),
          failureSummary: n.failureSummary ?? '',
        })),
      }));
    },
    {
      tags: [...WCAG22_AA_TAGS],
      include: [...(options.include ?? [])],
      exclude: [...(options.exclude ?? [])],
    },
  );
}

/** The violations whose impact is serious or critical. */
export function blockingViolations(violations: readonly AxeViolation[]): AxeViolation[] {
  return violations.filter((v) => BLOCKING_IMPACTS.includes(v.impact));
}

/** Violations counted by impact, for logs: `{ critical: 0, serious: 1, moderate: 2, minor: 0 }`. */
export function countByImpact(violations: readonly AxeViolation[]): Record<string, number> {
  const counts: Record<string, number> = { critical: 0, serious: 0, moderate: 0, minor: 0 };
  for (const v of violations) {
    const key = v.impact ?? 'unknown';
    counts[key] = (counts[key] ?? 0) + v.nodes.length;
  }
  return counts;
}

/**
 * One readable block per violation: rule id, impact, the rule's help text and link, and the
 * first `maxTargets` elements with their failure summary, for an `expect` message.
 */
export function formatViolations(violations: readonly AxeViolation[], maxTargets = 3): string {
  if (violations.length === 0) return 'no violations';
  return violations
    .map((v) => {
      const nodes = v.nodes.slice(0, maxTargets).map((n) => {
        const summary = n.failureSummary.replace(/\s+/g, ' ').trim();
        return `    - ${n.target.join(' >>> ')}${summary ? `\n      ${summary}` : ''}`;
      });
      const more =
        v.nodes.length > maxTargets ? `\n    … and ${v.nodes.length - maxTargets} more` : '';
      return `[${v.impact ?? 'unknown'}] ${v.id}: ${v.help} (${v.helpUrl})\n${nodes.join('\n')}${more}`;
    })
    .join('\n');
}
