import { checkSpanRange } from '../model/checkSpanRange';
import { labelProblem } from '../model/labelProblem';
import { STANCES } from '../model/span';
import { checkDocumentText } from './checkDocumentText';
import type { ExchangeDocument } from './exchange';
import { ownSourceProblem } from './ownSourceProblem';

/**
 * Why the model cannot hold `doc`, one message per reason; none when it can. The text is
 * non-empty, well-formed text. Each span lies inside it (UTF-16, start < end, never
 * splitting a surrogate pair) under a label of non-empty text, with a known stance if any,
 * and an id no other span of the document has. Each relation links two spans of this
 * document under such a label, and no claim is its own source. The document's own
 * tokens lie inside the text, in order, without overlap.
 *
 * This is the one statement of what an import may hand on: every importer adds its
 * documents through {@link addDocument}, and `planImport` checks what it is given again
 * before anything is stored.
 */
export function documentProblems(doc: ExchangeDocument): string[] {
  const { text } = doc;
  const textProblem = checkDocumentText(text, 'the text');
  if (textProblem) return [textProblem];
  const problems: string[] = [];
  const ids = new Set<string>();
  doc.spans.forEach((s, k) => {
    const name = `span ${s.id !== undefined ? JSON.stringify(s.id) : k}`;
    const range = checkSpanRange(text, s.start, s.end);
    if (range) problems.push(`${name}: ${range}`);
    const label = labelProblem(s.label);
    if (label) problems.push(`${name}: the label ${label}`);
    if (s.stance !== undefined && !STANCES.includes(s.stance))
      problems.push(`${name}: the stance ${JSON.stringify(s.stance)} is not one of ${STANCES.join(', ')}`);
    if (s.id === undefined) return;
    if (s.id === '' || ids.has(s.id))
      problems.push(`${name}: ${s.id === '' ? 'an id must not be empty' : 'another span has the same id'}, so relations could not tell them apart`);
    ids.add(s.id);
  });
  (doc.relations ?? []).forEach((r, k) => {
    const name = `relation ${k}`;
    const label = labelProblem(r.label);
    if (label) problems.push(`${name}: the label ${label}`);
    const missing = [r.head, r.child].find((id) => !ids.has(id));
    if (missing !== undefined) problems.push(`${name}: ${JSON.stringify(missing)} is not the id of a span of this document`);
    const own = ownSourceProblem(r, `span ${JSON.stringify(r.head)}`);
    if (own) problems.push(`${name}: ${own}`);
  });
  let previousEnd = 0;
  (doc.tokens ?? []).forEach(([start, end], k) => {
    const range = checkSpanRange(text, start, end) ?? (start < previousEnd ? `starts before the token before it ends (${previousEnd})` : null);
    if (range) problems.push(`token ${k}: ${range}`);
    previousEnd = end;
  });
  return problems;
}
