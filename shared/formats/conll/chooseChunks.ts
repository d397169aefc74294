/** A span as whole tokens: its label and the first and last token it covers (inclusive). */
export interface TokenChunk {
  readonly label: string;
  readonly first: number;
  readonly last: number;
}

/** Earliest first, then longest, then by label: outer chunks before the chunks inside them. */
function compareChunks(a: TokenChunk, b: TokenChunk): number {
  return a.first - b.first || b.last - a.last || (a.label < b.label ? -1 : a.label > b.label ? 1 : 0);
}

/**
 * The chunks one CoNLL file can hold, sorted by {@link compareChunks}, and how many could
 * not be. In one tag column (`nested` false) no two chunks may share a token, so among
 * overlapping chunks the earliest-starting (then longest) is kept. With one tag per
 * type on a line (`nested` true) chunks of different types may overlap freely and
 * chunks of one type may nest, but one crossing another of its type (each holding
 * tokens the other does not) is left out.
 */
export function chooseChunks(chunks: readonly TokenChunk[], nested: boolean): { kept: TokenChunk[]; overlapped: number } {
  const sorted = [...chunks].sort(compareChunks);
  const kept: TokenChunk[] = [];
  if (!nested) {
    let end = -1;
    for (const c of sorted) {
      if (c.first > end) {
        kept.push(c);
        end = c.last;
      }
    }
    return { kept, overlapped: sorted.length - kept.length };
  }
  // Per label, the kept chunks still open at the current position, outermost first.
  const open = new Map<string, TokenChunk[]>();
  for (const c of sorted) {
    let stack = open.get(c.label);
    if (!stack) open.set(c.label, (stack = []));
    while (stack.length > 0 && stack[stack.length - 1]!.last < c.first) stack.pop();
    const inner = stack[stack.length - 1];
    if (inner && inner.last < c.last) continue;
    stack.push(c);
    kept.push(c);
  }
  return { kept, overlapped: sorted.length - kept.length };
}
