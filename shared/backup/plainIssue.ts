import type { z } from 'zod';
import { phrase, type Phrase } from '../i18n/phrase';

// The kinds a row's fields are, each a phrase of its own (`issue.int`: "a whole number").
const KINDS = ['int', 'number', 'string', 'array', 'object', 'tuple', 'boolean'] as const;
const isKind = (k: string): k is (typeof KINDS)[number] => (KINDS as readonly string[]).includes(k);

// The messages of our own checks (tableShapes.ts), each a phrase.
const OWN_MESSAGES: Readonly<Record<string, 'issue.hex' | 'issue.afterStart'>> = {
  'must be 64 lowercase hex digits': 'issue.hex',
  'must be after start': 'issue.afterStart',
};

/** `tokens[0][1]` for the path ["tokens", 0, 1]. */
function fieldName(path: readonly PropertyKey[]): string {
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? String(p) : `.${String(p)}`)).join('');
}

/**
 * One zod issue in plain words (a phrase), naming the field: `start should be a whole number`, `label
 * should not be empty`. Issues need their input (`safeParse(v, { reportInput: true })`) to
 * tell a missing field from a wrong one.
 */
export function plainIssue(issue: z.core.$ZodIssue): Phrase {
  const field = issue.path.length ? phrase('issue.field', { name: fieldName(issue.path) }) : phrase('issue.theRow');
  switch (issue.code) {
    case 'invalid_type':
      if (!('input' in issue) || issue.input === undefined) return phrase('issue.missing', { field });
      return isKind(issue.expected)
        ? phrase('issue.shouldBe', { field, kind: phrase(`issue.${issue.expected}`) })
        : phrase('issue.shouldBeNamed', { field, kind: issue.expected });
    case 'too_small':
      if (issue.origin === 'string') return phrase('issue.notEmpty', { field });
      if (issue.origin === 'number') return phrase('issue.notNegative', { field });
      return phrase('issue.atLeast', { field, items: Number(issue.minimum) });
    case 'too_big':
      return phrase('issue.atMost', { field, items: Number(issue.maximum) });
    case 'invalid_value':
      return phrase('issue.oneOf', { field, values: issue.values.map(String).join(', ') });
    default: {
      // Our own checks (refine, regex) carry their message in plain words already.
      const own = OWN_MESSAGES[issue.message];
      return own ? phrase(own, { field }) : phrase('issue.other', { field, message: issue.message });
    }
  }
}
