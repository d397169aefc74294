import { englishOf } from '../../../shared/i18n/englishOf';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { conllFormat, parseConll, serializeConll, type ConllSerializeOptions } from '../../../shared/formats/conll';
import type { ExchangeDocument, ExchangeSpan } from '../../../shared/formats/exchange';
import { tokenize } from '../../../shared/text/tokenize';
import { utf16 } from '../../../shared/text/units';
import { arabicIndicDigit, arabicLetter, astral, haraka, latin, mixedText, vocalisedWord } from '../support/arbitraries';
import { chunkList, tokenTexts } from '../support/chunks';
import { stringMatching } from '../../support/matchers';

const read = (text: string, name = 'news.conll') => parseConll([{ name, text }]);
const span = (start: number, end: number, label: string): ExchangeSpan => ({ start: utf16(start), end: utf16(end), label });

describe('CoNLL: parse', () => {
  it('reads tabs or spaces, CRLF, a stray BOM and U+200E marks; rebuilds the text from the tokens and keeps them', () => {
    const file =
      '\ufeff\u200eفرانكفورت\tB-Population-Center\r\n(\tO\r\n\u200eد I-Media\r\n\u200eب\tI-Media\r\n)  O\r\n\t\r\n\u200eقال\tO\r\nرئيس B-Politician\r\n';
    const result = read(file, 'NewsFANE sample.txt');
    expect(result.problems).toMatchObject([]);
    expect(result.notes.map(englishOf)).toEqual(['NewsFANE sample.txt: 1 I- tag(s) began a chunk (read as B-) in IOB2 (detected)']);
    const [doc] = result.documents;
    expect(doc!.text).toBe('\u200eفرانكفورت ( \u200eد \u200eب )\n\u200eقال رئيس');
    expect(doc!.title).toBe('NewsFANE sample');
    expect(doc!.source).toBe('NewsFANE sample.txt');
    expect(doc!.line).toBe(1);
    expect(tokenTexts(doc!)).toEqual(['\u200eفرانكفورت', '(', '\u200eد', '\u200eب', ')', '\u200eقال', 'رئيس']);
    // The text keeps each U+200E; a span does not begin with one.
    expect(doc!.spans.map((s) => [doc!.text.slice(s.start, s.end), s.label])).toEqual([
      ['فرانكفورت', 'Population-Center'],
      ['د \u200eب', 'Media'],
      ['رئيس', 'Politician'],
    ]);
  });

  it("trims every direction mark from a span's edges (LRM, RLM, ALM, embeddings, isolates), never from the text", () => {
    for (const mark of ['\u200e', '\u200f', '\u061c', '\u202a', '\u202b', '\u202c', '\u202d', '\u202e', '\u2066', '\u2067', '\u2068', '\u2069']) {
      const [doc] = read(`قال O\n${mark}المرصد B-ORG\nالسوري${mark} I-ORG\n${mark} O\n`).documents;
      expect(doc!.text).toBe(`قال ${mark}المرصد السوري${mark} ${mark}`);
      expect(doc!.spans.map((s) => doc!.text.slice(s.start, s.end))).toEqual(['المرصد السوري']);
    }
  });

  it("reads the NER tag from the last column of CoNLL-2003's TOKEN POS CHUNK NER, with a note", () => {
    const file = [
      '-DOCSTART- -X- -X- O',
      '',
      'قال VBD B-VP O',
      'المرصد NNP B-NP B-ORG',
      'السوري JJ I-NP I-ORG',
      'إن IN B-SBAR O',
      'القوات NNS B-NP B-ORG',
      '. . O O',
      '',
    ].join('\n');
    const result = read(file, 'conll2003.txt');
    expect(result.problems).toMatchObject([]);
    const [doc] = result.documents;
    expect(doc!.text).toBe('قال المرصد السوري إن القوات .');
    expect(doc!.spans.map((s) => [doc!.text.slice(s.start, s.end), s.label])).toEqual([
      ['المرصد السوري', 'ORG'],
      ['القوات', 'ORG'],
    ]);
    expect(result.notes.map(englishOf)).toContain(
      'conll2003.txt: 4 columns on every line: the last was read as the tag; columns 2–3 (part of speech, chunks…) were not read',
    );
  });

  it("reads TOKEN POS TAG (spaCy's -with-pos example) and Label Studio's TOKEN -X- _ TAG", () => {
    const withPos = read('متى WRB O\nقصفت VBD O\nالقوات NNS B-actor\nالأميركية JJ I-actor\nالبوكمال NNP B-place\n').documents[0]!;
    expect(withPos.spans.map((s) => [withPos.text.slice(s.start, s.end), s.label])).toEqual([
      ['القوات الأميركية', 'actor'],
      ['البوكمال', 'place'],
    ]);
    // As label_studio_sdk/converter writes CoNLL 2003: "-DOCSTART- -X- O" (three fields), then "{token} -X- _ {tag}".
    const ls = read('-DOCSTART- -X- O\nقصفت -X- _ O\nالقوات -X- _ B-actor\nالأميركية -X- _ I-actor\n\n').documents[0]!;
    expect(ls.spans.map((s) => [ls.text.slice(s.start, s.end), s.label])).toEqual([['القوات الأميركية', 'actor']]);
  });

  it("keeps Wojood's nested tags as tags, and says why a bad one in the middle was read as a tag", () => {
    const nested = read('مكتب B-ORG\nالإعلام I-ORG\nمحافظة I-ORG B-GPE\nدير I-ORG I-GPE B-GPE\n').documents[0]!;
    expect(nested.spans.map((s) => s.label)).toEqual(['ORG', 'GPE', 'GPE']);
    const bad = read('قال O\nالمرصد NNP B-ORG\nالسوري I-ORG\n');
    expect(bad.problems[0]!.line).toBe(2);
    expect(bad.problems[0]!.message).toMatch(/bad tag "NNP".*the last column is the tag only when every line has the same number of columns/);
  });

  it('rejects a tag or token holding an unpaired surrogate at its line', () => {
    for (const line of ['دمشق B-\ud800', '\udc00دمشق B-LOC']) {
      const result = read(['-DOCSTART- O', 'حلب B-LOC', '', '-DOCSTART- O', 'قال O', line, ''].join('\n'), 'lone.conll');
      expect(result.problems).toMatchObject([{ file: 'lone.conll', line: 6, message: stringMatching(/^the line holds an unpaired surrogate/) }]);
      expect(result.documents.map((d) => d.text)).toEqual(['حلب']);
    }
  });

  it('splits -DOCSTART- sections into documents and rejects only the one with a bad tag', () => {
    const file = [
      '-DOCSTART- -X- O O',
      '',
      'دمشق B-LOC',
      'اليوم O',
      '',
      '-DOCSTART- O',
      'حلب Q-LOC',
      '',
      '-DOCSTART-',
      'الرقة B-LOC',
      'و O',
      'دير B-LOC',
      'الزور I-LOC',
      '',
    ].join('\n');
    const result = read(file, 'three.conll');
    expect(result.problems).toMatchObject([{ file: 'three.conll', line: 7, message: stringMatching(/bad tag "Q-LOC"/) }]);
    expect(result.rejected).toEqual([{ file: 'three.conll', line: 6, text: '-DOCSTART- O\nحلب Q-LOC\n\n' }]);
    expect(result.documents.map((d) => [d.title, d.source, d.line, d.text])).toEqual([
      ['three #1', 'three.conll #1', 1, 'دمشق اليوم'],
      ['three #3', 'three.conll #3', 9, 'الرقة و دير الزور'],
    ]);
    expect(chunkList(result.documents[1]!)).toEqual(['0-0 LOC', '2-3 LOC']);
  });

  it('reads several tags on a line as nested chunks, one chunk sequence per type (Wojood)', () => {
    const file = [
      'مجلس B-ORG',
      'الأمن I-ORG',
      'ضد I-ORG',
      'الأسد I-ORG B-PERS',
      'وتدخلت O',
      '',
      'سكرتير B-OCC',
      'اللجنة I-OCC B-ORG',
      'القومية I-OCC I-ORG',
      'في I-OCC',
      'نابلس I-OCC B-GPE',
      'لتأمين O',
    ].join('\n');
    const [doc] = read(file).documents;
    expect(chunkList(doc!)).toEqual(['0-3 ORG', '3-3 PERS', '5-9 OCC', '6-7 ORG', '9-9 GPE']);
  });

  it('reads a type named twice on a line as a chunk nested in another of its type (Wojood: جامعة بيرزيت)', () => {
    const file = ['في I-EVENT', 'في B-ORG', 'جامعة I-ORG B-ORG', 'بيرزيت I-ORG I-ORG B-GPE', '( O'].join('\n');
    const result = read(file);
    expect(result.problems).toMatchObject([]);
    expect(chunkList(result.documents[0]!)).toEqual(['0-0 EVENT', '1-3 ORG', '2-3 ORG', '3-3 GPE']);
    expect(result.notes.map(englishOf).join()).toMatch(/1 I- tag\(s\) began a chunk/);
  });

  it('detects IOB1 (I- begins, B- only between two chunks of a type) without calling it a repair', () => {
    const result = read(['القوات I-ORG', 'الأميركية I-ORG', 'الجيش B-ORG', 'في O', 'حلب I-LOC'].join('\n'), 'old.iob');
    expect(chunkList(result.documents[0]!)).toEqual(['0-1 ORG', '2-2 ORG', '4-4 LOC']);
    expect(result.notes.map(englishOf)).toEqual(['old.iob: read as IOB1 (detected): 2 chunk(s) begin with I-; B- only separates two chunks of one type']);
  });

  it('reads BIOES and BILOU, counting E-less chunks and E-/I- that begin one', () => {
    const bioes = read(['دير B-LOC', 'الزور E-LOC', 'حلب S-LOC', 'قوات B-ORG', 'سوريا I-ORG', 'و O', 'قسد E-ORG'].join('\n'), 'a.bioes');
    expect(chunkList(bioes.documents[0]!)).toEqual(['0-1 LOC', '2-2 LOC', '3-4 ORG', '6-6 ORG']);
    expect(bioes.notes.map(englishOf)).toEqual([
      'a.bioes: 1 I- or E- tag(s) began a chunk (read as B-) in BIOES (detected)',
      'a.bioes: 1 chunk(s) ended without an E- or S- tag in BIOES (detected) and were closed where the next tag began',
    ]);
    const bilou = read(['دير B-LOC', 'الزور L-LOC', 'حلب U-LOC'].join('\n'), 'b.bilou');
    expect(chunkList(bilou.documents[0]!)).toEqual(['0-1 LOC', '2-2 LOC']);
    expect(bilou.notes.map(englishOf)).toEqual([]);
  });

  it('with the scheme given as IOB2, an E- tag is a problem', () => {
    const result = parseConll([{ name: 'x.conll', text: 'دير B-LOC\nالزور E-LOC\n' }], { scheme: 'IOB2' });
    expect(result.problems).toMatchObject([{ file: 'x.conll', line: 2, message: stringMatching(/E-LOC is not part of IOB2/) }]);
    expect(result.documents).toEqual([]);
  });

  it('counts an I- after O as a chunk start, not an error', () => {
    const result = read('في O\nمدينة I-GPE\nحلب I-GPE\nو O\nإدلب I-GPE\nو O\nالرقة B-GPE\n');
    expect(result.problems).toMatchObject([]);
    expect(chunkList(result.documents[0]!)).toEqual(['1-2 GPE', '4-4 GPE', '6-6 GPE']);
    expect(result.notes.map(englishOf)).toEqual(['news.conll: 2 I- tag(s) began a chunk (read as B-) in IOB2 (detected)']);
  });

  const bad: [string, string, number, RegExp][] = [
    ['an unknown prefix', 'دمشق O\nحلب Q-LOC\n', 2, /bad tag "Q-LOC"/],
    ['B- with no type', 'دمشق O\nحلب O\nإدلب B-\n', 3, /bad tag "B-" \(the type after the hyphen is missing\)/],
    ['a lowercase prefix', 'دمشق b-LOC\n', 1, /bad tag "b-LOC"/],
    ['a suffix-style tag', 'دمشق LOC-B\n', 1, /bad tag "LOC-B"/],
    ['a token without a tag', 'دمشق O\n\nحلب\n', 3, /the token "حلب" has no tag/],
    ['a line beginning with a tab', 'دمشق O\n\tO\n', 2, /begins with a space or tab/],
    ['O beside a chunk tag', 'دمشق O B-LOC\n', 1, /O cannot stand beside other tags/],
  ];
  it.each(bad)('reports %s with its file and line and rejects the document', (_what, text, line, message) => {
    const result = parseConll([
      { name: 'bad.conll', text },
      { name: 'good.conll', text: 'حلب B-LOC\n' },
    ]);
    expect(result.problems).toHaveLength(1);
    expect(result.problems[0]).toMatchObject({ file: 'bad.conll', line });
    expect(result.problems[0]!.message).toMatch(message);
    expect(result.rejected).toEqual([{ file: 'bad.conll', line: 1, text }]);
    expect(result.documents.map((d) => d.title)).toEqual(['good']);
  });

  it('reports an empty or blank file at line 1', () => {
    const result = parseConll([
      { name: 'empty.conll', text: '' },
      { name: 'blank.conll', text: '\r\n \t\r\n' },
    ]);
    expect(result.problems).toMatchObject([
      { file: 'empty.conll', line: 1, message: 'the file holds no tokens' },
      { file: 'blank.conll', line: 1, message: 'the file holds no tokens' },
    ]);
    expect(result.documents).toEqual([]);
  });

  it('lists at most 50 problems per file and says how many more there are', () => {
    const text = Array.from({ length: 60 }, (_, k) => `كلمة${k} B_X`).join('\n');
    const result = read(text);
    expect(result.problems).toHaveLength(51);
    expect(result.problems[50]).toMatchObject({ file: 'news.conll', line: 51, message: '10 more problem(s) in this file from this line on are not listed' });
  });

  it('is registered under the name conll', () => {
    expect(conllFormat.name).toBe('conll');
    expect(conllFormat.extensions).toEqual(['conll', 'txt', 'iob', 'bio', 'tsv']);
  });
});

