import type { Utf16Offset } from '../text/units';

/** How a claim is put by the text: stated as fact, denied, or reported from someone. */
export type Stance = 'asserted' | 'denied' | 'reported';

/** Every stance, in the order the interface offers them. */
export const STANCES: readonly Stance[] = ['asserted', 'denied', 'reported'];

/**
 * A standoff annotation over a document's immutable text. Offsets are UTF-16 code
 * units, end exclusive; exports convert them to code points.
 */
export interface Span {
  readonly id: string;
  readonly docId: string;
  readonly start: Utf16Offset;
  readonly end: Utf16Offset;
  readonly label: string;
  readonly annotator: string;
  readonly createdAt: number;
  readonly updatedAt: number;
  /** Grows by one on every change, so an unchanged span is the same object. */
  readonly version: number;
  /** For a claim: the id of the span (an actor) that makes it. */
  readonly sourceId?: string;
  /** For a claim: how the text puts it. */
  readonly stance?: Stance;
  /** For an entity-role span (a mention): the library-wide entity it names. */
  readonly entityId?: string;
  /** For a claim: the spans (places, weapons, actors) of the same document it is about. */
  readonly targetIds?: readonly string[];
}

/** What a caller supplies to make a span; the rest is filled in. */
export interface NewSpan {
  readonly id: string;
  readonly docId: string;
  readonly start: Utf16Offset;
  readonly end: Utf16Offset;
  readonly label: string;
  readonly annotator: string;
}

/** Makes a span at time `now`. Range checks belong to {@link checkSpanRange}. */
export function createSpan(input: NewSpan, now: number): Span {
  return { ...input, createdAt: now, updatedAt: now, version: 1 };
}

/** The span with another label; the same object when the label is unchanged. */
export function relabelSpan(span: Span, label: string, now: number): Span {
  if (span.label === label) return span;
  return { ...span, label, updatedAt: now, version: span.version + 1 };
}

/** The span over another range; the same object when the range is unchanged. */
export function resizeSpan(span: Span, start: Utf16Offset, end: Utf16Offset, now: number): Span {
  if (span.start === start && span.end === end) return span;
  return { ...span, start, end, updatedAt: now, version: span.version + 1 };
}

/** The claim linked to a source span, or unlinked with null; the same object when unchanged. */
export function linkSource(span: Span, sourceId: string | null, now: number): Span {
  if ((span.sourceId ?? null) === sourceId) return span;
  const { sourceId: _dropped, ...rest } = span;
  return { ...rest, ...(sourceId === null ? {} : { sourceId }), updatedAt: now, version: span.version + 1 };
}

/** The claim with a stance, or none with null; the same object when unchanged. */
export function setStance(span: Span, stance: Stance | null, now: number): Span {
  if ((span.stance ?? null) === stance) return span;
  const { stance: _dropped, ...rest } = span;
  return { ...rest, ...(stance === null ? {} : { stance }), updatedAt: now, version: span.version + 1 };
}

/** The mention linked to an entity, or unlinked with null; the same object when unchanged. */
export function linkEntity(span: Span, entityId: string | null, now: number): Span {
  if ((span.entityId ?? null) === entityId) return span;
  const { entityId: _dropped, ...rest } = span;
  return { ...rest, ...(entityId === null ? {} : { entityId }), updatedAt: now, version: span.version + 1 };
}

/** The claim about these spans (none when empty), in the order given; the same object when unchanged. */
export function setTargets(span: Span, targetIds: readonly string[], now: number): Span {
  const was = span.targetIds ?? [];
  if (was.length === targetIds.length && was.every((id, i) => id === targetIds[i])) return span;
  const { targetIds: _dropped, ...rest } = span;
  return { ...rest, ...(targetIds.length ? { targetIds: [...targetIds] } : {}), updatedAt: now, version: span.version + 1 };
}

/** Orders spans by start, then end, then label, then id: the order of every export. */
export function compareSpans(a: Pick<Span, 'start' | 'end' | 'label' | 'id'>, b: Pick<Span, 'start' | 'end' | 'label' | 'id'>): number {
  return a.start - b.start || a.end - b.end || (a.label < b.label ? -1 : a.label > b.label ? 1 : 0) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** True when the two spans share at least one character. */
export function overlaps(a: Pick<Span, 'start' | 'end'>, b: Pick<Span, 'start' | 'end'>): boolean {
  return a.start < b.end && b.start < a.end;
}

/** True when `outer` covers every character of `inner`. */
export function contains(outer: Pick<Span, 'start' | 'end'>, inner: Pick<Span, 'start' | 'end'>): boolean {
  return outer.start <= inner.start && inner.end <= outer.end;
}
