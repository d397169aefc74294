/**
 * A library-wide entity: what several mentions (actor, place or weapon spans, in any
 * document) name. Nothing is looked up online: `identifier` is whatever the analyst types
 * (a Wikidata id such as Q30, say).
 */
export interface Entity {
  readonly id: string;
  /** The preferred name. */
  readonly name: string;
  /** Other names it goes by, Arabic and Latin. */
  readonly otherNames: readonly string[];
  /** The label of the entity role its mentions carry (actor, place, weapon, …). */
  readonly type: string;
  readonly identifier?: string;
  readonly createdAt: number;
  readonly updatedAt: number;
  /** Grows by one on every change, as a span's does. */
  readonly version: number;
}
