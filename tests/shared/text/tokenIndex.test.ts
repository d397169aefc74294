import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { lazyTokenIndex, tokenIndex, tokensInRange } from '../../../shared/text/tokenIndex';
import { tokenize, type Token } from '../../../shared/text/tokenize';
import { mixedText } from '../support/arbitraries';
import { ARTICLE_SETS } from '../../support/corpora';
import { fixtureArticle } from '../../support/fixtures';

// Linear scans: the obvious, slow definitions the binary searches must agree with.
const scanAt = (tokens: readonly Token[], o: number) => tokens.findIndex((t) => t.start <= o && o < t.end);
function scanBefore(tokens: readonly Token[], o: number): number {
  let found = -1;
  tokens.forEach((t, k) => {
    if (t.end <= o) found = k;
  });
  return found;
}
const scanAfter = (tokens: readonly Token[], o: number) => tokens.findIndex((t) => t.start >= o);
function scanRange(tokens: readonly Token[], start: number, end: number): [number, number] | null {
  if (end <= start) return null; // documented: an empty or backwards range touches nothing
  const hits = tokens.flatMap((t, k) => (t.start < end && t.end > start ? [k] : []));
  return hits.length ? [hits[0]!, hits.at(-1)!] : null;
}

function expectMatchesScan(tokens: readonly Token[], o: number) {
  const index = tokenIndex(tokens);
  expect(index.tokenAt(o), `tokenAt(${o})`).toBe(scanAt(tokens, o));
  expect(index.tokenBefore(o), `tokenBefore(${o})`).toBe(scanBefore(tokens, o));
  expect(index.tokenAfter(o), `tokenAfter(${o})`).toBe(scanAfter(tokens, o));
}

describe('tokenIndex on the team’s articles', () => {
  it('agrees with a linear scan at every offset of konico-strikes, and just outside it', () => {
    const { text } = fixtureArticle('konico-strikes');
    const tokens = tokenize(text);
    for (let o = -2; o <= text.length + 2; o++) expectMatchesScan(tokens, o);
  });

  it('finds the tokens of a known phrase', () => {
    const { text } = fixtureArticle('konico-strikes');
    const index = tokenIndex(tokenize(text));
    const at = text.indexOf('المرصد السوري لحقوق الإنسان');
    const k = index.tokenAt(at);
    expect(k).toBeGreaterThan(0);
    const word = (i: number) => text.slice(index.tokens[i]!.start, index.tokens[i]!.end);
    expect(word(k)).toBe('المرصد');
    // Offset 6 is the space after المرصد: inside no token, between k and k + 1.
    expect(index.tokenAt(at + 6)).toBe(-1);
    expect(index.tokenBefore(at + 6)).toBe(k);
    expect(index.tokenAfter(at + 6)).toBe(k + 1);
    expect(word(index.tokenAt(at + 9))).toBe('السوري');
    // At a token's start, the token is "after"; at its end, it is "before".
    expect(index.tokenAfter(at)).toBe(k);
    expect(index.tokenBefore(at + 6)).toBe(k);
    expect(index.tokenBefore(at + 5)).toBe(k - 1);
  });
});

for (const set of ARTICLE_SETS) {
  describe(`tokenIndex on ${set.name}`, set.options, () => {
    it('agrees with a linear scan at random offsets of every article', () => {
      const articles = set.articles().map(({ text }) => ({ text, tokens: tokenize(text) }));
      fc.assert(
        fc.property(
          fc.constantFrom(...articles).chain(({ text, tokens }) => fc.tuple(fc.constant(tokens), fc.integer({ min: -1, max: text.length + 1 }))),
          ([tokens, o]) => expectMatchesScan(tokens, o),
        ),
        { numRuns: 2000 },
      );
    });
  });
}

