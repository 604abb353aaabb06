/**
 * axe-core run inside an extension page (popup, options) under Puppeteer, in Chromium (CDP) or
 * Firefox (WebDriver BiDi). The script is evaluated through the automation protocol, which the
 * page's Content-Security-Policy (script-src 'self') does not apply to.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'puppeteer';

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  /** selectors of the failing elements */
  nodes: string[];
}

export interface AxeSummary {
  violations: AxeViolation[];
  passes: number;
  /** rules axe could not decide (to review by hand), by id */
  incomplete: string[];
}

/** Every WCAG 2.x A/AA and best-practice rule axe has, on the page as it is now. */
export async function runAxe(page: Page): Promise<AxeSummary> {
  await page.evaluate(`${AXE_SOURCE}\n;true`);
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(ctx: Document, opts: object): Promise<{ violations: { id: string; impact: string | null; help: string; nodes: { target: unknown[] }[] }[]; passes: unknown[]; incomplete: { id: string }[] }> } }).axe;
    const r = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] } });
    return {
      violations: r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => n.target.join(' ')) })),
      passes: r.passes.length,
      incomplete: r.incomplete.map((i) => i.id),
    };
  });
}

/** The violations a reader would be stopped by: serious or critical. */
export const blocking = (s: AxeSummary) => s.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');

/** One line per violation, for the test log and the closing note. */
export const describeAxe = (where: string, s: AxeSummary) =>
  `axe ${where}: ${s.passes} rules pass, ${s.violations.length} violated${s.violations.map((v) => `\n  [${v.impact}] ${v.id}: ${v.help} (${v.nodes.length}: ${v.nodes.slice(0, 3).join(', ')})`).join('')}, ${s.incomplete.length} need review${s.incomplete.length ? ` (${s.incomplete.join(', ')})` : ''}`;
