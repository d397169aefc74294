import type { EditorView } from '@tiptap/pm/view';
import type { HashiyaApi } from '../../shared/ipc/contract';
import type { en } from '../i18n/en';
import { t } from '../i18n/i18n';
import { roleOf } from '../../shared/model/label';
import { STANCES, type Stance } from '../../shared/model/span';
import type { Verdict } from '../../shared/review/decision';
import { applyLabel, finishLink, jumpToSpan, moveByToken, startLink } from '../editor/editorCommands';
import type { HashiyaStore } from '../store/createStore';
import type { HashiyaState } from '../store/types';
import { undoTarget } from '../store/undoTarget';
import { inDialog } from './inDialog';
import { inTextField } from './inTextField';
import { keyMatch, type KeyEventLike } from './keyMatch';
import { SEARCH_ACTIONS } from './searchActions';
import { SUGGESTION_ACTIONS } from './suggestionActions';
import { ENTITY_ACTIONS } from './entityActions';

/** What an action may touch: the store, the open article's view, the platform, and app-level navigation. */
export interface ActionContext {
  readonly store: HashiyaStore;
  /** The open article's editor; null while none is drawn (an action that moves the caret then does nothing). */
  readonly view: EditorView | null;
  readonly api: HashiyaApi;
  /** The library's search field; null unless the library is shown. */
  readonly librarySearch: HTMLInputElement | null;
  navigateDocument(delta: 1 | -1): void;
}

/** An action's description in the `?` overlay: its key under `actions.title` in the interface strings. */
export type ActionTitle = keyof (typeof en)['actions']['title'];

/**
 * A user command: its name, its description and the keys shown for it in the `?` overlay, the test that
 * recognises its key press (none for a command only the menu and buttons run), and what
 * it does (a promise when it finishes later).
 */
export interface Action {
  readonly name: string;
  readonly group: 'Review' | 'Select' | 'Tag' | 'Spans' | 'Claims' | 'Entities' | 'Search' | 'Suggestions' | 'Documents' | 'History' | 'Help';
  readonly title: ActionTitle;
  readonly keys: readonly string[];
  /** Whether it works on the open document: then it runs only with one open and no dialog over it but the keys overlay. */
  readonly needsDocument: boolean;
  /**
   * Where two actions answer the same key in the same state, the higher priority takes it
   * (0 when absent); two at the same priority are a conflict, and neither runs.
   */
  readonly keyPriority?: number;
  keyTest?(e: KeyEventLike, ctx: ActionContext): boolean;
  perform(ctx: ActionContext, e: KeyEventLike): void | Promise<unknown>;
}

/** The commands the application menu and buttons run by name. */
export type CommandName = 'importFiles' | 'openImport' | 'openExport' | 'backUp' | 'undo' | 'redo';

/** An action that needs nothing of a key press, so that a menu item or a button can run it by name. */
export interface Command extends Action {
  readonly name: CommandName;
  perform(ctx: ActionContext): void | Promise<unknown>;
}

const digitOf = (e: KeyEventLike) => /^(?:Digit|Numpad)([1-9])$/.exec(e.code)?.[1] ?? null;
const selectedSpan = (ctx: ActionContext) => {
  const st = ctx.store.getState();
  return st.selectedSpanId ? st.spans.get(st.selectedSpanId) : undefined;
};
const selectedClaim = (ctx: ActionContext) => {
  const s = selectedSpan(ctx);
  return s && roleOf(ctx.store.getState().labels, s.label) === 'claim' ? s : undefined;
};
const noMods = (e: KeyEventLike) => !e.ctrlKey && !e.metaKey && !e.altKey && !e.shiftKey;

const stanceKeys: Record<Stance, string> = { asserted: 'KeyA', denied: 'KeyD', reported: 'KeyR' };

/** True while the open document is under review: review keys come before the others. */
const reviewing = (ctx: ActionContext) => {
  const st = ctx.store.getState();
  return !!st.review && st.review.docId === st.open?.record.id;
};

