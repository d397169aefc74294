import { TextSelection } from '@tiptap/pm/state';
import type { EditorView } from '@tiptap/pm/view';
import { utf16 } from '../../shared/text/units';
import type { HashiyaStore } from '../store/createStore';
import { annotationKey } from './annotationPlugin';
import { PROGRAMMATIC } from './editorCommands';
import { toEditorPos, toTextOffset, type EditorPos } from './positions';

/**
 * Lets the mouse drag a selected span's edge handle. While dragging, the text selection
 * previews the new range; on release the span takes it (snapped to tokens unless Alt is
 * held) as one undoable step. Returns the function that removes the listeners.
 */
export function enableEdgeDrag(view: EditorView, store: HashiyaStore): () => void {
  const onDown = (down: PointerEvent) => {
    const handle = (down.target as HTMLElement | null)?.closest<HTMLElement>('.hs-handle');
    if (!handle || down.button !== 0) return;
    const spanId = handle.dataset.spanId!;
    const edge = handle.dataset.edge as 'start' | 'end';
    const span = store.getState().spans.get(spanId);
    const layout = annotationKey.getState(view.state)?.layout;
    if (!span || !layout) return;
    down.preventDefault();
    handle.setPointerCapture(down.pointerId);
    const fixed = edge === 'start' ? span.end : span.start;
    let moving: number = edge === 'start' ? span.start : span.end;

    const onMove = (e: PointerEvent) => {
      const hit = view.posAtCoords({ left: e.clientX, top: e.clientY });
      if (!hit) return;
      moving = toTextOffset(layout, hit.pos as EditorPos);
      const sel = TextSelection.create(view.state.doc, toEditorPos(layout, utf16(fixed)), toEditorPos(layout, utf16(moving)));
      view.dispatch(view.state.tr.setSelection(sel).setMeta(PROGRAMMATIC, true));
    };
    const onUp = (e: PointerEvent) => {
      handle.removeEventListener('pointermove', onMove);
      handle.removeEventListener('pointerup', onUp);
      handle.removeEventListener('pointercancel', onUp);
      if (e.type === 'pointercancel' || moving === fixed) return;
      store.getState().setSpanRange(spanId, utf16(Math.min(fixed, moving)), utf16(Math.max(fixed, moving)), e.altKey);
      const after = store.getState().spans.get(spanId);
      const caret = TextSelection.create(view.state.doc, toEditorPos(layout, after ? after.end : utf16(fixed)));
      view.dispatch(view.state.tr.setSelection(caret).setMeta(PROGRAMMATIC, true));
      view.focus();
    };
    handle.addEventListener('pointermove', onMove);
    handle.addEventListener('pointerup', onUp);
    handle.addEventListener('pointercancel', onUp);
  };
  view.dom.addEventListener('pointerdown', onDown);
  return () => view.dom.removeEventListener('pointerdown', onDown);
}
