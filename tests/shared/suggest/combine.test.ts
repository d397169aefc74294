import { describe, expect, it } from 'vitest';
import { combine } from '../../../shared/suggest/combine';
import type { RecommenderName, Suggestion } from '../../../shared/suggest/recommender';
import { utf16 } from '../../../shared/text/units';

const s = (start: number, end: number, label: string, recommender: RecommenderName, score: number): Suggestion => ({
  start: utf16(start),
  end: utf16(end),
  label,
  recommender,
  score,
});

describe('combine', () => {
  it('makes one suggestion of the same span proposed twice, surer than either', () => {
    const [one, ...rest] = combine([[s(0, 5, 'actor', 'tagger', 0.5)], [s(0, 5, 'actor', 'matcher', 0.6)]]);
    expect(rest).toEqual([]);
    expect(one).toMatchObject({ start: 0, end: 5, label: 'actor', recommender: 'tagger', agreed: ['tagger', 'matcher'] });
    expect(one!.score).toBeCloseTo(0.8);
  });

  it('settles an overlap by agreement, then by the more trusted recommender, whatever the scores', () => {
    const tagger = [s(0, 10, 'actor', 'tagger', 0.4), s(20, 25, 'place', 'tagger', 0.3)];
    const matcher = [s(0, 10, 'actor', 'matcher', 0.2), s(5, 15, 'place', 'matcher', 0.99), s(18, 22, 'weapon', 'matcher', 0.99)];
    expect(combine([tagger, matcher]).map((x) => [x.start, x.end, x.label])).toEqual([
      [0, 10, 'actor'],
      [20, 25, 'place'],
    ]);
  });

  it('keeps what overlaps nothing, in text order', () => {
    const out = combine([[s(30, 35, 'place', 'tagger', 0.9)], [s(0, 4, 'actor', 'matcher', 0.1)]]);
    expect(out.map((x) => x.start)).toEqual([0, 30]);
  });
});