const verdictKeys: readonly { code: string; verdict: Verdict }[] = [
  { code: 'KeyA', verdict: 'a' },
  { code: 'KeyB', verdict: 'b' },
  { code: 'KeyO', verdict: 'both' },
  { code: 'KeyX', verdict: 'reject' },
  { code: 'KeyE', verdict: 'edit' },
];

/** Review keys take a key they share with another action: A settles, it sets no stance (use the panel). */
const REVIEW_FIRST = 1;

/** Review keys: active only while reviewing. */
const REVIEW_ACTIONS: readonly Action[] = [
  {
    name: 'nextDifference',
    group: 'Review',
    title: 'nextDifference',
    keys: ['N', 'Shift+N'],
    needsDocument: true,
    keyPriority: REVIEW_FIRST,
    keyTest: (e, ctx) => reviewing(ctx) && (keyMatch(e, 'KeyN') || keyMatch(e, 'KeyN', { shift: true })),
    perform: (ctx, e) => ctx.store.getState().moveDifference(e.shiftKey ? -1 : 1),
  },
  {
    name: 'nextUnsettled',
    group: 'Review',
    title: 'nextUnsettled',
    keys: ['U', 'Shift+U'],
    needsDocument: true,
    keyPriority: REVIEW_FIRST,
    keyTest: (e, ctx) => reviewing(ctx) && (keyMatch(e, 'KeyU') || keyMatch(e, 'KeyU', { shift: true })),
    perform: (ctx, e) => ctx.store.getState().moveDifference(e.shiftKey ? -1 : 1, true),
  },
  ...verdictKeys.map(({ code, verdict }): Action => ({
    name: `settle-${verdict}`,
    group: 'Review',
    title: `settle-${verdict}`,
    keys: [code.slice(3)],
    needsDocument: true,
    keyPriority: REVIEW_FIRST,
    keyTest: (e, ctx) => reviewing(ctx) && keyMatch(e, code),
    perform: (ctx) => ctx.store.getState().settleCurrent(verdict),
  })),
  {
    name: 'acceptAgreements',
    group: 'Review',
    title: 'acceptAgreements',
    keys: ['Ctrl+Shift+A'],
    needsDocument: true,
    keyPriority: REVIEW_FIRST,
    keyTest: (e, ctx) => reviewing(ctx) && keyMatch(e, 'KeyA', { ctrl: true, shift: true }),
    perform: (ctx) => ctx.store.getState().acceptAgreements(),
  },
  {
    name: 'toggleLayers',
    group: 'Review',
    title: 'toggleLayers',
    keys: ['Shift+A', 'Shift+B'],
    needsDocument: true,
    keyPriority: REVIEW_FIRST,
    keyTest: (e, ctx) => reviewing(ctx) && (keyMatch(e, 'KeyA', { shift: true }) || keyMatch(e, 'KeyB', { shift: true })),
    perform: (ctx, e) => ctx.store.getState().toggleLayer(e.code === 'KeyA' ? 'a' : 'b'),
  },
];

