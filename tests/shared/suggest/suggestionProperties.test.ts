import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { combine } from '../../../shared/suggest/combine';
import type { Suggestion } from '../../../shared/suggest/recommender';
import { stringMatcher } from '../../../shared/suggest/stringMatcher';
import { sequenceTagger } from '../../../shared/suggest/tagger/sequenceTagger';
import { SUGGEST_LABELS, suggestFixture } from '../../support/suggestFixtures';

const gold = suggestFixture('gold');
const matcher = stringMatcher.train(gold, SUGGEST_LABELS);
const tagger = sequenceTagger.train(gold, SUGGEST_LABELS);

// Texts of the fixture's words (so there is something to find), clitics, harakat, direction
// marks, emoji and lone surrogates, in any order.
const WORDS = [...new Set(gold.flatMap((d) => d.text.split(/\s+/)))];
const piece = fc.oneof(
  fc.constantFrom(...WORDS),
  fc.constantFrom('و', 'ب', 'لل', 'ال', '\u064e', '\u0651', '\u0640', '\u200e', '\u200f', '\u200c', '📌', '🇸🇾', '\ud83d', '\ude80', '،', '.', '"'),
  fc.string({ unit: 'grapheme', maxLength: 3 }),
);
const text = fc.array(fc.tuple(piece, fc.constantFrom(' ', '', '\n', '\u00a0')), { maxLength: 40 }).map((parts) => parts.map(([p, s]) => p + s).join(''));

const isLow = (c: number) => c >= 0xdc00 && c <= 0xdfff;
const isHigh = (c: number) => c >= 0xd800 && c <= 0xdbff;

/** Suggestions lie inside the text, are not empty, split no surrogate pair, and come in order without overlapping. */
function wellFormed(t: string, suggestions: readonly Suggestion[]) {
  let last = 0;
  for (const s of suggestions) {
    expect(Number.isInteger(s.start) && Number.isInteger(s.end)).toBe(true);
    expect(s.start).toBeGreaterThanOrEqual(last);
    expect(s.end).toBeGreaterThan(s.start);
    expect(s.end).toBeLessThanOrEqual(t.length);
    expect(isLow(t.charCodeAt(s.start)) && isHigh(t.charCodeAt(s.start - 1))).toBe(false);
    expect(isLow(t.charCodeAt(s.end)) && isHigh(t.charCodeAt(s.end - 1))).toBe(false);
    expect(s.score).toBeGreaterThanOrEqual(0);
    expect(s.score).toBeLessThanOrEqual(1);
    expect(SUGGEST_LABELS).toContain(s.label);
    last = s.end;
  }
}

describe('every recommender, on any text', () => {
  it('suggests spans inside the text, in order, never overlapping, never splitting a surrogate pair; the same each time', () => {
    fc.assert(
      fc.property(text, (t) => {
        const m = stringMatcher.suggest(matcher, t);
        const g = sequenceTagger.suggest(tagger, t);
        wellFormed(t, m);
        wellFormed(t, g);
        wellFormed(t, combine([g, m]));
        expect(stringMatcher.suggest(matcher, t)).toEqual(m);
        expect(sequenceTagger.suggest(tagger, t)).toEqual(g);
      }),
      { numRuns: 300 },
    );
  });

  it('trains the same model from the same documents', () => {
    fc.assert(
      fc.property(fc.subarray(gold, { minLength: 1 }), (docs) => {
        expect(stringMatcher.train(docs, SUGGEST_LABELS)).toEqual(stringMatcher.train(docs, SUGGEST_LABELS));
        expect(sequenceTagger.train(docs, SUGGEST_LABELS)).toEqual(sequenceTagger.train(docs, SUGGEST_LABELS));
      }),
      { numRuns: 15 },
    );
  });
});
