import { TextSelection } from '@tiptap/pm/state';
import type { EditorView } from '@tiptap/pm/view';
import { utf16 } from '../../shared/text/units';
import { spansAt } from '../store/innermostSpanAt';
import type { HashiyaStore } from '../store/createStore';
import { annotationKey } from './annotationPlugin';
import { labelForKey } from './keys';
import { toEditorPos, toTextOffset, type EditorPos } from './positions';

/** Marks selection changes the app makes itself, so they don't reselect spans. */
export const PROGRAMMATIC = 'hashiya-programmatic';

/** The user's text selection as text offsets, or null when the caret is collapsed. */
export function selectedRange(view: EditorView): { start: number; end: number } | null {
  const { selection } = view.state;
  const layout = annotationKey.getState(view.state)?.layout;
  if (selection.empty || !layout) return null;
  return { start: toTextOffset(layout, selection.from as EditorPos), end: toTextOffset(layout, selection.to as EditorPos) };
}

/**
 * Applies a label: tags the selected text as a new span (then selects that span and
 * collapses the caret to its end), or relabels the selected span when no text is selected.
 */
export function applyLabel(view: EditorView, store: HashiyaStore, label: string): void {
  const st = store.getState();
  const range = selectedRange(view);
  if (range) {
    const id = st.addSpan(label, utf16(range.start), utf16(range.end));
    const span = id ? store.getState().spans.get(id) : undefined;
    const layout = annotationKey.getState(view.state)?.layout;
    if (span && layout) {
      const caret = TextSelection.create(view.state.doc, toEditorPos(layout, span.end));
      view.dispatch(view.state.tr.setSelection(caret).setMeta(PROGRAMMATIC, true));
    }
  } else if (st.selectedSpanId) {
    st.relabelSelected(label);
  } else {
    st.notify({ kind: 'info', text: 'Select some text, or a span, first.' });
  }
  view.focus();
}

/** Selects the innermost span under a collapsed caret; a range selection deselects. */
export function syncSelectedSpan(view: EditorView, store: HashiyaStore): void {
  const { selection } = view.state;
  const layout = annotationKey.getState(view.state)?.layout;
  if (!layout) return;
  const st = store.getState();
  if (!selection.empty) {
    const sel = st.selectedSpanId ? st.spans.get(st.selectedSpanId) : undefined;
    const range = selectedRange(view);
    if (!sel || !range || sel.start !== range.start || sel.end !== range.end) st.selectSpan(null);
    return;
  }
  const offset = toTextOffset(layout, selection.from as EditorPos);
  st.selectSpan(spansAt(st.spans.values(), offset)[0]?.id ?? null);
}

/** Clicking again where the caret already is selects the next enclosing span. */
export function cycleSelectedSpan(view: EditorView, store: HashiyaStore, pos: number): void {
  const layout = annotationKey.getState(view.state)?.layout;
  if (!layout) return;
  const st = store.getState();
  const found = spansAt(st.spans.values(), toTextOffset(layout, pos as EditorPos));
  if (found.length < 2) return;
  const at = found.findIndex((s) => s.id === st.selectedSpanId);
  st.selectSpan(found[(at + 1) % found.length]!.id);
}

/** Keys in the article: label digits, Delete/Backspace to remove, Escape to deselect. */
export function handleEditorKey(view: EditorView, store: HashiyaStore, event: KeyboardEvent): boolean {
  const st = store.getState();
  const label = labelForKey(event, st.labels);
  if (label) {
    applyLabel(view, store, label.name);
    return true;
  }
  switch (event.key) {
    case 'Delete':
    case 'Backspace':
      st.deleteSelected();
      return true;
    case 'Escape':
      st.selectSpan(null);
      return true;
    case 'Enter':
      return true;
    default:
      return false;
  }
}
