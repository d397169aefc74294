import { describe, expect, it } from 'vitest';
import { spanScores } from '../../../shared/suggest/spanScores';

describe('spanScores', () => {
  it('counts exact matches per label and micro-averaged; each gold span matches once', () => {
    const scores = spanScores([
      {
        suggested: [
          { start: 0, end: 4, label: 'actor' },
          { start: 0, end: 4, label: 'actor' },
          { start: 10, end: 12, label: 'place' },
        ],
        gold: [
          { start: 0, end: 4, label: 'actor' },
          { start: 10, end: 13, label: 'place' },
        ],
      },
      { suggested: [], gold: [{ start: 1, end: 2, label: 'weapon' }] },
    ]);
    expect(scores.labels.map((r) => [r.label, r.correct, r.suggested, r.gold])).toEqual([
      ['actor', 1, 2, 1],
      ['place', 0, 1, 1],
      ['weapon', 0, 0, 1],
    ]);
    expect(scores.micro).toMatchObject({ correct: 1, suggested: 3, gold: 3 });
    expect(scores.micro.f1).toBeCloseTo(1 / 3);
    expect(scores.labels[0]!.f1).toBeCloseTo(2 / 3);
  });
});
