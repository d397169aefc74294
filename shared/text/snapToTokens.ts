import { tokensInRange, type TokenIndex } from './tokenIndex';
import { utf16, type Utf16Offset } from './units';

/** A half-open UTF-16 range `[start, end)`. */
export interface TokenSpan {
  readonly start: Utf16Offset;
  readonly end: Utf16Offset;
}

/**
 * Widens the selection `[start, end)` to whole tokens: from the start of the first token
 * it overlaps to the end of the last. Null when it overlaps no token (collapsed,
 * backwards, or whitespace only).
 */
export function snapToTokens(index: TokenIndex, start: number, end: number): TokenSpan | null {
  const range = tokensInRange(index, start, end);
  if (!range) return null;
  const [first, last] = range;
  return { start: index.tokens[first]!.start, end: index.tokens[last]!.end };
}

/**
 * Moves one edge of `span` by one token in logical (reading) order, as Shift+Arrow does:
 * - `end`, +1: extends to the end of the next token (the first ending after `span.end`);
 * - `end`, -1: shrinks to the end of the previous token (the last ending before `span.end`);
 * - `start`, -1: extends to the start of the previous token (the last starting before `span.start`);
 * - `start`, +1: shrinks to the start of the next token (the first starting after `span.start`).
 * Null when there is no such token (the text's limits) or when shrinking would leave the span empty.
 */
export function growEdge(
  index: TokenIndex,
  span: { readonly start: number; readonly end: number },
  edge: 'start' | 'end',
  direction: 1 | -1,
): TokenSpan | null {
  const { tokens } = index;
  if (edge === 'end') {
    let k: number;
    if (direction === 1) {
      k = index.tokenBefore(span.end) + 1;
    } else {
      k = index.tokenBefore(span.end);
      if (k >= 0 && tokens[k]!.end === span.end) k--;
    }
    const token = tokens[k];
    if (!token || token.end <= span.start) return null;
    return { start: utf16(span.start), end: token.end };
  }
  let k: number;
  if (direction === -1) {
    const after = index.tokenAfter(span.start);
    k = (after === -1 ? tokens.length : after) - 1;
  } else {
    k = index.tokenAfter(span.start);
    if (k >= 0 && tokens[k]!.start === span.start) k++;
  }
  const token = tokens[k];
  if (!token || token.start >= span.end) return null;
  return { start: token.start, end: utf16(span.end) };
}
