import type { FullResult, Reporter, TestCase, TestResult } from '@playwright/test/reporter';

// Playwright's list reporter marks skipped tests but never says why. This prints each distinct
// skip reason once, on one line, with how many tests it skipped and in which project: for the
// Electron tests on a machine without the binary, a single line.

export default class SkipReasonsReporter implements Reporter {
  private readonly reasons = new Map<string, number>();

  onTestEnd(test: TestCase, result: TestResult): void {
    if (result.status !== 'skipped') return;
    const reason = test.annotations.find((a) => a.type === 'skip')?.description ?? 'no reason given';
    const project = test.parent.project()?.name ?? '';
    const key = `${project}\u0000${reason}`;
    this.reasons.set(key, (this.reasons.get(key) ?? 0) + 1);
  }

  onEnd(_result: FullResult): void {
    for (const [key, count] of this.reasons) {
      const [project, reason] = key.split('\u0000');
      process.stdout.write(`  ${count} ${project ? `[${project}] ` : ''}test${count === 1 ? '' : 's'} skipped: ${reason}\n`);
    }
  }

  printsToStdio(): boolean {
    // The list reporter keeps the terminal; this one only adds its lines at the end.
    return false;
  }
}
