import { describe, expect, it } from 'vitest';
import type { AgreementSpan } from '../../../shared/agreement/agreementSpan';
import { categorizeTokens } from '../../../shared/agreement/tokenCategories';
import { tokenIndex } from '../../../shared/text/tokenIndex';
import { tokenize } from '../../../shared/text/tokenize';
import { fixtureArticle } from '../../support/fixtures';

const ARTICLE = fixtureArticle('konico-strikes').text;
const OBSERVATORY = 'المرصد السوري لحقوق الإنسان';
const AT = ARTICLE.indexOf(OBSERVATORY);
const INDEX = tokenIndex(tokenize(ARTICLE));
/** The tokens of the phrase: المرصد السوري لحقوق الإنسان. */
const FIRST = INDEX.tokenAt(AT);

const span = (from: number, to: number, label: string): AgreementSpan => ({ start: AT + from, end: AT + to, label });

/** Overall categories of the phrase's four tokens, as names. */
function categories(spans: readonly AgreementSpan[]) {
  const labels = [...new Set(spans.map((s) => s.label))].sort();
  const result = categorizeTokens(INDEX, spans, new Map(labels.map((l, i) => [l, i])));
  const names = Array.from(result.overall.subarray(FIRST, FIRST + 4), (c) => (c === 0 ? 'O' : labels[c - 1]!));
  const covered = Object.fromEntries(labels.map((l, i) => [l, (result.covered.get(i) ?? []).map((t) => t - FIRST)]));
  return { names, covered, result };
}

describe('categorizeTokens', () => {
  it('finds the four tokens of the phrase in the article', () => {
    expect(INDEX.tokens.slice(FIRST, FIRST + 4).map((t) => ARTICLE.slice(t.start, t.end))).toEqual(['المرصد', 'السوري', 'لحقوق', 'الإنسان']);
  });

  it('nested spans: the shortest covering span gives the overall category; per label, every covered token is 1', () => {
    const { names, covered, result } = categories([span(0, OBSERVATORY.length, 'actor'), span(0, 'المرصد السوري'.length, 'org')]);
    expect(names).toEqual(['org', 'org', 'actor', 'actor']);
    expect(covered).toEqual({ actor: [0, 1, 2, 3], org: [0, 1] });
    // Everything outside the phrase is O.
    expect(result.overall.reduce((n, c) => n + (c ? 1 : 0), 0)).toBe(4);
  });

  it('a span covering any character of a token covers the token', () => {
    // "د السو": the last letter of المرصد and the start of السوري.
    const { names } = categories([span(5, 11, 'actor')]);
    expect(names).toEqual(['actor', 'actor', 'O', 'O']);
  });

  it('ties in length go to the earlier start, then to the label whose name sorts first', () => {
    // Both six characters long: "د السو" (starts earlier) and "السوري".
    const earlier = categories([span(7, 13, 'aaa'), span(5, 11, 'zzz')]);
    expect(earlier.names).toEqual(['zzz', 'zzz', 'O', 'O']);
    const same = categories([span(0, 6, 'zeta'), span(0, 6, 'alpha')]);
    expect(same.names).toEqual(['alpha', 'O', 'O', 'O']);
    expect(same.covered).toEqual({ alpha: [0], zeta: [0] });
  });

  it('a span over whitespace only covers no token', () => {
    const { names, covered } = categories([span(6, 7, 'actor')]);
    expect(ARTICLE.slice(AT + 6, AT + 7)).toBe(' ');
    expect(names).toEqual(['O', 'O', 'O', 'O']);
    expect(covered).toEqual({ actor: [] });
  });

  it('refuses a label that is not in the list', () => {
    expect(() => categorizeTokens(INDEX, [span(0, 3, 'actor')], new Map())).toThrow(RangeError);
  });
});
