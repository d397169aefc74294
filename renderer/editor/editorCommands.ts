import { TextSelection } from '@tiptap/pm/state';
import type { EditorView } from '@tiptap/pm/view';
import { roleOf } from '../../shared/model/label';
import { sourceCandidates } from '../../shared/model/sourceCandidates';
import { sourceProblem } from '../../shared/model/sourceProblem';
import { t } from '../i18n/i18n';
import { compareSpans, type Span } from '../../shared/model/span';
import { nextTokenEnd, nextTokenStart, prevTokenStart } from '../../shared/text/tokenMotion';
import { utf16 } from '../../shared/text/units';
import type { HashiyaStore } from '../store/createStore';
import { spansAt } from '../store/spansAt';
import { annotationKey } from './annotationPlugin';
import { isBuilt } from './docGrowth';
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

/** Whether the selection is a caret at text offset `offset`. */
function caretAt(view: EditorView, offset: number): boolean {
  const layout = layoutOf(view);
  return !!layout && view.state.selection.empty && toTextOffset(layout, view.state.selection.head as EditorPos) === offset;
}

/** The caret's text offset (the selection's moving end). */
function caretOffset(view: EditorView): number {
  const layout = layoutOf(view);
  return layout ? toTextOffset(layout, view.state.selection.head as EditorPos) : 0;
}

// Views whose next drawing of spans also puts the caret at the end of the selected span.
const caretAfterDraw = new WeakSet<EditorView>();

/**
 * Whether the drawing of spans about to be dispatched should also put the caret at the end
 * of the span the store selects (asked once, by the store sync; `applyLabel` asks for it).
 */
export function takeCaretAfterDraw(view: EditorView): boolean {
  return caretAfterDraw.delete(view);
}

/** Sets the editor selection to text offsets `anchor..head` (collapsed when equal) and scrolls to it. */
export function setTextSelection(view: EditorView, anchor: number, head: number = anchor): void {
  const layout = layoutOf(view);
  // Not yet into the part of a long document still being built.
  if (!layout || !isBuilt(layout, view.state.doc, Math.max(anchor, head))) return;
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
    // The new span is drawn and the caret put at its end in one transaction: in a key press
    // Chrome pays for each change of the selection in an editable text by walking the text
    // before it, and restoring the tagged range only to move the caret after it paid twice.
    caretAfterDraw.add(view);
    const id = st.addSpan(label, utf16(range.start), utf16(range.end), isSelectionPrecise(view));
    caretAfterDraw.delete(view);
    const span = id ? store.getState().spans.get(id) : undefined;
    if (span && !caretAt(view, span.end)) setTextSelection(view, span.end);
    markSelectionPrecise(view, false);
  } else if (st.selectedSpanId) {
    st.relabelSelected(label);
  } else {
    st.notify({ kind: 'info', text: t('msg.selectFirst') });
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
  const offset = toTextOffset(layout, selection.from as EditorPos);
  // In link mode a click on an entity span picks it as the source (a click elsewhere is
  // explained by pickSourceAt, which every click reaches).
  const pick = sourceAt(store, offset);
  if (pick) {
    finishLink(store, pick.id, view);
    return;
  }
  st.selectSpan(spansAt(st.spans.values(), offset)[0]?.id ?? null);
}

/**
 * Clicking again where the caret already is: selects the next enclosing span, or the
 * innermost one when none under the caret is selected (after Escape, say), since the
 * caret not moving means no selection change will select it.
 */
export function cycleSelectedSpan(view: EditorView, store: HashiyaStore, pos: number): void {
  const layout = layoutOf(view);
  if (!layout) return;
  const st = store.getState();
  const found = spansAt(st.spans.values(), toTextOffset(layout, pos as EditorPos));
  if (!found.length) return;
  const at = found.findIndex((s) => s.id === st.selectedSpanId);
  st.selectSpan(found[(at + 1) % found.length]!.id);
}

