import { describe, expect, it } from 'vitest';
import { decodeEntities, type WordPrediction } from '../../../../shared/suggest/model/decodeEntities';
import { parseModelLabel } from '../../../../shared/suggest/model/labelScheme';
import { utf16 } from '../../../../shared/text/units';

const LABELS = ['O', 'B-PER', 'I-PER', 'B-LOC', 'I-LOC', 'E-LOC', 'S-LOC', 'MISC', 'B-ORG', 'I-ORG'].map(parseModelLabel);
const MAPPING = { PER: 'actor', ORG: 'actor', LOC: 'place', MISC: null };

/** Words of four units each, one apart: word k covers [5k, 5k + 4). */
function words(...tags: string[]): WordPrediction[] {
  return tags.map((tag, k) => ({ start: utf16(5 * k), end: utf16(5 * k + 4), label: LABELS.findIndex((l) => l.name === tag), score: 0.5 + k / 100 }));
}

const spans = (tags: string[], mapping: Record<string, string | null> = MAPPING) =>
  decodeEntities(words(...tags), LABELS, mapping).map((s) => [s.start, s.end, s.label]);

describe('decodeEntities', () => {
  it('joins B and the I after it, and ends an entity at O', () => {
    expect(spans(['B-PER', 'I-PER', 'O', 'B-LOC'])).toEqual([
      [0, 9, 'actor'],
      [15, 19, 'place'],
    ]);
  });

  it('starts a new entity at B even after one of the same type', () => {
    expect(spans(['B-PER', 'B-PER', 'I-PER'])).toEqual([
      [0, 4, 'actor'],
      [5, 14, 'actor'],
    ]);
  });

  it('starts an entity at an I with no B (IOB1, or a slip of the model)', () => {
    expect(spans(['O', 'I-LOC', 'I-LOC'])).toEqual([[5, 14, 'place']]);
  });

  it('never joins two types, even when both become one project label', () => {
    expect(spans(['B-PER', 'I-ORG'])).toEqual([
      [0, 4, 'actor'],
      [5, 9, 'actor'],
    ]);
  });

  it('closes an entity at E and S (BIOES)', () => {
    expect(spans(['B-LOC', 'E-LOC', 'I-LOC', 'S-LOC', 'S-LOC'])).toEqual([
      [0, 9, 'place'],
      [10, 14, 'place'],
      [15, 19, 'place'],
      [20, 24, 'place'],
    ]);
  });

  it('joins adjacent words of one plain label', () => {
    expect(spans(['MISC', 'MISC', 'O', 'MISC'], { MISC: 'weapon' })).toEqual([
      [0, 9, 'weapon'],
      [15, 19, 'weapon'],
    ]);
  });

  it('drops types mapped to nothing, or not mapped', () => {
    expect(spans(['MISC', 'B-PER'])).toEqual([[5, 9, 'actor']]);
    expect(spans(['B-PER', 'B-LOC'], { LOC: 'place' })).toEqual([[5, 9, 'place']]);
  });

  it("scores an entity with the mean of its words' scores, as recommender model", () => {
    const [s] = decodeEntities(words('B-PER', 'I-PER', 'I-PER'), LABELS, MAPPING);
    expect(s).toMatchObject({ recommender: 'model', label: 'actor' });
    expect(s!.score).toBeCloseTo((0.5 + 0.51 + 0.52) / 3);
  });
});
