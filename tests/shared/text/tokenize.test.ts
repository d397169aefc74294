import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { tokenize, type Token } from '../../../shared/text/tokenize';
import { astral, mark, mixedText, vocalisedWord, whitespace } from '../support/arbitraries';
import { ARTICLE_SETS } from '../../support/corpora';
import { fixtureArticle } from '../../support/fixtures';

// U+FEFF is whitespace to tokenize (and to \s), so it is no direction mark here.
const directionMark = mark.filter((m) => m !== '\ufeff');

/** The text of each token. */
const texts = (text: string, tokens = tokenize(text)) => tokens.map((t) => text.slice(t.start, t.end));
/** `text:kind` for each token, for compact expectations. */
const described = (text: string) => tokenize(text).map((t) => `${text.slice(t.start, t.end)}:${t.kind}`);

// Direction marks and joiners: the only non-whitespace characters allowed outside every token.
// Whitespace to tokenize: JavaScript's \s plus Unicode White_Space (which adds NEL U+0085).
const SPACE = /[\s\p{White_Space}]/u;
const SPACE_AT_START = /^[\s\p{White_Space}]/u;
const SPACE_AT_END = /[\s\p{White_Space}]$/u;
// eslint-disable-next-line no-misleading-character-class -- ZWJ (U+200D) is listed as a mark of its own, not to join its neighbours
const DROPPABLE = /^[\u200e\u200f\u061c\u200c\u200d\u202a-\u202e\u2066-\u2069]$/u;

const isHigh = (c: number) => c >= 0xd800 && c <= 0xdbff;
const isLow = (c: number) => c >= 0xdc00 && c <= 0xdfff;
const splitsPair = (text: string, o: number) => o > 0 && o < text.length && isHigh(text.charCodeAt(o - 1)) && isLow(text.charCodeAt(o));

/** The kind a token's text must have, by the documented rule (checked independently of tokenize). */
function expectedKind(s: string): Token['kind'] {
  if (/\p{L}/u.test(s)) return 'word';
  if (s.includes('\u20e3')) return 'symbol'; // a keycap emoji, though its base is a digit or #
  if (/\p{Nd}/u.test(s)) return 'number';
  // eslint-disable-next-line no-misleading-character-class -- as in DROPPABLE: ZWJ is one of the marks
  if (/^[\u200e\u200f\u061c\u200c\u200d\u202a-\u202e\u2066-\u2069]*\p{P}[\p{M}\u200e\u200f\u061c\u200c\u200d\u202a-\u202e\u2066-\u2069]*$/u.test(s)) {
    return 'punct';
  }
  return 'symbol';
}

/**
 * Every invariant tokenize promises: sorted, non-empty, non-overlapping tokens without
 * whitespace; the gaps between them are whitespace plus direction marks that touch no
 * token; the tokens and gaps rebuild the text; no offset splits a surrogate pair.
 */
function expectInvariants(text: string, tokens: readonly Token[] = tokenize(text)) {
  let rebuilt = '';
  let prev = 0;
  for (const [k, t] of tokens.entries()) {
    expect(Number.isInteger(t.start) && Number.isInteger(t.end)).toBe(true);
    expect(t.start, `token ${k} overlaps the previous one`).toBeGreaterThanOrEqual(prev);
    expect(t.end, `token ${k} is empty`).toBeGreaterThan(t.start);
    expect(t.end).toBeLessThanOrEqual(text.length);
    const body = text.slice(t.start, t.end);
    expect(SPACE.test(body), `token ${k} ${JSON.stringify(body)} holds whitespace`).toBe(false);
    expect(splitsPair(text, t.start) || splitsPair(text, t.end), `token ${k} splits a surrogate pair`).toBe(false);
    expect(t.kind, JSON.stringify(body)).toBe(expectedKind(body));
    const gap = text.slice(prev, t.start);
    expectGap(gap, prev === 0, false);
    rebuilt += gap + body;
    prev = t.end;
  }
  const tail = text.slice(prev);
  expectGap(tail, prev === 0, true);
  rebuilt += tail;
  expect(rebuilt).toBe(text);
}

