import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { codePointIndex } from '../../../shared/text/codepoints';
import { codePoint, utf16 } from '../../../shared/text/units';
import { boundaries, mixedText } from '../support/arbitraries';
import { ARTICLE_SETS } from '../../support/corpora';
import { fixtureArticle } from '../../support/fixtures';

const cp = (text: string, o: number) => codePointIndex(text).toCodePoint(utf16(o));
const u16 = (text: string, o: number) => codePointIndex(text).toUtf16(codePoint(o));

/** Every conversion of `text` agrees with the string-iterator oracle. */
function expectMatchesOracle(text: string) {
  const index = codePointIndex(text);
  const b = boundaries(text);
  expect(index.utf16Length).toBe(text.length);
  expect(index.codePointLength).toBe(b.length - 1);
  expect(index.codePointLength).toBe(Array.from(text).length);
  b.forEach((o, k) => {
    expect(index.toCodePoint(utf16(o))).toBe(k);
    expect(index.toUtf16(codePoint(k))).toBe(o);
  });
  const onBoundary = new Set(b);
  for (let o = 0; o <= text.length; o++) {
    expect(index.isBoundary(o)).toBe(onBoundary.has(o));
    if (!onBoundary.has(o)) expect(() => index.toCodePoint(utf16(o))).toThrow(RangeError);
  }
}

const ASTRAL = /[\u{10000}-\u{10FFFF}]/u;

for (const set of ARTICLE_SETS) {
  describe(`codePointIndex on ${set.name}`, set.options, () => {
    it('agrees with the string-iterator oracle on every article, and is the identity where all is in the BMP', () => {
      const articles = set.articles();
      expect(articles.length).toBe(5);
      for (const { name, text } of articles) {
        expect(text.length, name).toBeGreaterThan(1000);
        expectMatchesOracle(text);
        if (ASTRAL.test(text)) continue;
        const index = codePointIndex(text);
        expect(index.codePointLength, name).toBe(text.length);
        for (let o = 0; o <= text.length; o++) {
          expect(index.toCodePoint(utf16(o))).toBe(o);
          expect(index.toUtf16(codePoint(o))).toBe(o);
          expect(index.isBoundary(o)).toBe(true);
        }
      }
    });
  });
}

describe('codePointIndex on the team’s articles', () => {
  it('shifts by exactly the number of emoji placed before an offset', () => {
    const { text: article } = fixtureArticle('konico-strikes');
    const phrase = 'المرصد السوري لحقوق الإنسان';
    const at = article.indexOf(phrase);
    expect(at).toBeGreaterThan(0);
    const text = '🚀👍🏽🇸🇾 ' + article; // Python: len(...) == 6 code points; 11 UTF-16 units
    const index = codePointIndex(text);
    expect(index.toCodePoint(utf16(at + 11))).toBe(at + 6);
    expect(index.toUtf16(codePoint(at + 6))).toBe(at + 11);
    expect(
      Array.from(text)
        .slice(at + 6, at + 6 + phrase.length)
        .join(''),
    ).toBe(phrase);
  });

  it('counts each 📌 of weekly-digest as one code point, two UTF-16 units', () => {
    const { text } = fixtureArticle('weekly-digest');
    const pins = [...text.matchAll(new RegExp(ASTRAL, 'gu'))].map((m) => m.index);
    expect(pins).toHaveLength(2);
    const index = codePointIndex(text);
    expect(index.codePointLength).toBe(text.length - 2);
    const after = text.indexOf('الحصيلة الأسبوعية');
    expect(after).toBeGreaterThan(pins[1]!);
    expect(index.toCodePoint(utf16(after))).toBe(after - 2);
    expect(index.isBoundary(pins[0]! + 1)).toBe(false);
  });
});

