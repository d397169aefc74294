import type { TrainingDocument, TrainingSpan } from '../../shared/suggest/recommender';
import { fixtureFile } from './fixtures';

/** A line of tests/fixtures/suggest/*.jsonl: text and spans in code points. */
interface Line {
  readonly text: string;
  readonly spans: readonly { start: number; end: number; label: string }[];
}

/** UTF-16 offset of code point `cp` in `text`. */
const utf16At = (text: string, cp: number) => Array.from(text).slice(0, cp).join('').length as TrainingSpan['start'];

/** The sentences of tests/fixtures/suggest/`name`.jsonl as training documents (UTF-16 offsets). */
export function suggestFixture(name: 'gold' | 'input'): TrainingDocument[] {
  return fixtureFile(`suggest/${name}.jsonl`)
    .text.trim()
    .split('\n')
    .map((l) => JSON.parse(l) as Line)
    .map((l) => ({ text: l.text, spans: l.spans.map((s) => ({ start: utf16At(l.text, s.start), end: utf16At(l.text, s.end), label: s.label })) }));
}

/** The fixture's labels. */
export const SUGGEST_LABELS = ['actor', 'place', 'weapon'];
