import { TextSelection } from '@tiptap/pm/state';
import type { EditorView } from '@tiptap/pm/view';
import { compareSpans, type Span } from '../../shared/model/span';
import { nextTokenEnd, nextTokenStart, prevTokenStart } from '../../shared/text/tokenMotion';
import { utf16 } from '../../shared/text/units';
import type { HashiyaStore } from '../store/createStore';
import { spansAt } from '../store/spansAt';
import { annotationKey } from './annotationPlugin';
import { toEditorPos, toTextOffset, type EditorPos, type TextLayout } from './positions';
import { selectionPreciseKey } from './selectionPrecisionPlugin';

/** Marks selection changes the app makes itself, so they don't reselect spans. */
export const PROGRAMMATIC = 'hashiya-programmatic';

/** Records, in the editor's state, whether the selection just made asked for character precision (Alt held). */
export function markSelectionPrecise(view: EditorView, precise: boolean): void {
  if (isSelectionPrecise(view) === precise) return;
  view.dispatch(view.state.tr.setMeta(selectionPreciseKey, precise).setMeta(PROGRAMMATIC, true));
}

/** Whether the current selection was made with Alt held. */
export function isSelectionPrecise(view: EditorView): boolean {
  return selectionPreciseKey.getState(view.state) ?? false;
}

function layoutOf(view: EditorView): TextLayout | undefined {
  return annotationKey.getState(view.state)?.layout;
}

/** The user's text selection as text offsets, or null when the caret is collapsed. */
function selectedRange(view: EditorView): { start: number; end: number } | null {
  const { selection } = view.state;
  const layout = layoutOf(view);
  if (selection.empty || !layout) return null;
  return { start: toTextOffset(layout, selection.from as EditorPos), end: toTextOffset(layout, selection.to as EditorPos) };
}

/** The caret's text offset (the selection's moving end). */
function caretOffset(view: EditorView): number {
  const layout = layoutOf(view);
  return layout ? toTextOffset(layout, view.state.selection.head as EditorPos) : 0;
}

/** Sets the editor selection to text offsets `anchor..head` (collapsed when equal) and scrolls to it. */
export function setTextSelection(view: EditorView, anchor: number, head: number = anchor): void {
  const layout = layoutOf(view);
  if (!layout) return;
  const sel = TextSelection.create(view.state.doc, toEditorPos(layout, utf16(anchor)), toEditorPos(layout, utf16(head)));
  view.dispatch(view.state.tr.setSelection(sel).scrollIntoView().setMeta(PROGRAMMATIC, true));
}

/**
 * Applies a label: tags the selected text as a new span (snapped to tokens unless
 * precise), then selects that span with the caret at its end; or relabels the selected
 * span when no text is selected.
 */
export function applyLabel(view: EditorView, store: HashiyaStore, label: string): void {
  const st = store.getState();
  const range = selectedRange(view);
  if (range) {
    const id = st.addSpan(label, utf16(range.start), utf16(range.end), isSelectionPrecise(view));
    const span = id ? store.getState().spans.get(id) : undefined;
    if (span) setTextSelection(view, span.end);
    markSelectionPrecise(view, false);
  } else if (st.selectedSpanId) {
    st.relabelSelected(label);
  } else {
    st.notify({ kind: 'info', text: 'Select some text, or a span, first.' });
  }
  if (!view.hasFocus()) view.focus();
}

/** Selects the innermost span under a collapsed caret; a range selection deselects. */
export function syncSelectedSpan(view: EditorView, store: HashiyaStore): void {
  const { selection } = view.state;
  const layout = layoutOf(view);
  if (!layout) return;
  const st = store.getState();
  if (!selection.empty) {
    const sel = st.selectedSpanId ? st.spans.get(st.selectedSpanId) : undefined;
    const range = selectedRange(view);
    if (!sel || !range || sel.start !== range.start || sel.end !== range.end) st.selectSpan(null);
    return;
  }
  const found = spansAt(st.spans.values(), toTextOffset(layout, selection.from as EditorPos));
  if (st.linkingClaimId) {
    // In link mode a click on a span picks the source: an actor if there is one there.
    const pick = found.find((s) => s.label === 'actor' && s.id !== st.linkingClaimId) ?? found.find((s) => s.id !== st.linkingClaimId);
    if (pick) {
      finishLink(store, pick.id, view);
      return;
    }
  }
  st.selectSpan(found[0]?.id ?? null);
}