describe('CoNLL: serialize', () => {
  const TEXT = 'قال المرصد السوري إن الطائرات المسيّرة 🚀 قصفت حقل كونيكو.\r\nونفت القوات الأميركية ذلك.';
  const at = (phrase: string, label: string, from = 0) => {
    const start = TEXT.indexOf(phrase, from);
    if (start < 0) throw new Error(`no ${phrase}`);
    return span(start, start + phrase.length, label);
  };

  it('writes IOB2 with one space, a blank line between lines of the text, tokens from the project tokenizer', () => {
    const out = serializeConll([
      { text: TEXT, title: 'دير الزور', spans: [at('المرصد السوري', 'actor'), at('حقل كونيكو', 'place'), at('القوات الأميركية', 'actor')] },
    ]);
    expect(out.dropped).toBe(0);
    expect(out.notes.map(englishOf)).toEqual([]);
    expect(out.files).toEqual([
      {
        name: 'دير الزور.conll',
        text: [
          'قال O',
          'المرصد B-actor',
          'السوري I-actor',
          'إن O',
          'الطائرات O',
          'المسيّرة O',
          '🚀 O',
          'قصفت O',
          'حقل B-place',
          'كونيكو I-place',
          '. O',
          '',
          'ونفت O',
          'القوات B-actor',
          'الأميركية I-actor',
          'ذلك O',
          '. O',
          '',
        ].join('\n'),
      },
    ]);
  });

  it('keeps the earliest, longest of overlapping spans, counts the rest, and writes only the chosen labels', () => {
    const spans = [
      at('المرصد السوري', 'actor'),
      at('السوري', 'place'),
      at('إن الطائرات المسيّرة 🚀 قصفت حقل كونيكو', 'claim'),
      at('الطائرات المسيّرة', 'weapon'),
      at('حقل كونيكو', 'place'),
    ];
    const all = serializeConll([{ text: TEXT, spans }]);
    expect(all.dropped).toBe(3);
    expect(all.notes.map(englishOf)).toContain(
      '3 span(s) overlapped an earlier or longer span and were left out (one tag per token; the nested option writes overlaps)',
    );
    expect(all.files[0]!.text.split('\n').slice(1, 11)).toEqual([
      'المرصد B-actor',
      'السوري I-actor',
      'إن B-claim',
      'الطائرات I-claim',
      'المسيّرة I-claim',
      '🚀 I-claim',
      'قصفت I-claim',
      'حقل I-claim',
      'كونيكو I-claim',
      '. O',
    ]);
    const chosen = serializeConll([{ text: TEXT, spans }], { labels: ['weapon', 'place'] });
    expect(chosen.dropped).toBe(2);
    expect(chosen.notes.map(englishOf)).toContain('2 span(s) with labels not chosen were left out (actor, claim)');
    expect(chosen.files[0]!.text.split('\n').slice(1, 10)).toEqual([
      'المرصد O',
      'السوري B-place',
      'إن O',
      'الطائرات B-weapon',
      'المسيّرة I-weapon',
      '🚀 O',
      'قصفت O',
      'حقل B-place',
      'كونيكو I-place',
    ]);
  });

  it('writes overlapping spans as extra tags with the nested option, outermost first, and reads them back', () => {
    const spans = [
      at('السوري', 'place'),
      at('المرصد السوري', 'actor'),
      at('الطائرات المسيّرة', 'weapon'),
      at('إن الطائرات المسيّرة 🚀 قصفت حقل كونيكو', 'claim'),
      at('حقل كونيكو', 'place'),
    ];
    const out = serializeConll([{ text: TEXT, spans }], { nested: true });
    expect(out.dropped).toBe(0);
    expect(out.files[0]!.text.split('\n').slice(0, 10)).toEqual([
      'قال O',
      'المرصد B-actor',
      'السوري I-actor B-place',
      'إن B-claim',
      'الطائرات I-claim B-weapon',
      'المسيّرة I-claim I-weapon',
      '🚀 I-claim',
      'قصفت I-claim',
      'حقل I-claim B-place',
      'كونيكو I-claim I-place',
    ]);
    const back = parseConll(out.files);
    expect(back.problems).toMatchObject([]);
    expect(chunkList(back.documents[0]!)).toEqual(['1-2 actor', '2-2 place', '3-9 claim', '4-5 weapon', '8-9 place'].sort());
  });

  it('with the nested option, leaves out and counts a span crossing another of its own label', () => {
    const spans = [at('المرصد السوري', 'actor'), at('السوري إن', 'actor'), at('السوري إن', 'claim')];
    const out = serializeConll([{ text: TEXT, spans }], { nested: true });
    expect(out.dropped).toBe(1);
    expect(out.notes.map(englishOf)).toEqual(['1 span(s) crossed another span of the same label and were left out']);
    expect(out.files[0]!.text.split('\n').slice(1, 4)).toEqual(['المرصد B-actor', 'السوري I-actor B-claim', 'إن I-claim']);
  });

  it('begins a sentence at every kind of line break between tokens: LF, CRLF, CR, U+2028, NEL', () => {
    const out = serializeConll([{ text: 'أ\nب\r\nت\rث\u2028ج\u0085ح خ', spans: [] }]);
    expect(out.files[0]!.text).toBe('أ O\n\nب O\n\nت O\n\nث O\n\nج O\n\nح O\nخ O\n');
  });

  it('widens spans to whole tokens, joins the lines a span crosses, and says so', () => {
    const spans = [span(TEXT.indexOf('لمرصد'), TEXT.indexOf('لمرصد') + 3, 'actor'), at('كونيكو.\r\nونفت', 'claim')];
    const out = serializeConll([{ text: TEXT, spans, relations: [{ head: 'a', child: 'b', label: 'source' }] }]);
    expect(out.notes.map(englishOf)).toEqual([
      '1 span(s) did not begin and end on token boundaries and were widened to whole tokens',
      '1 span(s) ran across a line break; the lines they span were written as one sentence',
      'CoNLL holds no relations or stances: 1 relation(s) and 0 stance(s) were not written',
    ]);
    const lines = out.files[0]!.text.split('\n');
    expect(lines[1]).toBe('المرصد B-actor');
    expect(lines.slice(9, 13)).toEqual(['كونيكو B-claim', '. I-claim', 'ونفت I-claim', 'القوات O']);
    expect(lines.filter((l) => l === '')).toHaveLength(1); // only the end of the file
  });

  it('writes its own tokens, several documents behind -DOCSTART-, and falls back to the tokenizer for unusable tokens', () => {
    const own: ExchangeDocument = {
      text: 'و\u200eقال المرصد',
      tokens: [
        [0, 5],
        [6, 12],
      ],
      spans: [span(6, 12, 'actor')],
    };
    const broken: ExchangeDocument = { text: 'حلب وإدلب', tokens: [[0, 9]], spans: [] };
    const partial: ExchangeDocument = {
      text: 'حلب، إدلب',
      title: 'partial',
      tokens: [
        [0, 3],
        [5, 9],
      ],
      spans: [],
    };
    const out = serializeConll([own, broken, partial], { baseName: 'export' });
    expect(out.files).toEqual([
      { name: 'export.conll', text: '-DOCSTART- O\n\nو\u200eقال O\nالمرصد B-actor\n\n-DOCSTART- O\n\nحلب O\nوإدلب O\n\n-DOCSTART- O\n\nحلب O\n، O\nإدلب O\n' },
    ]);
    expect(out.notes.map(englishOf)).toEqual([
      "the project tokenizer was used where a document's own tokens could not be written: document 2 (token 0 (0..9) holds a space, tab or line break); partial (the text before token 1 (5..9) is in no token)",
    ]);
    const back = parseConll(out.files);
    expect(back.documents.map((d) => [d.title, d.text])).toEqual([
      ['export #1', own.text],
      ['export #2', broken.text],
      ['export #3', 'حلب ، إدلب'],
    ]);
  });
});

