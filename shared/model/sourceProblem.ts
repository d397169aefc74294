import { roleOf, type LabelDef } from './label';
import type { Span } from './span';

type Linkable = Pick<Span, 'id' | 'docId' | 'label'>;

/**
 * Why `source` cannot be the source of `claim`, in words for the analyst, or null when it
 * can: the claim's label has the claim role, and the source is another span of the same
 * document whose label has the entity role.
 */
export function sourceProblem(labels: readonly LabelDef[], claim: Linkable, source: Linkable): string | null {
  if (roleOf(labels, claim.label) !== 'claim') return `“${claim.label}” is not a claim label, so its spans have no source`;
  if (source.id === claim.id) return 'a claim cannot be its own source';
  if (source.docId !== claim.docId) return 'a claim’s source must be a span of the same document';
  const role = roleOf(labels, source.label);
  if (role === 'claim') return `a claim’s source must be an entity span (an actor, say), and “${source.label}” is a claim label`;
  if (role !== 'entity') return `a claim’s source must be an entity span, and “${source.label}” is not in the label set`;
  return null;
}
