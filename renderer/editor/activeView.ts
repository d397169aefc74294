import type { TiptapEditorHTMLElement } from '@tiptap/core';
import type { EditorView } from '@tiptap/pm/view';

/** The attribute that marks the open article's editor element. */
export const ARTICLE_EDITOR_ATTRIBUTE = 'data-article-editor';

/**
 * The open article's editor view, for keyboard actions that move the caret or read the
 * selection. Read from the mounted editor element (TipTap keeps its editor on it) rather
 * than registered in a module variable or the store: the store never holds the editor,
 * and the page's DOM already says which editor is mounted.
 */
export function activeView(): EditorView | null {
  const editor = document.querySelector<TiptapEditorHTMLElement>(`[${ARTICLE_EDITOR_ATTRIBUTE}]`)?.editor;
  return editor && !editor.isDestroyed ? editor.view : null;
}
