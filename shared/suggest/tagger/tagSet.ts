// A tagger of labels L0, L1, … chooses among tags O (0), then B-Lk (1 + 2k) and I-Lk (2 + 2k).

/** Which tag may follow which (`allowed[p * tags + t]`, `p = tags` at the start): I-X only after B-X or I-X. */
export function allowedTransitions(labels: readonly string[]): Uint8Array {
  const tags = 1 + 2 * labels.length;
  const allowed = new Uint8Array((tags + 1) * tags).fill(1);
  for (let k = 0; k < labels.length; k++) {
    const inside = 2 + 2 * k;
    for (let p = 0; p <= tags; p++) allowed[p * tags + inside] = p === inside - 1 || p === inside ? 1 : 0;
  }
  return allowed;
}