// ---------------------------------------------------------------- round trip

const LABELS = ['actor', 'place', 'weapon', 'claim', 'سلاح', 'Population-Center'];

// Anything but a space, tab, CR or LF may sit in a token, including NBSP, U+2028 and NEL.
const tokenPiece = fc.oneof(
  arabicLetter,
  vocalisedWord,
  vocalisedWord,
  haraka,
  fc.constant('\u0640'),
  arabicIndicDigit,
  latin,
  astral,
  fc.constantFrom('\u200e', '\u200f', '\u061c', '\u200c', '\u200d', '\ufeff', '\u00a0', '\u2028', '\u0085', '،', '.', '«'),
);
// A token beginning with U+FEFF cannot open a file: readers take it for a byte-order mark.
const token = fc
  .array(tokenPiece, { minLength: 1, maxLength: 4 })
  .map((a) => a.join(''))
  .filter((t) => !t.startsWith('\ufeff'));
const sentence = fc.array(token, { minLength: 1, maxLength: 6 });

/** A document as CoNLL reads it: tokens joined by one space, sentences by "\n". */
function canonical(sentences: string[][]): { text: string; tokens: [number, number][]; sentenceOf: number[] } {
  const tokens: [number, number][] = [];
  const sentenceOf: number[] = [];
  let text = '';
  sentences.forEach((words, s) => {
    if (s > 0) text += '\n';
    words.forEach((w, k) => {
      if (k > 0) text += ' ';
      tokens.push([text.length, text.length + w.length]);
      sentenceOf.push(s);
      text += w;
    });
  });
  return { text, tokens, sentenceOf };
}