/** The commands, each under its own name; {@link ACTIONS} lists them among the others. */
const COMMANDS: { readonly [N in CommandName]: Command & { readonly name: N } } = {
  // One undo for both histories: the latest step, the open document's or the library's
  // (merge, split, entity edit, document details), as undoTarget says.
  undo: {
    name: 'undo',
    group: 'History',
    title: 'undo',
    keys: ['Ctrl+Z'],
    needsDocument: false,
    keyTest: (e) => keyMatch(e, 'KeyZ', { ctrl: true }),
    perform: (ctx) => {
      const st = ctx.store.getState();
      const target = undoTarget(st, 'undo');
      return target === 'library' ? st.undoLibrary() : target === 'document' ? st.undo() : undefined;
    },
  },
  redo: {
    name: 'redo',
    group: 'History',
    title: 'redo',
    keys: ['Ctrl+Shift+Z', 'Ctrl+Y'],
    needsDocument: false,
    keyTest: (e) => keyMatch(e, 'KeyZ', { ctrl: true, shift: true }) || keyMatch(e, 'KeyY', { ctrl: true }),
    perform: (ctx) => {
      const st = ctx.store.getState();
      const target = undoTarget(st, 'redo');
      return target === 'library' ? st.redoLibrary() : target === 'document' ? st.redo() : undefined;
    },
  },
  importFiles: {
    name: 'importFiles',
    group: 'Documents',
    title: 'importFiles',
    keys: ['Ctrl+O'],
    needsDocument: false,
    keyTest: (e) => keyMatch(e, 'KeyO', { ctrl: true }),
    perform: async (ctx) => {
      // The .txt files, with the hashiya-meta.csv that gives them their metadata if there is one.
      const { files } = await ctx.api.openTextFiles({ filterName: t('moduleText.textFilter'), extensions: ['txt', 'csv'] });
      if (files.length) await ctx.store.getState().importFiles(files);
    },
  },
  openImport: {
    name: 'openImport',
    group: 'Documents',
    title: 'openImport',
    keys: [],
    needsDocument: false,
    perform: (ctx) => ctx.store.getState().setOverlay('import'),
  },
  openExport: {
    name: 'openExport',
    group: 'Documents',
    title: 'openExport',
    keys: [],
    needsDocument: false,
    perform: (ctx) => ctx.store.getState().setOverlay('export'),
  },
  backUp: {
    name: 'backUp',
    group: 'Documents',
    // Every table of the library, into the backup folder (see BackupsDialog).
    title: 'backUp',
    keys: [],
    needsDocument: false,
    perform: (ctx) => ctx.store.getState().backUpNow('manual'),
  },
};