describe('codePointIndex known values (computed by hand)', () => {
  it('"أ🚀ب": the rocket is one code point, two UTF-16 units', () => {
    const t = 'أ🚀ب';
    expect(t.length).toBe(4);
    const index = codePointIndex(t);
    expect(index.codePointLength).toBe(3);
    expect([0, 1, 3, 4].map((o) => index.toCodePoint(utf16(o)))).toEqual([0, 1, 2, 3]);
    expect([0, 1, 2, 3].map((o) => index.toUtf16(codePoint(o)))).toEqual([0, 1, 3, 4]);
    expect(index.toCodePoint(utf16(3))).toBe(2);
    expect(index.toUtf16(codePoint(2))).toBe(3);
    expect(() => index.toCodePoint(utf16(2))).toThrow(/splits a surrogate pair/);
  });

  it('Arabic with harakat is counted mark by mark, like Python', () => {
    // len("قَالَ") == 5 in Python: ق  َ ا ل  َ
    const t = 'قَالَ';
    const index = codePointIndex(t);
    expect(index.utf16Length).toBe(5);
    expect(index.codePointLength).toBe(5);
    expect(index.toCodePoint(utf16(2))).toBe(2);
    // tatweel and Arabic-Indic digits are BMP as well
    expect(codePointIndex('ـــ٢٠٢٤').codePointLength).toBe(7);
  });

  it('a skin-tone emoji is two code points, a flag is two regional indicators', () => {
    // Python: len("👍🏽") == 2, len("🇸🇾") == 2
    expect(codePointIndex('👍🏽').codePointLength).toBe(2);
    expect(cp('👍🏽', 2)).toBe(1);
    expect(cp('👍🏽', 4)).toBe(2);
    expect(codePointIndex('🇸🇾').codePointLength).toBe(2);
    expect(u16('🇸🇾', 1)).toBe(2);
    expect(codePointIndex('🇸🇾').isBoundary(1)).toBe(false);
    expect(codePointIndex('🇸🇾').isBoundary(3)).toBe(false);
    // family: man ZWJ woman ZWJ girl = 5 code points, 8 UTF-16 units
    const family = '👨‍👩‍👧';
    expect(family.length).toBe(8);
    expect(codePointIndex(family).codePointLength).toBe(5);
    expect(cp(family, 5)).toBe(3);
    expectMatchesOracle('سوريا 🇸🇾 👍🏽 👨‍👩‍👧');
  });

  it('CRLF is two code points and never merged', () => {
    const t = 'سطر\r\nسطر🚀\r\nآخر';
    const index = codePointIndex(t);
    expect(index.codePointLength).toBe(t.length - 1);
    expect(index.toCodePoint(utf16(5))).toBe(5); // after "\r\n", before the second line
    expect(index.toCodePoint(utf16(4))).toBe(4); // between \r and \n is a boundary
    expect(index.toCodePoint(utf16(10))).toBe(9); // after the rocket
    expectMatchesOracle(t);
  });

  it('direction marks U+200E, U+200F, U+061C and ZWJ/ZWNJ are ordinary BMP code points', () => {
    const t = '\u200eقال\u200f \u061c١٢ \u200dلا\u200c';
    const index = codePointIndex(t);
    expect(index.codePointLength).toBe(t.length);
    for (let o = 0; o <= t.length; o++) expect(index.toCodePoint(utf16(o))).toBe(o);
    const withEmoji = '\u200e🚀\u200f';
    expect(cp(withEmoji, 3)).toBe(2);
    expect(cp(withEmoji, 4)).toBe(3);
    expect(u16(withEmoji, 2)).toBe(3);
  });

  it('the empty text has only offset 0', () => {
    const index = codePointIndex('');
    expect(index.codePointLength).toBe(0);
    expect(index.toCodePoint(utf16(0))).toBe(0);
    expect(index.toUtf16(codePoint(0))).toBe(0);
    expect(index.isBoundary(0)).toBe(true);
    expect(index.isBoundary(1)).toBe(false);
    expect(() => index.toUtf16(codePoint(1))).toThrow(RangeError);
  });
});

describe('codePointIndex rejects bad offsets', () => {
  const t = 'أ🚀ب';
  const index = codePointIndex(t);

  it.each([-1, 5, 100, 1.5, 0.1, Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY])('toCodePoint(%s) throws a RangeError', (o) => {
    expect(() => index.toCodePoint(utf16(o))).toThrow(RangeError);
    expect(() => index.toCodePoint(utf16(o))).toThrow(/outside the text/);
    expect(index.isBoundary(o)).toBe(false);
  });

  it.each([-1, 4, 5, 2.5, Number.NaN, Number.POSITIVE_INFINITY])('toUtf16(%s) throws a RangeError', (o) => {
    expect(() => index.toUtf16(codePoint(o))).toThrow(RangeError);
  });

  it('an offset between the halves of a surrogate pair throws, and is not a boundary', () => {
    expect(() => index.toCodePoint(utf16(2))).toThrow(RangeError);
    expect(index.isBoundary(2)).toBe(false);
    for (const o of [0, 1, 3, 4]) expect(index.isBoundary(o)).toBe(true);
    // Two adjacent pairs: 1 and 3 are inside, 0, 2, 4 are not.
    const two = codePointIndex('🚀🚀');
    expect([0, 1, 2, 3, 4].map((o) => two.isBoundary(o))).toEqual([true, false, true, false, true]);
    expect(() => two.toCodePoint(utf16(3))).toThrow(/surrogate/);
  });

  it('the last offset of the text is valid in both units', () => {
    expect(index.toCodePoint(utf16(4))).toBe(3);
    expect(index.toUtf16(codePoint(3))).toBe(4);
  });
});

