import { englishOf } from '../../../shared/i18n/englishOf';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ExchangeDocument } from '../../../shared/formats/exchange';
import { txtFormat } from '../../../shared/formats/txt';
import { decodeText } from '../../../shared/text/decodeText';
import { utf16 } from '../../../shared/text/units';
import { ARTICLE_SETS } from '../../support/corpora';
import { fixtureArticle } from '../../support/fixtures';
import { mixedText } from '../support/arbitraries';
import { encodeWindows1256 } from '../support/encodings';
import { withoutPlace } from '../support/exchange';

for (const set of ARTICLE_SETS) {
  describe(`txt: reading ${set.name}`, set.options, () => {
    it('reads each article as one document, verbatim, titled by its file name', () => {
      const articles = set.articles();
      const { documents, problems, rejected } = txtFormat.parse(articles.map((a) => ({ name: a.name, text: a.text })));
      expect(problems).toEqual([]);
      expect(rejected).toEqual([]);
      expect(documents).toEqual(articles.map((a) => ({ text: a.text, title: a.name.replace(/\.txt$/, ''), source: a.name, spans: [], file: a.name, line: 1 })));
    });
  });
}

describe('txt: reading', () => {
  it('reads a Windows-1256 article after decoding exactly like its UTF-8 original', () => {
    const original = fixtureArticle('sy24-launcher');
    const decoded = decodeText(encodeWindows1256(original.text));
    if (!decoded.ok) throw new Error(decoded.message);
    const [doc] = txtFormat.parse([{ name: 'مقال قديم.TXT', text: decoded.text }]).documents;
    expect(doc).toMatchObject({ text: original.text, title: 'مقال قديم', source: 'مقال قديم.TXT' });
  });

  it('keeps CRLF, marks, a leading U+FEFF and trailing whitespace', () => {
    const text = '\ufeff\u200fقال 🚀\r\n\r\n  \t';
    expect(txtFormat.parse([{ name: 'a.txt', text }]).documents[0]!.text).toBe(text);
  });

  it('reports an empty file by name at line 1 and reads the others', () => {
    const result = txtFormat.parse([
      { name: 'a.txt', text: 'نص' },
      { name: 'empty.txt', text: '' },
      { name: 'b.txt', text: ' ' },
    ]);
    expect(result.problems).toMatchObject([{ file: 'empty.txt', line: 1, message: 'the file is empty' }]);
    expect(result.documents.map((d) => d.title)).toEqual(['a', 'b']);
  });

  it('reports a text with an unpaired surrogate at its line and keeps the file in rejected', () => {
    const text = 'سطر\nسطر \ud800\nسطر';
    const result = txtFormat.parse([{ name: 'x.txt', text }]);
    expect(result.problems).toMatchObject([{ file: 'x.txt', line: 2, message: 'the text holds an unpaired surrogate, which is not a character' }]);
    expect(result.rejected).toEqual([{ file: 'x.txt', line: 1, text }]);
    expect(result.documents).toEqual([]);
  });
});

describe('txt: writing', () => {
  const doc = (title: string | undefined, text = 'نص', id?: string): ExchangeDocument => ({
    text,
    ...(title !== undefined ? { title } : {}),
    ...(id !== undefined ? { id } : {}),
    spans: [],
  });

  it('names files from the title (else the id), safe on every system and unique regardless of case', () => {
    const out = txtFormat.serialize([
      doc('تقرير ديرالزور'),
      doc('تقرير ديرالزور'),
      doc('a/b:c*?'),
      doc('CON'),
      doc('Report'),
      doc('report'),
      doc(undefined, 'x', 'doc-7'),
      doc(''),
      doc(' .. '),
    ]);
    expect(out.files.map((f) => f.name)).toEqual([
      'تقرير ديرالزور.txt',
      'تقرير ديرالزور (2).txt',
      'a_b_c__.txt',
      '_CON.txt',
      'Report.txt',
      'report (2).txt',
      'doc-7.txt',
      'document-8.txt',
      'document-9.txt',
      // The titles the names no longer say.
      'hashiya-meta.csv',
    ]);
  });

  it('writes the text verbatim and counts the spans it cannot write', () => {
    const text = 'قال 🚀\r\n';
    const out = txtFormat.serialize([
      {
        text,
        title: 't',
        spans: [
          { start: utf16(0), end: utf16(3), label: 'x' },
          { start: utf16(4), end: utf16(6), label: 'y' },
        ],
      },
    ]);
    expect(out.files).toEqual([{ name: 't.txt', text }]);
    expect(out.dropped).toBe(2);
    expect(out.notes.map(englishOf)).toEqual(['plain text holds no annotations: 2 span(s) were not written']);
  });

  it('uses baseName when given, numbered for several documents', () => {
    expect(txtFormat.serialize([doc('a')], { baseName: 'خبر' }).files.map((f) => f.name)).toEqual(['خبر.txt', 'hashiya-meta.csv']);
    expect(txtFormat.serialize([doc('a'), doc('b')], { baseName: 'خبر' }).files.map((f) => f.name)).toEqual(['خبر-1.txt', 'خبر-2.txt', 'hashiya-meta.csv']);
  });
});

describe('txt: round trips (property)', () => {
  // Titles that are already safe file names (the writer folds runs of spaces, so single spaces only).
  const safeTitle = fc.stringMatching(/^[a-zA-Z0-9ء-ي_-]{1,8}( [a-zA-Z0-9ء-ي_-]{1,8}){0,3}$/);
  const docs = fc.uniqueArray(fc.record({ text: mixedText({ minLength: 1, maxLength: 60 }), title: safeTitle }), {
    minLength: 1,
    maxLength: 5,
    selector: (d) => d.title.toLowerCase(),
  });

  it('serialize then parse gives the same texts and titles', () => {
    fc.assert(
      fc.property(docs, (input) => {
        const out = txtFormat.serialize(input.map((d) => ({ ...d, spans: [] })));
        const parsed = txtFormat.parse(out.files);
        expect(parsed.problems).toEqual([]);
        expect(parsed.documents.map((d) => ({ text: d.text, title: d.title }))).toEqual(input);
      }),
      { numRuns: 200 },
    );
  });

  it('parse(serialize(parse(x))) is stable', () => {
    const files = fc.uniqueArray(fc.record({ name: safeTitle.map((t) => `${t}.txt`), text: mixedText({ minLength: 1, maxLength: 60 }) }), {
      minLength: 1,
      maxLength: 5,
      selector: (f) => f.name.toLowerCase(),
    });
    fc.assert(
      fc.property(files, (input) => {
        const first = txtFormat.parse(input);
        const second = txtFormat.parse(txtFormat.serialize(first.documents).files);
        expect(second.documents.map(withoutPlace)).toEqual(first.documents.map(withoutPlace));
      }),
      { numRuns: 200 },
    );
  });
});