/** Every command the workbench offers, in the order the `?` overlay lists those with keys. */
export const ACTIONS: readonly Action[] = [
  ...REVIEW_ACTIONS,
  {
    name: 'tag',
    group: 'Tag',
    title: 'tag',
    keys: ['1 … 9'],
    needsDocument: true,
    keyTest: (e, ctx) => noMods(e) && digitOf(e) !== null && ctx.store.getState().labels.some((l) => l.key === digitOf(e)),
    perform: (ctx, e) => {
      const label = ctx.store.getState().labels.find((l) => l.key === digitOf(e));
      if (label && ctx.view) applyLabel(ctx.view, ctx.store, label.name);
    },
  },
  {
    name: 'toggleSpanList',
    group: 'Spans',
    title: 'toggleSpanList',
    keys: ['I'],
    needsDocument: true,
    keyTest: (e) => keyMatch(e, 'KeyI'),
    perform: (ctx) => ctx.store.getState().toggleSpanList(),
  },
  {
    name: 'togglePrecise',
    group: 'Tag',
    title: 'togglePrecise',
    keys: ['\\'],
    needsDocument: true,
    keyTest: (e) => keyMatch(e, ['Backslash', 'IntlBackslash']),
    perform: (ctx) => {
      const st = ctx.store.getState();
      st.setPrecise(!st.precise);
    },
  },
  {
    name: 'tokenForward',
    group: 'Select',
    title: 'tokenForward',
    keys: ['Ctrl+←', 'Ctrl+→'],
    needsDocument: true,
    keyTest: (e) => keyMatch(e, ['ArrowLeft', 'ArrowRight'], { ctrl: true }),
    perform: (ctx, e) => {
      if (ctx.view) moveByToken(ctx.view, ctx.store, e.code === 'ArrowLeft', false);
    },
  },
  {
    name: 'extendToken',
    group: 'Select',
    title: 'extendToken',
    keys: ['Ctrl+Shift+←', 'Ctrl+Shift+→'],
    needsDocument: true,
    keyTest: (e) => keyMatch(e, ['ArrowLeft', 'ArrowRight'], { ctrl: true, shift: true }),
    perform: (ctx, e) => {
      if (ctx.view) moveByToken(ctx.view, ctx.store, e.code === 'ArrowLeft', true);
    },
  },
  {
    name: 'nextSpan',
    group: 'Spans',
    title: 'nextSpan',
    keys: [']', '['],
    needsDocument: true,
    keyTest: (e) => keyMatch(e, ['BracketRight', 'BracketLeft']),
    perform: (ctx, e) => {
      if (ctx.view) jumpToSpan(ctx.view, ctx.store, e.code === 'BracketRight');
    },
  },
  {
    name: 'deleteSpan',
    group: 'Spans',
    title: 'deleteSpan',
    keys: ['Delete', 'Backspace'],
    needsDocument: true,
    keyTest: (e, ctx) => keyMatch(e, ['Delete', 'Backspace']) && !!selectedSpan(ctx),
    perform: (ctx) => ctx.store.getState().deleteSelected(),
  },
  {
    name: 'startEdge',
    group: 'Spans',
    title: 'startEdge',
    keys: ['Alt+→', 'Alt+←'],
    needsDocument: true,
    keyTest: (e, ctx) => keyMatch(e, ['ArrowLeft', 'ArrowRight'], { alt: true }) && !!selectedSpan(ctx),
    perform: (ctx, e) => ctx.store.getState().resizeSelected('start', e.code === 'ArrowLeft' ? 1 : -1),
  },
  {
    name: 'endEdge',
    group: 'Spans',
    title: 'endEdge',
    keys: ['Alt+Shift+←', 'Alt+Shift+→'],
    needsDocument: true,
    keyTest: (e, ctx) => keyMatch(e, ['ArrowLeft', 'ArrowRight'], { alt: true, shift: true }) && !!selectedSpan(ctx),
    perform: (ctx, e) => ctx.store.getState().resizeSelected('end', e.code === 'ArrowLeft' ? 1 : -1),
  },
  {
    name: 'linkSource',
    group: 'Claims',
    title: 'linkSource',
    keys: ['S'],
    needsDocument: true,
    keyTest: (e) => keyMatch(e, 'KeyS'),
    perform: (ctx) => startLink(ctx.store),
  },
  {
    name: 'confirmLink',
    group: 'Claims',
    title: 'confirmLink',
    keys: ['Enter'],
    needsDocument: true,
    keyTest: (e, ctx) => keyMatch(e, ['Enter', 'NumpadEnter']) && !!ctx.store.getState().linkingClaimId,
    perform: (ctx) => {
      const st = ctx.store.getState();
      if (st.selectedSpanId && st.selectedSpanId !== st.linkingClaimId) finishLink(ctx.store, st.selectedSpanId, ctx.view);
    },
  },
  {
    name: 'unlinkSource',
    group: 'Claims',
    title: 'unlinkSource',
    keys: ['Shift+S'],
    needsDocument: true,
    keyTest: (e, ctx) => keyMatch(e, 'KeyS', { shift: true }) && !!selectedClaim(ctx),
    perform: (ctx) => {
      const claim = selectedClaim(ctx);
      if (claim) ctx.store.getState().linkSource(claim.id, null);
    },
  },
  ...STANCES.map((stance): Action => ({
    name: `stance-${stance}`,
    group: 'Claims',
    title: `stance-${stance}`,
    keys: [stanceKeys[stance].slice(3)],
    needsDocument: true,
    keyTest: (e, ctx) => keyMatch(e, stanceKeys[stance]) && !!selectedClaim(ctx),
    perform: (ctx) => {
      const claim = selectedClaim(ctx);
      if (claim) ctx.store.getState().setStance(claim.id, claim.stance === stance ? null : stance);
    },
  })),
  ...SEARCH_ACTIONS,
  ...SUGGESTION_ACTIONS,
  ...ENTITY_ACTIONS,
  COMMANDS.undo,
  COMMANDS.redo,
  {
    name: 'toggleDone',
    group: 'Documents',
    title: 'toggleDone',
    keys: ['Ctrl+Enter'],
    needsDocument: true,
    keyTest: (e) => keyMatch(e, ['Enter', 'NumpadEnter'], { ctrl: true }),
    perform: (ctx) => ctx.store.getState().toggleDone(),
  },
  {
    name: 'nextDocument',
    group: 'Documents',
    title: 'nextDocument',
    keys: ['Alt+PageDown', 'Alt+PageUp'],
    needsDocument: false,
    keyTest: (e) => keyMatch(e, ['PageDown', 'PageUp'], { alt: true }),
    perform: (ctx, e) => ctx.navigateDocument(e.code === 'PageDown' ? 1 : -1),
  },
  COMMANDS.importFiles,
  COMMANDS.openImport,
  COMMANDS.openExport,
  COMMANDS.backUp,
  {
    name: 'exportJsonl',
    group: 'Documents',
    title: 'exportJsonl',
    keys: ['Ctrl+Shift+E'],
    needsDocument: false,
    keyTest: (e) => keyMatch(e, 'KeyE', { ctrl: true, shift: true }),
    perform: (ctx) => ctx.store.getState().exportJsonl(),
  },
  {
    name: 'escape',
    group: 'Help',
    title: 'escape',
    keys: ['Escape'],
    needsDocument: false,
    keyTest: (e) => keyMatch(e, 'Escape'),
    perform: (ctx) => {
      const st = ctx.store.getState();
      if (st.overlay === 'keys') st.setOverlay(null);
      else if (st.linkingClaimId) {
        st.setLinking(null);
        st.notify(null);
      } else st.selectSpan(null);
    },
  },
  {
    name: 'keys',
    group: 'Help',
    title: 'keys',
    keys: ['?', 'F1'],
    needsDocument: false,
    keyTest: (e) => keyMatch(e, 'Slash', { shift: true }) || keyMatch(e, 'F1'),
    perform: (ctx) => {
      const st = ctx.store.getState();
      st.setOverlay(st.overlay === 'keys' ? null : 'keys');
    },
  },
];

