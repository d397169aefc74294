import type { ExchangeDocument, FormatName, ParseResult, Problem } from '../../shared/formats/exchange';
import { applyLabelMap, type LabelMap } from '../../shared/formats/labelMap';
import type { ImportPlan, LibraryIndex } from '../../shared/import/planImport';
import { englishOf } from '../../shared/i18n/englishOf';
import type { Phrase } from '../../shared/i18n/phrase';
import type { ImportReview } from './importReview';

/** What the checking pass of an import keeps: counts and problems, never the documents. */
export interface ReviewTally {
  newDocuments: number;
  attachedDocuments: Set<string>;
  attachedSpans: number;
  mappedAway: number;
  readonly annotators: Set<string>;
  readonly problems: Problem[];
  readonly mismatches: Problem[];
  readonly rejected: { file: string; line: number; text: string }[];
  /** Each note once, by its English (a note a later chunk repeats is the same note). */
  readonly notes: Map<string, Phrase>;
  readonly encodings: string[];
  /** Every label the import's spans carry, to name those the label set lacks. */
  readonly labels: Set<string>;
}

export const newTally = (): ReviewTally => ({
  newDocuments: 0,
  attachedDocuments: new Set(),
  attachedSpans: 0,
  mappedAway: 0,
  annotators: new Set(),
  problems: [],
  mismatches: [],
  rejected: [],
  notes: new Map(),
  encodings: [],
  labels: new Set(),
});

/** The documents with the label mapping applied, counting the spans it drops. */
export function mapAll(documents: readonly ExchangeDocument[], map: LabelMap, tally: ReviewTally): ExchangeDocument[] {
  return documents.map((d) => {
    const m = applyLabelMap(d, map);
    tally.mappedAway += m.dropped;
    return m.document;
  });
}

/** Adds one parsed piece and its plan to the tally. */
export function addToTally(tally: ReviewTally, parsed: ParseResult, plan: ImportPlan): void {
  tally.newDocuments += plan.newDocuments.length;
  for (const a of plan.attachments) {
    tally.attachedDocuments.add(a.docId);
    tally.attachedSpans += a.spans.length;
  }
  for (const a of plan.annotators) tally.annotators.add(a);
  for (const d of plan.newDocuments) for (const s of d.spans) tally.labels.add(s.label);
  for (const a of plan.attachments) for (const s of a.spans) tally.labels.add(s.label);
  tally.problems.push(...parsed.problems, ...plan.problems);
  tally.mismatches.push(...plan.mismatches);
  tally.rejected.push(...parsed.rejected);
  for (const n of [...parsed.notes, ...plan.notes]) if (!tally.notes.has(englishOf(n))) tally.notes.set(englishOf(n), n);
}

/**
 * A library index that grows with the documents an import adds, so a text met again
 * later in the same import attaches to the copy made earlier instead of a second copy.
 */
export function growingIndex(base: LibraryIndex): { index: LibraryIndex; add(plan: ImportPlan): void } {
  const bySha = new Map(base.bySha);
  const byId = new Map(base.byId);
  return {
    index: { bySha, byId },
    add(plan) {
      for (const d of plan.newDocuments) {
        bySha.set(d.record.textSha256, { id: d.record.id, title: d.record.title });
        byId.set(d.record.id, { textSha256: d.record.textSha256, title: d.record.title });
      }
    },
  };
}

/**
 * The review shown to the user. `plan` is kept only when the input was read whole; `known`
 * are the label set's names, so the review names the labels the import brings that it lacks.
 */
export function reviewFrom(
  format: FormatName,
  files: readonly File[],
  tally: ReviewTally,
  plan: ImportPlan | null,
  streamed: boolean,
  known: ReadonlySet<string>,
): ImportReview {
  return {
    format,
    files,
    fileNames: files.map((f) => f.name),
    encodings: tally.encodings,
    plan,
    newDocuments: tally.newDocuments,
    attachedDocuments: tally.attachedDocuments.size,
    attachedSpans: tally.attachedSpans,
    annotators: [...tally.annotators].sort(),
    mismatches: tally.mismatches,
    problems: tally.problems,
    rejected: tally.rejected,
    notes: [...tally.notes.values()],
    mappedAway: tally.mappedAway,
    unknownLabels: [...tally.labels].filter((l) => !known.has(l)).sort(),
    streamed,
  };
}
