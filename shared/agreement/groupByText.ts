import type { ExchangeDocument } from '../formats/exchange';
import { sha256Hex } from '../text/sha256';
import type { AgreementSpan } from './agreementSpan';

/** One text with every annotator's spans over it: the unit agreement is computed on. */
export interface AgreementDocument {
  /** Names the document in the per-document list: the first copy's id, else its source, else `textSha256`. */
  readonly id: string;
  readonly text: string;
  /** SHA-256 of the text (UTF-8, lowercase hex): what copies were matched by. */
  readonly textSha256: string;
  /** The document's own tokens (UTF-16 `[start, end)` pairs), when a copy brought them; else the project tokenizer's are used. */
  readonly tokens?: readonly (readonly [number, number])[];
  /** Each annotator's spans; an annotator with an empty list saw the text and marked nothing. */
  readonly annotations: ReadonlyMap<string, readonly AgreementSpan[]>;
}

/** The annotator name used when a document names none and comes from no file. */
export const UNNAMED_ANNOTATOR = '(unnamed)';

/**
 * Gathers parsed documents into one `AgreementDocument` per distinct text (matched by the
 * SHA-256 of the text, so ids, titles and sources may differ between copies), in the order
 * texts first appear.
 *
 * A span's annotator is its own `annotator`, else its document's, else the name of the file
 * the document was read from. A copy with no spans, or with a span that names no annotator,
 * also makes its document's annotator present (with whatever spans it has, perhaps none), so
 * "annotated and found nothing" counts. Copies of one text by the same annotator are merged.
 */
export function groupByText(documents: readonly ExchangeDocument[]): AgreementDocument[] {
  interface Group {
    id: string;
    text: string;
    textSha256: string;
    tokens?: readonly (readonly [number, number])[];
    annotations: Map<string, AgreementSpan[]>;
  }
  // Keyed by the text itself: equal texts are exactly equal hashes, and a map lookup is far
  // cheaper than hashing every copy, so each distinct text is hashed once.
  const groups = new Map<string, Group>();
  for (const d of documents) {
    let g = groups.get(d.text);
    if (!g) {
      const textSha256 = sha256Hex(d.text);
      g = { id: d.id || d.source || textSha256, text: d.text, textSha256, annotations: new Map() };
      groups.set(d.text, g);
    }
    if (!g.tokens && d.tokens) g.tokens = d.tokens;
    const fallback = d.annotator ?? d.file ?? UNNAMED_ANNOTATOR;
    const listOf = (who: string) => {
      let list = g.annotations.get(who);
      if (!list) g.annotations.set(who, (list = []));
      return list;
    };
    if (d.spans.length === 0 || d.spans.some((s) => s.annotator === undefined)) listOf(fallback);
    for (const s of d.spans) listOf(s.annotator ?? fallback).push({ start: s.start, end: s.end, label: s.label });
  }
  return [...groups.values()];
}
