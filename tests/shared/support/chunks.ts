import type { ExchangeDocument } from '../../../shared/formats/exchange';

/** The text of each of the document's own tokens, in order. */
export function tokenTexts(doc: Pick<ExchangeDocument, 'text' | 'tokens'>): string[] {
  if (!doc.tokens) throw new Error('the document has no tokens of its own');
  return doc.tokens.map(([s, e]) => doc.text.slice(s, e));
}

// Direction marks a CoNLL span leaves out at its tokens' edges (NewsFANE's U+200E before each token).
const MARK = /[\u200e\u200f\u061c\u202a-\u202e\u2066-\u2069]/;

/**
 * Each span as `first-last label` over token indices (inclusive), sorted: the chunk list
 * of a token-based document, independent of how its text is spaced. A span may leave out
 * the direction marks at the edges of its tokens. Throws when a span does not start and
 * end on token boundaries.
 */
export function chunkList(
  doc: Pick<ExchangeDocument, 'spans'>,
  tokens: readonly (readonly [number, number])[] | undefined = (doc as ExchangeDocument).tokens,
): string[] {
  if (!tokens) throw new Error('the document has no tokens of its own');
  const text = (doc as Partial<ExchangeDocument>).text ?? '';
  const byStart = new Map<number, number>();
  const byEnd = new Map<number, number>();
  tokens.forEach(([s, e], k) => {
    byStart.set(s, k);
    byEnd.set(e, k);
    let a = s;
    let b = e;
    while (a < b && MARK.test(text[a] ?? '')) a++;
    while (b > a && MARK.test(text[b - 1] ?? '')) b--;
    if (a < b) {
      byStart.set(a, k);
      byEnd.set(b, k);
    }
  });
  return doc.spans
    .map((s) => {
      const first = byStart.get(s.start);
      const last = byEnd.get(s.end);
      if (first === undefined || last === undefined) throw new Error(`span ${s.start}..${s.end} ${s.label} is not on token boundaries`);
      return `${first}-${last} ${s.label}`;
    })
    .sort();
}

/** How many chunks of each label, sorted by label. */
export function chunksPerLabel(doc: Pick<ExchangeDocument, 'spans'>): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const s of doc.spans) counts[s.label] = (counts[s.label] ?? 0) + 1;
  return Object.fromEntries(Object.entries(counts).sort(([a], [b]) => (a < b ? -1 : 1)));
}
