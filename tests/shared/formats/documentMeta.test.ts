import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { doccanoFormat } from '../../../shared/formats/doccano';
import type { ExchangeDocument, Format } from '../../../shared/formats/exchange';
import { jsonlFormat } from '../../../shared/formats/jsonl';
import { labelStudioFormat } from '../../../shared/formats/labelstudio';
import { planImport } from '../../../shared/import/planImport';
import type { DocumentMeta } from '../../../shared/model/document';
import { sha256Hex } from '../../../shared/text/sha256';
import { fixtureArticle } from '../../support/fixtures';

const word = fc.constantFrom('المدن', 'عنب بلدي', 'سوريا 24', 'قصف', 'دير الزور', 'Reuters', 'كونيكو', 'مراسل المدن');
const metaArb: fc.Arbitrary<DocumentMeta> = fc.record(
  {
    outlet: word,
    published: fc.date({ min: new Date('1990-01-01'), max: new Date('2030-12-31'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)),
    url: fc.constantFrom('https://www.almodon.com/politics/2023/10/19/x', 'http://enabbaladi.net/archives/1?p=2#a'),
    author: word,
    language: fc.constantFrom('ar', 'en', 'ar-SY', 'fr'),
    tags: fc.uniqueArray(word, { minLength: 1, maxLength: 4 }),
  },
  { requiredKeys: [] },
);

const text = fixtureArticle('konico-strikes').text;

describe.each<[string, Format]>([
  ['JSON Lines', jsonlFormat],
  ['Label Studio', labelStudioFormat],
  ['doccano', doccanoFormat],
])('%s carries a document’s metadata', (_name, format) => {
  it('writes it and reads the same back', () => {
    fc.assert(
      fc.property(metaArb, (meta) => {
        const doc: ExchangeDocument = { text, id: 'd1', title: 'قصف كونيكو', spans: [], ...(Object.keys(meta).length ? { documentMeta: meta } : {}) };
        const files = format.serialize([doc]).files.map((f) => ({ name: f.name, text: f.text }));
        const back = format.parse(files);
        expect(back.problems).toMatchObject([]);
        expect(back.documents[0]!.documentMeta).toEqual(Object.keys(meta).length ? meta : undefined);
      }),
      { numRuns: 60 },
    );
  });
});

describe('bad metadata in a file', () => {
  it('is a problem at its line, and the document is not read', () => {
    const lines = [
      JSON.stringify({ text, meta: { outlet: 'المدن', published: '2023-10-19' } }),
      JSON.stringify({ text: text + ' ', meta: { published: '19/10/2023' } }),
    ].join('\n');
    const read = jsonlFormat.parse([{ name: 'news.jsonl', text: lines }]);
    expect(read.documents).toHaveLength(1);
    expect(read.problems).toMatchObject([
      { file: 'news.jsonl', line: 2, message: '"meta.published" must be a date written YYYY-MM-DD (such as 2024-03-07), not "19/10/2023"' },
    ]);
  });

  it('reads a Label Studio task’s data fields, then its meta for what data lacks', () => {
    const task = { id: 3, data: { text, outlet: 'سوريا 24', date: '2024-02-01' }, meta: { outlet: 'ignored', lang: 'ar' }, annotations: [] };
    const read = labelStudioFormat.parse([{ name: 'tasks.json', text: JSON.stringify([task]) }]);
    expect(read.documents[0]!.documentMeta).toEqual({ outlet: 'سوريا 24', published: '2024-02-01', language: 'ar' });
  });
});

describe('planImport', () => {
  const options = {
    annotator: 'a',
    now: 1,
    newId: (() => {
      let n = 0;
      return () => `id${++n}`;
    })(),
  };
  it('gives a new document its metadata, and fills only what a document already stored lacks', () => {
    const fresh = planImport([{ text, spans: [], documentMeta: { outlet: 'المدن' } }], { bySha: new Map(), byId: new Map() }, options);
    expect(fresh.newDocuments[0]!.record.meta).toEqual({ outlet: 'المدن' });
    const library = { bySha: new Map([[sha256Hex(text), { id: 'd1', title: 't' }]]), byId: new Map() };
    const attach = planImport([{ text, spans: [], documentMeta: { outlet: 'عنب بلدي', published: '2024-01-01' } }], library, options);
    expect(attach.attachments[0]!.meta).toEqual({ outlet: 'عنب بلدي', published: '2024-01-01' });
  });
});
