import { labelsWithRole, type LabelDef } from './label';
import type { Span } from './span';

/**
 * The spans that may be `claim`'s source, in the order `]` walks them: first the entity
 * span nearest before the claim (one starting no later than the claim does, the fewest
 * characters between its end and the claim's start), then the others outward by the
 * characters between them and the claim, on either side (a span overlapping the claim is
 * at 0; at equal distance, one before the claim first, then the one starting nearer the
 * claim's start). Only other spans of the same document with an entity-role label.
 */
export function sourceCandidates(spans: Iterable<Span>, labels: readonly LabelDef[], claim: Span): Span[] {
  const entity = labelsWithRole(labels, 'entity');
  const before = (s: Span) => s.start <= claim.start;
  const gap = (s: Span) => (before(s) ? Math.max(0, claim.start - s.end) : Math.max(0, s.start - claim.end));
  const found = [...spans].filter((s) => s.id !== claim.id && s.docId === claim.docId && entity.has(s.label));
  found.sort(
    (a, b) =>
      gap(a) - gap(b) ||
      Number(!before(a)) - Number(!before(b)) ||
      Math.abs(a.start - claim.start) - Math.abs(b.start - claim.start) ||
      a.end - b.end ||
      (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
  const first = found.findIndex(before);
  if (first > 0) found.unshift(...found.splice(first, 1));
  return found;
}
