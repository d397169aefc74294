import type { EditorView } from '@tiptap/pm/view';

let current: EditorView | null = null;

/**
 * The open article's editor view, for keyboard actions that move the caret or read the
 * selection. Kept here rather than in the store: the store never holds the editor.
 */
export function activeView(): EditorView | null {
  return current && !current.isDestroyed ? current : null;
}

/** Registers (or, with null, forgets) the open article's editor view. */
export function setActiveView(view: EditorView | null): void {
  current = view;
}
