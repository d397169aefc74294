import { Plugin, PluginKey } from '@tiptap/pm/state';
import { Decoration, DecorationSet } from '@tiptap/pm/view';
import { t } from '../i18n/i18n';
import type { HashiyaStore } from '../store/createStore';
import { annotationKey } from './annotationPlugin';
import { enableEdgeDrag } from './edgeDrag';
import { isBuilt } from './docGrowth';
import { toEditorPos } from './positions';

const handlesKey = new PluginKey<DecorationSet>('hashiya-handles');

function handle(edge: 'start' | 'end', spanId: string, color: string): HTMLElement {
  const el = document.createElement('span');
  el.className = `hs-handle hs-handle-${edge}`;
  el.dataset.edge = edge;
  el.dataset.spanId = spanId;
  el.style.setProperty('--c', color);
  // The handles are a mouse affordance; keyboard users have Alt+arrows.
  el.setAttribute('aria-hidden', 'true');
  el.title = edge === 'start' ? t('moduleText.handleStart') : t('moduleText.handleEnd');
  return el;
}

/**
 * Draws two drag handles on the selected span's edges as widget decorations. Derived
 * from the annotation plugin's state; rebuilt only when the selected span changes. Its
 * plugin view listens for the drags (they change the span in `store`) and stops when the
 * view is destroyed.
 */
export function handlesPlugin(store: HashiyaStore): Plugin<DecorationSet> {
  return new Plugin<DecorationSet>({
    key: handlesKey,
    state: {
      init: () => DecorationSet.empty,
      apply(tr, prev, oldState, newState) {
        const before = annotationKey.getState(oldState);
        const after = annotationKey.getState(newState);
        if (!after) return prev;
        const id = after.selectedId;
        const span = id ? after.spans.get(id) : undefined;
        const old = before?.selectedId ? before.spans.get(before.selectedId) : undefined;
        if (span === old && before?.layout === after.layout && !tr.docChanged) return prev;
        if (!span || !isBuilt(after.layout, newState.doc, span.end)) return DecorationSet.empty;
        const color = after.colors.get(span.label) ?? '#777';
        const key = `${span.id}:${span.start}:${span.end}:${span.label}`;
        return DecorationSet.create(newState.doc, [
          Decoration.widget(toEditorPos(after.layout, span.start), () => handle('start', span.id, color), {
            side: -1,
            key: `s:${key}`,
            ignoreSelection: true,
            stopEvent: () => true,
          }),
          Decoration.widget(toEditorPos(after.layout, span.end), () => handle('end', span.id, color), {
            side: 1,
            key: `e:${key}`,
            ignoreSelection: true,
            stopEvent: () => true,
          }),
        ]);
      },
    },
    props: {
      decorations: (state) => handlesKey.getState(state),
    },
    view: (view) => ({ destroy: enableEdgeDrag(view, store) }),
  });
}
