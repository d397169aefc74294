import type { ExportSource } from '../../shared/export/exportSource';
import { sourceFromRecords } from '../../shared/export/sourceFromRecords';
import type { Change } from '../../shared/model/change';
import type { DocStatus } from '../../shared/model/docStatus';
import type { Entity } from '../../shared/model/entity';
import type { Decision } from '../../shared/review/decision';
import type { StoredDocument } from '../db/repository';
import { withPending } from './withPending';

/**
 * A stored document as an export reads it, with the changes not yet stored laid over its
 * spans, statuses and review decisions: an export made while writing fails holds what the
 * screen shows.
 */
export function exportSourceOf(
  d: StoredDocument,
  pending: readonly Change[],
  claimLabels: ReadonlySet<string>,
  entities?: ReadonlyMap<string, Entity>,
): ExportSource {
  const id = d.record.id;
  const statuses = new Map<string, DocStatus>(d.statuses.map((s) => [s.annotator, s.status]));
  const decisions = new Map<string, Decision>(d.decisions.map((x) => [x.id, x]));
  for (const c of pending) {
    if (c.docId !== id) continue;
    if (c.status) statuses.set(c.status.annotator, c.status.after);
    for (const dc of c.decisions ?? []) {
      if (dc.after) decisions.set(dc.after.id, dc.after);
      else if (dc.before) decisions.delete(dc.before.id);
    }
  }
  return sourceFromRecords(
    d.record,
    d.text,
    d.tokens,
    withPending(d.spans, pending, id),
    [...statuses].map(([annotator, status]) => ({ annotator, status })),
    [...decisions.values()],
    claimLabels,
    entities,
  );
}
