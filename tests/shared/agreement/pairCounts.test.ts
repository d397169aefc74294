import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalizeSpans, type AgreementSpan } from '../../../shared/agreement/agreementSpan';
import { exactF1, meanOfDefined, partialF1 } from '../../../shared/agreement/f1';
import { countPair, emptyPairCounts, type PairCounts } from '../../../shared/agreement/pairCounts';
import { fixtureArticle } from '../../support/fixtures';

const ARTICLE = fixtureArticle('konico-strikes').text;

/** The span of `label` over the first occurrence of `phrase` (at or after `from`) in the article. */
function on(phrase: string, label: string, from = 0): AgreementSpan {
  const start = ARTICLE.indexOf(phrase, from);
  if (start < 0) throw new Error(`"${phrase}" is not in the article`);
  return { start, end: start + phrase.length, label };
}

const OBSERVATORY = 'المرصد السوري لحقوق الإنسان';
const PLACE = 'ريف ديرالزور الشرقي';

describe('countPair, exactF1, partialF1 on a real article', () => {
  it('a longer and a shorter span of the same label overlap: a partial match, not an exact one', () => {
    const a = [on(OBSERVATORY, 'actor')];
    const b = [on('المرصد السوري', 'actor')];
    const c = countPair(normalizeSpans(a), normalizeSpans(b)).get('actor')!;
    expect(c).toEqual({ spansA: 1, spansB: 1, exact: 0, matchedA: 1, matchedB: 1 });
    expect(exactF1(c)).toBe(0);
    expect(partialF1(c)).toBe(1);
  });

  it('counts per label: exact matches and overlaps with the same label only', () => {
    const a = normalizeSpans([on(OBSERVATORY, 'actor'), on('القوات الأميركية', 'actor'), on(PLACE, 'place')]);
    const placeAt = ARTICLE.indexOf(PLACE);
    const b = normalizeSpans([on('المرصد السوري', 'actor'), on('القوات الأميركية', 'actor'), on('ديرالزور', 'actor', placeAt)]);
    const counts = countPair(a, b);
    const actor = counts.get('actor')!;
    const place = counts.get('place')!;
    // B's "ديرالزور" overlaps A's place, not an actor: it is unmatched on B's side.
    expect(actor).toEqual({ spansA: 2, spansB: 3, exact: 1, matchedA: 2, matchedB: 2 });
    expect(place).toEqual({ spansA: 1, spansB: 0, exact: 0, matchedA: 0, matchedB: 0 });
    expect(exactF1(actor)).toBeCloseTo(2 / 5, 12);
    expect(partialF1(actor)).toBeCloseTo((2 * 1 * (2 / 3)) / (1 + 2 / 3), 12);
    expect(exactF1(place)).toBe(0);
    expect(partialF1(place)).toBe(0);
  });

  it('F1 is null when neither annotator made a span, and symmetric in the two annotators', () => {
    expect(exactF1(emptyPairCounts())).toBeNull();
    expect(partialF1(emptyPairCounts())).toBeNull();
    const swap = (c: PairCounts): PairCounts => ({ spansA: c.spansB, spansB: c.spansA, exact: c.exact, matchedA: c.matchedB, matchedB: c.matchedA });
    const span = fc
      .tuple(fc.integer({ min: 0, max: 30 }), fc.integer({ min: 1, max: 8 }), fc.constantFrom('a', 'b'))
      .map(([start, n, label]) => ({ start, end: start + n, label }));
    fc.assert(
      fc.property(fc.array(span, { maxLength: 12 }), fc.array(span, { maxLength: 12 }), (x, y) => {
        const a = normalizeSpans(x);
        const b = normalizeSpans(y);
        const ab = countPair(a, b);
        const ba = countPair(b, a);
        for (const [label, c] of ab) {
          expect(ba.get(label)).toEqual(swap(c));
          // By the definitions, from scratch.
          const ofA = a.filter((s) => s.label === label);
          const ofB = b.filter((s) => s.label === label);
          const overlaps = (s: AgreementSpan, t: AgreementSpan) => s.start < t.end && t.start < s.end;
          expect(c.exact).toBe(ofA.filter((s) => ofB.some((t) => t.start === s.start && t.end === s.end)).length);
          expect(c.matchedA).toBe(ofA.filter((s) => ofB.some((t) => overlaps(s, t))).length);
          expect(c.matchedB).toBe(ofB.filter((t) => ofA.some((s) => overlaps(s, t))).length);
        }
      }),
    );
  });

  it('averages F1 over the pairs where it is defined', () => {
    expect(meanOfDefined([0.5, null, 1])).toBe(0.75);
    expect(meanOfDefined([null, null])).toBeNull();
  });
});
