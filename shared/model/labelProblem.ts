import { phrase, type Phrase } from '../i18n/phrase';
import { unpairedSurrogateProblem } from '../text/unpairedSurrogateProblem';

/**
 * Why `label` cannot name a span or a relation, or null: a label is a non-empty string of
 * well-formed text. Worded to follow the label's name in the file: `"label" must be a
 * non-empty string`.
 */
export function labelProblem(label: unknown): Phrase | null {
  if (typeof label !== 'string' || label === '') return phrase('text.labelEmpty');
  return unpairedSurrogateProblem(label);
}
