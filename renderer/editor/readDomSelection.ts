import { Plugin, PluginKey, TextSelection } from '@tiptap/pm/state';
import type { EditorView } from '@tiptap/pm/view';

/** A DOM selection's two ends, compared node by node as ProseMirror's DOM observer compares them. */
interface DomEnds {
  readonly anchorNode: Node | null;
  readonly anchorOffset: number;
  readonly focusNode: Node | null;
  readonly focusOffset: number;
}

// The browser's selection in each editor as the editor last left it.
const leftAt = new WeakMap<EditorView, DomEnds>();

const domSelection = (view: EditorView): Selection | null => (view.root as Document).getSelection?.() ?? null;

const endsOf = (s: Selection): DomEnds => ({ anchorNode: s.anchorNode, anchorOffset: s.anchorOffset, focusNode: s.focusNode, focusOffset: s.focusOffset });

const sameEnds = (a: DomEnds, b: DomEnds | undefined): boolean =>
  !!b && a.anchorNode === b.anchorNode && a.anchorOffset === b.anchorOffset && a.focusNode === b.focusNode && a.focusOffset === b.focusOffset;

/** The editor positions of a DOM selection inside the article, or null (outside it, or on a node ProseMirror does not map). */
function positionsOf(view: EditorView, s: Selection): { anchor: number; head: number } | null {
  if (!s.anchorNode || !s.focusNode || !view.dom.contains(s.anchorNode) || !view.dom.contains(s.focusNode)) return null;
  try {
    return { anchor: view.posAtDOM(s.anchorNode, s.anchorOffset), head: view.posAtDOM(s.focusNode, s.focusOffset) };
  } catch {
    return null; // a widget (a span's drag handle)
  }
}

/** True when the DOM selection shows something other than the editor's selection. */
function differs(view: EditorView, at: { anchor: number; head: number }): boolean {
  const { selection } = view.state;
  return selection.anchor !== at.anchor || selection.head !== at.head;
}

/**
 * Remembers, after every editor update, the browser's selection as the editor left it,
 * so {@link readDomSelection} can tell the analyst's own change from a DOM selection the
 * editor merely did not draw. A plugin view, because it runs once the view has drawn.
 */
export function domSelectionPlugin(): Plugin {
  const remember = (view: EditorView) => {
    const s = domSelection(view);
    if (!s) return;
    // With the focus, a DOM selection unlike the editor's is the analyst's change, not yet read.
    const at = view.hasFocus() ? positionsOf(view, s) : null;
    if (at && differs(view, at)) return;
    leftAt.set(view, endsOf(s));
  };
  return new Plugin({
    key: new PluginKey('hashiya-dom-selection'),
    view: (view) => {
      remember(view);
      return { update: remember };
    },
  });
}

/**
 * Brings the editor's selection up to a change the analyst made in the browser before a
 * key is acted on. ProseMirror reads a changed DOM selection when `selectionchange` fires,
 * which the browser may send after the next key event (Shift+← then `1`, typed fast or on
 * a loaded machine): the key would act on the selection before the last one.
 *
 * Only a change counts, as in ProseMirror's own DOM observer: a DOM selection the editor
 * left as it was is not the analyst's. Without the focus (after a dialog closes, say)
 * ProseMirror neither draws nor reads the DOM selection, so the caret that `]` or Ctrl+←
 * moved stays undrawn; taking that stale DOM selection for the analyst's would move the
 * caret back and deselect the span the last key selected.
 */
export function readDomSelection(view: EditorView): void {
  const s = domSelection(view);
  if (!s || !view.hasFocus() || sameEnds(endsOf(s), leftAt.get(view))) return;
  const at = positionsOf(view, s);
  if (!at || !differs(view, at)) return;
  view.dispatch(view.state.tr.setSelection(TextSelection.create(view.state.doc, at.anchor, at.head)));
}
