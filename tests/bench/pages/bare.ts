import '@fontsource/noto-naskh-arabic/400.css';
import '@fontsource/noto-naskh-arabic/700.css';
import '../../../renderer/styles/app.css';
import { Editor, Extension } from '@tiptap/core';
import Document from '@tiptap/extension-document';
import Paragraph from '@tiptap/extension-paragraph';
import Text from '@tiptap/extension-text';
import { Plugin, PluginKey, TextSelection } from '@tiptap/pm/state';
import { Decoration, DecorationSet } from '@tiptap/pm/view';
import { makeArticle, tagTargets, type BenchArticle, type BenchSpan } from '../corpus';
import { articleFrame } from './articleFrame';
import { keyTiming } from './keyTiming';
import { drawnInView, fontsReady, presentAndLaidOut, whenNewSpan } from './laidOut';

/**
 * The baseline for T1, T2 and T8: bare TipTap (document, paragraph, text; nothing else)
 * with one plugin holding a DecorationSet of inline decorations, one element per span,
 * under the same style sheet and width as Hashiya's article.
 */
const key = new PluginKey<DecorationSet>('bare-decorations');
const COLORS: Record<string, string> = { actor: '#1f6fb2', place: '#2e8b57', weapon: '#b22222', claim: '#8a5a00' };
const keys = keyTiming();
let article: BenchArticle | null = null;
let editor: Editor | null = null;
let added = 0;

/** One paragraph per line: the position of a text offset (the text has only "\n" breaks). */
function positions(text: string): (offset: number) => number {
  const lineStarts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) lineStarts.push(i + 1);
  return (offset) => {
    let line = 0;
    let lo = 0;
    let hi = lineStarts.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      if (lineStarts[mid]! <= offset) {
        line = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    return 1 + offset + line; // each line before adds its paragraph's two boundaries, minus its "\n"
  };
}

const decoration = (from: number, to: number, span: Pick<BenchSpan, 'id' | 'label'>) =>
  Decoration.inline(from, to, { nodeName: 'span', class: 'hs-span', style: `--c:${COLORS[span.label] ?? '#777'}`, 'data-span-id': span.id });

async function setup(sources: string[], chars: number, count: number): Promise<void> {
  article = makeArticle(sources, chars, count);
  await fontsReady();
}

/** Mounts a bare editor showing the article with its spans; ms until laid out. */
async function open(width: number): Promise<number> {
  const { text, spans } = article!;
  const last = [...spans].sort((a, b) => b.start - a.start)[0]!;
  const frame = articleFrame(width);
  const t0 = performance.now();
  const pos = positions(text);
  const plugin = new Plugin<DecorationSet>({
    key,
    state: {
      init: (_config, state) =>
        DecorationSet.create(
          state.doc,
          spans.map((s) => decoration(pos(s.start), pos(s.end), s)),
        ),
      apply: (tr, set) => {
        const add = tr.getMeta(key) as Decoration | undefined;
        return add ? set.add(tr.doc, [add]) : set.map(tr.mapping, tr.doc);
      },
    },
    props: { decorations: (state) => key.getState(state) },
  });
  editor = new Editor({
    element: frame,
    extensions: [Document, Paragraph, Text, Extension.create({ name: 'bareDecorations', addProseMirrorPlugins: () => [plugin] })],
    injectCSS: false,
    content: {
      type: 'doc',
      content: text.split('\n').map((line) => (line ? { type: 'paragraph', content: [{ type: 'text', text: line }] } : { type: 'paragraph' })),
    },
    editorProps: { attributes: { class: 'article', dir: 'rtl', lang: 'ar', 'aria-label': 'Article text' } },
  });
  editor.view.focus();
  return (await presentAndLaidOut(document, `[data-span-id="${last.id}"]`)) - t0;
}

const root = () => editor!.view.dom;

async function select(start: number, end: number): Promise<void> {
  const pos = positions(article!.text);
  const { view } = editor!;
  view.dispatch(view.state.tr.setSelection(TextSelection.create(view.state.doc, pos(start), pos(end))).scrollIntoView());
  await drawnInView(root());
}

function armTag(): void {
  keys.arm(whenNewSpan(root(), new Set([...article!.spans.map((s) => s.id), ...Array.from({ length: added }, (_, k) => `new${k + 1}`)]), keys.found));
}

// The label key adds a decoration over the selection: the least a tagging editor can do.
window.addEventListener('keydown', (e) => {
  if (e.code !== 'Digit1' || !editor) return;
  e.preventDefault();
  const { view } = editor;
  const { from, to } = view.state.selection;
  view.dispatch(view.state.tr.setMeta(key, decoration(from, to, { id: `new${++added}`, label: 'actor' })));
});

Object.assign(window, { bench: { setup, open, select, armTag, tagged: () => keys.elapsed(), targets: (n: number) => tagTargets(article!, n) } });