/**
 * Whether the action can run now: one that works on the document needs it open and in
 * front of the analyst, with no dialog over it but the keys overlay.
 */
function available(action: Action, st: HashiyaState): boolean {
  return !action.needsDocument || (!!st.open && (st.overlay === null || st.overlay === 'keys'));
}

/**
 * The actions a key press asks for in the present state, of the highest priority that
 * answers it: none, one, or (a conflict) several.
 */
export function keyCandidates(e: KeyEventLike, ctx: ActionContext, actions: readonly Action[] = ACTIONS): readonly Action[] {
  const st = ctx.store.getState();
  // Dialogs other than the keys overlay take their own keys.
  if (st.overlay && st.overlay !== 'keys') return [];
  let found: Action[] = [];
  let priority = -Infinity;
  for (const action of actions) {
    // Over the keys overlay only the keys that close it work.
    if (st.overlay === 'keys' && action.name !== 'keys' && action.name !== 'escape') continue;
    if (!action.keyTest || !available(action, st)) continue;
    const p = action.keyPriority ?? 0;
    if (p < priority || !action.keyTest(e, ctx)) continue;
    if (p > priority) found = [];
    priority = p;
    found.push(action);
  }
  return found;
}

/**
 * Runs the action a key press asks for, if exactly one does; true when one ran (the
 * caller then stops the event). Key presses typed into form fields are left alone, and
 * so is a key two actions claim: which one the analyst meant is not for list order to say.
 */
export function dispatchKey(e: KeyEventLike & Pick<Event, 'target'>, ctx: ActionContext, actions: readonly Action[] = ACTIONS): boolean {
  const target = e.target as Element | null;
  if (inTextField(target)) return false;
  // A dialog's keys are its own (the keys overlay's excepted, which its keys close): Escape
  // must reach the dialog to close it, and Ctrl+Z must not undo behind it. Not every dialog
  // is an overlay of the store's, so where the key was pressed says it.
  if (inDialog(target) && ctx.store.getState().overlay !== 'keys') return false;
  const [action, ...others] = keyCandidates(e, ctx, actions);
  if (!action || others.length) return false;
  void action.perform(ctx, e);
  return true;
}

/**
 * Runs a command as the menu or a button asks for it, when it can run now (a document
 * command only with the document in front of the analyst); resolves once it is done,
 * to whether it ran.
 */
export async function runAction(name: CommandName, ctx: ActionContext): Promise<boolean> {
  const command = COMMANDS[name];
  if (!available(command, ctx.store.getState())) return false;
  await command.perform(ctx);
  return true;
}
