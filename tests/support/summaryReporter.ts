import type { Reporter, TestModule, TestRunEndReason } from 'vitest/node';
import { CORPORA_FOUND, CORPORA_TAG, corporaSkipLine } from './corpora';

/** Ends every run with the plain line CI reads, `N passed, N failed`, after a line naming the tests skipped for want of the corpora, if any. */
export default class SummaryReporter implements Reporter {
  onTestRunEnd(testModules: ReadonlyArray<TestModule>, errors: ReadonlyArray<unknown>, reason: TestRunEndReason): void {
    let passed = 0;
    let failed = 0;
    let skipped = 0;
    let withoutCorpora = 0;
    for (const m of testModules) {
      for (const t of m.children.allTests()) {
        const state = t.result().state;
        if (state === 'passed') passed++;
        else if (state === 'failed') failed++;
        else {
          skipped++;
          if (!CORPORA_FOUND && t.tags.includes(CORPORA_TAG)) withoutCorpora++;
        }
      }
      // A file that fails to load has no tests but must still count as a failure.
      if (m.state() === 'failed' && [...m.children.allTests()].length === 0) failed++;
    }
    failed += errors.length;
    // A run that failed outside any test (a setup that threw) must not read as green.
    if (reason !== 'passed' && failed === 0) failed = 1;
    if (withoutCorpora) process.stdout.write(`\n${corporaSkipLine(withoutCorpora)}`);
    process.stdout.write(`\n${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}\n`);
  }
}
