import { describe, expect, it } from 'vitest';
import type { ExchangeDocument, FormatName } from '../../../shared/formats/exchange';
import { FORMATS } from '../../../shared/formats/registry';
import { utf16 } from '../../../shared/text/units';
import { fixtureArticle } from '../../support/fixtures';

// Whole-token, non-overlapping spans (so CoNLL can hold them) after an emoji (so code
// points and UTF-16 differ), with a claim linked to its source for the formats with relations.
const TEXT = '🚀 ' + fixtureArticle('konico-strikes').text;
const PHRASES: [string, string][] = [
  ['القوات الأميركية', 'actor'],
  ['ريف ديرالزور الشرقي', 'place'],
  ['المسيّرات', 'weapon'],
  ['المرصد السوري لحقوق الإنسان', 'actor'],
  ['الدفاعات الجوية اعترضت صاروخين', 'claim'],
];
const DOC: ExchangeDocument = {
  text: TEXT,
  id: 'doc-1',
  title: 'كونيكو',
  source: 'konico-strikes.txt',
  spans: PHRASES.map(([phrase, label], k) => {
    const start = TEXT.indexOf(phrase);
    return { id: `s${k}`, start: utf16(start), end: utf16(start + phrase.length), label };
  }),
};

const WITH_SPANS: FormatName[] = ['jsonl', 'doccano', 'labelstudio', 'brat', 'conll'];
const key = (d: ExchangeDocument) => d.spans.map((s) => `${d.text.slice(s.start, s.end)}|${s.label}`).sort();

/** Writes in one format and reads it back. */
function through(name: FormatName, doc: ExchangeDocument): ExchangeDocument {
  const format = FORMATS[name];
  const written = format.serialize([doc], name === 'conll' ? { labels: ['actor', 'place', 'weapon', 'claim'] } : {});
  expect(written.dropped).toBe(0);
  const read = format.parse(written.files.map((f) => ({ name: f.name, text: f.text })));
  expect(read.problems).toEqual([]);
  expect(read.documents).toHaveLength(1);
  return read.documents[0]!;
}

describe('every converter pair preserves every span', () => {
  for (const from of WITH_SPANS) {
    for (const to of WITH_SPANS) {
      it(`${from} → ${to}`, () => {
        const viaFrom = through(from, DOC);
        const viaTo = through(to, viaFrom);
        expect(key(viaTo)).toEqual(key(DOC));
        // CoNLL rebuilds the text from tokens; every other format keeps it verbatim.
        if (from !== 'conll' && to !== 'conll') expect(viaTo.text).toBe(TEXT);
      });
    }
  }
});
