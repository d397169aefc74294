import type { Token } from './tokenize';

/**
 * Binary-search lookups over the tokens of one text (as returned by `tokenize`:
 * sorted, non-overlapping). Offsets are UTF-16 offsets; every method answers a token
 * index into `tokens`, or -1.
 */
export interface TokenIndex {
  readonly tokens: readonly Token[];
  /** Index of the token containing the character at `offset` (`start <= offset < end`), or -1. */
  tokenAt(offset: number): number;
  /** Index of the last token ending at or before `offset` (`end <= offset`), or -1. */
  tokenBefore(offset: number): number;
  /** Index of the first token starting at or after `offset` (`start >= offset`), or -1. */
  tokenAfter(offset: number): number;
}

/** Number of leading tokens for which `below(token)` holds; `below` must be monotone over `tokens`. */
function countWhile(tokens: readonly Token[], below: (t: Token) => boolean): number {
  let lo = 0;
  let hi = tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (below(tokens[mid]!)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Builds the lookups for `tokens`, which must be sorted and non-overlapping. O(log n) per query. */
export function tokenIndex(tokens: readonly Token[]): TokenIndex {
  // NaN compares false with everything, which would make tokenAfter answer 0.
  const bad = (offset: number) => Number.isNaN(offset);
  return {
    tokens,
    tokenAt(offset) {
      if (bad(offset)) return -1;
      const k = countWhile(tokens, (t) => t.start <= offset) - 1;
      return k >= 0 && offset < tokens[k]!.end ? k : -1;
    },
    tokenBefore(offset) {
      if (bad(offset)) return -1;
      return countWhile(tokens, (t) => t.end <= offset) - 1;
    },
    tokenAfter(offset) {
      if (bad(offset)) return -1;
      const k = countWhile(tokens, (t) => t.start < offset);
      return k < tokens.length ? k : -1;
    },
  };
}

/**
 * The same lookups over tokens made only when first asked for: a long text's tokens take
 * tens of milliseconds to make, which opening a document need not wait for.
 */
export function lazyTokenIndex(make: () => readonly Token[]): TokenIndex {
  let index: TokenIndex | null = null;
  const built = () => (index ??= tokenIndex(make()));
  return {
    get tokens() {
      return built().tokens;
    },
    tokenAt: (offset) => built().tokenAt(offset),
    tokenBefore: (offset) => built().tokenBefore(offset),
    tokenAfter: (offset) => built().tokenAfter(offset),
  };
}

/**
 * The first and last index of the tokens overlapping the UTF-16 range `[start, end)`,
 * or null when it overlaps none (whitespace only, or an empty range: `end <= start`).
 */
export function tokensInRange(index: TokenIndex, start: number, end: number): [number, number] | null {
  if (!(end > start)) return null;
  const first = index.tokenBefore(start) + 1;
  const after = index.tokenAfter(end);
  const last = (after === -1 ? index.tokens.length : after) - 1;
  return first <= last ? [first, last] : null;
}
