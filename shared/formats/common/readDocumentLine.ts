import { jsonParsePhrase } from '../../i18n/libraryPhrase';
import { phrase, type Phrase } from '../../i18n/phrase';
import { checkDocumentText } from '../checkDocumentText';
import { isJsonObject } from './isJsonObject';

/**
 * The start of reading one line of a JSON Lines format (JSONL, doccano): a JSON object
 * whose `text` is a document's text; or the problem that stops it.
 */
export function readDocumentLine(src: string): { readonly value: Record<string, unknown>; readonly text: string } | Phrase[] {
  let value: unknown;
  try {
    value = JSON.parse(src);
  } catch (e) {
    return [phrase('jsonLines.notJson', { detail: jsonParsePhrase(e) })];
  }
  if (!isJsonObject(value)) return [phrase('jsonLines.notObject')];
  const textProblem = checkDocumentText(value.text, '"text"');
  if (textProblem) return [textProblem];
  return { value, text: value.text as string };
}
