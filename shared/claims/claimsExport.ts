import type { Entity } from '../model/entity';
import { partyName, type ClaimParty, type ClaimRow } from './claimRow';
import { csvLine } from './csvField';

/** The columns of the claims CSV, in order. */
export const CLAIMS_CSV_COLUMNS = [
  'claim_id',
  'document_id',
  'document_title',
  'outlet',
  'published',
  'start',
  'end',
  'label',
  'claim_text',
  'stance',
  'source_entity_id',
  'source_entity_name',
  'source_entity_other_names',
  'source_text',
  'source_label',
  'targets',
  'target_entity_ids',
] as const;

const joined = (items: readonly string[]) => items.join(' | ');

/**
 * The claims as CSV: a header and one line per claim, offsets in code points (end
 * exclusive, Python's text[start:end]). Names and targets that are lists are joined with
 * " | ". It begins with a byte-order mark, so spreadsheet programs read the Arabic as UTF-8.
 */
export function claimsCsv(rows: Iterable<ClaimRow>): string {
  const out = ['\uFEFF', csvLine(CLAIMS_CSV_COLUMNS)];
  for (const r of rows) {
    const e = r.source?.entity ?? null;
    out.push(
      csvLine([
        r.id,
        r.docId,
        r.title,
        r.outlet,
        r.published,
        r.startCp,
        r.endCp,
        r.label,
        r.text,
        r.stance,
        e?.id ?? null,
        e?.name ?? null,
        e ? joined(e.otherNames) : null,
        r.source?.text ?? null,
        r.source?.label ?? null,
        joined(r.targets.map(partyName)),
        joined(r.targets.flatMap((t) => (t.entity ? [t.entity.id] : []))),
      ]),
    );
  }
  return out.join('');
}

const partyJson = (p: ClaimParty) => ({
  span_id: p.spanId,
  text: p.text,
  label: p.label,
  entity: p.entity ? { id: p.entity.id, name: p.entity.name, other_names: p.entity.otherNames } : null,
});

/** One claim as the JSON export writes it (offsets in code points). */
export const claimJson = (r: ClaimRow) => ({
  id: r.id,
  document: { id: r.docId, title: r.title, outlet: r.outlet, published: r.published },
  start: r.startCp,
  end: r.endCp,
  label: r.label,
  text: r.text,
  stance: r.stance,
  source: r.source ? partyJson(r.source) : null,
  targets: r.targets.map(partyJson),
});

/** The claims as JSON: `{"claims": [...]}`, one object per claim, offsets in code points. */
export function claimsJson(rows: Iterable<ClaimRow>): string {
  return `${JSON.stringify({ claims: [...rows].map(claimJson) }, null, 2)}\n`;
}

/**
 * The entities as JSON: `{"entities": [...]}` with each one's names, type and identifier,
 * and how many of `rows` it is the source of and is mentioned in.
 */
export function entitiesJson(entities: readonly Entity[], rows: Iterable<ClaimRow>): string {
  const asSource = new Map<string, number>();
  const mentioned = new Map<string, number>();
  for (const r of rows) {
    const s = r.source?.entity;
    if (s) asSource.set(s.id, (asSource.get(s.id) ?? 0) + 1);
    for (const m of r.mentions) if (m.entity) mentioned.set(m.entity.id, (mentioned.get(m.entity.id) ?? 0) + 1);
  }
  const list = entities.map((e) => ({
    id: e.id,
    name: e.name,
    other_names: e.otherNames,
    type: e.type,
    identifier: e.identifier ?? null,
    claims_as_source: asSource.get(e.id) ?? 0,
    claims_mentioning: mentioned.get(e.id) ?? 0,
  }));
  return `${JSON.stringify({ entities: list }, null, 2)}\n`;
}
