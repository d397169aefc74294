import type { Entity } from '../model/entity';
import { codePointIndex } from '../text/codepoints';
import { foldArabic } from '../text/arabicFold';
import { entityRef, type ClaimDocument, type ClaimLabel, type ClaimParty, type ClaimRow, type ClaimSpan } from './claimRow';

/** Which labels make claims and which make parties (sources, targets, mentions), by role. */
export interface ClaimRoles {
  readonly claim: ReadonlySet<string>;
  readonly entity: ReadonlySet<string>;
}

/** The roles of a label set, read from the roles, never from the names. */
export function claimRoles(labels: readonly ClaimLabel[]): ClaimRoles {
  return {
    claim: new Set(labels.filter((l) => l.role === 'claim').map((l) => l.name)),
    entity: new Set(labels.filter((l) => l.role === 'entity').map((l) => l.name)),
  };
}

const byStart = (a: ClaimSpan, b: ClaimSpan) => a.start - b.start || b.end - a.end;

/**
 * The claims of one document, one row each, in text order: a span whose label has the
 * claim role, with its source (the span `sourceId` names, and that span's entity), its
 * stance, its targets (`targetIds`) and the entity-role spans inside it.
 */
export function claimRowsOf(doc: ClaimDocument, entities: ReadonlyMap<string, Entity>, roles: ClaimRoles): ClaimRow[] {
  const claims = doc.spans.filter((s) => roles.claim.has(s.label));
  if (!claims.length) return [];
  const byId = new Map(doc.spans.map((s) => [s.id, s]));
  const parties = doc.spans.filter((s) => roles.entity.has(s.label)).sort(byStart);
  const index = codePointIndex(doc.text);
  const partyOf = (s: ClaimSpan): ClaimParty => {
    const text = doc.text.slice(s.start, s.end);
    const entity = s.entityId === undefined ? undefined : entities.get(s.entityId);
    return {
      key: entity ? `entity:${entity.id}` : `text:${foldArabic(text.trim()).text}`,
      spanId: s.id,
      text,
      label: s.label,
      entity: entity ? entityRef(entity) : null,
    };
  };
  const outlet = doc.meta?.outlet?.trim() || null;
  const published = doc.meta?.published || null;
  return claims.sort(byStart).map((c): ClaimRow => {
    const sourceSpan = c.sourceId === undefined ? undefined : byId.get(c.sourceId);
    const targets = (c.targetIds ?? []).flatMap((id) => {
      const t = byId.get(id);
      return t ? [partyOf(t)] : [];
    });
    const mentions = new Map<string, ClaimParty>();
    for (const p of parties) {
      if (p.start >= c.end) break;
      if (p.start >= c.start && p.end <= c.end) {
        const party = partyOf(p);
        if (!mentions.has(party.key)) mentions.set(party.key, party);
      }
    }
    for (const t of targets) if (!mentions.has(t.key)) mentions.set(t.key, t);
    return {
      id: c.id,
      docId: doc.id,
      title: doc.title,
      outlet,
      published,
      label: c.label,
      text: doc.text.slice(c.start, c.end),
      start: c.start,
      end: c.end,
      startCp: index.toCodePoint(c.start),
      endCp: index.toCodePoint(c.end),
      stance: c.stance ?? null,
      source: sourceSpan ? partyOf(sourceSpan) : null,
      targets,
      mentions: [...mentions.values()],
    };
  });
}
