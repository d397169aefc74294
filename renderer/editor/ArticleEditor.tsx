import Document from '@tiptap/extension-document';
import Paragraph from '@tiptap/extension-paragraph';
import Text from '@tiptap/extension-text';
import { TextSelection } from '@tiptap/pm/state';
import { EditorContent, useEditor, type Editor } from '@tiptap/react';
import { useEffect, useRef } from 'react';
import type { Span } from '../../shared/model/span';
import { snapToTokens } from '../../shared/text/snapToTokens';
import { appStore, useHashiya } from '../store/appStore';
import type { OpenDocument } from '../store/types';
import { setActiveView } from './activeView';
import { Annotations } from './annotationExtension';
import { annotationKey, type AnnotationAction } from './annotationPlugin';
import { enableEdgeDrag } from './edgeDrag';
import { cycleSelectedSpan, markSelectionPrecise, pickSourceAt, PROGRAMMATIC, setTextSelection, syncSelectedSpan } from './editorCommands';
import { LinkArcs } from './LinkArcs';
import { layoutToDocJson, textLayout, toTextOffset, type EditorPos, type TextLayout } from './positions';
import { reviewLayerKey, type ReviewLayerAction, type ReviewLayers } from './reviewLayerPlugin';
import type { HashiyaState } from '../store/types';

/** The annotator layers the review draws for the open document, or null outside review. */
function reviewLayers(s: HashiyaState, docId: string, layout: TextLayout, colors: ReadonlyMap<string, string>): ReviewLayers | null {
  const r = s.review;
  if (!r || r.docId !== docId) return null;
  const focus = r.differences[r.current];
  return {
    layout,
    colors,
    a: r.showA ? [...r.layerA.values()] : [],
    b: r.showB ? [...r.layerB.values()] : [],
    names: { a: r.a, b: r.b },
    focus: focus ? { start: focus.start, end: focus.end } : null,
  };
}

/** The read-only RTL article with its spans; hands the editor to `onReady`. */
export function ArticleEditor({ open, onReady }: { open: OpenDocument; onReady: (editor: Editor | null) => void }) {
  const lastClick = useRef<number | null>(null);
  const altDown = useRef(false);
  const labels = useHashiya((s) => s.labels);
  const reviewing = useHashiya((s) => s.review?.docId === open.record.id);
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
        handleDOMEvents: {
          mousedown: (_view, event) => {
            altDown.current = event.altKey;
            markSelectionPrecise(event.altKey);
            return false;
          },
          mouseup: (view) => {
            // A drag or double click ends on a whole-token selection. Done now, from the DOM
            // selection the gesture left, so a key pressed right after cannot race it.
            const st = appStore.getState();
            if (altDown.current || st.precise || !st.open) return false;
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
    setActiveView(editor.view);
    const stopDrag = enableEdgeDrag(editor.view, appStore);
    return () => {
      stopDrag();
      setActiveView(null);
      onReady(null);
    };
  }, [editor, onReady]);

  useEffect(() => {
    if (!editor) return;
    const st = appStore.getState();
    const layout = textLayout(open.text);
    const doc = editor.schema.nodeFromJSON(layoutToDocJson(layout));
    const colors = new Map(labels.map((l) => [l.name, l.color]));
    const titles = new Map(labels.map((l) => [l.name, `${l.name} (${l.title.ar}) — ${l.guideline.en}`]));
    const load: AnnotationAction = {
      type: 'load',
      layout,
      spans: [...st.spans.values()],
      colors,
      titles,
      selectedId: st.selectedSpanId,
      linkingId: st.linkingClaimId,
    };
    const { state } = editor.view;
    const tr = state.tr.replaceWith(0, state.doc.content.size, doc.content);
    tr.setSelection(TextSelection.create(tr.doc, 1)).setMeta(annotationKey, load).setMeta(PROGRAMMATIC, true);
    tr.setMeta(reviewLayerKey, { type: 'draw', layers: reviewLayers(st, open.record.id, layout, colors) } satisfies ReviewLayerAction);
    editor.view.dispatch(tr);
    editor.view.focus();
    const showFocus = () => {
      // The difference in focus is scrolled to the middle of the view, like a search hit.
      const el = editor.view.dom.querySelector('.hs-diff-focus');
      if (el) el.scrollIntoView({ block: 'center', behavior: 'auto' });
    };
    showFocus();

    // Spans changed in the store become decoration changes: only what changed.
    let prevSpans = st.spans;
    let prevSelected = st.selectedSpanId;
    let prevLinking = st.linkingClaimId;
    let prevReview = st.review;
    return appStore.subscribe((s) => {
      if (s.open?.record.id !== open.record.id) return;
      if (s.review !== prevReview) {
        const before = prevReview;
        prevReview = s.review;
        // Decisions alone change nothing drawn; the layers, their toggles and the focus do.
        const now = s.review;
        let action: ReviewLayerAction | null = null;
        if (!before || !now || before.layerA !== now.layerA || before.layerB !== now.layerB || before.showA !== now.showA || before.showB !== now.showB) {
          action = { type: 'draw', layers: reviewLayers(s, open.record.id, layout, colors) };
        } else if (before.current !== now.current) {
          // Stepping through differences moves only the focus, not every span of both layers.
          const d = now.differences[now.current];
          action = { type: 'focus', focus: d ? { start: d.start, end: d.end } : null };
        }
        if (action) {
          editor.view.dispatch(editor.view.state.tr.setMeta(reviewLayerKey, action).setMeta(PROGRAMMATIC, true));
          if (before?.current !== s.review?.current) showFocus();
        }
      }
      if (s.spans === prevSpans && s.selectedSpanId === prevSelected && s.linkingClaimId === prevLinking) return;
      const upsert: Span[] = [];
      const remove: string[] = [];
      if (s.spans !== prevSpans) {
        for (const [id, span] of s.spans) if (prevSpans.get(id) !== span) upsert.push(span);
        for (const id of prevSpans.keys()) if (!s.spans.has(id)) remove.push(id);
      }
      prevSpans = s.spans;
      prevSelected = s.selectedSpanId;
      prevLinking = s.linkingClaimId;
      const update: AnnotationAction = { type: 'update', upsert, remove, selectedId: s.selectedSpanId, linkingId: s.linkingClaimId };
      editor.view.dispatch(editor.view.state.tr.setMeta(annotationKey, update).setMeta(PROGRAMMATIC, true));
    });
  }, [editor, open, labels]);

  return (
    <div className={reviewing ? 'article-frame reviewing' : 'article-frame'}>
      <EditorContent editor={editor} />
      {editor && <LinkArcs editor={editor} />}
    </div>
  );
}
