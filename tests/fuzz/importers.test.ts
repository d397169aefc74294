import fc from 'fast-check';
import { describe, it } from 'vitest';
import { describeCase, fuzzCase, runCase } from './importers.fuzz';

// The full run is `npm run fuzz` (20,000 cases, tests/fuzz/run.ts); this sample of the
// very same cases keeps every importer's promises checked by `npm test`.
const CASES = 1_000;
const CASE_LIMIT_MS = 2_000;

describe('importers under generated input (a sample of npm run fuzz)', () => {
  it(`keeps every promise on ${CASES} generated cases: no crash, no hang, every problem at a file and line, only documents the model can hold`, async () => {
    await fc.assert(
      fc.asyncProperty(fuzzCase, async (c) => {
        const { failures } = await runCase(c, CASE_LIMIT_MS);
        if (failures.length > 0) throw new Error(`${describeCase(c)}\n${failures.map((f) => `  - ${f}`).join('\n')}`);
      }),
      { numRuns: CASES },
    );
  }, 60_000);
});
