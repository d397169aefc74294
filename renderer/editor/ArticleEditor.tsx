import Paragraph from '@tiptap/extension-paragraph';
import Text from '@tiptap/extension-text';
import type { EditorView } from '@tiptap/pm/view';
import { EditorContent, useEditor, type Editor } from '@tiptap/react';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { snapToTokens } from '../../shared/text/snapToTokens';
import { appStore, useHashiya } from '../store/appStore';
import type { OpenDocument } from '../store/types';
import { ARTICLE_EDITOR_ATTRIBUTE } from './activeView';
import { Annotations } from './annotationExtension';
import { annotationKey } from './annotationPlugin';
import {
  cycleSelectedSpan,
  hasSpanAt,
  isSelectionPrecise,
  markSelectionPrecise,
  pickSourceAt,
  PROGRAMMATIC,
  setTextSelection,
  syncSelectedSpan,
} from './editorCommands';
import { LinkArcs } from './LinkArcs';
import { Section, SectionedDocument } from './sectionNode';
import { toTextOffset, type EditorPos } from './positions';

/**
 * Mounts the read-only RTL article; its plugins draw the spans from the store. Hands the
 * editor to `onReady`. One editor shows one document (the parent keys it by document).
 */
export function ArticleEditor({ open, onReady }: { open: OpenDocument; onReady: (editor: Editor | null) => void }) {
  const { t } = useTranslation();
  const lastClick = useRef<number | null>(null);
  // A quick click again: picks a source in link mode, or at the same spot over spans selects
  // the innermost (after Escape) or the one enclosing the selected span; true stops the
  // browser selecting a word or a line. Over plain text a double-click still selects the word.
  const clickedAgain = (view: EditorView, pos: number): boolean => {
    if (pickSourceAt(view, appStore, pos)) {
      lastClick.current = null;
      return true;
    }
    if (lastClick.current !== pos || !view.state.selection.empty || !hasSpanAt(view, appStore, pos)) return false;
    cycleSelectedSpan(view, appStore, pos);
    return true;
  };
  const reviewing = useHashiya((s) => s.review?.docId === open.record.id);
  const editor = useEditor(
    {
      extensions: [SectionedDocument, Section, Paragraph, Text, Annotations.configure({ store: appStore, docId: open.record.id })],
      injectCSS: false,
      shouldRerenderOnTransaction: false,
      enableCoreExtensions: { delete: false },
      editorProps: {
        attributes: {
          // TipTap sets the options again on each render, so a change of language renames it.
          'aria-label': t('document.articleText'),
          'aria-readonly': 'true',
          'aria-multiline': 'true',
          role: 'textbox',
          dir: 'rtl',
          lang: 'ar',
          spellcheck: 'false',
          class: 'article',
          [ARTICLE_EDITOR_ATTRIBUTE]: 'true',
        },
        // Keys that would edit the text do nothing; commands come through the action registry.
        handleKeyDown: (_view, event) => event.key === 'Enter' || event.key === 'Backspace' || event.key === 'Delete',
        handleClick: (view, pos) => {
          // In link mode a click picks the source, even where the caret already was.
          if (pickSourceAt(view, appStore, pos)) {
            lastClick.current = null;
            return false;
          }
          if (lastClick.current === pos && view.state.selection.empty) cycleSelectedSpan(view, appStore, pos);
          lastClick.current = pos;
          return false;
        },
        // ProseMirror hands a click that follows another within 500 ms here (on mousedown)
        // instead of to handleClick, so a quick second click on a span would select a word.
        handleDoubleClick: (view, pos) => clickedAgain(view, pos),
        handleTripleClick: (view, pos) => clickedAgain(view, pos),
        handleDOMEvents: {
          mousedown: (view, event) => {
            markSelectionPrecise(view, event.altKey);
            return false;
          },
          mouseup: (view) => {
            // A drag or double click ends on a whole-token selection. Done now, from the DOM
            // selection the gesture left, so a key pressed right after cannot race it.
            const st = appStore.getState();
            if (isSelectionPrecise(view) || st.precise || !st.open) return false;
            const layout = annotationKey.getState(view.state)?.layout;
            const dom = (view.root as Document).getSelection();
            if (!layout || !dom || dom.isCollapsed || !dom.anchorNode || !dom.focusNode) return false;
            let anchor: number;
            let head: number;
            try {
              anchor = toTextOffset(layout, view.posAtDOM(dom.anchorNode, dom.anchorOffset) as EditorPos);
              head = toTextOffset(layout, view.posAtDOM(dom.focusNode, dom.focusOffset) as EditorPos);
            } catch {
              return false; // the selection reaches outside the article
            }
            const snapped = snapToTokens(st.open.tokens, Math.min(anchor, head), Math.max(anchor, head));
            if (!snapped) return false;
            if (anchor <= head) setTextSelection(view, snapped.start, snapped.end);
            else setTextSelection(view, snapped.end, snapped.start);
            return false;
          },
        },
      },
      onSelectionUpdate: ({ editor: ed, transaction }) => {
        if (!transaction.getMeta(PROGRAMMATIC)) syncSelectedSpan(ed.view, appStore);
      },
    },
    [],
  );

  useEffect(() => {
    onReady(editor);
    if (!editor) return;
    return () => {
      onReady(null);
    };
  }, [editor, onReady]);

  return (
    <div className={reviewing ? 'article-frame reviewing' : 'article-frame'}>
      <EditorContent editor={editor} />
      {editor && <LinkArcs editor={editor} />}
    </div>
  );
}