type RawChunk = [first: number, length: number, label: string];
const rawChunks = fc.array(fc.tuple(fc.nat(), fc.integer({ min: 1, max: 4 }), fc.constantFrom(...LABELS)), { maxLength: 10 });

/** Whole-token chunks inside `n` tokens; `within(first, last)` says which ranges are allowed. */
function chunksOf(raw: RawChunk[], n: number, within: (first: number, last: number) => boolean): [number, number, string][] {
  return raw.map(([f, len, label]): [number, number, string] => [f % n, Math.min(n - 1, (f % n) + len - 1), label]).filter(([a, b]) => within(a, b));
}

/** Keeps chunks that overlap no kept one. */
function flat(chunks: [number, number, string][]) {
  const kept: [number, number, string][] = [];
  for (const c of chunks) if (kept.every(([a, b]) => c[1] < a || b < c[0])) kept.push(c);
  return kept;
}

/** Keeps chunks that cross no kept chunk of their label (nested or disjoint only; other labels overlap freely). */
function laminar(chunks: [number, number, string][]) {
  const kept: [number, number, string][] = [];
  const crosses = ([a, b]: [number, number, string], [c, d]: [number, number, string]) => (a < c && c <= b && b < d) || (c < a && a <= d && d < b);
  for (const x of chunks) if (kept.every((y) => y[2] !== x[2] || !crosses(x, y))) kept.push(x);
  return kept;
}

