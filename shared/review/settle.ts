import type { SpanChange } from '../model/change';
import { createSpan, linkSource, setStance, type Span } from '../model/span';
import { utf16 } from '../text/units';
import { decisionId, GOLD, type Decision, type DecisionChange, type Verdict } from './decision';
import type { Difference } from './differences';
import { rangeKey } from './rangeKey';

/** What settling needs to know about the document under review. */
export interface SettleContext {
  readonly docId: string;
  readonly a: string;
  readonly b: string;
  readonly layerA: ReadonlyMap<string, Span>;
  readonly layerB: ReadonlyMap<string, Span>;
  /** The gold layer as it stands. */
  readonly gold: ReadonlyMap<string, Span>;
  /** Decisions already made, by difference key. */
  readonly decisions: ReadonlyMap<string, Decision>;
  readonly reviewer: string;
  readonly now: number;
  readonly newId: () => string;
}

/** The gold spans and decisions that settling some differences changes: one undo step. */
export interface Settlement {
  readonly spans: SpanChange[];
  readonly decisions: DecisionChange[];
  /** The gold span to select afterwards (for `edit`), if any. */
  readonly focusId: string | null;
}

/**
 * Settles each difference with its verdict, in order, into the gold layer:
 * - `a` / `b` copy that annotator's span into gold, `both` copies both (once when equal),
 *   `edit` copies A's (else B's) for the reviewer to adjust, `reject` copies nothing;
 * - a copy keeps the claim's stance, and its source when gold holds a span of the same range
 *   and label as the annotator's source; copying a source also links the gold claims copied
 *   from claims it was the source of, so the order differences are settled in does not matter;
 * - a gold span equal in range and label to the one being copied is reused, not doubled;
 * - settling a difference again first takes out the gold spans its earlier decision put in.
 */
export function settle(ctx: SettleContext, items: readonly { diff: Difference; verdict: Verdict }[]): Settlement {
  const original = new Map<string, Span | null>();
  const gold = new Map(ctx.gold);
  const write = (id: string, span: Span | null) => {
    if (!original.has(id)) original.set(id, ctx.gold.get(id) ?? null);
    if (span) gold.set(id, span);
    else gold.delete(id);
  };
  const goldByRange = () => {
    const m = new Map<string, Span>();
    for (const s of gold.values()) if (!m.has(rangeKey(s))) m.set(rangeKey(s), s);
    return m;
  };
  const decisions: DecisionChange[] = [];
  let focusId: string | null = null;

  for (const { diff, verdict } of items) {
    const before = ctx.decisions.get(diff.key) ?? null;
    if (before) {
      for (const id of before.goldIds) {
        if (!gold.has(id)) continue;
        write(id, null);
        for (const s of [...gold.values()]) if (s.sourceId === id) write(s.id, linkSource(s, null, ctx.now));
      }
    }
    const chosen: { span: Span; layer: ReadonlyMap<string, Span> }[] = [];
    if ((verdict === 'a' || verdict === 'both' || verdict === 'edit') && diff.a) chosen.push({ span: diff.a, layer: ctx.layerA });
    if ((verdict === 'b' || verdict === 'both' || (verdict === 'edit' && !diff.a)) && diff.b) {
      if (!(verdict === 'both' && diff.a && rangeKey(diff.a) === rangeKey(diff.b))) chosen.push({ span: diff.b, layer: ctx.layerB });
    }
    const goldIds: string[] = [];
    for (const { span, layer } of chosen) {
      const existing = goldByRange().get(rangeKey(span));
      let copy = existing;
      if (!copy) {
        copy = createSpan({ id: ctx.newId(), docId: ctx.docId, start: utf16(span.start), end: utf16(span.end), label: span.label, annotator: GOLD }, ctx.now);
        if (span.stance) copy = setStance(copy, span.stance, ctx.now);
        const source = span.sourceId ? layer.get(span.sourceId) : undefined;
        const goldSource = source ? goldByRange().get(rangeKey(source)) : undefined;
        if (goldSource) copy = linkSource(copy, goldSource.id, ctx.now);
        write(copy.id, copy);
      }
      goldIds.push(copy.id);
      // Gold claims copied from claims this span was the source of now get their source.
      const byRange = goldByRange();
      for (const claim of layer.values()) {
        if (claim.sourceId !== span.id) continue;
        const goldClaim = byRange.get(rangeKey(claim));
        if (goldClaim && !goldClaim.sourceId) write(goldClaim.id, linkSource(goldClaim, copy.id, ctx.now));
      }
    }
    if (verdict === 'edit') focusId = goldIds[0] ?? null;
    const after: Decision = {
      id: decisionId(ctx.docId, ctx.a, ctx.b, diff.key),
      docId: ctx.docId,
      a: ctx.a,
      b: ctx.b,
      key: diff.key,
      verdict,
      goldIds,
      reviewer: ctx.reviewer,
      decidedAt: ctx.now,
    };
    decisions.push({ before, after });
  }

  const spans: SpanChange[] = [];
  for (const [id, before] of original) {
    const after = gold.get(id) ?? null;
    if (before !== after) spans.push({ before, after });
  }
  return { spans, decisions, focusId };
}
