import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bratFormat } from '../../../../shared/formats/brat';
import { META_SIDECAR } from '../../../../shared/formats/common/metaSidecar';
import type { ExchangeDocument, Format, InputFile } from '../../../../shared/formats/exchange';
import { txtFormat } from '../../../../shared/formats/txt';
import type { DocumentMeta } from '../../../../shared/model/document';
import { utf16 } from '../../../../shared/text/units';
import { fixtureArticle } from '../../../support/fixtures';

const KONICO = fixtureArticle('konico-strikes').text;
const LAUNCHER = fixtureArticle('sy24-launcher').text;
const GAS = fixtureArticle('gas-field-attack').text;

const texts: InputFile[] = [
  { name: 'konico.txt', text: KONICO },
  { name: 'launcher.txt', text: LAUNCHER },
];
const sidecar = (text: string, name = META_SIDECAR): InputFile => ({ name, text });

describe('a hashiya-meta.csv beside plain-text files', () => {
  it('gives each document it names its title and metadata, any column order and case, quoted fields, a BOM', () => {
    const csv = [
      '\ufeffFile,Outlet,DATE,tags,url,title,lang,author',
      'konico.txt,المدن,2023-10-19,"دير الزور, قصف",https://www.almodon.com/politics/konico,"قصف ""كونيكو""",ar,',
      '',
      'launcher.txt,سوريا 24,,,,,,"مراسل\nسوريا 24"',
    ].join('\r\n');
    const read = txtFormat.parse([...texts, { name: 'gas.txt', text: GAS }, sidecar(csv)]);
    expect(read.problems).toMatchObject([]);
    const [konico, launcher, gas] = read.documents;
    expect(konico).toMatchObject({ title: 'قصف "كونيكو"', source: 'konico.txt' });
    expect(konico!.documentMeta).toEqual({
      outlet: 'المدن',
      published: '2023-10-19',
      tags: ['دير الزور', 'قصف'],
      url: 'https://www.almodon.com/politics/konico',
      language: 'ar',
    });
    expect(launcher).toMatchObject({ title: 'launcher', documentMeta: { outlet: 'سوريا 24', author: 'مراسل\nسوريا 24' } });
    expect(gas).not.toHaveProperty('documentMeta');
    expect(gas!.title).toBe('gas');
  });

  it('matches rows to the files of its own folder only (the command line reads several folders)', () => {
    const read = txtFormat.parse([
      { name: 'a/x.txt', text: KONICO },
      { name: 'b/x.txt', text: LAUNCHER },
      sidecar('file,outlet\nx.txt,المدن\n', `a/${META_SIDECAR}`),
      sidecar('file,outlet\nx.txt,عنب بلدي\n', `b/${META_SIDECAR}`),
    ]);
    expect(read.problems).toMatchObject([]);
    expect(read.documents.map((d) => d.documentMeta?.outlet)).toEqual(['المدن', 'عنب بلدي']);
  });

  it('a row may name a file in a folder below; two sidecars describing one file are a problem', () => {
    const files = [
      { name: 'news/konico.txt', text: KONICO },
      { name: 'news/2024/launcher.txt', text: LAUNCHER },
      sidecar('file,outlet\nkonico.txt,المدن\n2024/launcher.txt,سوريا 24\n', `news/${META_SIDECAR}`),
    ];
    expect(txtFormat.parse(files).documents.map((d) => d.documentMeta?.outlet)).toEqual(['المدن', 'سوريا 24']);
    const twice = txtFormat.parse([...files, sidecar('file,outlet\nlauncher.txt,عنب بلدي\n', `news/2024/${META_SIDECAR}`)]);
    expect(twice.problems).toMatchObject([
      { file: `news/2024/${META_SIDECAR}`, line: 2, message: `news/2024/launcher.txt is described by another ${META_SIDECAR} too` },
    ]);
    expect(twice.documents.map((d) => d.source)).toEqual(['news/konico.txt']);
    // A sidecar that cannot be read stops the folders below it too.
    expect(txtFormat.parse([...files.slice(0, 2), sidecar('file,source\n', `news/${META_SIDECAR}`)]).documents).toEqual([]);
  });

  describe('a bad sidecar is a problem at its line, and nothing it describes is half-imported', () => {
    const parse = (csv: string) => txtFormat.parse([...texts, sidecar(csv)]);

    it('an unknown column stops every document beside it', () => {
      const read = parse('file,outlet,source\nkonico.txt,المدن,x\n');
      expect(read.problems).toMatchObject([
        { file: META_SIDECAR, line: 1, message: 'unknown column "source": the columns are file, title, outlet, published, url, author, language, tags' },
      ]);
      expect(read.documents).toEqual([]);
      expect(read.rejected.map((r) => r.file)).toContain(META_SIDECAR);
    });

    it('a missing file column, a repeated one, broken quoting', () => {
      expect(parse('outlet\nالمدن\n').problems).toMatchObject([
        { file: META_SIDECAR, line: 1, message: 'there is no "file" column naming the file each row describes' },
      ]);
      expect(parse('file,date,published\n').problems).toMatchObject([
        { file: META_SIDECAR, line: 1, message: 'the columns "date" and "published" both give published' },
      ]);
      expect(parse('file,Outlet,outlet\n').problems).toMatchObject([{ file: META_SIDECAR, line: 1, message: 'the column "outlet" is named twice' }]);
      const quotes = parse('file,outlet\nkonico.txt,المدن\nlauncher.txt,"سوريا 24\n');
      expect(quotes.problems).toMatchObject([{ file: META_SIDECAR, line: 3, message: 'the CSV cannot be read: quoted field unterminated' }]);
      expect(quotes.documents).toEqual([]);
    });

    it('a bad date leaves out that row’s document only; a row naming a file not imported is a problem', () => {
      const read = parse('file,published\r\nkonico.txt,19/10/2023\r\nlauncher.txt,2024-02-30\r\ngas.txt,2024-02-01\r\n');
      expect(read.problems).toMatchObject([
        { file: META_SIDECAR, line: 2, message: 'konico.txt: "published" must be a date written YYYY-MM-DD (such as 2024-03-07), not "19/10/2023"' },
        { file: META_SIDECAR, line: 3, message: 'launcher.txt: "published" must be a date written YYYY-MM-DD (such as 2024-03-07), not "2024-02-30"' },
        { file: META_SIDECAR, line: 4, message: 'gas.txt is not among the files imported: a row names a file beside hashiya-meta.csv' },
      ]);
      expect(read.documents).toEqual([]);
    });

    it('a file described twice is not imported; line numbers count line breaks inside quoted fields', () => {
      const read = parse('file,author,outlet\nkonico.txt,"مراسل\nالمدن",المدن\nlauncher.txt,,سوريا 24\nkonico.txt,,عنب بلدي\n');
      expect(read.problems).toMatchObject([{ file: META_SIDECAR, line: 5, message: 'konico.txt is described again (first on line 2)' }]);
      expect(read.documents.map((d) => d.source)).toEqual(['launcher.txt']);
    });

    it('a row with more fields than the header', () => {
      const read = parse('file,outlet\nkonico.txt,المدن,extra\n');
      expect(read.problems).toMatchObject([{ file: META_SIDECAR, line: 2, message: 'konico.txt: the row has 3 field(s), the header 2' }]);
      expect(read.documents.map((d) => d.source)).toEqual(['launcher.txt']);
    });
  });
});

