import { Plugin, PluginKey, type EditorState, type Transaction } from '@tiptap/pm/state';
import { Decoration, DecorationSet } from '@tiptap/pm/view';
import type { Span } from '../../shared/model/span';
import type { HashiyaStore } from '../store/createStore';
import { annotationKey, type AnnotationAction, type AnnotationState } from './annotationPlugin';
import { PROGRAMMATIC } from './editorCommands';
import { grownInto, growthOf, isBuilt } from './docGrowth';
import { toEditorPos } from './positions';

/** The badge plugin's state: whether label badges are on, and the widgets drawn at spans' starts. */
interface BadgeState {
  readonly on: boolean;
  readonly decorations: DecorationSet;
}

const badgeKey = new PluginKey<BadgeState>('hashiya-badges');

/** A span gets a widget when badges are on, and a claim with a stance always (its stance is shown). */
const shows = (on: boolean, s: Span) => on || s.stance !== undefined;

function widget(ann: AnnotationState, on: boolean, s: Span): Decoration {
  const name = ann.names.get(s.label) ?? s.label;
  const stance = s.stance ? (ann.stances.get(s.stance) ?? s.stance) : '';
  return Decoration.widget(
    toEditorPos(ann.layout, s.start),
    () => {
      // Hidden from assistive tech, which hears label and stance in the span's own description;
      // the words are CSS content (app.css), so the text's textContent and a copy leave them out.
      // A zero-width anchor whose badges stand over the line: showing them never moves the text.
      const el = document.createElement('span');
      el.className = 'hs-badges';
      el.setAttribute('aria-hidden', 'true');
      const row = el.appendChild(document.createElement('span'));
      if (on) {
        const badge = row.appendChild(document.createElement('span'));
        badge.className = 'hs-badge';
        badge.dataset.label = s.label;
        badge.dataset.name = name;
        badge.style.setProperty('--c', ann.colors.get(s.label) ?? '#777');
      }
      if (s.stance) {
        const mark = row.appendChild(document.createElement('span'));
        mark.className = 'hs-stance';
        mark.dataset.stance = s.stance;
        mark.dataset.name = stance;
      }
      return el;
    },
    // Before the span's own text, and drawn again only when what it says changes.
    { id: s.id, side: -1, ignoreSelection: true, key: `${s.id}|${on ? name : ''}|${stance}` },
  );
}

function rebuild(ann: AnnotationState, on: boolean, state: EditorState): BadgeState {
  const shown = ann.byStart.filter((s) => shows(on, s) && isBuilt(ann.layout, state.doc, s.end));
  return {
    on,
    decorations: DecorationSet.create(
      state.doc,
      shown.map((s) => widget(ann, on, s)),
    ),
  };
}

// Only the spans an update touched lose their widget and, where they still show one, get it anew.
function update(
  prev: BadgeState,
  action: Extract<AnnotationAction, { type: 'update' }>,
  before: AnnotationState,
  ann: AnnotationState,
  tr: Transaction,
): BadgeState {
  const ids = [...action.remove, ...action.upsert.map((s) => s.id)];
  const stale: Decoration[] = [];
  const fresh: Decoration[] = [];
  for (const id of ids) {
    const old = before.spans.get(id);
    if (old) {
      const at = toEditorPos(before.layout, old.start);
      stale.push(...prev.decorations.find(at, at, (spec: { id?: string }) => spec.id === id));
    }
    const now = ann.spans.get(id);
    if (now && shows(prev.on, now) && isBuilt(ann.layout, tr.doc, now.end)) fresh.push(widget(ann, prev.on, now));
  }
  if (!stale.length && !fresh.length) return prev;
  return { on: prev.on, decorations: prev.decorations.remove(stale).add(tr.doc, fresh) };
}

/**
 * Draws a widget at a span's start: its label's name as a small badge when the analyst asks for
 * badges (off by default), and a claim's stance always. A reducer beside the annotation
 * plugin's: it follows the same actions (load, update of the touched spans, names) and the
 * document's growth, so a long document's badges cost what its spans' decorations do. Must
 * come after `annotationPlugin()`, whose new state it reads.
 */
export function badgePlugin(store: HashiyaStore): Plugin<BadgeState> {
  return new Plugin<BadgeState>({
    key: badgeKey,
    state: {
      init: () => ({ on: store.getState().badges, decorations: DecorationSet.empty }),
      apply(tr, prev, oldState, newState) {
        const ann = annotationKey.getState(newState);
        if (!ann) return prev;
        const toggled = tr.getMeta(badgeKey) as boolean | undefined;
        const action = tr.getMeta(annotationKey) as AnnotationAction | undefined;
        if (toggled !== undefined && toggled !== prev.on) return rebuild(ann, toggled, newState);
        if (action?.type === 'load' || action?.type === 'names') return rebuild(ann, prev.on, newState);
        if (action?.type === 'update') return update(prev, action, annotationKey.getState(oldState)!, ann, tr);
        const growth = growthOf(tr);
        if (growth) {
          const fresh = ann.byStart.filter((s) => shows(prev.on, s) && grownInto(growth, s.end));
          return {
            on: prev.on,
            decorations: prev.decorations.map(tr.mapping, tr.doc).add(
              tr.doc,
              fresh.map((s) => widget(ann, prev.on, s)),
            ),
          };
        }
        return tr.docChanged ? { on: prev.on, decorations: prev.decorations.map(tr.mapping, tr.doc) } : prev;
      },
    },
    view(view) {
      const stop = store.subscribe(
        (s) => s.badges,
        (on) => {
          if (!view.isDestroyed) view.dispatch(view.state.tr.setMeta(badgeKey, on).setMeta(PROGRAMMATIC, true));
        },
      );
      return { destroy: stop };
    },
    props: {
      decorations: (state) => badgeKey.getState(state)?.decorations,
    },
  });
}
