import { phrase, type Phrase } from '../i18n/phrase';
import { unpairedSurrogateProblem } from '../text/unpairedSurrogateProblem';

/**
 * Why `text` cannot be a document's text (not a string, empty, not well-formed Unicode), or
 * null. `field` names it as its file does (`"text"`); without one it is "the text".
 */
export function checkDocumentText(text: unknown, field?: string): Phrase | null {
  if (typeof text !== 'string') return field === undefined ? phrase('text.notString') : phrase('text.fieldNotString', { field });
  if (text === '') return field === undefined ? phrase('text.empty') : phrase('text.fieldEmpty', { field });
  const lone = unpairedSurrogateProblem(text);
  if (!lone) return null;
  return field === undefined ? phrase('text.notText', { problem: lone }) : phrase('text.fieldNotText', { field, problem: lone });
}
