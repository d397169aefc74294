import { Plugin, PluginKey, TextSelection } from '@tiptap/pm/state';
import type { EditorView } from '@tiptap/pm/view';
import { shallow } from 'zustand/shallow';
import { labelTitle } from '../../shared/model/labelTitle';
import { STANCES, type Span } from '../../shared/model/span';
import { changedSince } from '../../shared/model/spanLineage';
import { utf16 } from '../../shared/text/units';
import { t } from '../i18n/i18n';
import type { HashiyaStore } from '../store/createStore';
import { subscribeFirst } from '../store/listenFirst';
import type { HashiyaState } from '../store/types';
import { annotationKey, type AnnotationAction } from './annotationPlugin';
import { PROGRAMMATIC, takeCaretAfterDraw } from './editorCommands';
import { isBuilt, isComplete, markGrowth } from './docGrowth';
import { loadingIndicator } from './loadingIndicator';
import { builtEnd, layoutToDocJson, sectionsHolding, textLayout, toEditorPos, type TextLayout } from './positions';
import { reviewLayerKey, type ReviewLayerAction, type ReviewLayers } from './reviewLayerPlugin';

/** Each stance's name in the interface's language, said after a claim's label and shown by its stance glyph. */
const stanceNames = (): ReadonlyMap<string, string> => new Map(STANCES.map((st) => [st, t(`stance.word.${st}`)]));

/** The annotator layers the review draws for the open document, or null outside review. */
function reviewLayers(s: HashiyaState, docId: string, layout: TextLayout, colors: ReadonlyMap<string, string>): ReviewLayers | null {
  const r = s.review;
  if (!r || r.docId !== docId) return null;
  const focus = r.differences[r.current];
  return {
    layout,
    colors,
    a: r.showA ? [...r.layerA.values()] : [],
    b: r.showB ? [...r.layerB.values()] : [],
    names: { a: r.a, b: r.b },
    stances: stanceNames(),
    focus: focus ? { start: focus.start, end: focus.end } : null,
  };
}

/** Each label's display name in the interface's language, for the spans' descriptions. */
const labelNames = (s: HashiyaState): ReadonlyMap<string, string> => new Map(s.labels.map((l) => [l.name, labelTitle(l, s.language)]));

type SpanFields = Pick<HashiyaState, 'spans' | 'selectedSpanId' | 'linkingClaimId'>;

/** Document `docId` as the editor shows it: open, or its text in while its spans are read. */
const shownDoc = (s: HashiyaState, docId: string) => (s.open?.record.id === docId ? s.open : s.opening?.record.id === docId ? s.opening : null);

// Past this many spans changed at once, the set is drawn anew: an update compares each span
// it touches with every other (nesting), quadratic for the 11,000 a long document's read brings.
const REDRAW_ALL = 200;

// A long document is built in runs of sections: about a screenful and more at once, then
// the rest a run per task, each run short enough to keep a task well under 50 ms.
const FIRST_CHARS = 12_000;
const RUN_CHARS = 16_000;

/** The sections the first build holds: the first screen's, and through the span or difference the document opens at. */
function firstSections(layout: TextLayout, s: HashiyaState, docId: string): number {
  const selected = s.selectedSpanId ? s.spans.get(s.selectedSpanId) : undefined;
  const r = s.review?.docId === docId ? s.review : null;
  const focusEnd = Math.max(selected?.end ?? 0, r?.differences[r.current]?.end ?? 0);
  let sections = sectionsHolding(layout, 0, FIRST_CHARS);
  while (sections < layout.sectionStarts.length && builtEnd(layout, sections) < focusEnd) sections++;
  return sections;
}

// The difference in focus is scrolled to the middle of the view, like a search hit.
function showFocus(view: EditorView): void {
  const el = view.dom.querySelector('.hs-diff-focus');
  if (el) el.scrollIntoView({ block: 'center', behavior: 'auto' });
}

/**
 * Keeps the editor drawing what the store holds for document `docId` (an editor shows one
 * document; another opened gets an editor of its own). Its plugin view subscribes to narrow
 * fields of the store and dispatches `tr.setMeta(annotationKey | reviewLayerKey, …)`:
 * the open document's text (or the labels) loads the text (a long one a run of sections at a
 * time, the first screen's first, with a progress bar meanwhile), shown while its spans are
 * still read (`opening`); changed spans and selection become an `update` of only those spans
 * (or, for the spans read after the text and other large changes, one set drawn anew), review layers are redrawn when a layer or toggle
 * changes and only the focus moves when stepping through differences. It unsubscribes
 * when the view is destroyed.
 */
