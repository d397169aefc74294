import { describe, expect, it } from 'vitest';
import { cohenKappa, cohenKappaFromPairs } from '../../../shared/agreement/cohenKappa';

describe('cohenKappa', () => {
  it("reproduces Wikipedia's worked example (Cohen's kappa, 50 grant proposals): κ = 0.4", () => {
    // https://en.wikipedia.org/wiki/Cohen%27s_kappa, "Simple example": both yes 20, A yes B no 5,
    // A no B yes 10, both no 15; p_o = 0.7, p_e = 0.5, κ = 0.4.
    expect(
      cohenKappa([
        [20, 5],
        [10, 15],
      ]),
    ).toBeCloseTo(0.4, 12);
  });

  it("reproduces Wikipedia's two tables with equal p_o and different marginals (κ = 0.1304 and 0.2593)", () => {
    // Same article, "Same percentages but different numbers": the paradox of marginals.
    expect(
      cohenKappa([
        [45, 15],
        [25, 15],
      ]),
    ).toBeCloseTo(0.1304, 4);
    expect(
      cohenKappa([
        [25, 35],
        [5, 35],
      ]),
    ).toBeCloseTo(0.2593, 4);
  });

  it('builds the table from paired codes, whatever the category order', () => {
    const pairs: [string, string][] = [
      ...Array.from({ length: 20 }, (): [string, string] => ['yes', 'yes']),
      ...Array.from({ length: 5 }, (): [string, string] => ['yes', 'no']),
      ...Array.from({ length: 10 }, (): [string, string] => ['no', 'yes']),
      ...Array.from({ length: 15 }, (): [string, string] => ['no', 'no']),
    ];
    expect(cohenKappaFromPairs(pairs)).toBeCloseTo(0.4, 12);
    expect(cohenKappaFromPairs(pairs.map(([a, b]) => [b, a]))).toBeCloseTo(0.4, 12);
  });

  it('is 1 for perfect agreement with variation, and 0 or below for chance or worse', () => {
    expect(
      cohenKappa([
        [7, 0],
        [0, 3],
      ]),
    ).toBe(1);
    expect(
      cohenKappa([
        [25, 25],
        [25, 25],
      ]),
    ).toBe(0);
    expect(
      cohenKappa([
        [0, 5],
        [5, 0],
      ]),
    ).toBe(-1);
  });

  it('is null where it does not apply: no units, or expected agreement 1 (one category throughout)', () => {
    expect(cohenKappa([])).toBeNull();
    expect(
      cohenKappa([
        [0, 0],
        [0, 0],
      ]),
    ).toBeNull();
    expect(
      cohenKappa([
        [12, 0],
        [0, 0],
      ]),
    ).toBeNull();
    expect(
      cohenKappaFromPairs([
        ['O', 'O'],
        ['O', 'O'],
      ]),
    ).toBeNull();
  });

  it('refuses a table that is not square', () => {
    expect(() => cohenKappa([[1, 2], [3]])).toThrow(RangeError);
  });
});
