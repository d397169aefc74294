import type { StateCreator } from 'zustand';
import { applySpanChanges, invertChange, isEmptyChange, type Change, type SpanChange } from '../../shared/model/change';
import { checkSpanRange } from '../../shared/model/checkSpanRange';
import type { DocStatus } from '../../shared/model/docStatus';
import { createSpan, linkSource, relabelSpan, resizeSpan, setStance, type Span } from '../../shared/model/span';
import { growEdge, snapToTokens } from '../../shared/text/snapToTokens';
import { tokenIndex, type TokenIndex } from '../../shared/text/tokenIndex';
import { tokenize, type Token } from '../../shared/text/tokenize';
import { utf16, type Utf16Offset } from '../../shared/text/units';
import { GOLD } from '../../shared/review/decision';
import { historyKey } from './historyKey';
import { layerStatusOf } from './layerStatus';
import type { DocHistory, DocumentSlice, HashiyaState, StoreDeps } from './types';

const isSpace = (c: string | undefined) => c !== undefined && /\s/.test(c);
const HISTORY_LIMIT = 1000;
const EMPTY_HISTORY: DocHistory = { undo: [], redo: [] };

/** The document's own tokens when it has them, else the project tokenizer's. */
function tokensFor(text: string, own: readonly (readonly [number, number])[] | undefined): TokenIndex {
  const tokens: Token[] = own
    ? own.map(([s, e]) => ({ start: utf16(s), end: utf16(e), kind: 'word' as const }))
    : tokenize(text);
  return tokenIndex(tokens);
}

/**
 * The open document and its spans. Every user action becomes one {@link Change}: the
 * store applies it at once, records it for undo, and writes it to IndexedDB in one
 * transaction, in order. If a write fails the document is reloaded from the database,
 * so the screen never shows what is not stored.
 */