/** A gap holds only whitespace and marks, and marks never touch a neighbouring token. */
function expectGap(gap: string, atStart: boolean, atEnd: boolean) {
  for (const ch of gap) {
    expect(SPACE.test(ch) || DROPPABLE.test(ch), `${JSON.stringify(gap)} holds a non-space character`).toBe(true);
  }
  if (gap === '') return;
  // A mark touching the previous token would have joined it; one touching the next token too.
  if (!atStart) expect(SPACE_AT_START.test(gap), `${JSON.stringify(gap)} touches the previous token`).toBe(true);
  if (!atEnd) expect(SPACE_AT_END.test(gap), `${JSON.stringify(gap)} touches the next token`).toBe(true);
}

/** The tokens lying inside the first occurrence of `phrase` in `text`. */
function tokensOf(text: string, phrase: string): string[] {
  const at = text.indexOf(phrase);
  expect(at, `phrase ${phrase} not found`).toBeGreaterThanOrEqual(0);
  const tokens = tokenize(text).filter((t) => t.start < at + phrase.length && t.end > at);
  expect(tokens[0]!.start, `a token crosses the start of ${phrase}`).toBe(at);
  expect(tokens.at(-1)!.end, `a token crosses the end of ${phrase}`).toBe(at + phrase.length);
  return texts(text, tokens);
}

for (const set of ARTICLE_SETS) {
  describe(`tokenize on ${set.name}`, set.options, () => {
    it('covers every non-whitespace character exactly once, in order, and rebuilds the text', () => {
      const articles = set.articles();
      expect(articles.length).toBe(5);
      for (const { name, text } of articles) {
        const tokens = tokenize(text);
        expect(tokens.length, name).toBeGreaterThan(300);
        expectInvariants(text, tokens);
        // Independent of tokenize: each whitespace-delimited chunk is tiled exactly by tokens.
        const covered = new Uint8Array(text.length);
        for (const t of tokens) for (let o = t.start; o < t.end; o++) covered[o]!++;
        for (let o = 0; o < text.length; o++) {
          expect(covered[o], `${name} @${o}`).toBe(SPACE.test(text[o]!) ? 0 : 1);
        }
      }
    });

    it('gives one punctuation token per punctuation character (no decimals in these articles)', () => {
      for (const { name, text } of set.articles()) {
        const puncts = tokenize(text).filter((t) => t.kind === 'punct');
        expect(puncts.length, name).toBe(text.match(/\p{P}/gu)!.length);
        for (const t of puncts) expect(t.end - t.start).toBe(1);
      }
    });

    it('keeps every token whole when a direction mark precedes each one, as in NewsFANE', () => {
      for (const { name, text } of set.articles()) {
        const marked = text.replace(/(?<=^|\s)(?=\S)/gu, '\u200e');
        const before = texts(text);
        const after = tokenize(marked);
        expect(after.length, name).toBe(before.length);
        expectInvariants(marked, after);
        // Only a chunk's first token gets a mark; the article's own marks stay where they were.
        expect(texts(marked, after).map((s) => s.replace(/^\u200e/u, ''))).toEqual(before);
        // Each chunk's first token starts at its mark.
        for (const m of marked.matchAll(/(?<=^|\s)\u200e/gu)) {
          expect(after.some((t) => t.start === m.index)).toBe(true);
        }
      }
    });
  });
}