export function storeSyncPlugin(store: HashiyaStore, docId: string): Plugin {
  return new Plugin({
    key: new PluginKey('hashiya-store-sync'),
    view(view) {
      // Nothing is drawn before the text is in: positions need its layout.
      let loaded = false;
      const isLoaded = (s: HashiyaState) => loaded && !view.isDestroyed && shownDoc(s, docId) !== null;

      const loading = loadingIndicator(view);
      let growing: ReturnType<typeof setTimeout> | undefined;
      // The growth that waits for the spans: built on without them, the spans would then
      // have to be drawn over the whole text at once, one long task.
      let waiting: (() => void) | undefined;

      // Appends the sections after `from`, a run per task, until the document is whole.
      const growFrom = (layout: TextLayout, from: number) => {
        const total = layout.sectionStarts.length;
        if (from >= total) return loading.hide();
        loading.show(builtEnd(layout, from) / Math.max(1, layout.text.length));
        growing = setTimeout(() => {
          growing = undefined;
          if (view.isDestroyed || annotationKey.getState(view.state)?.layout !== layout) return;
          if (store.getState().open?.record.id !== docId) {
            waiting = () => growFrom(layout, from);
            return;
          }
          const to = sectionsHolding(layout, from, RUN_CHARS);
          const run = view.state.schema.nodeFromJSON(layoutToDocJson(layout, from, to));
          const tr = view.state.tr.insert(view.state.doc.content.size, run.content);
          view.dispatch(markGrowth(tr, { from: builtEnd(layout, from), to: builtEnd(layout, to) }).setMeta(PROGRAMMATIC, true));
          growFrom(layout, to);
        }, 0);
      };

      const load = () => {
        const st = store.getState();
        const open = shownDoc(st, docId);
        if (view.isDestroyed || !open) return;
        clearTimeout(growing);
        waiting = undefined;
        const layout = textLayout(open.text);
        const first = firstSections(layout, st, docId);
        const doc = view.state.schema.nodeFromJSON(layoutToDocJson(layout, 0, first));
        const colors = new Map(st.labels.map((l) => [l.name, l.color]));
        const titles = new Map(st.labels.map((l) => [l.name, `${l.name} (${l.title.ar}) — ${l.guideline.en}`]));
        const action: AnnotationAction = {
          type: 'load',
          layout,
          spans: [...st.spans.values()],
          colors,
          titles,
          names: labelNames(st),
          stances: stanceNames(),
          selectedId: st.selectedSpanId,
          linkingId: st.linkingClaimId,
        };
        const tr = view.state.tr.replaceWith(0, view.state.doc.content.size, doc.content);
        tr.setSelection(TextSelection.create(tr.doc, toEditorPos(layout, utf16(0))))
          .setMeta(annotationKey, action)
          .setMeta(PROGRAMMATIC, true);
        tr.setMeta(reviewLayerKey, { type: 'draw', layers: reviewLayers(st, docId, layout, colors) } satisfies ReviewLayerAction);
        loaded = true;
        view.dispatch(tr);
        // Focus (and with it the caret at the start) comes after the first frame: focusing
        // puts the selection in the DOM, which lays out the new text before it is painted
        // (15–30 ms of a long document's first screen). A click or a key meanwhile keeps its own.
        requestAnimationFrame(() => {
          if (!view.isDestroyed && !view.hasFocus()) view.focus();
        });
        showFocus(view);
        growFrom(layout, first);
      };

      // Spans changed in the store become decoration changes: only what differs from what is
      // drawn, found from the changes the store made since (else by comparing every span).
      const drawSpans = (s: SpanFields, spansChanged: boolean) => {
        const drawn = annotationKey.getState(view.state);
        if (!drawn) return;
        const upsert: Span[] = [];
        const remove: string[] = [];
        const changed = spansChanged ? changedSince(drawn.spans, s.spans) : null;
        if (changed) {
          for (const id of changed) {
            const span = s.spans.get(id);
            if (span && span !== drawn.spans.get(id)) upsert.push(span);
            else if (!span && drawn.spans.has(id)) remove.push(id);
          }
        } else if (spansChanged) {
          // Spans drawn that the store still holds: when that is all of them, none was removed.
          let kept = 0;
          for (const [id, span] of s.spans) {
            const was = drawn.spans.get(id);
            if (was) kept++;
            if (was !== span) upsert.push(span);
          }
          if (kept < drawn.spans.size) for (const id of drawn.spans.keys()) if (!s.spans.has(id)) remove.push(id);
        }
        if (!upsert.length && !remove.length && s.selectedSpanId === drawn.selectedId && s.linkingClaimId === drawn.linkingId) return;
        if (upsert.length + remove.length > REDRAW_ALL) {
          const all: AnnotationAction = { type: 'spans', spans: s.spans, selectedId: s.selectedSpanId, linkingId: s.linkingClaimId };
          view.dispatch(view.state.tr.setMeta(annotationKey, all).setMeta(PROGRAMMATIC, true));
          return;
        }
        const update: AnnotationAction = {
          type: 'update',
          upsert,
          remove,
          selectedId: s.selectedSpanId,
          linkingId: s.linkingClaimId,
          // The store never changes its map in place, so the plugin keeps it instead of a copy.
          ...(spansChanged ? { spans: s.spans } : {}),
        };
        const tr = view.state.tr.setMeta(annotationKey, update).setMeta(PROGRAMMATIC, true);
        const selected = takeCaretAfterDraw(view) && s.selectedSpanId ? s.spans.get(s.selectedSpanId) : undefined;
        if (selected && isBuilt(drawn.layout, tr.doc, selected.end))
          tr.setSelection(TextSelection.create(tr.doc, toEditorPos(drawn.layout, selected.end))).scrollIntoView();
        view.dispatch(tr);
      };

      const drawReview = (action: ReviewLayerAction) => view.dispatch(view.state.tr.setMeta(reviewLayerKey, action).setMeta(PROGRAMMATIC, true));

      // Heard before React's subscribers, so the article shows a change before the panels re-render.
      const unsubscribe = [
        // Loading comes first, so the listeners below see the new document's state already drawn.
        // The text, not the record: a document's spans read after its text (`opening`, then
        // `open`) or a newer record must not build the text again.
        subscribeFirst(store, (s) => [shownDoc(s, docId)?.text, s.labels] as const, load, shallow),
        subscribeFirst(
          store,
          (s): SpanFields => ({ spans: s.spans, selectedSpanId: s.selectedSpanId, linkingClaimId: s.linkingClaimId }),
          (now, before) => {
            if (!isLoaded(store.getState())) return;
            drawSpans(now, now.spans !== before.spans);
            const grow = waiting;
            waiting = undefined;
            grow?.();
          },
          shallow,
        ),
        // Another interface language: the spans say their labels in it, and nothing else is redrawn.
        subscribeFirst(
          store,
          (s) => s.language,
          () => {
            const s = store.getState();
            if (!isLoaded(s)) return;
            const action: AnnotationAction = { type: 'names', names: labelNames(s), stances: stanceNames() };
            view.dispatch(view.state.tr.setMeta(annotationKey, action).setMeta(PROGRAMMATIC, true));
          },
        ),
        // Decisions alone change nothing drawn; the layers and their toggles do.
        subscribeFirst(
          store,
          (s) => (s.review ? [s.review.layerA, s.review.layerB, s.review.showA, s.review.showB] : null),
          () => {
            const s = store.getState();
            const drawn = annotationKey.getState(view.state);
            if (!isLoaded(s) || !drawn) return;
            drawReview({ type: 'draw', layers: reviewLayers(s, docId, drawn.layout, drawn.colors) });
          },
          shallow,
        ),
        // Stepping through differences moves only the focus, not every span of both layers.
        subscribeFirst(
          store,
          (s) => s.review?.current,
          () => {
            const s = store.getState();
            if (!isLoaded(s)) return;
            const d = s.review?.differences[s.review.current];
            drawReview({ type: 'focus', focus: d ? { start: d.start, end: d.end } : null });
            showFocus(view);
          },
        ),
      ];

      // Not while the view is being built: its first transaction waits until it exists.
      queueMicrotask(load);
      return {
        destroy: () => {
          clearTimeout(growing);
          loading.hide();
          for (const stop of unsubscribe) stop();
        },
      };
    },
    props: {
      // Busy while its spans are still being read, and while a long document is still being
      // built (the bar above says how far): what a screen reader, or a test, waits for.
      attributes: (state): Record<string, string> => {
        const drawn = annotationKey.getState(state);
        const spansIn = store.getState().open?.record.id === docId;
        return !spansIn || (drawn && !isComplete(drawn.layout, state.doc)) ? { 'aria-busy': 'true' } : {};
      },
    },
  });
}
