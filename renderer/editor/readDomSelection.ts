import { TextSelection } from '@tiptap/pm/state';
import type { EditorView } from '@tiptap/pm/view';

/**
 * Brings the editor's selection up to the browser's before a key is acted on. ProseMirror
 * reads a changed DOM selection when `selectionchange` fires, which the browser may send
 * after the next key event (Shift+← then `1`, typed fast or on a loaded machine): the key
 * would act on the selection before the last one. Reading the DOM selection here makes
 * every key see what the analyst sees.
 */
export function readDomSelection(view: EditorView): void {
  const dom = (view.root as Document).getSelection?.();
  if (!dom?.anchorNode || !dom.focusNode || !view.dom.contains(dom.anchorNode) || !view.dom.contains(dom.focusNode)) return;
  let anchor: number;
  let head: number;
  try {
    anchor = view.posAtDOM(dom.anchorNode, dom.anchorOffset);
    head = view.posAtDOM(dom.focusNode, dom.focusOffset);
  } catch {
    return; // a node ProseMirror does not map (a widget): leave the selection as it is
  }
  const { selection } = view.state;
  if (selection.anchor === anchor && selection.head === head) return;
  view.dispatch(view.state.tr.setSelection(TextSelection.create(view.state.doc, anchor, head)));
}
