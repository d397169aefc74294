import type { EntityChange, SpanChange } from '../model/change';
import type { DocumentMeta } from '../model/document';
import type { Entity } from '../model/entity';
import type { LabelDef } from '../model/label';
import { linkEntity, type Span } from '../model/span';
import type { WholeDocumentChange } from '../model/wholeDocument';

/** A document's title and metadata, as the Details dialog edits them. */
export interface DocumentInfo {
  readonly title: string;
  readonly meta?: DocumentMeta;
}

/** A document's details before and after an edit. */
export interface DocumentInfoChange {
  readonly docId: string;
  readonly before: DocumentInfo;
  readonly after: DocumentInfo;
}

/**
 * One user action over the whole library — merging or splitting entities, editing one, a
 * document's details, deleting documents, merging a label into another — whose spans may lie in many documents: the unit of the library's own
 * undo, stored in one IndexedDB transaction. Per-document histories never hold it.
 */
export interface LibraryChange {
  readonly title: string;
  readonly spans: readonly SpanChange[];
  readonly entities: readonly EntityChange[];
  /** Documents whose title and metadata change (the Details dialog). */
  readonly documents?: readonly DocumentInfoChange[];
  /** Documents deleted (`after` null) or restored by undoing a delete, with all they hold. */
  readonly wholeDocuments?: readonly WholeDocumentChange[];
  /** The label set before and after, when the step changes it (a label merged into another). */
  readonly labels?: { readonly before: readonly LabelDef[]; readonly after: readonly LabelDef[] };
}

/** The library change that undoes `change`. */
export function invertLibraryChange(change: LibraryChange): LibraryChange {
  return {
    title: change.title,
    spans: change.spans.map((c) => ({ before: c.after, after: c.before })).reverse(),
    entities: change.entities.map((c) => ({ before: c.after, after: c.before })).reverse(),
    ...(change.documents ? { documents: change.documents.map((c) => ({ docId: c.docId, before: c.after, after: c.before })).reverse() } : {}),
    ...(change.wholeDocuments ? { wholeDocuments: change.wholeDocuments.map((c) => ({ before: c.after, after: c.before })).reverse() } : {}),
    ...(change.labels ? { labels: { before: change.labels.after, after: change.labels.before } } : {}),
  };
}

/** Names not already among `have` (folding aside: the analyst's spellings are kept), in order, each once. */
function addNames(have: readonly string[], more: readonly string[]): string[] {
  const out = [...have];
  for (const n of more) if (n.trim() && !out.includes(n)) out.push(n);
  return out;
}

/**
 * Merges `from` into `into`: every mention of `from` names `into`, `from`'s names become
 * `into`'s other names (its identifier too, when `into` has none), and `from` is deleted.
 * `title` names the step in the undo history, in the interface's language.
 */
export function mergeEntities(into: Entity, from: Entity, mentions: readonly Span[], now: number, title: string): LibraryChange {
  const otherNames = addNames(into.otherNames, [from.name, ...from.otherNames]).filter((n) => n !== into.name);
  const merged: Entity = {
    ...into,
    otherNames,
    ...(into.identifier === undefined && from.identifier !== undefined ? { identifier: from.identifier } : {}),
    updatedAt: now,
    version: into.version + 1,
  };
  return {
    title,
    spans: mentions.filter((s) => s.entityId === from.id).map((s) => ({ before: s, after: linkEntity(s, into.id, now) })),
    entities: [
      { before: into, after: merged },
      { before: from, after: null },
    ],
  };
}

/** Moves the chosen mentions of `from` to a new entity `made` (its names and type given by the caller); `title` names the step. */
export function splitEntity(from: Entity, made: Entity, mentions: readonly Span[], now: number, title: string): LibraryChange {
  return {
    title,
    spans: mentions.filter((s) => s.entityId === from.id).map((s) => ({ before: s, after: linkEntity(s, made.id, now) })),
    entities: [{ before: null, after: made }],
  };
}

/** An entity with new fields; the same object when nothing differs. */
export function editEntity(entity: Entity, edit: Pick<Entity, 'name' | 'otherNames' | 'type'> & { readonly identifier?: string }, now: number): Entity {
  const identifier = edit.identifier?.trim() || undefined;
  const otherNames = addNames(
    [],
    edit.otherNames.map((n) => n.trim()),
  ).filter((n) => n !== edit.name);
  if (
    entity.name === edit.name &&
    entity.type === edit.type &&
    entity.identifier === identifier &&
    entity.otherNames.length === otherNames.length &&
    entity.otherNames.every((n, i) => n === otherNames[i])
  )
    return entity;
  const { identifier: _dropped, ...rest } = entity;
  return { ...rest, name: edit.name, otherNames, type: edit.type, ...(identifier ? { identifier } : {}), updatedAt: now, version: entity.version + 1 };
}
