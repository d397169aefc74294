import { Plugin, PluginKey, type EditorState, type Transaction } from '@tiptap/pm/state';
import { Decoration, DecorationSet } from '@tiptap/pm/view';
import type { Span } from '../../shared/model/span';
import type { HashiyaStore } from '../store/createStore';
import { annotationKey, firstAt, type AnnotationAction, type AnnotationState } from './annotationPlugin';
import { PROGRAMMATIC } from './editorCommands';
import { grownInto, growthOf, isBuilt } from './docGrowth';
import { toEditorPos } from './positions';
import { utf16 } from '../../shared/text/units';

/** The badge plugin's state: whether label badges are on, and the widgets drawn at spans' starts. */
interface BadgeState {
  readonly on: boolean;
  readonly decorations: DecorationSet;
}

const badgeKey = new PluginKey<BadgeState>('hashiya-badges');

/** A span gets a badge when badges are on, and a claim with a stance always (its stance is shown). */
const shows = (on: boolean, s: Span) => on || s.stance !== undefined;

/** What a widget's spec holds: the text offset where its spans start. */
interface BadgeSpec {
  readonly start: number;
}

/**
 * The spans starting at `start` that show a badge and are built, in `byStart` order: they
 * share one widget, so two spans tagged from the same word put their badges side by side.
 */
function startingAt(ann: AnnotationState, on: boolean, doc: EditorState['doc'], start: number): Span[] {
  const { byStart } = ann;
  const out: Span[] = [];
  for (let i = firstAt(byStart, start); i < byStart.length && byStart[i]!.start === start; i++) {
    const s = byStart[i]!;
    if (shows(on, s) && isBuilt(ann.layout, doc, s.end)) out.push(s);
  }
  return out;
}

function widget(ann: AnnotationState, on: boolean, start: number, spans: readonly Span[]): Decoration {
  // The outer span's badge first (nearest its text's start), whatever order the spans came in.
  const shown = [...spans]
    .sort((x, y) => y.end - x.end || (x.id < y.id ? -1 : 1))
    .map((s) => ({
      span: s,
      name: ann.names.get(s.label) ?? s.label,
      stance: s.stance ? (ann.stances.get(s.stance) ?? s.stance) : '',
    }));
  return Decoration.widget(
    toEditorPos(ann.layout, utf16(start)),
    () => {
      // Hidden from assistive tech, which hears label and stance in the span's own description;
      // the words are CSS content (app.css), so the text's textContent and a copy leave them out.
      // A zero-width anchor whose badges stand over the line: showing them never moves the text.
      const el = document.createElement('span');
      el.className = 'hs-badges';
      el.setAttribute('aria-hidden', 'true');
      const row = el.appendChild(document.createElement('span'));
      for (const { span: s, name, stance } of shown) {
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
      }
      return el;
    },
    // Before the spans' own text, and drawn again only when what it says changes.
    {
      start,
      side: -1,
      ignoreSelection: true,
      key: shown.map(({ span: s, name, stance }) => `${s.id}|${on ? name : ''}|${stance}`).join(' '),
    } satisfies BadgeSpec & Record<string, unknown>,
  );
}

function rebuild(ann: AnnotationState, on: boolean, state: EditorState): BadgeState {
  const decorations: Decoration[] = [];
  let group: Span[] = [];
  const close = () => group.length && decorations.push(widget(ann, on, group[0]!.start, group));
  for (const s of ann.byStart) {
    if (!shows(on, s) || !isBuilt(ann.layout, state.doc, s.end)) continue;
    if (group.length && group[0]!.start !== s.start) {
      close();
      group = [];
    }
    group.push(s);
  }
  close();
  return { on, decorations: DecorationSet.create(state.doc, decorations) };
}

/** `set` with the widgets at `starts` (text offsets) drawn anew from the spans that start there now. */
function redraw(
  set: DecorationSet,
  starts: ReadonlySet<number>,
  before: AnnotationState,
  ann: AnnotationState,
  on: boolean,
  doc: EditorState['doc'],
): DecorationSet {
  const stale: Decoration[] = [];
  const fresh: Decoration[] = [];
  for (const start of starts) {
    const at = toEditorPos(before.layout, utf16(start));
    stale.push(...set.find(at, at, (spec: Partial<BadgeSpec>) => spec.start === start));
    const spans = startingAt(ann, on, doc, start);
    if (spans.length) fresh.push(widget(ann, on, start, spans));
  }
  return stale.length || fresh.length ? set.remove(stale).add(doc, fresh) : set;
}

// Only the widgets where touched spans started or start now are drawn anew.
function update(
  prev: BadgeState,
  action: Extract<AnnotationAction, { type: 'update' }>,
  before: AnnotationState,
  ann: AnnotationState,
  tr: Transaction,
): BadgeState {
  const starts = new Set<number>();
  for (const id of [...action.remove, ...action.upsert.map((s) => s.id)]) {
    const old = before.spans.get(id);
    const now = ann.spans.get(id);
    // A span that neither showed a badge nor shows one leaves its place as it is.
    if (old && shows(prev.on, old)) starts.add(old.start);
    if (now && shows(prev.on, now)) starts.add(now.start);
  }
  const decorations = redraw(prev.decorations, starts, before, ann, prev.on, tr.doc);
  return decorations === prev.decorations ? prev : { on: prev.on, decorations };
}

/**
 * Draws a widget where spans start: each one's label's name as a small badge when the analyst
 * asks for badges (off by default), and a claim's stance always; spans starting at the same
 * place share the widget, their badges side by side. A reducer beside the annotation
 * plugin's: it follows the same actions (load, every span anew, update of the touched spans, names) and the
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
        if (action?.type === 'load' || action?.type === 'spans' || action?.type === 'names') return rebuild(ann, prev.on, newState);
        if (action?.type === 'update') return update(prev, action, annotationKey.getState(oldState)!, ann, tr);
        const growth = growthOf(tr);
        if (growth) {
          // A span the run brings may share its start with one drawn before: that widget is drawn anew.
          const starts = new Set(ann.byStart.filter((s) => shows(prev.on, s) && grownInto(growth, s.end)).map((s) => s.start));
          return { on: prev.on, decorations: redraw(prev.decorations.map(tr.mapping, tr.doc), starts, ann, ann, prev.on, tr.doc) };
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
