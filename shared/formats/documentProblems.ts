import { phrase, type Phrase } from '../i18n/phrase';
import { checkSpanRange } from '../model/checkSpanRange';
import { labelProblem } from '../model/labelProblem';
import { STANCES } from '../model/span';
import { checkDocumentText } from './checkDocumentText';
import type { ExchangeDocument } from './exchange';
import { ownSourceProblem } from './ownSourceProblem';

/**
 * Why the model cannot hold `doc`, one phrase per reason; none when it can. The text is
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
export function documentProblems(doc: ExchangeDocument): Phrase[] {
  const { text } = doc;
  const textProblem = checkDocumentText(text);
  if (textProblem) return [textProblem];
  const problems: Phrase[] = [];
  const ids = new Set<string>();
  doc.spans.forEach((s, k) => {
    const span = s.id !== undefined ? JSON.stringify(s.id) : String(k);
    const range = checkSpanRange(text, s.start, s.end);
    if (range) problems.push(phrase('doc.spanRange', { span, problem: range }));
    const label = labelProblem(s.label);
    if (label) problems.push(phrase('doc.spanLabel', { span, problem: label }));
    if (s.stance !== undefined && !STANCES.includes(s.stance))
      problems.push(phrase('doc.spanStance', { span, stance: JSON.stringify(s.stance), stances: STANCES.join(', ') }));
    if (s.id === undefined) return;
    if (s.id === '') problems.push(phrase('doc.spanIdEmpty', { span }));
    else if (ids.has(s.id)) problems.push(phrase('doc.spanIdTwice', { span }));
    ids.add(s.id);
  });
  (doc.relations ?? []).forEach((r, relation) => {
    const label = labelProblem(r.label);
    if (label) problems.push(phrase('doc.relationLabel', { relation, problem: label }));
    const missing = [r.head, r.child].find((id) => !ids.has(id));
    if (missing !== undefined) problems.push(phrase('doc.relationMissing', { relation, id: JSON.stringify(missing) }));
    const own = ownSourceProblem(r, phrase('doc.span', { span: JSON.stringify(r.head) }));
    if (own) problems.push(phrase('doc.relationOwn', { relation, problem: own }));
  });
  let previousEnd = 0;
  (doc.tokens ?? []).forEach(([start, end], token) => {
    const range = checkSpanRange(text, start, end);
    if (range) problems.push(phrase('doc.tokenRange', { token, problem: range }));
    else if (start < previousEnd) problems.push(phrase('doc.tokenOrder', { token, end: previousEnd }));
    previousEnd = end;
  });
  return problems;
}
