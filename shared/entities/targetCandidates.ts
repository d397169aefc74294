import { labelsWithRole, type LabelDef } from '../model/label';
import { compareSpans, contains, type Span } from '../model/span';

/**
 * What a claim may be about, proposed for the analyst to confirm: the entity-role spans
 * (places, weapons, actors) of the same layer that lie inside the claim, in text order,
 * leaving out the claim's own source (who makes a claim is not what it is about).
 */
export function targetCandidates(labels: readonly LabelDef[], claim: Span, spans: Iterable<Span>): Span[] {
  const entities = labelsWithRole(labels, 'entity');
  const out: Span[] = [];
  for (const s of spans)
    if (s.id !== claim.id && s.id !== claim.sourceId && s.docId === claim.docId && entities.has(s.label) && contains(claim, s)) out.push(s);
  return out.sort(compareSpans);
}
