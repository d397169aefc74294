import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkSpanRange } from '../../../shared/model/checkSpanRange';
import { codePointIndex } from '../../../shared/text/codepoints';
import { mixedText } from '../support/arbitraries';
import { fixtureArticle } from '../../support/fixtures';
import { englishOf } from '../../../shared/i18n/englishOf';
import type { Phrase } from '../../../shared/i18n/phrase';

// The English a phrase says (the command line's message), or null.
const english = (p: Phrase | null) => p && englishOf(p);

describe('checkSpanRange', () => {
  const text = 'قال المرصد 🚀 في ديرالزور';

  it('accepts ranges on Arabic text, including the whole text and single letters', () => {
    const { text: article } = fixtureArticle('konico-strikes');
    const phrase = 'المرصد السوري لحقوق الإنسان';
    const at = article.indexOf(phrase);
    expect(at).toBeGreaterThan(0);
    expect(checkSpanRange(article, at, at + phrase.length)).toBeNull();
    expect(checkSpanRange(article, 0, article.length)).toBeNull();
    expect(checkSpanRange(article, 0, 1)).toBeNull();
    expect(checkSpanRange(article, article.length - 1, article.length)).toBeNull();
    // a span may start or end between a letter and its shadda: both are code points
    expect(checkSpanRange('ردّت', 2, 3)).toBeNull();
  });

  it('accepts ranges that include a whole emoji', () => {
    const e = text.indexOf('🚀');
    expect(checkSpanRange(text, e, e + 2)).toBeNull();
    expect(checkSpanRange(text, 0, e + 2)).toBeNull();
    expect(checkSpanRange(text, e + 2, text.length)).toBeNull();
  });

  it.each<[string, number, number, RegExp]>([
    ['fractional start', 1.5, 3, /integers/],
    ['fractional end', 1, 2.5, /integers/],
    ['NaN', Number.NaN, 3, /integers/],
    ['Infinity', 0, Number.POSITIVE_INFINITY, /integers/],
    ['negative start', -1, 3, /outside the text/],
    ['end past the text', 0, 1000, /outside the text/],
    ['empty range', 3, 3, /must be before/],
    ['reversed range', 5, 2, /must be before/],
  ])('rejects %s', (_what, start, end, message) => {
    expect(english(checkSpanRange(text, start, end))).toMatch(message);
  });

  it('rejects a start or end that splits a surrogate pair', () => {
    const e = text.indexOf('🚀');
    expect(english(checkSpanRange(text, e + 1, e + 4))).toMatch(/split/);
    expect(english(checkSpanRange(text, 0, e + 1))).toMatch(/split/);
    expect(english(checkSpanRange('👍🏽', 1, 4))).toMatch(/split/);
    expect(english(checkSpanRange('🇸🇾', 0, 3))).toMatch(/split/);
    expect(checkSpanRange('🇸🇾', 0, 2)).toBeNull(); // one regional indicator is a code point
  });

  it('allows lone surrogates as whole code points', () => {
    expect(checkSpanRange('a\ud800b', 1, 2)).toBeNull();
    expect(checkSpanRange('\udc00\ud800', 1, 2)).toBeNull();
  });

  it('rejects the empty text', () => {
    expect(english(checkSpanRange('', 0, 0))).not.toBeNull();
  });

  it('agrees with codePointIndex: valid exactly when both ends are boundaries and start < end', () => {
    fc.assert(
      fc.property(
        mixedText({ minLength: 1, maxLength: 20, loneSurrogates: true }),
        fc.integer({ min: -2, max: 50 }),
        fc.integer({ min: -2, max: 50 }),
        (t, a, b) => {
          const index = codePointIndex(t);
          const expected = index.isBoundary(a) && index.isBoundary(b) && a < b;
          expect(checkSpanRange(t, a, b) === null).toBe(expected);
        },
      ),
      { numRuns: 1000 },
    );
  });
});
