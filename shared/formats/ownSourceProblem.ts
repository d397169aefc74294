import { phrase, type Phrase } from '../i18n/phrase';
import { SOURCE_RELATION } from './exchange';

/**
 * Why a relation cannot be read, when it makes a span the source of itself: a claim's
 * source is another span (a claim linked to itself could be neither drawn nor unlinked in
 * the app). `name` is the span as the file names it (`span "c"`, `T1`), a phrase where it is
 * worded; null for any other relation.
 */
export function ownSourceProblem(relation: { readonly head: unknown; readonly child: unknown; readonly label: unknown }, name: Phrase | string): Phrase | null {
  const { head, child, label } = relation;
  return label === SOURCE_RELATION && head === child ? phrase('doc.ownSource', { name }) : null;
}
