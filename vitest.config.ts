import { defineConfig } from 'vitest/config';
import { CORPORA_FOUND, CORPORA_TAG } from './tests/support/corpora.ts';

export default defineConfig({
  test: {
    reporters: ['default', './tests/support/summaryReporter.ts'],
    // A test that reads the team's external corpora carries this tag; without the folder it is
    // skipped, and the summary reporter says how many were and why.
    tags: [{ name: CORPORA_TAG, description: 'reads the corpora named by HASHIYA_CORPORA (default ../shared/corpora)', skip: !CORPORA_FOUND }],
    projects: [
      {
        test: {
          name: 'unit',
          include: ['tests/**/*.test.ts'],
          exclude: ['tests/e2e/**', 'tests/bench/**'],
          environment: 'node',
          setupFiles: ['tests/support/fastCheck.ts'],
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['tests/e2e/support/globalSetup.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
      {
        test: {
          // A smoke run of `npm run bench` (tiny sizes, no targets): the benchmark cannot rot.
          name: 'bench',
          include: ['tests/bench/**/*.test.ts'],
          environment: 'node',
          testTimeout: 120_000,
        },
      },
    ],
  },
});