/** Whether any span lies under `pos`, so a quick second click there means "this span, then the one around it", not "this word". */
export function hasSpanAt(view: EditorView, store: HashiyaStore, pos: number): boolean {
  const layout = layoutOf(view);
  if (!layout) return false;
  return spansAt(store.getState().spans.values(), toTextOffset(layout, pos as EditorPos)).length > 0;
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

/**
 * Selects the next (or previous) span in reading order and scrolls it into view. In link
 * mode it walks the claim's possible sources instead, nearest first (see
 * {@link sourceCandidates}): from the claim, either key goes to the nearest entity span
 * before it; then `forward` steps outward and back steps inward, both wrapping round.
 */
export function jumpToSpan(view: EditorView, store: HashiyaStore, forward: boolean): void {
  const st = store.getState();
  const claim = st.linkingClaimId ? st.spans.get(st.linkingClaimId) : undefined;
  let next: Span | undefined;
  if (claim) {
    const ring = sourceCandidates(st.spans.values(), st.labels, claim);
    if (!ring.length) {
      st.notify({ kind: 'info', text: t('msg.noSourceCandidate') });
      return;
    }
    const at = ring.findIndex((s) => s.id === st.selectedSpanId);
    next = at < 0 ? ring[0] : ring[(at + (forward ? 1 : ring.length - 1)) % ring.length];
  } else {
    const all = [...st.spans.values()].sort(compareSpans);
    const current = st.selectedSpanId ? st.spans.get(st.selectedSpanId) : undefined;
    const from: Pick<Span, 'start' | 'end' | 'label' | 'id'> = current ?? { start: utf16(caretOffset(view)), end: utf16(caretOffset(view)), label: '', id: '' };
    if (forward) next = all.find((s) => compareSpans(s, from) > 0) ?? all[0];
    else next = [...all].reverse().find((s) => compareSpans(s, from) < 0) ?? all[all.length - 1];
  }
  if (!next) return;
  setTextSelection(view, next.start);
  st.selectSpan(next.id);
}

/** Starts picking a source for the selected claim. */
export function startLink(store: HashiyaStore): void {
  const st = store.getState();
  const claim = st.selectedSpanId ? st.spans.get(st.selectedSpanId) : undefined;
  if (!claim || roleOf(st.labels, claim.label) !== 'claim') {
    st.notify({ kind: 'info', text: t('msg.claimFirst') });
    return;
  }
  st.setLinking(claim.id);
  st.notify({ kind: 'info', text: t('msg.pickSource') });
}

/** Links the claim in link mode to `sourceId`, then selects the claim again with the caret in it. */
export function finishLink(store: HashiyaStore, sourceId: string, view?: EditorView | null): void {
  const st = store.getState();
  const claim = st.linkingClaimId ? st.spans.get(st.linkingClaimId) : undefined;
  const source = st.spans.get(sourceId);
  if (!claim || !source) return;
  const why = sourceProblem(st.labels, claim, source);
  if (why) {
    // Link mode stays on: the analyst picks another span or cancels.
    st.notify({ kind: 'info', text: t('msg.notSource', { why }) });
    return;
  }
  st.setLinking(null);
  st.notify(null);
  st.linkSource(claim.id, sourceId);
  if (view) setTextSelection(view, claim.start);
  store.getState().selectSpan(claim.id);
}

/** In link mode, the span at `offset` that may be the claim's source (the innermost), if any. */
function sourceAt(store: HashiyaStore, offset: number): Span | undefined {
  const st = store.getState();
  const claim = st.linkingClaimId ? st.spans.get(st.linkingClaimId) : undefined;
  if (!claim) return undefined;
  return spansAt(st.spans.values(), offset).find((s) => sourceProblem(st.labels, claim, s) === null);
}

/**
 * In link mode, a click picks the entity span under it as the source. A click on spans
 * none of which may be the source (the claim itself, another claim) says why and keeps
 * link mode on (see {@link finishLink}); a click on bare text does nothing.
 */
export function pickSourceAt(view: EditorView, store: HashiyaStore, pos: number): boolean {
  const st = store.getState();
  const layout = layoutOf(view);
  if (!st.linkingClaimId || !layout) return false;
  const offset = toTextOffset(layout, pos as EditorPos);
  const pick = sourceAt(store, offset) ?? spansAt(st.spans.values(), offset)[0];
  if (!pick) return false;
  finishLink(store, pick.id, view);
  return true;
}
