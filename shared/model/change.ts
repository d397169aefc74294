import type { DecisionChange } from '../review/decision';
import type { DocStatus } from './docStatus';
import type { Entity } from './entity';
import type { Span } from './span';
import { recordLineage } from './spanLineage';
import { SpanMap } from './spanMap';

/** A span before and after an action: null before means added, null after means removed. */
export interface SpanChange {
  readonly before: Span | null;
  readonly after: Span | null;
}

/** An entity before and after an action: null before means made, null after means deleted. */
export interface EntityChange {
  readonly before: Entity | null;
  readonly after: Entity | null;
}

/** An annotator's document status before and after an action. */
export interface StatusChange {
  readonly annotator: string;
  readonly before: DocStatus;
  readonly after: DocStatus;
}

/**
 * One user action on one document: the unit of undo, and one IndexedDB transaction.
 * `title` names it for the user ("Add actor", "Link source").
 */
export interface Change {
  readonly docId: string;
  readonly title: string;
  readonly spans: readonly SpanChange[];
  readonly status?: StatusChange;
  /** Review decisions made or undone with the gold spans they put in. */
  readonly decisions?: readonly DecisionChange[];
  /** Entities made or deleted with the mention that names them (a new entity from a mention). */
  readonly entities?: readonly EntityChange[];
}

/** The action that undoes `change`. */
export function invertChange(change: Change): Change {
  return {
    docId: change.docId,
    title: change.title,
    spans: change.spans.map((c) => ({ before: c.after, after: c.before })).reverse(),
    ...(change.status ? { status: { annotator: change.status.annotator, before: change.status.after, after: change.status.before } } : {}),
    ...(change.decisions ? { decisions: change.decisions.map((c) => ({ before: c.after, after: c.before })).reverse() } : {}),
    ...(change.entities ? { entities: change.entities.map((c) => ({ before: c.after, after: c.before })).reverse() } : {}),
  };
}

/** The spans after applying `change` (a new map, made in time proportional to the change; the input is left alone). */
export function applySpanChanges(spans: ReadonlyMap<string, Span>, change: Change): SpanMap {
  const steps: [string, Span | null][] = [];
  for (const c of change.spans) {
    if (c.before && (!c.after || c.after.id !== c.before.id)) steps.push([c.before.id, null]);
    if (c.after) steps.push([c.after.id, c.after]);
  }
  const next = SpanMap.of(spans).with(steps);
  recordLineage(
    next,
    spans,
    steps.map(([id]) => id),
  );
  return next;
}

/** True when the change alters nothing. */
export function isEmptyChange(change: Change): boolean {
  return (
    change.spans.every((c) => c.before === c.after) &&
    (!change.status || change.status.before === change.status.after) &&
    (change.decisions ?? []).every((c) => c.before === c.after) &&
    (change.entities ?? []).every((c) => c.before === c.after)
  );
}

/** The entities after applying `change`'s entity part (a new map; the input is left alone). */
export function applyEntityChanges(entities: ReadonlyMap<string, Entity>, changes: readonly EntityChange[]): Map<string, Entity> {
  const next = new Map(entities);
  for (const c of changes) {
    if (c.before && !c.after) next.delete(c.before.id);
    if (c.after) next.set(c.after.id, c.after);
  }
  return next;
}

/**
 * The change (a document's, or a library change) with labels renamed, old name to new, in its
 * before and after spans and in the types of its entities, so an undo after renaming a label
 * brings back spans and entities under the new name. Renaming stores every such span and
 * entity again at the next version, and so does this: a library change, whose undo finds its
 * spans and entities by version, is still taken after a rename.
 */
export function renameLabelsInChange<C extends { readonly spans: readonly SpanChange[]; readonly entities?: readonly EntityChange[] }>(
  change: C,
  renames: ReadonlyMap<string, string>,
): C {
  const rename = (s: Span | null): Span | null => {
    const to = s ? renames.get(s.label) : undefined;
    return !s || to === undefined || to === s.label ? s : { ...s, label: to, version: s.version + 1 };
  };
  const retype = (e: Entity | null): Entity | null => {
    const to = e ? renames.get(e.type) : undefined;
    return !e || to === undefined || to === e.type ? e : { ...e, type: to, version: e.version + 1 };
  };
  return {
    ...change,
    spans: change.spans.map((c) => ({ before: rename(c.before), after: rename(c.after) })),
    ...(change.entities ? { entities: change.entities.map((c) => ({ before: retype(c.before), after: retype(c.after) })) } : {}),
  };
}
