import type { SerializeOptions } from '../formats/exchange';
import type { LabelRole } from '../model/label';

/**
 * Whose spans an export writes: one annotator's layer (the analyst's own, `gold`, or any
 * other), each layer as a record of its own (one record per document and layer), or every
 * layer in one record, each span naming its annotator (only when asked for).
 */
export type LayerChoice = { readonly kind: 'one'; readonly annotator: string } | { readonly kind: 'each' } | { readonly kind: 'all' };

/**
 * Which documents an export writes: all of them, those the layer's annotator marked done,
 * or those reviewed (every difference between two annotators settled).
 */
export type DocumentChoice = 'all' | 'done' | 'reviewed';

/** Every document choice, in the order the dialog and the command line offer them. */
export const DOCUMENT_CHOICES: readonly DocumentChoice[] = ['all', 'done', 'reviewed'];

/** What an export writes, the same for the toolbar, the Export dialog and `hashiya convert`. */
export interface ExportOptions {
  readonly layer: LayerChoice;
  readonly documents: DocumentChoice;
  /** Also write documents with no spans and no status in the layer (left out by default). */
  readonly includeUntouched: boolean;
  /** Whose layer an untouched document is written as under "each layer" (the one exporting). */
  readonly exporter?: string;
  /** The project's labels with their roles, written in each record (`meta.labels`). */
  readonly labelSet?: readonly { readonly name: string; readonly role: LabelRole }[];
  /** CoNLL's labels, nested columns, a base name: handed to the format's serializer. */
  readonly serialize?: SerializeOptions;
}