describe('lone surrogates count as one code point (Python semantics)', () => {
  it('a lone high or low surrogate is one code point', () => {
    // Python: len("a\ud800b") == 3, len("\udc00\ud800") == 2
    expectMatchesOracle('a\ud800b');
    expect(codePointIndex('a\ud800b').codePointLength).toBe(3);
    expect(codePointIndex('\udc00\ud800').codePointLength).toBe(2);
    expect(codePointIndex('\ud800').codePointLength).toBe(1);
    expect(codePointIndex('\udfff').isBoundary(1)).toBe(true);
  });

  it('a high surrogate followed by a valid pair pairs only the last two', () => {
    // Python: len("\ud800\U00010000") == 2
    const t = '\ud800\ud800\udc00';
    const index = codePointIndex(t);
    expect(index.codePointLength).toBe(2);
    expect(index.toCodePoint(utf16(1))).toBe(1);
    expect(() => index.toCodePoint(utf16(2))).toThrow(RangeError);
    expect(index.toCodePoint(utf16(3))).toBe(2);
    expectMatchesOracle(t);
  });

  it('a pair followed by a lone low surrogate leaves the last one alone', () => {
    const t = '🚀\udc00ب';
    expect(codePointIndex(t).codePointLength).toBe(3);
    expectMatchesOracle(t);
  });
});

describe('codePointIndex properties', () => {
  it('round-trips every boundary and agrees with Array.from slicing', () => {
    fc.assert(
      fc.property(mixedText({ maxLength: 60 }), (text) => {
        const index = codePointIndex(text);
        for (let o = 0; o <= text.length; o++) {
          if (!index.isBoundary(o)) continue;
          const c = index.toCodePoint(utf16(o));
          expect(index.toUtf16(c)).toBe(o);
          expect(Array.from(text).slice(0, c).join('')).toBe(text.slice(0, o));
        }
      }),
      { numRuns: 300 },
    );
  });

  it('matches the string-iterator oracle exactly, lone surrogates included', () => {
    fc.assert(
      fc.property(mixedText({ maxLength: 40, loneSurrogates: true }), (text) => expectMatchesOracle(text)),
      { numRuns: 300 },
    );
  });

  it('is strictly monotonic over boundaries in both directions', () => {
    fc.assert(
      fc.property(mixedText({ maxLength: 60, loneSurrogates: true }), (text) => {
        const index = codePointIndex(text);
        let previous = -1;
        for (let o = 0; o <= text.length; o++) {
          if (!index.isBoundary(o)) continue;
          const c = index.toCodePoint(utf16(o));
          expect(c).toBe(previous + 1);
          previous = c;
        }
        expect(previous).toBe(index.codePointLength);
        for (let k = 1; k <= index.codePointLength; k++) {
          expect(index.toUtf16(codePoint(k))).toBeGreaterThan(index.toUtf16(codePoint(k - 1)));
        }
      }),
      { numRuns: 200 },
    );
  });

  it('rejects every offset outside the text in both units', () => {
    fc.assert(
      fc.property(
        mixedText({ maxLength: 20 }),
        fc.oneof(fc.integer({ max: -1 }), fc.integer({ min: 1, max: 1000 }), fc.double({ noInteger: true })),
        (text, delta) => {
          const index = codePointIndex(text);
          const o16 = delta < 0 || !Number.isInteger(delta) ? delta : text.length + delta;
          const ocp = delta < 0 || !Number.isInteger(delta) ? delta : index.codePointLength + delta;
          expect(() => index.toCodePoint(utf16(o16))).toThrow(RangeError);
          expect(() => index.toUtf16(codePoint(ocp))).toThrow(RangeError);
          expect(index.isBoundary(o16)).toBe(false);
        },
      ),
    );
  });
});
