import type { FormatName, Problem } from '../../shared/formats/exchange';
import type { ImportPlan } from '../../shared/import/planImport';
import type { Phrase } from '../../shared/i18n/phrase';

/** An import checked and planned, waiting for the user's go-ahead. */
export interface ImportReview {
  readonly format: FormatName;
  /** The picked files, read again by the import pass when they were read a piece at a time. */
  readonly files: readonly File[];
  readonly fileNames: readonly string[];
  /** Files read in an encoding other than plain UTF-8, e.g. "a.txt: windows-1256". */
  readonly encodings: readonly string[];
  /** The whole plan, when the input was small enough to read whole; null when streamed. */
  readonly plan: ImportPlan | null;
  readonly newDocuments: number;
  readonly attachedDocuments: number;
  readonly attachedSpans: number;
  readonly annotators: readonly string[];
  readonly mismatches: readonly Problem[];
  readonly problems: readonly Problem[];
  readonly rejected: readonly { readonly file: string; readonly line: number; readonly text: string }[];
  /** What the parsers and the plan noted, as phrases the dialog says in the interface's language. */
  readonly notes: readonly Phrase[];
  /** Labels the import's spans carry that the label set lacks, sorted. */
  readonly unknownLabels: readonly string[];
  /** Spans the label mapping dropped. */
  readonly mappedAway: number;
  /** Read a piece at a time (the line formats), never held whole in memory. */
  readonly streamed: boolean;
}
