import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { growEdge, snapToTokens } from '../../../shared/text/snapToTokens';
import { tokenIndex } from '../../../shared/text/tokenIndex';
import { tokenize } from '../../../shared/text/tokenize';
import { mixedText } from '../support/arbitraries';
import { fixtureArticle } from '../../support/fixtures';

/** An article, its token index, and helpers to speak in its words rather than offsets. */
function fixture(text: string) {
  const index = tokenIndex(tokenize(text));
  const show = (span: { start: number; end: number } | null) => span && text.slice(span.start, span.end);
  /** The span of the first occurrence of `phrase` at or after `from`. */
  const span = (phrase: string, from = 0) => {
    const start = text.indexOf(phrase, from);
    expect(start, phrase).toBeGreaterThanOrEqual(0);
    return { start, end: start + phrase.length };
  };
  return { text, index, show, span };
}

describe('snapToTokens on real sentences', () => {
  const { text, index, show, span } = fixture(fixtureArticle('konico-strikes').text);
  const phrase = span('المرصد السوري لحقوق الإنسان');
  const at = phrase.start;

  it('widens a selection from mid-word to mid-word to the whole words', () => {
    // From inside السوري (at + 7 … at + 13) to inside لحقوق (at + 14 … at + 19).
    expect(text.slice(at + 10, at + 16)).toBe('وري لح');
    expect(show(snapToTokens(index, at + 10, at + 16))).toBe('السوري لحقوق');
    expect(snapToTokens(index, at + 10, at + 16)).toEqual({ start: at + 7, end: at + 19 });
  });

  it('snaps a selection inside one word, or exactly on it, to that word', () => {
    expect(show(snapToTokens(index, at + 1, at + 2))).toBe('المرصد');
    expect(show(snapToTokens(index, at, at + 6))).toBe('المرصد');
  });

  it('ignores the whitespace at the ends of a selection', () => {
    // From the space before المرصد to the space after لحقوق.
    expect(show(snapToTokens(index, at - 1, at + 20))).toBe('المرصد السوري لحقوق');
  });

  it('takes punctuation as tokens of their own', () => {
    const kon = span('"كونيكو"،');
    expect(show(snapToTokens(index, kon.start + 3, kon.end))).toBe('كونيكو"،');
    expect(show(snapToTokens(index, kon.start, kon.start + 1))).toBe('"');
    const lil = span('لـ"الشرق"');
    expect(show(snapToTokens(index, lil.start + 1, lil.start + 4))).toBe('لـ"الشرق');
  });

  it('widens through a sentence boundary with no space after the full stop', () => {
    const s = span('العسكري.ونقلت');
    expect(show(snapToTokens(index, s.start + 5, s.start + 9))).toBe('العسكري.ونقلت');
    expect(show(snapToTokens(index, s.start + 7, s.start + 8))).toBe('.');
  });

  it('returns null for collapsed, backwards and whitespace-only selections', () => {
    expect(snapToTokens(index, at + 3, at + 3)).toBeNull();
    expect(snapToTokens(index, at + 16, at + 9)).toBeNull();
    expect(text[at + 6]).toBe(' ');
    expect(snapToTokens(index, at + 6, at + 7)).toBeNull();
    const crlf = fixture('قال\r\n\u00a0 نعم');
    expect(crlf.index.tokens.length).toBe(2);
    expect(snapToTokens(crlf.index, 3, 7)).toBeNull();
    expect(crlf.show(snapToTokens(crlf.index, 3, 8))).toBe('نعم');
  });

  it('includes a NewsFANE direction mark with its word', () => {
    const marked = fixture('\u200eالمرصد \u200eالسوري');
    expect(snapToTokens(marked.index, 3, 4)).toEqual({ start: 0, end: 7 });
    expect(snapToTokens(marked.index, 10, 12)).toEqual({ start: 8, end: 15 });
  });

  it('keeps an emoji sequence whole', () => {
    const e = fixture('سوريا 🇸🇾 نعم');
    // Half of the first regional indicator.
    expect(e.show(snapToTokens(e.index, 6, 7))).toBe('🇸🇾');
  });
});

