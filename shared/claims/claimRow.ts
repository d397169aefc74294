import type { DocumentMeta } from '../model/document';
import type { Entity } from '../model/entity';
import type { LabelRole } from '../model/label';
import type { Span, Stance } from '../model/span';
import type { Utf16Offset } from '../text/units';

/** What the claims table needs of a document: its text and metadata, and the spans of one layer. */
export interface ClaimDocument {
  readonly id: string;
  readonly title: string;
  readonly text: string;
  readonly meta?: DocumentMeta;
  readonly spans: readonly ClaimSpan[];
}

/** The fields of a span the claims table reads. */
export type ClaimSpan = Pick<Span, 'id' | 'start' | 'end' | 'label'> & Partial<Pick<Span, 'sourceId' | 'stance' | 'entityId' | 'targetIds'>>;

/** A label's name and role: all the claims table needs of the label set. */
export type ClaimLabel = { readonly name: string; readonly role: LabelRole };

/** An entity as a claim names it: its id and every name it goes by. */
export interface EntityRef {
  readonly id: string;
  readonly name: string;
  readonly otherNames: readonly string[];
}

/**
 * A span a claim points to (its source or a target): the span's own text and label, and
 * the entity it names when it is linked to one. `key` says which actor, place or weapon it
 * is across documents: `entity:ID` when linked, else `text:` and its text folded for
 * matching, so unlinked mentions written alike count together.
 */
export interface ClaimParty {
  readonly key: string;
  readonly spanId: string;
  readonly text: string;
  readonly label: string;
  readonly entity: EntityRef | null;
}

/** One claim of the table. Offsets are UTF-16 (`start`, `end`) and code points (`startCp`, `endCp`). */
export interface ClaimRow {
  readonly id: string;
  readonly docId: string;
  readonly title: string;
  /** The document's outlet, or null when it has none. */
  readonly outlet: string | null;
  /** The document's date published, `YYYY-MM-DD`, or null. */
  readonly published: string | null;
  readonly label: string;
  readonly text: string;
  readonly start: Utf16Offset;
  readonly end: Utf16Offset;
  readonly startCp: number;
  readonly endCp: number;
  readonly stance: Stance | null;
  readonly source: ClaimParty | null;
  readonly targets: readonly ClaimParty[];
  /** The entity-role spans inside the claim, and its targets: what it mentions, each key once. */
  readonly mentions: readonly ClaimParty[];
}

/** The entity a party names, as the row holds it. */
export const entityRef = (e: Pick<Entity, 'id' | 'name' | 'otherNames'>): EntityRef => ({ id: e.id, name: e.name, otherNames: e.otherNames });

/** The name a party is shown by: its entity's preferred name, else its span's text. */
export const partyName = (p: ClaimParty): string => p.entity?.name ?? p.text;