export const documentSlice =
  (deps: StoreDeps): StateCreator<HashiyaState, [], [], DocumentSlice> =>
  (set, get) => {
    let writes: Promise<void> = Promise.resolve();

    function persist(change: Change, spanCount: number) {
      const now = deps.now();
      writes = writes
        .then(() => deps.repo.saveChange(change, spanCount, now))
        .catch(async (e: unknown) => {
          const docId = change.docId;
          const history = new Map(get().history);
          history.delete(docId);
          set({ history });
          get().notify({ kind: 'error', text: `Could not save the change: ${(e as Error).message}. The document was reloaded from storage.` });
          if (get().open?.record.id === docId) await get().openDocument(docId);
        });
    }

    /** Applies a change to the open document's state and storage, and files it in the history. */
    function apply(change: Change, history: DocHistory, selectedSpanId: string | null) {
      const spans = applySpanChanges(get().spans, change);
      const patch: Partial<HashiyaState> = { spans, selectedSpanId, history: new Map(get().history).set(historyKey(change.docId, get().layer), history) };
      if (change.status && change.status.annotator === get().annotator) {
        patch.statuses = new Map(get().statuses).set(change.docId, change.status.after);
      } else if (change.status && change.status.annotator === get().layer) {
        patch.layerStatus = change.status.after;
      }
      const review = get().review;
      if (change.decisions?.length && review?.docId === change.docId) {
        const decisions = new Map(review.decisions);
        for (const d of change.decisions) {
          if (d.after) decisions.set(d.after.key, d.after);
          else if (d.before) decisions.delete(d.before.key);
        }
        patch.review = { ...review, decisions };
      }
      set(patch);
      persist(change, spans.size + get().otherSpans.length);
    }

    /** Performs a new user action: one undo step. */
    function act(title: string, spanChanges: SpanChange[], selectedSpanId: string | null, status?: DocStatus, decisions?: Change['decisions']): void {
      const open = get().open;
      const annotator = get().layer;
      if (!open || !annotator) return;
      const docId = open.record.id;
      const current = layerStatusOf(get(), docId);
      // The first annotation on a new document puts it in progress, in the same step.
      const after = status ?? (current === 'new' && spanChanges.length ? 'in-progress' : current);
      const change: Change = {
        docId,
        title,
        spans: spanChanges,
        ...(after !== current ? { status: { annotator, before: current, after } } : {}),
        ...(decisions?.length ? { decisions } : {}),
      };
      if (isEmptyChange(change)) return;
      const h = get().history.get(historyKey(docId, annotator)) ?? EMPTY_HISTORY;
      apply(change, { undo: [...h.undo, change].slice(-HISTORY_LIMIT), redo: [] }, selectedSpanId);
    }

    function selected(): Span | undefined {
      const id = get().selectedSpanId;
      return id ? get().spans.get(id) : undefined;
    }

    /** The range made ready for a span: ordered, trimmed, snapped unless precise; or why not. */
    function prepareRange(rawStart: number, rawEnd: number, precise: boolean): { start: number; end: number } | string {
      const open = get().open!;
      const text = open.text;
      let start = Math.min(rawStart, rawEnd);
      let end = Math.max(rawStart, rawEnd);
      // Offsets outside the text are refused before snapping could pull them back in.
      if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end > text.length) {
        return checkSpanRange(text, start, end) ?? `offsets ${start}..${end} are outside the text`;
      }
      if (!precise && !get().precise) {
        const snapped = snapToTokens(open.tokens, start, end);
        if (!snapped) return 'the selection holds no word';
        start = snapped.start;
        end = snapped.end;
      }
      while (start < end && isSpace(text[start])) start++;
      while (end > start && isSpace(text[end - 1])) end--;
      return checkSpanRange(text, start, end) ?? { start, end };
    }

    return {
      open: null,
      layer: null,
      otherSpans: [],
      layerStatus: null,
      spans: new Map(),
      selectedSpanId: null,
      precise: false,
      history: new Map(),

      async openDocument(id) {
        await writes;
        const loaded = await deps.repo.loadDocument(id);
        if (!loaded) {
          get().notify({ kind: 'error', text: 'That document is no longer in the library.' });
          return false;
        }
        // The editable layer: the reviewer's gold in review, else the annotator's own spans.
        const layer = get().review?.docId === id ? GOLD : get().annotator;
        const layerStatus = layer === GOLD ? await deps.repo.statusOf(id, GOLD) : null;
        set({
          open: { record: loaded.record, text: loaded.text, tokens: tokensFor(loaded.text, loaded.tokens) },
          layer,
          layerStatus,
          spans: new Map(loaded.spans.filter((s) => s.annotator === layer).map((s) => [s.id, s])),
          otherSpans: loaded.spans.filter((s) => s.annotator !== layer),
          selectedSpanId: null,
        });
        return true;
      },

      flushWrites() {
        return writes;
      },

      closeDocument() {
        set({ open: null, layer: null, otherSpans: [], layerStatus: null, spans: new Map(), selectedSpanId: null });
        void writes.then(() => get().refreshLibrary());
      },

      addSpan(label, rawStart, rawEnd, precise = false) {
        const open = get().open;
        const annotator = get().layer;
        if (!open) return null;
        if (!annotator) {
          get().notify({ kind: 'error', text: 'Give your annotator name first.' });
          return null;
        }
        const range = prepareRange(rawStart, rawEnd, precise);
        if (typeof range === 'string') {
          get().notify({ kind: 'error', text: `Cannot tag that selection: ${range}.` });
          return null;
        }
        for (const s of get().spans.values()) {
          if (s.start === range.start && s.end === range.end && s.label === label) {
            set({ selectedSpanId: s.id });
            return s.id;
          }
        }
        const span = createSpan(
          { id: deps.newId(), docId: open.record.id, start: utf16(range.start), end: utf16(range.end), label, annotator },
          deps.now(),
        );
        act(`Add ${label}`, [{ before: null, after: span }], span.id);
        return span.id;
      },

      relabelSelected(label) {
        const span = selected();
        if (!span) return;
        const after = relabelSpan(span, label, deps.now());
        if (after !== span) act(`Relabel as ${label}`, [{ before: span, after }], span.id);
      },

      deleteSelected() {
        const span = selected();
        if (!span) return;
        const now = deps.now();
        const changes: SpanChange[] = [{ before: span, after: null }];
        // Claims that named this span as their source lose the link in the same step.
        for (const s of get().spans.values()) if (s.sourceId === span.id) changes.push({ before: s, after: linkSource(s, null, now) });
        act(`Delete ${span.label}`, changes, null);
      },

      selectSpan(id) {
        if (get().selectedSpanId !== id) set({ selectedSpanId: id });
      },

      resizeSelected(edge, direction) {
        const span = selected();
        const open = get().open;
        if (!span || !open) return;
        const range = growEdge(open.tokens, span, edge, direction);
        if (!range) return;
        const after = resizeSpan(span, range.start, range.end, deps.now());
        if (after !== span) act(`Resize ${span.label}`, [{ before: span, after }], span.id);
      },

      setSpanRange(id, start, end, precise = false) {
        const span = get().spans.get(id);
        if (!span) return;
        const range = prepareRange(start, end, precise);
        if (typeof range === 'string') {
          get().notify({ kind: 'error', text: `Cannot resize the span: ${range}.` });
          return;
        }
        const after = resizeSpan(span, utf16(range.start), utf16(range.end), deps.now());
        if (after !== span) act(`Resize ${span.label}`, [{ before: span, after }], span.id);
      },

      linkSource(claimId, sourceId) {
        const claim = get().spans.get(claimId);
        if (!claim) return;
        if (sourceId !== null && (sourceId === claimId || !get().spans.has(sourceId))) return;
        const after = linkSource(claim, sourceId, deps.now());
        if (after !== claim) act(sourceId ? 'Link source' : 'Unlink source', [{ before: claim, after }], claimId);
      },

      setStance(claimId, stance) {
        const claim = get().spans.get(claimId);
        if (!claim) return;
        const after = setStance(claim, stance, deps.now());
        if (after !== claim) act(stance ? `Stance: ${stance}` : 'Clear stance', [{ before: claim, after }], claimId);
      },

      toggleDone() {
        const open = get().open;
        if (!open) return;
        const current = layerStatusOf(get(), open.record.id);
        act(current === 'done' ? 'Reopen document' : 'Mark done', [], get().selectedSpanId, current === 'done' ? 'in-progress' : 'done');
      },

      setPrecise(precise) {
        set({ precise });
      },

      commitAction(title, spanChanges, selectedSpanId, decisions) {
        act(title, spanChanges, selectedSpanId, undefined, decisions);
      },

      undo() {
        const open = get().open;
        if (!open) return;
        const h = get().history.get(historyKey(open.record.id, get().layer)) ?? EMPTY_HISTORY;
        const last = h.undo[h.undo.length - 1];
        if (!last) return;
        const inverse = invertChange(last);
        apply(inverse, { undo: h.undo.slice(0, -1), redo: [...h.redo, last] }, inverse.spans.find((c) => c.after)?.after?.id ?? null);
      },

      redo() {
        const open = get().open;
        if (!open) return;
        const h = get().history.get(historyKey(open.record.id, get().layer)) ?? EMPTY_HISTORY;
        const next = h.redo[h.redo.length - 1];
        if (!next) return;
        apply(next, { undo: [...h.undo, next], redo: h.redo.slice(0, -1) }, next.spans.find((c) => c.after)?.after?.id ?? null);
      },
    };
  };
