import { describe, expect, it } from 'vitest';
import { AlphaTally, krippendorffAlphaNominal } from '../../../shared/agreement/krippendorffAlpha';

const _ = null;

/** Coders × units as printed in the paper, turned into units × coders (the function's layout). */
const byUnit = (coders: readonly (readonly (number | null)[])[]) => coders[0]!.map((__, u) => coders.map((row) => (row[u] === null ? null : String(row[u]))));

describe('krippendorffAlphaNominal', () => {
  it('reproduces α = 0.743 on the 4 observers × 12 units with missing values of Krippendorff (2011)', () => {
    // K. Krippendorff, "Computing Krippendorff's Alpha-Reliability" (2011), section C:
    // "Nominal data, any number of observers, missing data"; α_nominal = 0.743.
    const data = byUnit([
      [1, 2, 3, 3, 2, 1, 4, 1, 2, _, _, _],
      [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, _, 3],
      [_, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, _],
      [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, _],
    ]);
    expect(krippendorffAlphaNominal(data)).toBeCloseTo(0.743421, 6);
    expect(Number(krippendorffAlphaNominal(data)!.toFixed(3))).toBe(0.743);
  });

  it('reproduces α = 0.095 on the binary data, two observers, of the same paper (section A)', () => {
    const data = byUnit([
      [0, 1, 0, 0, 0, 0, 0, 0, 1, 0],
      [1, 1, 1, 0, 0, 1, 0, 0, 0, 0],
    ]);
    expect(krippendorffAlphaNominal(data)).toBeCloseTo(0.095, 3);
  });

  it('ignores units with fewer than two values: adding or removing one changes nothing', () => {
    const base = [
      ['a', 'a'],
      ['a', 'b'],
      ['b', 'b'],
      ['c', 'c'],
    ];
    const value = krippendorffAlphaNominal(base);
    expect(krippendorffAlphaNominal([...base, ['a', null], [null, null, 'z'], []])).toBe(value);
  });

  it('is 1 for perfect agreement with variation; null without variation or without pairable values', () => {
    expect(
      krippendorffAlphaNominal([
        ['x', 'x', 'x'],
        ['y', 'y', null],
      ]),
    ).toBe(1);
    expect(
      krippendorffAlphaNominal([
        ['O', 'O'],
        ['O', 'O', 'O'],
      ]),
    ).toBeNull();
    expect(
      krippendorffAlphaNominal([
        ['x', null],
        [null, 'y'],
      ]),
    ).toBeNull();
    expect(krippendorffAlphaNominal([])).toBeNull();
  });

  it('gives the same value fed unit by unit or with agreeing units in bulk', () => {
    const one = new AlphaTally();
    const bulk = new AlphaTally();
    for (const counts of [
      [1, 1],
      [0, 2],
      [2, 0],
      [1, 2],
    ]) {
      one.add(counts);
      bulk.add(counts);
    }
    for (let k = 0; k < 5; k++) one.add([3, 0]);
    bulk.addAgreeing(0, 3, 5);
    expect(bulk.value()).toBeCloseTo(one.value()!, 12);
  });
});
