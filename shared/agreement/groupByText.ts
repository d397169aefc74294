import { SOURCE_RELATION, type ExchangeDocument } from '../formats/exchange';
import { DEFAULT_LABELS } from '../model/label';
import { sha256Hex } from '../text/sha256';
import { agreementDocuments, type AgreementDocument, type LayerSpan } from './agreementDocuments';

/** The annotator name used when a document names none and comes from no file. */
export const UNNAMED_ANNOTATOR = '(unnamed)';

/**
 * Gathers parsed documents into one `AgreementDocument` per distinct text (matched by the
 * SHA-256 of the text, so ids, titles and sources may differ between copies), in the order
 * texts first appear, through `agreementDocuments` (which decides who annotated what).
 *
 * A span's annotator is its own `annotator`, else its document's, else the name of the file
 * the document was read from. Copies of one text by the same annotator are merged. A claim's
 * source is the child of its `source` relation in the same copy.
 */
export function groupByText(documents: readonly ExchangeDocument[]): AgreementDocument[] {
  interface Group {
    id: string;
    text: string;
    textSha256: string;
    tokens?: readonly (readonly [number, number])[];
    spans: LayerSpan[];
  }
  // Keyed by the text itself: equal texts are exactly equal hashes, and a map lookup is far
  // cheaper than hashing every copy, so each distinct text is hashed once.
  const groups = new Map<string, Group>();
  documents.forEach((d, copy) => {
    let g = groups.get(d.text);
    if (!g) {
      const textSha256 = sha256Hex(d.text);
      g = { id: d.id || d.source || textSha256, text: d.text, textSha256, spans: [] };
      groups.set(d.text, g);
    }
    if (!g.tokens && d.tokens) g.tokens = d.tokens;
    const fallback = d.annotator ?? d.file ?? UNNAMED_ANNOTATOR;
    const sources = new Map((d.relations ?? []).filter((r) => r.label === SOURCE_RELATION).map((r) => [r.head, r.child]));
    // Ids are a copy's own: prefixed with the copy's place, so two files' "s1" stay apart.
    const own = (id: string) => `${copy}:${id}`;
    for (const s of d.spans) {
      const sourceId = s.id === undefined ? undefined : sources.get(s.id);
      g.spans.push({
        ...(s.id === undefined ? {} : { id: own(s.id) }),
        start: s.start,
        end: s.end,
        label: s.label,
        annotator: s.annotator ?? fallback,
        ...(s.stance ? { stance: s.stance } : {}),
        ...(sourceId === undefined ? {} : { sourceId: own(sourceId) }),
      });
    }
  });
  return agreementDocuments([...groups.values()]);
}

/**
 * The labels with the claim role in parsed documents: each document's own label set when
 * its file carries one (JSON Lines `meta.labels`), else the default label set's roles by
 * name; taken together over every document.
 */
export function claimLabelsOf(documents: readonly ExchangeDocument[]): Set<string> {
  const out = new Set<string>();
  for (const d of documents) for (const l of d.labelSet ?? DEFAULT_LABELS) if (l.role === 'claim') out.add(l.name);
  return out;
}
