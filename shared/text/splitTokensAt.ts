/**
 * Tokens (UTF-16 `[start, end)` pairs, in order) cut at every edge in `edges` that falls
 * strictly inside one of them, so that every span whose edges are among `edges` starts at
 * a token's start and ends at a token's end: a clitic tagged apart (الصواريخ inside
 * والصواريخ) becomes a token of its own. Edges between tokens change nothing. Returns the
 * input itself when nothing is cut.
 */
export function splitTokensAt(tokens: readonly (readonly [number, number])[], edges: Iterable<number>): readonly (readonly [number, number])[] {
  const cuts = [...new Set(edges)].sort((a, b) => a - b);
  if (!cuts.length) return tokens;
  const out: (readonly [number, number])[] = [];
  let k = 0;
  let changed = false;
  for (const token of tokens) {
    const [start, end] = token;
    while (k < cuts.length && cuts[k]! <= start) k++;
    let from = start;
    while (k < cuts.length && cuts[k]! < end) {
      out.push([from, cuts[k]!]);
      from = cuts[k]!;
      k++;
      changed = true;
    }
    out.push(from === start ? token : [from, end]);
  }
  return changed ? out : tokens;
}