const word = fc.constantFrom('المدن', 'عنب بلدي', 'سوريا 24', 'قصف', 'دير الزور', 'Reuters', '=SUM(A1)', 'a "quoted", word', '-كونيكو');
const metaArb: fc.Arbitrary<DocumentMeta> = fc.record(
  {
    outlet: word,
    published: fc.date({ min: new Date('1990-01-01'), max: new Date('2030-12-31'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)),
    url: fc.constantFrom('https://www.almodon.com/politics/2023/10/19/x', 'http://enabbaladi.net/archives/1?p=2#a'),
    author: fc.constantFrom('مراسل المدن', 'line\nbreak'),
    language: fc.constantFrom('ar', 'en', 'ar-SY'),
    // Tags are one comma-separated field, so a tag with a comma in it cannot round-trip.
    tags: fc.uniqueArray(fc.constantFrom('قصف', 'دير الزور', 'غاز'), { minLength: 1, maxLength: 3 }),
  },
  { requiredKeys: [] },
);

describe.each<[string, Format]>([
  ['txt', txtFormat],
  ['brat', bratFormat],
])('%s: a folder export writes the sidecar, and reading the folder back gives the same metadata', (_name, format) => {
  it('round-trips titles and metadata', () => {
    fc.assert(
      fc.property(fc.array(fc.option(metaArb, { nil: undefined }), { minLength: 1, maxLength: 3 }), fc.boolean(), (metas, titled) => {
        const docs: ExchangeDocument[] = metas.map((meta, k) => ({
          text: [KONICO, LAUNCHER, GAS][k]!,
          title: titled ? `تقرير ${k + 1}: «كونيكو»` : `doc-${k + 1}`,
          spans: format === bratFormat ? [{ start: utf16(0), end: utf16(4), label: 'actor' }] : [],
          ...(meta && Object.keys(meta).length ? { documentMeta: meta } : {}),
        }));
        const written = format.serialize(docs).files;
        const hasSidecar = written.some((f) => f.name === META_SIDECAR);
        expect(hasSidecar).toBe(titled || docs.some((d) => d.documentMeta));
        const back = format.parse(written.map((f) => ({ name: f.name, text: f.text })));
        expect(back.problems).toMatchObject([]);
        expect(back.documents.map((d) => d.title)).toEqual(docs.map((d) => d.title));
        expect(back.documents.map((d) => d.documentMeta)).toEqual(docs.map((d) => d.documentMeta));
      }),
      { numRuns: 40 },
    );
  });

  it('writes no sidecar when the names say all there is', () => {
    expect(format.serialize([{ text: KONICO, title: 'konico', spans: [] }]).files.map((f) => f.name)).not.toContain(META_SIDECAR);
  });
});
