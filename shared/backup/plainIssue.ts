import type { z } from 'zod';

const KINDS: Readonly<Record<string, string>> = {
  int: 'a whole number',
  number: 'a number',
  string: 'text',
  array: 'a list',
  object: 'an object',
  tuple: 'a pair of numbers',
  boolean: 'true or false',
};

/** `tokens[0][1]` for the path ["tokens", 0, 1]. */
function fieldName(path: readonly PropertyKey[]): string {
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? String(p) : `.${String(p)}`)).join('');
}

/**
 * One zod issue in plain words, naming the field: `start should be a whole number`, `label
 * should not be empty`. Issues need their input (`safeParse(v, { reportInput: true })`) to
 * tell a missing field from a wrong one.
 */
export function plainIssue(issue: z.core.$ZodIssue): string {
  const field = issue.path.length ? fieldName(issue.path) : 'the row';
  switch (issue.code) {
    case 'invalid_type':
      if (!('input' in issue) || issue.input === undefined) return `${field} is missing`;
      return `${field} should be ${KINDS[issue.expected] ?? issue.expected}`;
    case 'too_small':
      if (issue.origin === 'string') return `${field} should not be empty`;
      if (issue.origin === 'number') return `${field} should not be negative`;
      return `${field} should have at least ${issue.minimum} items`;
    case 'too_big':
      return `${field} should have at most ${issue.maximum} items`;
    case 'invalid_value':
      return `${field} should be one of ${issue.values.map(String).join(', ')}`;
    default:
      // Our own checks (refine, regex) carry their message in plain words already.
      return `${field} ${issue.message}`;
  }
}
