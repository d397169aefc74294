import { unpairedSurrogateProblem } from '../text/unpairedSurrogateProblem';

/** Why `text` cannot be a document's text (not a string, empty, not well-formed Unicode), or null. */
export function checkDocumentText(text: unknown, key = '"text"'): string | null {
  if (typeof text !== 'string') return `${key} must be a string`;
  if (text === '') return `${key} is empty`;
  const lone = unpairedSurrogateProblem(text);
  return lone && `${key} ${lone}`;
}
