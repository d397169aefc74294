import { sha256Hex } from '../text/sha256';
import type { DocumentMeta, DocumentRecord, DocumentText, LabelStudioOrigin } from './document';

/** Builds the library entry and text record for a new document, text kept verbatim. */
export function newDocument(
  input: { id: string; title: string; source: string; text: string; labelStudio?: LabelStudioOrigin; meta?: DocumentMeta },
  now: number,
): { record: DocumentRecord; text: DocumentText } {
  let length = 0;
  // Counting code points without allocating an array of them.
  for (const _ of input.text) length++;
  return {
    record: {
      id: input.id,
      title: input.title,
      source: input.source,
      textSha256: sha256Hex(input.text),
      length,
      spanCount: 0,
      createdAt: now,
      updatedAt: now,
      version: 1,
      ...(input.labelStudio ? { labelStudio: input.labelStudio } : {}),
      ...(input.meta ? { meta: input.meta } : {}),
    },
    text: { docId: input.id, text: input.text },
  };
}
