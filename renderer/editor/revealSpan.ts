import type { EditorView } from '@tiptap/pm/view';
import type { HashiyaStore } from '../store/createStore';
import { annotationKey } from './annotationPlugin';
import { isBuilt } from './docGrowth';
import { setTextSelection } from './editorCommands';

/**
 * Selects a span of the open document and brings it into view with the caret at its start.
 * In a long document still being built a run at a time, the span is selected at once and
 * the caret follows when its section is in; selecting something else meanwhile gives up.
 * The focus stays where it was, so a list the jump came from can go on being read.
 */
export function revealSpan(view: EditorView, store: HashiyaStore, spanId: string): void {
  const span = store.getState().spans.get(spanId);
  if (!span) return;
  store.getState().selectSpan(spanId);
  const place = () => {
    const st = store.getState();
    if (view.isDestroyed || st.selectedSpanId !== spanId) return;
    const layout = annotationKey.getState(view.state)?.layout;
    if (!layout) return;
    if (!isBuilt(layout, view.state.doc, span.end)) {
      requestAnimationFrame(place);
      return;
    }
    setTextSelection(view, span.start);
    // The caret's line is in view; the span itself in the middle reads better after a jump.
    const el = view.dom.querySelector(`[data-span-id="${CSS.escape(spanId)}"]`);
    el?.scrollIntoView({ block: 'center', behavior: 'auto' });
  };
  place();
}
