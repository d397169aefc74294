/**
 * Cohen's kappa for two coders from their agreement table: `table[i][j]` counts the
 * units coder 1 put in category i and coder 2 in category j (a square table, same
 * category order on both sides). κ = (p_o − p_e) / (1 − p_e).
 *
 * Answers null when the table is empty or expected agreement is 1 (both coders used a
 * single, identical category everywhere), where κ is 0/0. Throws when the table is not square.
 */
export function cohenKappa(table: readonly (readonly number[])[]): number | null {
  const k = table.length;
  const rows = new Array<number>(k).fill(0);
  const cols = new Array<number>(k).fill(0);
  let n = 0;
  let diagonal = 0;
  for (let i = 0; i < k; i++) {
    const row = table[i]!;
    if (row.length !== k) throw new RangeError(`cohenKappa: row ${i} has ${row.length} cells, expected ${k}`);
    for (let j = 0; j < k; j++) {
      const x = row[j]!;
      rows[i]! += x;
      cols[j]! += x;
      n += x;
      if (i === j) diagonal += x;
    }
  }
  // In counts rather than proportions, so that "expected agreement is 1" is an exact test:
  // κ = (n·Σ t_ii − Σ r_i c_i) / (n² − Σ r_i c_i).
  let chance = 0;
  for (let i = 0; i < k; i++) chance += rows[i]! * cols[i]!;
  const denominator = n * n - chance;
  if (n === 0 || denominator === 0) return null;
  return (n * diagonal - chance) / denominator;
}

/** Cohen's kappa from paired codes `[coder 1's, coder 2's]`, one pair per unit; see `cohenKappa`. */
export function cohenKappaFromPairs(pairs: readonly (readonly [string, string])[]): number | null {
  const categories = [...new Set(pairs.flat())].sort();
  const at = new Map(categories.map((c, i) => [c, i]));
  const table = categories.map(() => new Array<number>(categories.length).fill(0));
  for (const [a, b] of pairs) table[at.get(a)!]![at.get(b)!]! += 1;
  return cohenKappa(table);
}