describe('tokenize on the team’s articles', () => {
  it('counts the Arabic commas of konico-strikes one token each', () => {
    const { text } = fixtureArticle('konico-strikes');
    expect(texts(text).filter((s) => s === '،').length).toBe(23);
  });

  it('splits known phrases as a reader would', () => {
    const a = fixtureArticle('konico-strikes').text;
    expect(tokensOf(a, 'المرصد السوري لحقوق الإنسان')).toEqual(['المرصد', 'السوري', 'لحقوق', 'الإنسان']);
    expect(tokensOf(a, 'لـ"الشرق"')).toEqual(['لـ', '"', 'الشرق', '"']);
    expect(tokensOf(a, '"كونيكو"،')).toEqual(['"', 'كونيكو', '"', '،']);
    expect(tokensOf(a, 'ريف ديرالزور الشرقي،')).toEqual(['ريف', 'ديرالزور', 'الشرقي', '،']);
    expect(tokensOf(a, 'و3 مدنيين')).toEqual(['و3', 'مدنيين']); // "and 3 civilians": a glued conjunction
    expect(tokensOf(a, 'سُجّلت 5 هجمات')).toEqual(['سُجّلت', '5', 'هجمات']);
    // A missing space after a full stop still separates the sentences.
    expect(tokensOf(a, 'البادية.وأضافت')).toEqual(['البادية', '.', 'وأضافت']);
    // Clitics stay on their word: the conjunction, the preposition, the lam.
    expect(tokensOf(a, 'للقوات الأميركية')).toEqual(['للقوات', 'الأميركية']);
    expect(tokensOf(a, 'بالصواريخ والذخائر، والقوات')).toEqual(['بالصواريخ', 'والذخائر', '،', 'والقوات']);

    const b = fixtureArticle('gas-field-attack').text;
    expect(tokensOf(b, 'الثاني 2023.')).toEqual(['الثاني', '2023', '.']);
    expect(tokensOf(b, 'بـ”الشامية”.')).toEqual(['بـ', '”', 'الشامية', '”', '.']);
    expect(tokensOf(b, 'شبكة “عين الفرات”')).toEqual(['شبكة', '“', 'عين', 'الفرات', '”']);

    const c = fixtureArticle('sy24-launcher').text;
    expect(tokensOf(c, 'مراسل SY24 في')).toEqual(['مراسل', 'SY24', 'في']);
    expect(tokensOf(c, 'القصور ,الفوج 137')).toEqual(['القصور', ',', 'الفوج', '137']);

    const d = fixtureArticle('weekly-digest').text;
    expect(tokensOf(d, '● موجز الشرق ١٢ نوفمبر ٢٠٢٤')).toEqual(['●', 'موجز', 'الشرق', '١٢', 'نوفمبر', '٢٠٢٤']);
    expect(tokensOf(d, '"ديرالزور 24"')).toEqual(['"', 'ديرالزور', '24', '"']);
    expect(tokensOf(d, '«سپاه\u200cپاسداران»')).toEqual(['«', 'سپاه\u200cپاسداران', '»']);
    expect(tokensOf(d, 'مواجهة مفتوحة؟')).toEqual(['مواجهة', 'مفتوحة', '؟']);

    const e = fixtureArticle('vocalised-report').text;
    expect(tokensOf(e, '(الصُّبحَةِ، وَالبَصيرَةِ،')).toEqual(['(', 'الصُّبحَةِ', '،', 'وَالبَصيرَةِ', '،']);
    expect(tokensOf(e, 'المَيادينِ؛ فَهَل')).toEqual(['المَيادينِ', '؛', 'فَهَل']);
  });

  it('assigns kinds on real text', () => {
    const c = fixtureArticle('sy24-launcher').text;
    const at = c.indexOf('SY24');
    const sy = tokenize(c).find((t) => t.start === at)!;
    expect(sy).toEqual({ start: at, end: at + 4, kind: 'word' });
    const d = fixtureArticle('weekly-digest').text;
    const year = d.indexOf('٢٠٢٤');
    expect(tokenize(d).find((t) => t.start === year)).toEqual({ start: year, end: year + 4, kind: 'number' });
    const bullet = d.indexOf('●');
    expect(tokenize(d).find((t) => t.start === bullet)?.kind).toBe('symbol');
    const a = fixtureArticle('konico-strikes').text;
    const comma = a.indexOf('،');
    expect(tokenize(a).find((t) => t.start === comma)).toEqual({
      start: comma,
      end: comma + 1,
      kind: 'punct',
    });
  });

  it('handles the NBSP, en space and tatweel runs found in weekly-digest', () => {
    const { text } = fixtureArticle('weekly-digest');
    expect(text).toContain('\u00a0');
    expect(text).toContain('\u2002');
    expectInvariants(text);
    for (const t of tokenize(text)) expect(text.slice(t.start, t.end)).not.toMatch(/[\u00a0\u2002]/);
    expect(texts(text)).toContain('ـــــــ');
  });

  it('keeps the direction marks, joiners and emoji of weekly-digest with the token they touch', () => {
    const { text } = fixtureArticle('weekly-digest');
    const kinds = new Map(tokenize(text).map((t) => [text.slice(t.start, t.end), t.kind]));
    expect(kinds.get('\u200eCNN\u200f')).toBe('word');
    expect(kinds.get('\u200fحطلة')).toBe('word');
    expect(kinds.get('ومرا\u200dط')).toBe('word');
    expect(kinds.get('\u061c٤')).toBe('number');
    expect(kinds.get('📌')).toBe('symbol');
  });

  it('keeps the CRLF of vocalised-report out of every token', () => {
    const { text } = fixtureArticle('vocalised-report');
    expect(text.split('\r\n').length).toBe(14);
    expectInvariants(text);
    for (const t of tokenize(text)) expect(text.slice(t.start, t.end)).not.toMatch(/[\r\n]/);
  });
});

