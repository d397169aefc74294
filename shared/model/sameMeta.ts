import type { DocumentMeta } from './document';
import { META_FIELDS } from './readDocumentMeta';

/** True when two documents' metadata say the same, field by field (tags in order); no metadata is the same as none. */
export function sameMeta(a: DocumentMeta | undefined, b: DocumentMeta | undefined): boolean {
  return META_FIELDS.every((k) => {
    const x = a?.[k];
    const y = b?.[k];
    if (typeof x === 'string' || typeof y === 'string' || x === undefined || y === undefined) return x === y;
    return x.length === y.length && x.every((t, i) => t === y[i]);
  });
}
