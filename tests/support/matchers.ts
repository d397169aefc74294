import { expect } from 'vitest';

// vitest types its asymmetric matchers `any`, so that they fit any field. An `any` inside
// an expected object switches off type checking of the whole object (and lint refuses it),
// so these are the same matchers typed as the values they stand for.

/** `expect.stringMatching`, as the string it matches. */
export const stringMatching = (pattern: string | RegExp): string => expect.stringMatching(pattern) as string;
