import type { Entity } from '../model/entity';
import type { LabelDef } from '../model/label';
import type { Span } from '../model/span';
import type { LibraryChange } from './libraryChange';

/**
 * Merges label `from` into `into` as one library step: every span labelled `from` (any
 * layer, any document) takes `into`, every entity typed `from` follows (an entity's type is
 * its mentions' label), and `from` leaves the label set when it is in it (a label only an
 * import brought is in no set). Versions are the stored ones; the repository bumps them.
 */
export function mergeLabel(
  from: string,
  into: string,
  spans: readonly Span[],
  entities: readonly Entity[],
  labels: readonly LabelDef[],
  now: number,
  title: string,
): LibraryChange {
  const inSet = labels.some((l) => l.name === from);
  return {
    title,
    spans: spans.filter((s) => s.label === from).map((s) => ({ before: s, after: { ...s, label: into, updatedAt: now } })),
    entities: entities.filter((e) => e.type === from).map((e) => ({ before: e, after: { ...e, type: into, updatedAt: now } })),
    ...(inSet ? { labels: { before: labels, after: labels.filter((l) => l.name !== from) } } : {}),
  };
}
