import type { Stance } from '../model/span';
import type { AgreementSpan } from './agreementSpan';

/** One text with every annotator's spans over it: the unit agreement is computed on. */
export interface AgreementDocument {
  /** Names the document in the per-document list. */
  readonly id: string;
  readonly text: string;
  /** SHA-256 of the text (UTF-8, lowercase hex). */
  readonly textSha256: string;
  /** The document's own tokens (UTF-16 `[start, end)` pairs), when it has them; else the project tokenizer's are used. */
  readonly tokens?: readonly (readonly [number, number])[];
  /** The spans of each annotator who annotated the text (see `agreementDocuments`). */
  readonly annotations: ReadonlyMap<string, readonly AgreementSpan[]>;
}

/** A span of some annotator's layer, as the library stores it or a file holds it. */
export interface LayerSpan {
  /** Unique within its text; what `sourceId` refers to. */
  readonly id?: string;
  readonly start: number;
  readonly end: number;
  readonly label: string;
  readonly annotator: string;
  readonly stance?: Stance;
  /** For a claim: the id of its source, a span of the same annotator over the same text. */
  readonly sourceId?: string;
}

/** A text with the spans of every layer over it. */
export interface LayeredText {
  readonly id: string;
  readonly text: string;
  readonly textSha256: string;
  readonly tokens?: readonly (readonly [number, number])[];
  readonly spans: readonly LayerSpan[];
}

/**
 * Which documents agreement compares, and who annotated each: the one rule the agreement
 * dashboard (spans in the library) and `hashiya agree` (spans in files) both go through, so
 * the same spans give the same figures.
 *
 * An annotator annotated a text when they made at least one span in it. A status, or an
 * empty record in a file, does not count: no format but the app's own says whether an
 * empty record was read and found empty or never opened (an export of untouched documents
 * writes them with no spans), so spans are the one evidence both sides see alike. A text
 * nobody annotated is no document here; one annotated by a single annotator is kept (with
 * that annotator alone) for `computeAgreement` to leave out and count.
 *
 * `annotators`, when given, picks the annotators and their order; else every annotator is
 * taken in the order first seen. Each claim's source is looked up by id among the spans of
 * its own annotator in the same text.
 */
export function agreementDocuments(texts: readonly LayeredText[], annotators?: readonly string[]): AgreementDocument[] {
  const wanted = annotators ? new Set(annotators) : null;
  const order: string[] = annotators ? [...annotators] : [];
  const out: AgreementDocument[] = [];
  for (const t of texts) {
    const byAnnotator = new Map<string, LayerSpan[]>();
    for (const s of t.spans) {
      if (wanted && !wanted.has(s.annotator)) continue;
      let list = byAnnotator.get(s.annotator);
      if (!list) {
        byAnnotator.set(s.annotator, (list = []));
        if (!wanted && !order.includes(s.annotator)) order.push(s.annotator);
      }
      list.push(s);
    }
    if (!byAnnotator.size) continue;
    const annotations = new Map<string, AgreementSpan[]>();
    for (const who of order) {
      const list = byAnnotator.get(who);
      if (!list) continue;
      const byId = new Map(list.flatMap((s) => (s.id === undefined ? [] : [[s.id, s] as const])));
      annotations.set(
        who,
        list.map((s) => {
          const source = s.sourceId === undefined ? undefined : byId.get(s.sourceId);
          return {
            start: s.start,
            end: s.end,
            label: s.label,
            ...(s.stance ? { stance: s.stance } : {}),
            ...(source ? { source: { start: source.start, end: source.end } } : {}),
          };
        }),
      );
    }
    out.push({ id: t.id, text: t.text, textSha256: t.textSha256, ...(t.tokens ? { tokens: t.tokens } : {}), annotations });
  }
  return out;
}
