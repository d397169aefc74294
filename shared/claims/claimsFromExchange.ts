import { ABOUT_RELATION, SOURCE_RELATION, type ExchangeDocument } from '../formats/exchange';
import type { Entity } from '../model/entity';
import { DEFAULT_LABELS } from '../model/label';
import type { ClaimDocument, ClaimLabel } from './claimRow';

/**
 * Parsed documents as the claims table reads them: a span's id, stance and entity link as
 * the file gives them, a claim's source from its `source` relation and its targets from its
 * `about` relations, the outlet and date from `documentMeta`. Spans without an id get one
 * from their place. The entities are every document's, each id once (the first kept); the
 * labels, each document's own set or else the default set's roles, taken together.
 */
export function claimsFromExchange(documents: readonly ExchangeDocument[]): {
  documents: ClaimDocument[];
  entities: Entity[];
  labels: ClaimLabel[];
} {
  const entities = new Map<string, Entity>();
  const labels = new Map<string, ClaimLabel>();
  const out = documents.map((d, k): ClaimDocument => {
    for (const e of d.entities ?? []) if (!entities.has(e.id)) entities.set(e.id, e);
    for (const l of d.labelSet ?? DEFAULT_LABELS) if (!labels.has(l.name)) labels.set(l.name, { name: l.name, role: l.role });
    const id = d.id ?? d.source ?? `document ${k + 1}`;
    const sources = new Map<string, string>();
    const targets = new Map<string, string[]>();
    for (const r of d.relations ?? []) {
      if (r.label === SOURCE_RELATION) sources.set(r.head, r.child);
      else if (r.label === ABOUT_RELATION) targets.set(r.head, [...(targets.get(r.head) ?? []), r.child]);
    }
    return {
      id,
      title: d.title ?? id,
      text: d.text,
      ...(d.documentMeta ? { meta: d.documentMeta } : {}),
      spans: d.spans.map((s, i) => {
        const sid = s.id ?? `#${i}`;
        const sourceId = sources.get(sid);
        const targetIds = targets.get(sid);
        return {
          id: sid,
          start: s.start,
          end: s.end,
          label: s.label,
          ...(s.stance ? { stance: s.stance } : {}),
          ...(s.entity !== undefined ? { entityId: s.entity } : {}),
          ...(sourceId !== undefined ? { sourceId } : {}),
          ...(targetIds ? { targetIds } : {}),
        };
      }),
    };
  });
  return { documents: out, entities: [...entities.values()], labels: [...labels.values()] };
}
