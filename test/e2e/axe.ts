import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import type { AxeResults, Result } from 'axe-core';

// axe-core runs inside the page. The page's CSP forbids inline scripts, so a <script> tag cannot
// bring it in; Playwright's evaluation goes through the DevTools protocol, which the CSP does not
// govern, so the app keeps its real policy while it is checked.
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/** One line per failing node: the rule, what axe says, and where. */
function describe(violations: Result[]): string[] {
  return violations.flatMap((violation) =>
    violation.nodes.map((node) => `${violation.id} (${violation.impact ?? 'n/a'}): ${node.failureSummary?.replace(/\s+/g, ' ') ?? violation.help} at ${node.target.join(' ')}`),
  );
}

/**
 * Runs every axe rule that is on by default (WCAG 2.0–2.2 A and AA plus best practices) on the
 * page as it is now and returns the violations, one readable line each: expect it to equal [].
 */
export async function axeViolations(page: Page): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE_SOURCE);
  const results = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (context: Document, options: object) => Promise<AxeResults> } }).axe;
    // Only violations cross back: passes and incomplete results are large and unused here.
    return axe.run(document, { resultTypes: ['violations'] });
  });
  return describe(results.violations);
}
