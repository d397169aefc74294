import type { TokenIndex } from './tokenIndex';

/**
 * Where the caret goes when moving one token forward (in reading order) from `offset`:
 * the start of the next token that begins after it, or the end of the last token.
 */
export function nextTokenStart(index: TokenIndex, offset: number): number {
  const k = index.tokenAfter(offset + 1);
  if (k >= 0) return index.tokens[k]!.start;
  const last = index.tokens[index.tokens.length - 1];
  return last ? Math.max(offset, last.end) : offset;
}

/** Where the caret goes when moving one token back from `offset`: the start of the previous token. */
export function prevTokenStart(index: TokenIndex, offset: number): number {
  const inside = index.tokenAt(offset - 1);
  if (inside >= 0) return index.tokens[inside]!.start;
  const k = index.tokenBefore(offset);
  return k >= 0 ? index.tokens[k]!.start : 0;
}

/**
 * Where a selection's moving end goes when it grows one token forward from `head`:
 * the end of the token it is in, or of the next token.
 */
export function nextTokenEnd(index: TokenIndex, head: number): number {
  const inside = index.tokenAt(head);
  if (inside >= 0) return index.tokens[inside]!.end;
  const k = index.tokenAfter(head);
  return k >= 0 ? index.tokens[k]!.end : head;
}
