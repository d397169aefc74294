/** Where an annotator stands with a document. */
export type DocStatus = 'new' | 'in-progress' | 'done';

/** Every status, in workflow order. */
export const DOC_STATUSES: readonly DocStatus[] = ['new', 'in-progress', 'done'];

/** One annotator's status on one document; no record means "new". */
export interface DocStatusRecord {
  readonly docId: string;
  readonly annotator: string;
  readonly status: DocStatus;
  readonly updatedAt: number;
}
