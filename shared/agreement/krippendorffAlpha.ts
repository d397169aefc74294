/**
 * Running sums for Krippendorff's alpha over nominal values, by unit: each unit is given
 * as its count of values per category (values from every coder who coded it). Units with
 * fewer than two values are not pairable and count for nothing, which is how missing
 * values are handled. `krippendorffAlphaNominal` is the one-shot form.
 */
export class AlphaTally {
  /** Σ over units of Σ_{c≠k} n_uc·n_uk / (m_u − 1): the observed disagreement, unnormalised. */
  private disagreement = 0;
  /** n_c: pairable values per category. */
  private readonly totals: number[] = [];
  private values = 0;

  /** One unit: `counts[c]` coders gave it value c. */
  add(counts: ArrayLike<number>): void {
    let m = 0;
    let squares = 0;
    for (let c = 0; c < counts.length; c++) {
      const x = counts[c]!;
      m += x;
      squares += x * x;
    }
    if (m < 2) return;
    for (let c = 0; c < counts.length; c++) if (counts[c]) this.totals[c] = (this.totals[c] ?? 0) + counts[c]!;
    this.values += m;
    // Σ_{c≠k} n_uc·n_uk = m² − Σ_c n_uc².
    this.disagreement += (m * m - squares) / (m - 1);
  }

  /** `units` units on which all `coders` coders gave value `category` (no disagreement). */
  addAgreeing(category: number, coders: number, units: number): void {
    if (coders < 2 || units <= 0) return;
    this.totals[category] = (this.totals[category] ?? 0) + coders * units;
    this.values += coders * units;
  }

  /**
   * α = 1 − D_o / D_e = 1 − (n − 1)·Σ_{c≠k} o_ck / Σ_{c≠k} n_c·n_k; null when no unit is
   * pairable or every pairable value is the same (D_e = 0: no variation, α undefined).
   */
  value(): number | null {
    const n = this.values;
    let squares = 0;
    for (const t of this.totals) if (t) squares += t * t;
    const expected = n * n - squares;
    if (n < 2 || expected === 0) return null;
    return 1 - ((n - 1) * this.disagreement) / expected;
  }
}

/**
 * Krippendorff's alpha for nominal data (Krippendorff, "Computing Krippendorff's
 * Alpha-Reliability", 2011), with missing values. `units` is units × coders: `units[u][i]`
 * is coder i's value for unit u, or null when coder i did not code it (rows may differ in
 * length; a short row is missing the rest). Null when fewer than two pairable values exist
 * or all of them are the same (no variation: expected disagreement is 0).
 */
export function krippendorffAlphaNominal(units: readonly (readonly (string | null | undefined)[])[]): number | null {
  const categories = new Map<string, number>();
  const tally = new AlphaTally();
  for (const unit of units) {
    const counts: number[] = [];
    for (const v of unit) {
      if (v === null || v === undefined) continue;
      let c = categories.get(v);
      if (c === undefined) categories.set(v, (c = categories.size));
      counts[c] = (counts[c] ?? 0) + 1;
    }
    for (let c = 0; c < counts.length; c++) counts[c] ??= 0;
    tally.add(counts);
  }
  return tally.value();
}
