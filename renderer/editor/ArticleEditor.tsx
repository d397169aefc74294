import Document from '@tiptap/extension-document';
import Paragraph from '@tiptap/extension-paragraph';
import Text from '@tiptap/extension-text';
import { TextSelection } from '@tiptap/pm/state';
import { EditorContent, useEditor, type Editor } from '@tiptap/react';
import { useEffect, useRef } from 'react';
import type { Span } from '../../shared/model/span';
import { appStore } from '../store/appStore';
import type { OpenDocument } from '../store/types';
import { Annotations } from './annotationExtension';
import { annotationKey, type AnnotationAction } from './annotationPlugin';
import { cycleSelectedSpan, handleEditorKey, PROGRAMMATIC, syncSelectedSpan } from './editorCommands';
import { layoutToDocJson, textLayout } from './positions';

/** The read-only RTL article with its spans; hands the editor to `onReady`. */
export function ArticleEditor({ open, onReady }: { open: OpenDocument; onReady: (editor: Editor | null) => void }) {
  const lastClick = useRef<number | null>(null);
  const editor = useEditor(
    {
      extensions: [Document, Paragraph, Text, Annotations],
      injectCSS: false,
      shouldRerenderOnTransaction: false,
      enableCoreExtensions: { delete: false },
      editorProps: {
        attributes: {
          'aria-label': 'Article text',
          'aria-readonly': 'true',
          'aria-multiline': 'true',
          role: 'textbox',
          dir: 'rtl',
          lang: 'ar',
          spellcheck: 'false',
          class: 'article',
        },
        handleKeyDown: (view, event) => handleEditorKey(view, appStore, event),
        handleClick: (view, pos) => {
          if (lastClick.current === pos && view.state.selection.empty) cycleSelectedSpan(view, appStore, pos);
          lastClick.current = pos;
          return false;
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
    return () => onReady(null);
  }, [editor, onReady]);

  useEffect(() => {
    if (!editor) return;
    const st = appStore.getState();
    const layout = textLayout(open.text);
    const doc = editor.schema.nodeFromJSON(layoutToDocJson(layout));
    const colors = new Map(st.labels.map((l) => [l.name, l.color]));
    const load: AnnotationAction = { type: 'load', layout, spans: [...st.spans.values()], colors, selectedId: st.selectedSpanId };
    const { state } = editor.view;
    const tr = state.tr.replaceWith(0, state.doc.content.size, doc.content);
    tr.setSelection(TextSelection.create(tr.doc, 1)).setMeta(annotationKey, load).setMeta(PROGRAMMATIC, true);
    editor.view.dispatch(tr);
    editor.view.dom.scrollTop = 0;

    // Spans changed in the store become decoration changes: only what changed.
    let prevSpans = st.spans;
    let prevSelected = st.selectedSpanId;
    return appStore.subscribe((s) => {
      if (s.open?.record.id !== open.record.id) return;
      if (s.spans === prevSpans && s.selectedSpanId === prevSelected) return;
      const upsert: Span[] = [];
      const remove: string[] = [];
      if (s.spans !== prevSpans) {
        for (const [id, span] of s.spans) if (prevSpans.get(id) !== span) upsert.push(span);
        for (const id of prevSpans.keys()) if (!s.spans.has(id)) remove.push(id);
      }
      prevSpans = s.spans;
      prevSelected = s.selectedSpanId;
      const update: AnnotationAction = { type: 'update', upsert, remove, selectedId: s.selectedSpanId };
      editor.view.dispatch(editor.view.state.tr.setMeta(annotationKey, update).setMeta(PROGRAMMATIC, true));
    });
  }, [editor, open]);

  return <EditorContent editor={editor} className="article-frame" />;
}
