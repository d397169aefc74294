import { englishOf } from '../../../shared/i18n/englishOf';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseConll, serializeConll } from '../../../shared/formats/conll';
import type { ExchangeDocument, ParseResult } from '../../../shared/formats/exchange';
import { chunkList, chunksPerLabel, tokenTexts } from '../support/chunks';
import { newsFane, READS_CORPORA, wojood } from '../../support/corpora';
import { fixtureFile, type TextFile } from '../../support/fixtures';

// The same tests run on the team's small files in the shape of each corpus (tests/fixtures/conll),
// always, and on the corpora themselves where they are.
// Corpora: NewsFANE Gold, F. Alotaibi and M. Lee, "A Hybrid Approach to Features
// Representation for Fine-grained Arabic Named Entity Recognition", COLING 2014 (CC BY-SA 3.0);
// the Wojood sample, M. Jarrar, M. Khalilia and S. Ghanem, LREC 2022, SinaLab/ArabicNER (MIT).
// Expected figures, the team's files' too, were counted with an independent Python script over the raw files.

/** The file's lines as Hashiya writes CoNLL: no BOM, LF, one space, whitespace-only lines blank. */
function normalisedLines(file: TextFile): string[] {
  const lines = file.text.replace(/^\ufeff/, '').split(/\r?\n/);
  if (lines[lines.length - 1] === '') lines.pop();
  return lines.map((l) => (l.trim() === '' ? '' : l.split(/[ \t]+/).join(' ')));
}

/** The 1-based numbers of the lines where two line lists differ (they must be as long). */
function differingLines(a: readonly string[], b: readonly string[]): number[] {
  expect(a.length).toBe(b.length);
  const out: number[] = [];
  a.forEach((l, k) => {
    if (l !== b[k]) out.push(k + 1);
  });
  return out;
}

/** Flat IOB chunks read straight off the raw lines (an oracle independent of the parser). */
function flatChunksOf(lines: readonly string[]): string[] {
  const out: string[] = [];
  let t = 0;
  let open: { type: string; first: number } | null = null;
  const close = () => {
    if (open) out.push(`${open.first}-${t - 1} ${open.type}`);
    open = null;
  };
  for (const line of lines) {
    if (line === '') {
      close();
      continue;
    }
    const tag = line.split(' ')[1]!;
    if (tag === 'O') close();
    else if (tag.startsWith('B-') || open?.type !== tag.slice(2)) {
      close();
      open = { type: tag.slice(2), first: t };
    }
    t++;
  }
  close();
  return out.sort();
}

const sentencesOf = (doc: ExchangeDocument) => doc.text.split('\n').length;

/** A file read and parsed once, when its suite runs (never while a skipped suite is collected). */
function parsed(read: () => TextFile) {
  const got = {} as { file: TextFile; result: ParseResult; doc: ExchangeDocument; lines: string[] };
  beforeAll(() => {
    got.file = read();
    got.result = parseConll([{ name: got.file.name, text: got.file.text }]);
    got.doc = got.result.documents[0]!;
    got.lines = normalisedLines(got.file);
  });
  return got;
}

/** What the NewsFANE tests expect of one file in its shape. */
interface NewsFaneShape {
  readonly title: string;
  readonly read: () => TextFile;
  readonly options: { readonly tags?: string[] };
  readonly crlfLines: number;
  readonly sentences: number;
  readonly tokens: number;
  /** Tokens that begin with U+200E. */
  readonly marked: number;
  readonly textStart: string;
  readonly types: number;
  readonly perType: Record<string, number>;
  readonly chunks: number;
  /** I- tags that begin a chunk, each one line written back as B-. */
  readonly iBegan: number;
  readonly changed: readonly number[];
  readonly firstChanged: string;
}

const NEWSFANE: readonly NewsFaneShape[] = [
  {
    title: 'newsfane-style',
    read: () => fixtureFile('conll/newsfane-style.txt'),
    options: {},
    crlfLines: 83,
    sentences: 4,
    tokens: 79,
    marked: 70,
    textStart: '\u200eأعلنت \u200eوزارة \u200eالدفاع \u200eالأميركية',
    types: 10,
    perType: { Nation: 2, Projectile: 2, Shooting: 1, Group: 2, Media: 2, Airport: 1 },
    chunks: 14,
    iBegan: 1,
    // "( قسد )": the I-Group after the bracket begins a chunk.
    changed: [45],
    firstChanged: '\u200eقسد B-Group',
  },
  {
    title: 'NewsFANE_Gold_2014_170K',
    read: newsFane,
    options: READS_CORPORA,
    crlfLines: 172_840,
    sentences: 4_760,
    tokens: 168_080,
    marked: 152_599,
    textStart: '\u200eفرانكفورت ( \u200eد \u200eب \u200eا )',
    types: 45,
    perType: { Nation: 2232, 'Population-Center': 1427, Politician: 1315, Athlete: 865, 'Non-Governmental': 770, Projectile: 3, Shooting: 3, Plant: 1 },
    chunks: 11_423,
    iBegan: 4,
    changed: [82_783, 83_588, 106_635, 106_642],
    firstChanged: '\u200eحماس B-Non-Governmental',
  },
];