/** Clicking again where the caret already is selects the next enclosing span. */
export function cycleSelectedSpan(view: EditorView, store: HashiyaStore, pos: number): void {
  const layout = layoutOf(view);
  if (!layout) return;
  const st = store.getState();
  const found = spansAt(st.spans.values(), toTextOffset(layout, pos as EditorPos));
  if (found.length < 2) return;
  const at = found.findIndex((s) => s.id === st.selectedSpanId);
  st.selectSpan(found[(at + 1) % found.length]!.id);
}

/** Moves the caret one token forward or back in reading order; with `extend`, grows the selection. */
export function moveByToken(view: EditorView, store: HashiyaStore, forward: boolean, extend: boolean): void {
  const open = store.getState().open;
  const layout = layoutOf(view);
  if (!open || !layout) return;
  const head = caretOffset(view);
  const anchor = toTextOffset(layout, view.state.selection.anchor as EditorPos);
  const next = forward ? (extend ? nextTokenEnd(open.tokens, head) : nextTokenStart(open.tokens, head)) : prevTokenStart(open.tokens, head);
  markSelectionPrecise(view, false);
  setTextSelection(view, extend ? anchor : next, next);
}

/** Selects the next (or previous) span in reading order and scrolls it into view; in link mode, only actors. */
export function jumpToSpan(view: EditorView, store: HashiyaStore, forward: boolean): void {
  const st = store.getState();
  const linking = st.linkingClaimId;
  const all = [...st.spans.values()].filter((s) => !linking || (s.label === 'actor' && s.id !== linking)).sort(compareSpans);
  if (!all.length) return;
  const current = st.selectedSpanId ? st.spans.get(st.selectedSpanId) : undefined;
  const from: Pick<Span, 'start' | 'end' | 'label' | 'id'> = current ?? { start: utf16(caretOffset(view)), end: utf16(caretOffset(view)), label: '', id: '' };
  let next: Span | undefined;
  if (forward) next = all.find((s) => compareSpans(s, from) > 0) ?? all[0];
  else next = [...all].reverse().find((s) => compareSpans(s, from) < 0) ?? all[all.length - 1];
  if (!next) return;
  setTextSelection(view, next.start);
  st.selectSpan(next.id);
}

/** Starts picking a source for the selected claim. */
export function startLink(store: HashiyaStore): void {
  const st = store.getState();
  const claim = st.selectedSpanId ? st.spans.get(st.selectedSpanId) : undefined;
  if (!claim || claim.label !== 'claim') {
    st.notify({ kind: 'info', text: 'Select a claim first, then press S to pick its source.' });
    return;
  }
  st.setLinking(claim.id);
  st.notify({ kind: 'info', text: 'Pick the source: click an actor, or move with ] and [ and press Enter. Escape cancels.' });
}

/** Links the claim in link mode to `sourceId`, then selects the claim again with the caret in it. */
export function finishLink(store: HashiyaStore, sourceId: string, view?: EditorView | null): void {
  const st = store.getState();
  const claimId = st.linkingClaimId;
  if (!claimId) return;
  st.setLinking(null);
  st.notify(null);
  st.linkSource(claimId, sourceId);
  const claim = store.getState().spans.get(claimId);
  if (view && claim) setTextSelection(view, claim.start);
  store.getState().selectSpan(claimId);
}

/** In link mode, a click picks the span under it as the source: an actor if there is one. */
export function pickSourceAt(view: EditorView, store: HashiyaStore, pos: number): boolean {
  const st = store.getState();
  const layout = layoutOf(view);
  if (!st.linkingClaimId || !layout) return false;
  const found = spansAt(st.spans.values(), toTextOffset(layout, pos as EditorPos)).filter((s) => s.id !== st.linkingClaimId);
  const pick = found.find((s) => s.label === 'actor') ?? found[0];
  if (!pick) return false;
  finishLink(store, pick.id, view);
  return true;
}
