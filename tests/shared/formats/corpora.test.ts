import { describe, expect, it } from 'vitest';
import { parseConll, serializeConll } from '../../../shared/formats/conll';
import type { ExchangeDocument } from '../../../shared/formats/exchange';
import { chunkList, chunksPerLabel, tokenTexts } from '../support/chunks';
import { newsFane, wojood, type CorpusFile } from '../support/nerCorpora';

// Corpora: NewsFANE Gold, F. Alotaibi and M. Lee, "A Hybrid Approach to Features
// Representation for Fine-grained Arabic Named Entity Recognition", COLING 2014 (CC BY-SA 3.0);
// the Wojood sample, M. Jarrar, M. Khalilia and S. Ghanem, LREC 2022, SinaLab/ArabicNER (MIT).
// Expected figures were counted with an independent Python script over the raw files.

/** The file's lines as Hashiya writes CoNLL: no BOM, LF, one space, whitespace-only lines blank. */
function normalisedLines(file: CorpusFile): string[] {
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

describe('NewsFANE Gold: 1 document, 168,080 tokens, 4,760 sentences, 11,423 chunks of 45 fine-grained types', () => {
  const file = newsFane();
  const result = parseConll([{ name: file.name, text: file.text }]);
  const doc = result.documents[0]!;
  const lines = normalisedLines(file);

  it('is the file the tests expect: UTF-8 BOM, CRLF, TAB separators, U+200E before most tokens, 172,839 lines', () => {
    expect([...file.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(file.text.split('\r\n')).toHaveLength(172_840);
    expect(file.text.includes('\t')).toBe(true);
    // Its sentences end in lines holding only a tab: blank lines, whatever the corpus notes say.
    expect(file.text.split('\r\n').filter((l) => l === '\t')).toHaveLength(4_759);
  });

  it('imports with no problem and one note: the 4 I- tags after "(" that begin a chunk', () => {
    expect(result.problems).toEqual([]);
    expect(result.rejected).toEqual([]);
    expect(result.notes).toEqual(['NewsFANE_Gold_2014_170K.txt: 4 I- tag(s) began a chunk (read as B-) in IOB2 (detected)']);
    expect(result.documents).toHaveLength(1);
    expect(doc.title).toBe('NewsFANE_Gold_2014_170K');
  });

  it('keeps every token as written, the U+200E mark included; the text is the tokens joined by spaces and line breaks', () => {
    const tokens = tokenTexts(doc);
    expect(tokens).toHaveLength(168_080);
    expect(tokens).toEqual(lines.filter((l) => l !== '').map((l) => l.split(' ')[0]));
    expect(tokens[0]).toBe('\u200eفرانكفورت');
    expect(tokens.filter((t) => t.startsWith('\u200e'))).toHaveLength(152_599);
    expect(sentencesOf(doc)).toBe(4_760);
    expect(doc.text.startsWith('\u200eفرانكفورت ( \u200eد \u200eب \u200eا )')).toBe(true);
  });

  it('reads the same chunks as an independent IOB reader, fine-grained types and weapon classes included', () => {
    expect(chunkList(doc)).toEqual(flatChunksOf(lines));
    const perType = chunksPerLabel(doc);
    expect(Object.keys(perType)).toHaveLength(45);
    expect(perType).toMatchObject({
      Nation: 2232,
      'Population-Center': 1427,
      Politician: 1315,
      Athlete: 865,
      'Non-Governmental': 770,
      Projectile: 3,
      Shooting: 3,
      Plant: 1,
    });
    expect(doc.spans).toHaveLength(11_423);
  });

  it('exports back to CoNLL with the same tokens and chunks; only the 4 repaired I- tags change to B-', () => {
    const out = serializeConll([doc]);
    expect(out.dropped).toBe(0);
    expect(out.notes).toEqual([]);
    const written = out.files[0]!.text.split('\n');
    expect(written.pop()).toBe('');
    expect(differingLines(written, lines)).toEqual([82_783, 83_588, 106_635, 106_642]);
    expect(written[82_782]).toBe('\u200eحماس B-Non-Governmental');
    const back = parseConll(out.files);
    expect(back.problems).toEqual([]);
    expect(back.notes).toEqual([]);
    expect(tokenTexts(back.documents[0]!)).toEqual(tokenTexts(doc));
    expect(chunkList(back.documents[0]!)).toEqual(chunkList(doc));
    expect(back.documents[0]!.text).toBe(doc.text);
  });
});

const WOJOOD = {
  train: {
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
} as const;

describe.each(Object.entries(WOJOOD))('Wojood sample %s', (split, expected) => {
  const file = wojood(split as keyof typeof WOJOOD);
  const result = parseConll([{ name: file.name, text: file.text }]);
  const doc = result.documents[0]!;
  const lines = normalisedLines(file);

  it(`imports as 1 document of ${expected.tokens} tokens, ${expected.sentences} sentences and ${expected.chunks} nested chunks (${Object.keys(expected.perType).length} types)`, () => {
    expect(result.problems).toEqual([]);
    expect(result.documents).toHaveLength(1);
    expect(result.notes).toEqual(expected.iBegan ? [`${split}.txt: ${expected.iBegan} I- tag(s) began a chunk (read as B-) in IOB2 (detected)`] : []);
    expect(tokenTexts(doc)).toHaveLength(expected.tokens);
    expect(tokenTexts(doc).filter((t) => t === '$#$').length).toBeGreaterThan(0);
    expect(sentencesOf(doc)).toBe(expected.sentences);
    expect(doc.spans).toHaveLength(expected.chunks);
    expect(chunksPerLabel(doc)).toEqual(expected.perType);
  });

  it('holds nested chunks: some tokens sit in two or more chunks, some in two chunks of one type', () => {
    const depth = new Map<string, number>();
    for (const c of chunkList(doc)) {
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
    const out = serializeConll([doc], { nested: true });
    expect(out.dropped).toBe(0);
    expect(out.notes).toEqual([]);
    const written = out.files[0]!.text.split('\n');
    expect(written.pop()).toBe('');
    expect(differingLines(written, lines)).toEqual(expected.changed);
    const back = parseConll(out.files);
    expect(back.problems).toEqual([]);
    expect(back.notes).toEqual([]);
    expect(tokenTexts(back.documents[0]!)).toEqual(tokenTexts(doc));
    expect(chunkList(back.documents[0]!)).toEqual(chunkList(doc));
  });

  it('exports to one tag column by leaving out, and counting, the chunks that overlap', () => {
    const out = serializeConll([doc]);
    const back = parseConll(out.files).documents[0]!;
    expect(out.dropped).toBeGreaterThan(0);
    expect(back.spans.length + out.dropped).toBe(expected.chunks);
    expect(out.files[0]!.text.split('\n').every((l) => l.split(' ').length <= 2)).toBe(true);
    expect(tokenTexts(back)).toEqual(tokenTexts(doc));
  });
});
