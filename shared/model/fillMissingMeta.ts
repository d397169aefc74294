import type { DocumentMeta } from './document';

/**
 * `own` with the fields it lacks taken from `incoming`: what the library already says of a
 * document wins over what a later import says (tags are a field like any other). The same
 * object when nothing is added.
 */
export function fillMissingMeta(own: DocumentMeta | undefined, incoming: DocumentMeta | undefined): DocumentMeta | undefined {
  if (!incoming) return own;
  if (!own) return incoming;
  const added = Object.fromEntries(Object.entries(incoming).filter(([k]) => own[k as keyof DocumentMeta] === undefined));
  return Object.keys(added).length ? { ...own, ...added } : own;
}
