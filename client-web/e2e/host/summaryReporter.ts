import type { FullResult, Reporter, TestCase, TestResult } from '@playwright/test/reporter';

/** Ends the run with a vitest-style line, `Tests  N passed | N failed | N skipped (N)`, that scripts/test.sh adds to its totals. */
export default class SummaryReporter implements Reporter {
  private passed = 0;
  private failed = 0;
  private skipped = 0;

  onTestEnd(test: TestCase, result: TestResult): void {
    if (result.retry < test.retries && result.status !== 'passed' && result.status !== 'skipped') return;
    if (result.status === 'skipped') this.skipped++;
    else if (result.status === 'passed') this.passed++;
    else this.failed++;
  }

  onEnd(result: FullResult): void {
    // A global setup that fails runs no test: count it as one failure so the run cannot look green.
    if (result.status !== 'passed' && this.failed === 0) this.failed = 1;
    const parts = [`${this.passed} passed`, ...(this.failed ? [`${this.failed} failed`] : []), ...(this.skipped ? [`${this.skipped} skipped`] : [])];
    console.log(`\n E2E Tests  ${parts.join(' | ')} (${this.passed + this.failed + this.skipped})`);
  }
}