for (const shape of NEWSFANE) {
  describe(
    `NewsFANE shape, ${shape.title}: ${shape.tokens} tokens, ${shape.sentences} sentences, ${shape.chunks} chunks of ${shape.types} fine-grained types`,
    shape.options,
    () => {
      const got = parsed(shape.read);

      it('is the file the tests expect: UTF-8 BOM, CRLF, TAB separators, U+200E before most tokens, blank lines holding a tab', () => {
        const { file } = got;
        expect([...file.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
        expect(file.text.split('\r\n')).toHaveLength(shape.crlfLines);
        expect(file.text.includes('\t')).toBe(true);
        // Its sentences end in lines holding only a tab: blank lines, whatever the corpus notes say.
        expect(file.text.split('\r\n').filter((l) => l === '\t')).toHaveLength(shape.sentences - 1);
      });

      it('imports with no problem and one note: the I- tags that begin a chunk', () => {
        const { result, file } = got;
        expect(result.problems).toEqual([]);
        expect(result.rejected).toEqual([]);
        expect(result.notes.map(englishOf)).toEqual([`${file.name}: ${shape.iBegan} I- tag(s) began a chunk (read as B-) in IOB2 (detected)`]);
        expect(result.documents).toHaveLength(1);
        expect(got.doc.title).toBe(shape.title);
      });

      it('keeps every token as written, the U+200E mark included; the text is the tokens joined by spaces and line breaks', () => {
        const { doc, lines } = got;
        const tokens = tokenTexts(doc);
        expect(tokens).toHaveLength(shape.tokens);
        expect(tokens).toEqual(lines.filter((l) => l !== '').map((l) => l.split(' ')[0]));
        expect(tokens[0]).toBe(shape.textStart.split(' ')[0]);
        expect(tokens.filter((t) => t.startsWith('\u200e'))).toHaveLength(shape.marked);
        expect(sentencesOf(doc)).toBe(shape.sentences);
        expect(doc.text.startsWith(shape.textStart)).toBe(true);
      });

      it('reads the same chunks as an independent IOB reader, fine-grained types and weapon classes included', () => {
        const { doc, lines } = got;
        expect(chunkList(doc)).toEqual(flatChunksOf(lines));
        const perType = chunksPerLabel(doc);
        expect(Object.keys(perType)).toHaveLength(shape.types);
        expect(perType).toMatchObject(shape.perType);
        expect(doc.spans).toHaveLength(shape.chunks);
      });

      it('exports back to CoNLL with the same tokens and chunks; only the repaired I- tags change to B-', () => {
        const { doc, lines } = got;
        const out = serializeConll([doc]);
        expect(out.dropped).toBe(0);
        expect(out.notes.map(englishOf)).toEqual([]);
        const written = out.files[0]!.text.split('\n');
        expect(written.pop()).toBe('');
        expect(differingLines(written, lines)).toEqual(shape.changed);
        expect(written[shape.changed[0]! - 1]).toBe(shape.firstChanged);
        const back = parseConll(out.files);
        expect(back.problems).toEqual([]);
        expect(back.notes.map(englishOf)).toEqual([]);
        expect(tokenTexts(back.documents[0]!)).toEqual(tokenTexts(doc));
        expect(chunkList(back.documents[0]!)).toEqual(chunkList(doc));
        expect(back.documents[0]!.text).toBe(doc.text);
      });
    },
  );
}

/** What the Wojood tests expect of one file in its shape. */
interface WojoodShape {
  readonly read: () => TextFile;
  readonly options: { readonly tags?: string[] };
  readonly tokens: number;
  readonly sentences: number;
  readonly chunks: number;
  readonly iBegan: number;
  readonly perType: Record<string, number>;
  /** Lines written back otherwise: a repaired I- tag, or two tags of one token in label order. */
  readonly changed: readonly number[];
}

const WOJOOD: Record<string, WojoodShape> = {
  'wojood-style': {
    read: () => fixtureFile('conll/wojood-style.txt'),
    options: {},
    tokens: 86,
    sentences: 4,
    chunks: 24,
    iBegan: 1,
    perType: { CARDINAL: 2, DATE: 2, FAC: 2, GPE: 4, LOC: 1, NORP: 2, OCC: 1, ORG: 4, PERS: 2, QUANTITY: 2, UNIT: 2 },
    // Line 33, "كيلو B-UNIT B-QUANTITY", is written in label order; line 49 begins a sentence with I-ORG.
    changed: [33, 49],
  },
  train: {
    read: () => wojood('train'),
    options: READS_CORPORA,
    tokens: 18_887,
    sentences: 1_114,
    chunks: 2_883,
    iBegan: 1,
    perType: {
      CARDINAL: 65,
      CURR: 10,
      DATE: 553,
      EVENT: 107,
      FAC: 30,
      GPE: 677,
      LANGUAGE: 8,
      LAW: 20,
      LOC: 33,
      MONEY: 8,
      NORP: 168,
      OCC: 174,
      ORDINAL: 181,
      ORG: 594,
      PERCENT: 1,
      PERS: 214,
      PRODUCT: 3,
      QUANTITY: 2,
      TIME: 10,
      UNIT: 4,
      WEBSITE: 21,
    },
    // Line 12377 begins a sentence with I-FAC, written back as B-FAC.
    changed: [12_377],
  },
  val: {
    read: () => wojood('val'),
    options: READS_CORPORA,
    tokens: 2_743,
    sentences: 158,
    chunks: 470,
    iBegan: 0,
    perType: {
      CARDINAL: 20,
      CURR: 3,
      DATE: 84,
      EVENT: 12,
      FAC: 6,
      GPE: 117,
      LOC: 7,
      MONEY: 2,
      NORP: 25,
      OCC: 33,
      ORDINAL: 25,
      ORG: 87,
      PERCENT: 1,
      PERS: 42,
      QUANTITY: 1,
      TIME: 1,
      UNIT: 1,
      WEBSITE: 3,
    },
    // Line 61, "كيلو B-UNIT B-QUANTITY": two chunks over the same token, written in label order.
    changed: [61],
  },
  test: {
    read: () => wojood('test'),
    options: READS_CORPORA,
    tokens: 5_344,
    sentences: 357,
    chunks: 870,
    iBegan: 0,
    perType: {
      CARDINAL: 22,
      CURR: 3,
      DATE: 156,
      EVENT: 21,
      FAC: 15,
      GPE: 219,
      LAW: 4,
      LOC: 4,
      MONEY: 3,
      NORP: 37,
      OCC: 64,
      ORDINAL: 38,
      ORG: 194,
      PERCENT: 1,
      PERS: 75,
      TIME: 3,
      WEBSITE: 11,
    },
    changed: [],
  },
};

for (const [split, expected] of Object.entries(WOJOOD)) {
  describe(`Wojood shape, ${split}`, expected.options, () => {
    const got = parsed(expected.read);

    it(`imports as 1 document of ${expected.tokens} tokens, ${expected.sentences} sentences and ${expected.chunks} nested chunks (${Object.keys(expected.perType).length} types)`, () => {
      const { result, doc } = got;
      expect(result.problems).toEqual([]);
      expect(result.documents).toHaveLength(1);
      expect(result.notes.map(englishOf)).toEqual(
        expected.iBegan ? [`${split}.txt: ${expected.iBegan} I- tag(s) began a chunk (read as B-) in IOB2 (detected)`] : [],
      );
      expect(tokenTexts(doc)).toHaveLength(expected.tokens);
      expect(tokenTexts(doc).filter((t) => t === '$#$').length).toBeGreaterThan(0);
      expect(sentencesOf(doc)).toBe(expected.sentences);
      expect(doc.spans).toHaveLength(expected.chunks);
      expect(chunksPerLabel(doc)).toEqual(expected.perType);
    });

    it('holds nested chunks: some tokens sit in two or more chunks, some in two chunks of one type', () => {
      const depth = new Map<string, number>();
      for (const c of chunkList(got.doc)) {
        const [range, label] = c.split(' ');
        const [a, b] = range!.split('-').map(Number);
        for (let t = a!; t <= b!; t++) {
          depth.set(`${t}`, (depth.get(`${t}`) ?? 0) + 1);
          depth.set(`${t} ${label}`, (depth.get(`${t} ${label}`) ?? 0) + 1);
        }
      }
      const deepest = Math.max(...[...depth].filter(([k]) => !k.includes(' ')).map(([, n]) => n));
      expect(deepest).toBeGreaterThanOrEqual(3);
      expect([...depth].some(([k, n]) => k.includes(' ') && n > 1)).toBe(true);
    });

    it('exports back with the nested option: the same tokens and chunks, and the same lines but for repaired or reordered tags', () => {
      const { doc, lines } = got;
      const out = serializeConll([doc], { nested: true });
      expect(out.dropped).toBe(0);
      expect(out.notes.map(englishOf)).toEqual([]);
      const written = out.files[0]!.text.split('\n');
      expect(written.pop()).toBe('');
      expect(differingLines(written, lines)).toEqual(expected.changed);
      const back = parseConll(out.files);
      expect(back.problems).toEqual([]);
      expect(back.notes.map(englishOf)).toEqual([]);
      expect(tokenTexts(back.documents[0]!)).toEqual(tokenTexts(doc));
      expect(chunkList(back.documents[0]!)).toEqual(chunkList(doc));
    });

    it('exports to one tag column by leaving out, and counting, the chunks that overlap', () => {
      const { doc } = got;
      const out = serializeConll([doc]);
      const back = parseConll(out.files).documents[0]!;
      expect(out.dropped).toBeGreaterThan(0);
      expect(back.spans.length + out.dropped).toBe(expected.chunks);
      expect(out.files[0]!.text.split('\n').every((l) => l.split(' ').length <= 2)).toBe(true);
      expect(tokenTexts(back)).toEqual(tokenTexts(doc));
    });
  });
}
