/**
 * Running sums for Fleiss' kappa: items rated by the same number of raters, each item
 * given as its count of raters per category. Lets a caller feed millions of items (tokens)
 * without holding them; `fleissKappa` is the one-shot form.
 */
export class FleissTally {
  private items = 0;
  private sumOfSquares = 0;
  private readonly totals: number[] = [];

  /** `raters`: how many raters rate every item (at least 2). */
  constructor(readonly raters: number) {
    if (!Number.isInteger(raters) || raters < 2) throw new RangeError(`Fleiss' kappa needs at least 2 raters per item (got ${raters})`);
  }

  /** One item: `counts[j]` raters put it in category j. The counts must sum to `raters`. */
  add(counts: ArrayLike<number>): void {
    let sum = 0;
    for (let j = 0; j < counts.length; j++) {
      const x = counts[j]!;
      if (x === 0) continue;
      sum += x;
      this.sumOfSquares += x * x;
      this.totals[j] = (this.totals[j] ?? 0) + x;
    }
    if (sum !== this.raters) throw new RangeError(`Fleiss' kappa: an item has ${sum} ratings, expected ${this.raters}`);
    this.items++;
  }

  /** `items` items on which every rater chose `category`. */
  addAgreeing(category: number, items: number): void {
    if (items <= 0) return;
    this.items += items;
    this.sumOfSquares += items * this.raters * this.raters;
    this.totals[category] = (this.totals[category] ?? 0) + items * this.raters;
  }

  /** κ = (P̄ − P̄e) / (1 − P̄e), or null with no items or when P̄e is 1 (one category throughout). */
  value(): number | null {
    const n = this.raters;
    const ratings = this.items * n;
    if (ratings === 0) return null;
    // P̄ = (Σ n_ij² − N·n) / (N·n·(n − 1)); P̄e = Σ_j (Σ_i n_ij / (N·n))².
    const observed = (this.sumOfSquares - ratings) / (ratings * (n - 1));
    let squares = 0;
    for (const t of this.totals) if (t) squares += t * t;
    if (squares === ratings * ratings) return null;
    const expected = squares / (ratings * ratings);
    return (observed - expected) / (1 - expected);
  }
}

/**
 * Fleiss' kappa (Fleiss 1971) for items each rated by the same number of raters (at least 2),
 * not necessarily the same raters. `counts[i][j]` is how many raters put item i in
 * category j. Null when there are no items or every rating is in one category (P̄e = 1).
 * Throws when the items do not all have the same number of ratings.
 */
export function fleissKappa(counts: readonly (readonly number[])[]): number | null {
  if (counts.length === 0) return null;
  const tally = new FleissTally(counts[0]!.reduce((a, b) => a + b, 0));
  for (const item of counts) tally.add(item);
  return tally.value();
}
