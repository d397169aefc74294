import { expect } from 'vitest';

// vitest types its asymmetric matchers `any`, so that they fit any field. An `any` inside
// an expected object switches off type checking of the whole object (and lint refuses it),
// so these are the same matchers typed as the values they stand for.

/** `expect.stringMatching`, as the string it matches. */
export const stringMatching = (pattern: string | RegExp): string => expect.stringMatching(pattern) as string;

/** `expect.stringContaining`, as the string it matches. */
export const stringContaining = (part: string): string => expect.stringContaining(part) as string;

/** `expect.objectContaining`, as the object it matches. */
export const objectContaining = <T extends object>(part: Partial<T>): T => expect.objectContaining<object>(part) as T;