describe('tokenIndex properties and limits', () => {
  it('agrees with a linear scan on generated text', () => {
    fc.assert(
      fc.property(
        mixedText({ maxLength: 40 }).chain((text) => fc.tuple(fc.constant(text), fc.integer({ min: -1, max: text.length + 1 }))),
        ([text, o]) => expectMatchesScan(tokenize(text), o),
      ),
      { numRuns: 500 },
    );
  });

  it('answers -1 everywhere for an empty text, and for NaN', () => {
    const empty = tokenIndex(tokenize(' \n '));
    for (const o of [-1, 0, 1, 3]) {
      expect([empty.tokenAt(o), empty.tokenBefore(o), empty.tokenAfter(o)]).toEqual([-1, -1, -1]);
    }
    const index = tokenIndex(tokenize('قال نعم'));
    expect([index.tokenAt(Number.NaN), index.tokenBefore(Number.NaN), index.tokenAfter(Number.NaN)]).toEqual([-1, -1, -1]);
    expect(index.tokenAfter(8)).toBe(-1);
    expect(index.tokenBefore(0)).toBe(-1);
    expect(index.tokenBefore(Number.POSITIVE_INFINITY)).toBe(1);
  });
});

describe('tokensInRange', () => {
  const text = 'قال المرصد: «٣ قتلى»، 👍🏽';
  const tokens = tokenize(text);
  const index = tokenIndex(tokens);
  const slice = (r: [number, number] | null) => r && text.slice(tokens[r[0]]!.start, tokens[r[1]]!.end);
  const texts = () => tokens.map((t) => text.slice(t.start, t.end));

  it('returns the first and last token the range overlaps', () => {
    expect(texts()).toEqual(['قال', 'المرصد', ':', '«', '٣', 'قتلى', '»', '،', '👍🏽']);
    expect(tokensInRange(index, 0, text.length)).toEqual([0, 8]);
    expect(slice(tokensInRange(index, 1, 2))).toBe('قال');
    // From the middle of قال to the middle of المرصد.
    expect(slice(tokensInRange(index, 2, 6))).toBe('قال المرصد');
    // A range starting in a space and ending on the colon.
    expect(slice(tokensInRange(index, 3, 11))).toBe('المرصد:');
    // Half of the emoji's surrogate pair still touches the emoji.
    expect(tokensInRange(index, text.length - 1, text.length)).toEqual([8, 8]);
  });

  it('returns null for whitespace, empty and backwards ranges', () => {
    expect(tokensInRange(index, 3, 4)).toBeNull(); // the space after قال
    expect(tokensInRange(index, 2, 2)).toBeNull();
    expect(tokensInRange(index, 6, 2)).toBeNull();
    expect(tokensInRange(index, -5, 0)).toBeNull();
    expect(tokensInRange(index, text.length, text.length + 3)).toBeNull();
    expect(tokensInRange(tokenIndex([]), 0, 10)).toBeNull();
  });

  it('agrees with a linear scan on a real article', () => {
    const { text: article } = fixtureArticle('sy24-launcher');
    const all = tokenize(article);
    const idx = tokenIndex(all);
    fc.assert(
      fc.property(fc.integer({ min: -1, max: article.length + 1 }), fc.integer({ min: -1, max: article.length + 1 }), (a, b) => {
        expect(tokensInRange(idx, a, b)).toEqual(scanRange(all, a, b));
      }),
      { numRuns: 2000 },
    );
  });
});

describe('lazyTokenIndex', () => {
  it('makes the tokens once, at the first question, and answers as tokenIndex does', () => {
    const { text: article } = fixtureArticle('sy24-launcher');
    let made = 0;
    const lazy = lazyTokenIndex(() => (made++, tokenize(article)));
    expect(made).toBe(0);
    const eager = tokenIndex(tokenize(article));
    for (const offset of [0, 5, 17, 200, article.length - 1, article.length + 3]) {
      expect(lazy.tokenAt(offset)).toBe(eager.tokenAt(offset));
      expect(lazy.tokenBefore(offset)).toBe(eager.tokenBefore(offset));
      expect(lazy.tokenAfter(offset)).toBe(eager.tokenAfter(offset));
    }
    expect(lazy.tokens).toEqual(eager.tokens);
    expect(made).toBe(1);
  });
});
