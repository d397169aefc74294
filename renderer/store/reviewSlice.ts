import type { StateCreator } from 'zustand';
import { computeAgreement as agreementOf } from '../../shared/agreement/computeAgreement';
import { labelsWithRole } from '../../shared/model/label';
import type { Span } from '../../shared/model/span';
import { GOLD } from '../../shared/review/decision';
import { differences } from '../../shared/review/differences';
import { settle, type SettleContext } from '../../shared/review/settle';
import { t } from '../i18n/i18n';
import type { HashiyaState, ReviewSession, ReviewSlice, StoreDeps } from './types';

const layerOf = (spans: readonly Span[], who: string) => new Map(spans.filter((s) => s.annotator === who).map((s) => [s.id, s]));

/** The first index at or after `from` (wrapping round) whose difference is unsettled, or -1. */
function nextUnsettled(r: ReviewSession, from: number, delta: 1 | -1): number {
  const n = r.differences.length;
  for (let i = 0; i < n; i++) {
    const at = (((from + delta * i) % n) + n) % n;
    if (!r.decisions.has(r.differences[at]!.key)) return at;
  }
  return -1;
}

/**
 * Review and agreement: a document's two annotator layers compared difference by
 * difference and settled into the gold layer (each settlement one undo step, stored with
 * its decision), and agreement measured over the library.
 */
export const reviewSlice =
  (deps: StoreDeps): StateCreator<HashiyaState, [], [], ReviewSlice> =>
  (set, get) => {
    /** What settling needs: the session's layers and decisions, gold as it stands, who and when. */
    const settleContext = (r: ReviewSession): SettleContext => ({
      ...r,
      gold: get().spans,
      reviewer: get().annotator ?? GOLD,
      now: deps.now(),
      newId: deps.newId,
    });
    return {
      review: null,
      agreement: { annotators: [], titleFilter: '', report: null, titles: new Map(), docAnnotators: new Map(), computedMs: null },

      async startReview(docId, a, b) {
        if (a === b || a === GOLD || b === GOLD) {
          get().notify({ kind: 'error', text: t('msg.reviewTwo') });
          return false;
        }
        const stored = await deps.repo.decisionsOf(docId);
        // The session goes in first, still empty, so the document opens on the gold layer; its
        // other layers, read in the same load, then hold A's and B's spans.
        const empty: ReviewSession = {
          docId,
          a,
          b,
          layerA: new Map(),
          layerB: new Map(),
          differences: [],
          decisions: new Map(),
          current: -1,
          showA: true,
          showB: true,
        };
        set({ review: empty });
        if (!(await get().openDocument(docId))) {
          set({ review: null });
          return false;
        }
        // Another document was opened before this one's spans were in: there is nothing to review.
        if (get().open?.record.id !== docId) return true;
        const others = get().otherSpans;
        const layerA = layerOf(others, a);
        const layerB = layerOf(others, b);
        const diffs = differences([...layerA.values()], [...layerB.values()], labelsWithRole(get().labels, 'claim'));
        const decisions = new Map(stored.filter((d) => d.a === a && d.b === b).map((d) => [d.key, d]));
        const session: ReviewSession = { ...empty, layerA, layerB, differences: diffs, decisions };
        set({ review: { ...session, current: diffs.length ? Math.max(0, nextUnsettled(session, 0, 1)) : -1 } });
        return true;
      },

      stopReview() {
        if (get().review) set({ review: null });
      },

      async annotatorsOf(docId) {
        return (await deps.repo.annotators(docId)).filter((a) => a !== GOLD);
      },

      moveDifference(delta, unsettled = false) {
        const r = get().review;
        if (!r || !r.differences.length) return;
        let next: number;
        if (unsettled) {
          next = nextUnsettled(r, r.current + delta, delta);
          if (next < 0) {
            get().notify({ kind: 'info', text: t('msg.allSettled', { count: r.differences.length }) });
            return;
          }
        } else {
          next = r.current + delta;
          if (next < 0 || next >= r.differences.length) {
            get().notify({ kind: 'info', text: delta === 1 ? t('msg.lastDifference') : t('msg.firstDifference') });
            return;
          }
        }
        set({ review: { ...r, current: next } });
      },

      focusDifference(index) {
        const r = get().review;
        if (r && index >= 0 && index < r.differences.length && index !== r.current) set({ review: { ...r, current: index } });
      },

      settleCurrent(verdict) {
        const r = get().review;
        const open = get().open;
        if (!r || !open || open.record.id !== r.docId || r.current < 0) return;
        const diff = r.differences[r.current]!;
        if ((verdict === 'a' && !diff.a) || (verdict === 'b' && !diff.b)) {
          get().notify({ kind: 'error', text: t('msg.noSpanOf', { name: verdict === 'a' ? r.a : r.b }) });
          return;
        }
        const s = settle(settleContext(r), [{ diff, verdict }]);
        get().commitAction(t(`change.settle.${verdict}`), s.spans, s.focusId, s.decisions);
        // Edit stays on the difference so the reviewer can adjust the copy; the rest move on.
        if (verdict !== 'edit') {
          const after = get().review!;
          const next = nextUnsettled(after, after.current + 1, 1);
          if (next >= 0) set({ review: { ...after, current: next } });
          else get().notify({ kind: 'info', text: t('msg.allSettled', { count: after.differences.length }) });
        }
      },

      acceptAgreements() {
        const r = get().review;
        const open = get().open;
        if (!r || !open || open.record.id !== r.docId) return;
        const items = r.differences.filter((d) => d.kind === 'agree' && !r.decisions.has(d.key)).map((diff) => ({ diff, verdict: 'a' as const }));
        if (!items.length) {
          get().notify({ kind: 'info', text: t('msg.noAgreements') });
          return;
        }
        const s = settle(settleContext(r), items);
        get().commitAction(t('change.acceptAgreements', { count: items.length }), s.spans, null, s.decisions);
        const after = get().review!;
        const next = nextUnsettled(after, Math.max(0, after.current), 1);
        if (next >= 0) set({ review: { ...after, current: next } });
        get().notify({ kind: 'info', text: t('msg.agreementsAccepted', { count: items.length }) });
      },

      toggleLayer(layer) {
        const r = get().review;
        if (!r) return;
        set({ review: layer === 'a' ? { ...r, showA: !r.showA } : { ...r, showB: !r.showB } });
      },

      async computeAgreement(annotators, titleFilter) {
        await get().flushWrites();
        const started = performance.now();
        const needle = titleFilter.trim();
        const docs = await deps.repo.agreementDocuments(annotators.length ? annotators : null, (d) => !needle || d.title.includes(needle));
        const report = agreementOf(docs, labelsWithRole(get().labels, 'claim'));
        const titles = new Map<string, string>();
        const byId = new Map(get().documents.map((d) => [d.id, d.title]));
        for (const d of report.per_document) titles.set(d.id, byId.get(d.id) ?? d.id);
        const docAnnotators = new Map(docs.map((d) => [d.id, [...d.annotations.keys()]]));
        set({ agreement: { annotators, titleFilter, report, titles, docAnnotators, computedMs: performance.now() - started } });
      },
    };
  };
