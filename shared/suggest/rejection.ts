import type { Utf16Offset } from '../text/units';

/**
 * A suggestion the analyst turned down: that label over that place of that document is
 * not offered to that annotator again, whoever proposed it. Offsets are UTF-16, end exclusive.
 */
export interface Rejection {
  /** {@link rejectionId} of the fields below: one record per place, label and annotator. */
  readonly id: string;
  readonly docId: string;
  readonly annotator: string;
  readonly start: Utf16Offset;
  readonly end: Utf16Offset;
  readonly label: string;
  /** Who had proposed it: a recommender's name, or `occurrence` for tag-all. */
  readonly proposedBy: string;
  readonly rejectedAt: number;
}

/** The key of a rejection: document, annotator, range and label. */
export function rejectionId(r: Pick<Rejection, 'docId' | 'annotator' | 'start' | 'end' | 'label'>): string {
  return JSON.stringify([r.docId, r.annotator, r.start, r.end, r.label]);
}

/** The key of a place within one document and layer: what the open document's rejections are looked up by. */
export function placeKey(r: { readonly start: number; readonly end: number; readonly label: string }): string {
  return `${r.start}:${r.end}:${r.label}`;
}
