import type { Span } from '../../shared/model/span';

/**
 * The spans at a caret offset, innermost (shortest) first: those whose characters
 * include the offset, or that end right at it.
 */
export function spansAt(spans: Iterable<Span>, offset: number): Span[] {
  const found: Span[] = [];
  for (const s of spans) if (s.start <= offset && offset <= s.end) found.push(s);
  return found.sort((a, b) => a.end - a.start - (b.end - b.start) || a.start - b.start || (a.id < b.id ? -1 : 1));
}