describe('tokenize hard cases', () => {
  it('keeps harakat and shadda inside the word', () => {
    expect(described('قَالَ')).toEqual(['قَالَ:word']);
    expect(described('المُسيَّرة')).toEqual(['المُسيَّرة:word']);
    expect(described('هٰذا')).toEqual(['هٰذا:word']); // superscript alef U+0670
    expect(texts('قَالَ المُسيَّرة،')).toEqual(['قَالَ', 'المُسيَّرة', '،']);
  });

  it('keeps tatweel (U+0640, a letter) inside the word', () => {
    expect(described('الـمـرصـد')).toEqual(['الـمـرصـد:word']);
    expect(described('لـ"المدن"')).toEqual(['لـ:word', '":punct', 'المدن:word', '":punct']);
  });

  it('reads Arabic-Indic and Extended Arabic-Indic digits as numbers', () => {
    expect(described('٢٣ أكتوبر ٢٠٢٤')).toEqual(['٢٣:number', 'أكتوبر:word', '٢٠٢٤:number']);
    expect(described('۱۴۰۳')).toEqual(['۱۴۰۳:number']);
    expect(described('2024')).toEqual(['2024:number']);
  });

  it('keeps one separator between two digits inside the number', () => {
    expect(described('٣٫٥')).toEqual(['٣٫٥:number']);
    expect(described('3.5')).toEqual(['3.5:number']);
    expect(described('1,000')).toEqual(['1,000:number']);
    expect(described('١٬٠٠٠')).toEqual(['١٬٠٠٠:number']);
    expect(described('1.2.3')).toEqual(['1.2.3:number']);
    expect(texts('عام 2024.')).toEqual(['عام', '2024', '.']);
    expect(texts('2024،')).toEqual(['2024', '،']);
    expect(texts('1..2')).toEqual(['1', '.', '.', '2']);
    expect(texts('1.,2')).toEqual(['1', '.', ',', '2']);
    expect(texts('.5')).toEqual(['.', '5']);
    // A separator after a letter is punctuation, even before a digit.
    expect(texts('F.16')).toEqual(['F', '.', '16']);
    expect(texts('الفرقة,11')).toEqual(['الفرقة', ',', '11']);
    expect(texts('5.')).toEqual(['5', '.']);
    expect(texts('...')).toEqual(['.', '.', '.']);
  });

  it('glues digits to letters in mixed Latin and Arabic', () => {
    expect(described('SY24')).toEqual(['SY24:word']);
    expect(described('F16')).toEqual(['F16:word']);
    expect(described('F-16')).toEqual(['F:word', '-:punct', '16:number']);
    expect(described('و3')).toEqual(['و3:word']);
    expect(described('3ضباط')).toEqual(['3ضباط:word']);
    expect(described('50%')).toEqual(['50:number', '%:punct']);
    expect(described('+5$')).toEqual(['+:symbol', '5:number', '$:symbol']);
  });

  it('attaches direction marks to the token they touch', () => {
    expect(tokenize('\u200eالمرصد')).toEqual([{ start: 0, end: 7, kind: 'word' }]);
    expect(texts('المرصد\u200f،')).toEqual(['المرصد\u200f', '،']);
    expect(texts('\u061cقال \u061c٢٠٢٤')).toEqual(['\u061cقال', '\u061c٢٠٢٤']);
    expect(described('\u200e2024\u200f')).toEqual(['\u200e2024\u200f:number']);
    // A run between two tokens joins the preceding one.
    expect(texts('قال\u200f\u200e«')).toEqual(['قال\u200f\u200e', '«']);
    expect(texts('«\u200eقال')).toEqual(['«\u200e', 'قال']);
    // Marks with whitespace on both sides, or alone, belong to no token.
    expect(tokenize('قال \u200e\u200f قال').map((t) => [t.start, t.end])).toEqual([
      [0, 3],
      [7, 10],
    ]);
    expect(tokenize('\u200e')).toEqual([]);
    expect(tokenize(' \u200f\u061c ')).toEqual([]);
    expect(texts('قال \u200e')).toEqual(['قال']);
    // Bidi isolates and embeddings behave the same way.
    expect(texts('\u2067قال\u2069 \u202bنعم\u202c')).toEqual(['\u2067قال\u2069', '\u202bنعم\u202c']);
  });

  it('treats a stray BOM as whitespace, as \\s does', () => {
    expect(texts('\ufeffقال')).toEqual(['قال']);
    expect(texts('قال\ufeffنعم')).toEqual(['قال', 'نعم']);
  });

  it('keeps ZWNJ and ZWJ inside a word, attaches them at its edges', () => {
    expect(described('می\u200cخواهم')).toEqual(['می\u200cخواهم:word']);
    expect(described('ل\u200dا')).toEqual(['ل\u200dا:word']);
    expect(texts('قال\u200c ثم')).toEqual(['قال\u200c', 'ثم']);
    expect(texts('\u200cقال')).toEqual(['\u200cقال']);
    expect(texts('قال\u200c،')).toEqual(['قال\u200c', '،']);
  });

  it('keeps each emoji sequence whole', () => {
    expect(described('👍🏽')).toEqual(['👍🏽:symbol']);
    expect(described('🇸🇾')).toEqual(['🇸🇾:symbol']);
    expect(described('👨‍👩‍👧')).toEqual(['👨‍👩‍👧:symbol']);
    expect(described('❤️')).toEqual(['❤️:symbol']);
    expect(described('1️⃣')).toEqual(['1️⃣:symbol']);
    expect(described('🏴󠁧󠁢󠁥󠁮󠁧󠁿')).toEqual(['🏴󠁧󠁢󠁥󠁮󠁧󠁿:symbol']);
    expect(texts('🇸🇾🇱🇧')).toEqual(['🇸🇾', '🇱🇧']);
    // Pictographs that are punctuation (\p{P}) stay punctuation, with their variation selector.
    expect(described('‼️⁉')).toEqual(['‼️:punct', '⁉:punct']);
    expect(texts('🚀🚀')).toEqual(['🚀', '🚀']);
    expect(texts('سوريا🇸🇾، 👍🏽👍')).toEqual(['سوريا', '🇸🇾', '،', '👍🏽', '👍']);
    expect(texts('قال👨‍👩‍👧')).toEqual(['قال', '👨‍👩‍👧']);
    // A ZWJ that links to nothing stays with the emoji before it.
    expect(texts('👍\u200d قال')).toEqual(['👍\u200d', 'قال']);
  });

  it('keeps astral letters as words and never splits a surrogate pair', () => {
    expect(described('𝕏')).toEqual(['𝕏:word']);
    expect(described('a\ud800b')).toEqual(['a:word', '\ud800:symbol', 'b:word']);
    expectInvariants('\udc00\ud800🚀\ud800');
  });

  it('separates tokens at CRLF, NBSP, NEL and the other whitespace', () => {
    expect(texts('سطر\r\nسطر')).toEqual(['سطر', 'سطر']);
    expect(tokenize('سطر\r\nسطر')[1]!.start).toBe(5);
    expect(texts('قال\u00a0نعم\u2028لا\u2029بل\u0085ثم\tو\u2002ف')).toEqual(['قال', 'نعم', 'لا', 'بل', 'ثم', 'و', 'ف']);
  });

  it('returns nothing for the empty and whitespace-only texts', () => {
    expect(tokenize('')).toEqual([]);
    expect(tokenize(' \r\n\t\u00a0\u2028 ')).toEqual([]);
  });

  it('leaves a combining mark with the character before it', () => {
    expect(texts('«ً قال')).toEqual(['«ً', 'قال']);
    // With no base at all, marks still form a token (a symbol), so nothing is lost.
    expect(described(' َ ')).toEqual(['َ:symbol']);
    expect(described('َقال')).toEqual(['َقال:word']);
  });
});

