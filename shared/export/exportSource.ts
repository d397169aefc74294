import type { ExchangeDocument } from '../formats/exchange';
import type { DocStatus } from '../model/docStatus';

/**
 * One document as an export reads it, whatever holds it (the library, or a parsed file):
 * every layer's spans, each naming its annotator where anyone is known, with each
 * annotator's status of it and whether it was reviewed.
 */
export interface ExportSource {
  readonly document: ExchangeDocument;
  /** Each annotator's status of the document (absent: new); `''` for a file that names no annotator. */
  readonly statuses: ReadonlyMap<string, DocStatus>;
  /** Every difference between two annotators' layers is settled. */
  readonly reviewed: boolean;
}