describe('growEdge on a real sentence', () => {
  const { index, show, span } = fixture(fixtureArticle('konico-strikes').text);
  const sentence = span('المرصد السوري لحقوق الإنسان');
  const al = span('السوري', sentence.start);

  it('moves the end edge one token forward and back', () => {
    expect(show(growEdge(index, al, 'end', 1))).toBe('السوري لحقوق');
    expect(show(growEdge(index, growEdge(index, al, 'end', 1)!, 'end', 1))).toBe('السوري لحقوق الإنسان');
    expect(show(growEdge(index, span('السوري لحقوق'), 'end', -1))).toBe('السوري');
    // Shrinking a one-token span would empty it.
    expect(growEdge(index, al, 'end', -1)).toBeNull();
  });

  it('moves the start edge one token back and forward', () => {
    expect(show(growEdge(index, al, 'start', -1))).toBe('المرصد السوري');
    expect(show(growEdge(index, span('المرصد السوري'), 'start', 1))).toBe('السوري');
    expect(growEdge(index, al, 'start', 1)).toBeNull();
  });

  it('steps over punctuation one token at a time', () => {
    const quote = span('"كونيكو"،');
    let s = { start: quote.start, end: quote.start + 1 };
    const seen: (string | null)[] = [];
    for (let k = 0; k < 3; k++) {
      s = growEdge(index, s, 'end', 1)!;
      seen.push(show(s));
    }
    expect(seen).toEqual(['"كونيكو', '"كونيكو"', '"كونيكو"،']);
    // The quote alone cannot shrink, though كونيكو starts right where it ends.
    const open = { start: quote.start, end: quote.start + 1 };
    expect(growEdge(index, open, 'start', 1)).toBeNull();
    expect(growEdge(index, open, 'end', -1)).toBeNull();
    expect(show(growEdge(index, { start: quote.start, end: quote.end }, 'start', 1))).toBe('كونيكو"،');
  });

  it('completes a token when the edge sits inside it', () => {
    const mid = { start: al.start, end: al.start + 3 };
    expect(show(growEdge(index, mid, 'end', 1))).toBe('السوري');
    const midStart = { start: al.start + 3, end: al.end };
    expect(show(growEdge(index, midStart, 'start', -1))).toBe('السوري');
    expect(show(growEdge(index, midStart, 'start', 1))).toBeNull();
  });
});

describe('growEdge at the limits of the text', () => {
  const { text, index, show } = fixture('قال المرصد.');
  const first = { start: 0, end: 3 };
  const last = { start: 10, end: 11 };

  it('returns null past the first and last token', () => {
    expect(show(first)).toBe('قال');
    expect(show(last)).toBe('.');
    expect(growEdge(index, first, 'start', -1)).toBeNull();
    expect(growEdge(index, last, 'end', 1)).toBeNull();
    expect(growEdge(index, { start: 0, end: text.length }, 'end', 1)).toBeNull();
    expect(growEdge(index, { start: 0, end: text.length }, 'start', -1)).toBeNull();
    expect(show(growEdge(index, { start: 0, end: text.length }, 'end', -1))).toBe('قال المرصد');
    expect(show(growEdge(index, { start: 0, end: text.length }, 'start', 1))).toBe('المرصد.');
  });

  it('returns null on an empty text', () => {
    const empty = tokenIndex(tokenize(''));
    expect(growEdge(empty, { start: 0, end: 0 }, 'end', 1)).toBeNull();
    expect(growEdge(empty, { start: 0, end: 0 }, 'start', -1)).toBeNull();
    expect(snapToTokens(empty, 0, 0)).toBeNull();
  });
});

describe('snapToTokens and growEdge properties', () => {
  const withSelection = mixedText({ minLength: 1, maxLength: 40 }).chain((text) => fc.tuple(fc.constant(text), fc.nat(text.length), fc.nat(text.length)));

  it('a snapped span starts and ends on token edges, covers the selection, and snaps to itself', () => {
    fc.assert(
      fc.property(withSelection, ([text, a, b]) => {
        const index = tokenIndex(tokenize(text));
        const [start, end] = a <= b ? [a, b] : [b, a];
        const snapped = snapToTokens(index, start, end);
        // A collapsed selection (a caret) touches nothing.
        const touched = index.tokens.filter((t) => t.start < end && t.end > start && start < end);
        if (touched.length === 0) {
          expect(snapped).toBeNull();
          return;
        }
        expect(snapped).toEqual({ start: touched[0]!.start, end: touched.at(-1)!.end });
        expect(snapToTokens(index, snapped!.start, snapped!.end)).toEqual(snapped);
      }),
      { numRuns: 500 },
    );
  });

  it('growing an edge then shrinking it back returns the snapped span', () => {
    fc.assert(
      fc.property(withSelection, ([text, a, b]) => {
        const index = tokenIndex(tokenize(text));
        const snapped = snapToTokens(index, Math.min(a, b), Math.max(a, b));
        if (!snapped) return;
        const grownEnd = growEdge(index, snapped, 'end', 1);
        if (grownEnd) {
          expect(grownEnd.end).toBeGreaterThan(snapped.end);
          expect(growEdge(index, grownEnd, 'end', -1)).toEqual(snapped);
        } else {
          expect(snapped.end).toBe(index.tokens.at(-1)!.end);
        }
        const grownStart = growEdge(index, snapped, 'start', -1);
        if (grownStart) {
          expect(grownStart.start).toBeLessThan(snapped.start);
          expect(growEdge(index, grownStart, 'start', 1)).toEqual(snapped);
        } else {
          expect(snapped.start).toBe(index.tokens[0]!.start);
        }
        // Shrinking drops exactly one token, and is refused only on a one-token span.
        const inside = (s: { start: number; end: number }) => index.tokens.filter((t) => t.start >= s.start && t.end <= s.end).length;
        for (const edge of ['start', 'end'] as const) {
          const shrunk = growEdge(index, snapped, edge, edge === 'end' ? -1 : 1);
          if (shrunk) {
            expect(shrunk.end).toBeGreaterThan(shrunk.start);
            expect(inside(shrunk)).toBe(inside(snapped) - 1);
          } else expect(inside(snapped)).toBe(1);
        }
      }),
      { numRuns: 500 },
    );
  });
});