describe('tokenize properties', () => {
  it('keeps every invariant on generated Arabic text', () => {
    fc.assert(
      fc.property(mixedText({ maxLength: 60 }), (text) => expectInvariants(text)),
      { numRuns: 500 },
    );
  });

  it('keeps every invariant with lone surrogates too', () => {
    fc.assert(fc.property(mixedText({ maxLength: 40, loneSurrogates: true }), (text) => expectInvariants(text)));
  });

  it('is deterministic', () => {
    fc.assert(
      fc.property(mixedText({ maxLength: 60 }), (text) => {
        const copy = [...text].join('');
        expect(tokenize(copy)).toEqual(tokenize(text));
      }),
    );
  });

  it('treats whitespace as a hard boundary: text on one side never changes tokens on the other', () => {
    fc.assert(
      fc.property(mixedText({ maxLength: 30 }), whitespace, mixedText({ maxLength: 30 }), (a, space, b) => {
        const shift = a.length + space.length;
        const expected = [...tokenize(a), ...tokenize(b).map((t) => ({ ...t, start: t.start + shift, end: t.end + shift }))];
        expect(tokenize(a + space + b)).toEqual(expected);
      }),
    );
  });

  it('a vocalised word, with direction marks around it, is one word token', () => {
    fc.assert(
      fc.property(fc.string({ unit: directionMark, maxLength: 3 }), vocalisedWord, fc.string({ unit: directionMark, maxLength: 3 }), (l, w, r) => {
        const text = ` ${l}${w}${r} `;
        expect(tokenize(text)).toEqual([{ start: 1, end: text.length - 1, kind: 'word' }]);
      }),
    );
  });

  it('an astral character between spaces is exactly one token', () => {
    fc.assert(
      fc.property(astral, (e) => {
        const tokens = tokenize(` ${e} `);
        expect(tokens.map((t) => [t.start, t.end])).toEqual([[1, 1 + e.length]]);
      }),
    );
  });
});
