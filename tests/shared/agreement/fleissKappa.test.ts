import { describe, expect, it } from 'vitest';
import { FleissTally, fleissKappa } from '../../../shared/agreement/fleissKappa';

// https://en.wikipedia.org/wiki/Fleiss%27_kappa, "Worked example": 10 subjects, 14 raters,
// 5 categories; P̄ = 0.378, P̄e = 0.213, κ = 0.210.
const WIKIPEDIA = [
  [0, 0, 0, 0, 14],
  [0, 2, 6, 4, 2],
  [0, 0, 3, 5, 6],
  [0, 3, 9, 2, 0],
  [2, 2, 8, 1, 1],
  [7, 7, 0, 0, 0],
  [3, 2, 6, 3, 0],
  [2, 5, 3, 2, 2],
  [6, 5, 2, 1, 0],
  [0, 2, 2, 3, 7],
];

describe('fleissKappa', () => {
  it("reproduces Wikipedia's worked example (10 subjects × 14 raters): κ = 0.210", () => {
    expect(fleissKappa(WIKIPEDIA)).toBeCloseTo(0.20993, 5);
    expect(Number(fleissKappa(WIKIPEDIA)!.toFixed(3))).toBe(0.21);
  });

  it('gives the same value fed item by item or with agreeing items in bulk', () => {
    const items = [...WIKIPEDIA, [0, 0, 0, 0, 14], [0, 0, 0, 0, 14], [0, 0, 0, 0, 14]];
    const bulk = new FleissTally(14);
    for (const item of WIKIPEDIA) bulk.add(item);
    bulk.addAgreeing(4, 3);
    expect(bulk.value()).toBeCloseTo(fleissKappa(items)!, 12);
  });

  it('is 1 for perfect agreement with variation', () => {
    expect(
      fleissKappa([
        [3, 0],
        [0, 3],
        [3, 0],
      ]),
    ).toBe(1);
  });

  it('is null with no items, or when every rating is in one category (P̄e = 1)', () => {
    expect(fleissKappa([])).toBeNull();
    expect(
      fleissKappa([
        [0, 4, 0],
        [0, 4, 0],
      ]),
    ).toBeNull();
    expect(new FleissTally(3).value()).toBeNull();
  });

  it('refuses items with different numbers of ratings, and fewer than two raters', () => {
    expect(() =>
      fleissKappa([
        [2, 1],
        [1, 1],
      ]),
    ).toThrow(RangeError);
    expect(() => new FleissTally(1)).toThrow(RangeError);
  });
});