const EDGE_MARK = /[\u200e\u200f\u061c\u202a-\u202e\u2066-\u2069]/;

const canonicalDoc = (nested: boolean) =>
  fc
    .tuple(fc.array(sentence, { minLength: 1, maxLength: 4 }), rawChunks, fc.constantFrom('خبر', 'دير الزور'))
    .map(([sentences, raw, title]): ExchangeDocument => {
      const { text, tokens, sentenceOf } = canonical(sentences);
      const sameSentence = (a: number, b: number) => sentenceOf[a] === sentenceOf[b];
      const chosen = (nested ? laminar : flat)(chunksOf(raw, tokens.length, sameSentence));
      // As the reader gives them: a span leaves out the direction marks at the edges of its first and last tokens.
      const inner = ([s, e]: readonly [number, number]) => {
        let [a, b] = [s, e];
        while (a < b && EDGE_MARK.test(text[a]!)) a++;
        while (b > a && EDGE_MARK.test(text[b - 1]!)) b--;
        return a < b ? [a, b] : [s, e];
      };
      const spans = chosen.map(([a, b, label]) => span(inner(tokens[a]!)[0]!, inner(tokens[b]!)[1]!, label));
      return { text, title, tokens, spans };
    });

const sortSpans = (spans: readonly ExchangeSpan[]) => spans.map((s) => `${s.start}:${s.end}:${s.label}`).sort();

