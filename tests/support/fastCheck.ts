import fc from 'fast-check';

// In CI every property runs from one fixed seed, so a run is reproducible and never
// flaky; on a developer's machine each run explores new cases.
if (process.env.CI) fc.configureGlobal({ seed: 20261120 });