function roundTripsExactly(docs: ExchangeDocument[], options: ConllSerializeOptions) {
  const out = serializeConll(docs, options);
  expect(out.dropped).toBe(0);
  expect(out.files).toHaveLength(1);
  const back = parseConll(out.files);
  expect(back.problems).toMatchObject([]);
  expect(back.notes.map(englishOf)).toEqual([]);
  expect(back.documents.map((d) => ({ text: d.text, tokens: d.tokens, spans: sortSpans(d.spans) }))).toEqual(
    docs.map((d) => ({ text: d.text, tokens: d.tokens, spans: sortSpans(d.spans) })),
  );
  expect(serializeConll(back.documents, options).files[0]!.text).toBe(out.files[0]!.text);
}

describe('CoNLL: round trip', () => {
  it('serialize then parse gives the same text, tokens and spans (whole-token, non-overlapping; one or several documents)', () => {
    fc.assert(
      fc.property(fc.array(canonicalDoc(false), { minLength: 1, maxLength: 3 }), (docs) => roundTripsExactly(docs, {})),
      { numRuns: 300 },
    );
  });

  it('with the nested option, overlapping and nested spans (one label inside another of its own) come back the same', () => {
    fc.assert(
      fc.property(fc.array(canonicalDoc(true), { minLength: 1, maxLength: 3 }), (docs) => roundTripsExactly(docs, { nested: true })),
      { numRuns: 300 },
    );
  });

  it("on free text (emoji, harakat, CRLF, marks) the tokenizer's tokens and whole-token chunks come back, flat and nested", () => {
    const doc = mixedText({ minLength: 1, maxLength: 60 }).chain((text) => {
      const tokens = tokenize(text).map((t): [number, number] => [t.start, t.end]);
      return fc.tuple(fc.constant(text), fc.constant(tokens), rawChunks, fc.boolean());
    });
    fc.assert(
      fc.property(doc, ([text, tokens, raw, nested]) => {
        const chosen = tokens.length === 0 ? [] : (nested ? laminar : flat)(chunksOf(raw, tokens.length, () => true));
        const spans = chosen.map(([a, b, label]) => span(tokens[a]![0], tokens[b]![1], label));
        const out = serializeConll([{ text, spans }], { nested });
        if (tokens.length === 0) {
          expect(out.files).toEqual([]);
          return;
        }
        expect(out.dropped).toBe(0);
        const back = parseConll(out.files);
        expect(back.problems).toMatchObject([]);
        const [again] = back.documents;
        expect(tokenTexts(again!)).toEqual(tokens.map(([s, e]) => text.slice(s, e)));
        expect(chunkList(again!)).toEqual(chunkList({ spans }, tokens));
      }),
      { numRuns: 400 },
    );
  });
});
