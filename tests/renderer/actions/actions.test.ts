import { beforeAll, describe, expect, it, vi } from 'vitest';
import { ACTIONS, dispatchKey, keyCandidates, type Action, type ActionContext } from '../../../renderer/actions/actions';
import type { KeyEventLike } from '../../../renderer/actions/keyMatch';
import type { HashiyaState, Overlay, ReviewSession } from '../../../renderer/store/types';
import type { HashiyaApi } from '../../../shared/ipc/contract';
import { utf16 } from '../../../shared/text/units';
import { noBackups } from '../../support/noBackups';
import { noSyncConnection } from '../../support/noSyncConnection';
import { testStores } from '../../support/testStore';

/** Every physical key a keyboard sends that a binding could name (UI Events `code` values). */
const CODES: readonly string[] = [
  ...'ABCDEFGHIJKLMNOPQRSTUVWXYZ'.split('').map((c) => `Key${c}`),
  ...'0123456789'.split('').flatMap((d) => [`Digit${d}`, `Numpad${d}`]),
  ...Array.from({ length: 12 }, (_, i) => `F${i + 1}`),
  ...['Escape', 'Enter', 'NumpadEnter', 'Backspace', 'Delete', 'Insert', 'Tab', 'Space', 'ContextMenu'],
  ...['ArrowLeft', 'ArrowRight', 'ArrowUp', 'ArrowDown', 'PageUp', 'PageDown', 'Home', 'End'],
  ...[
    'Slash',
    'Backslash',
    'IntlBackslash',
    'BracketLeft',
    'BracketRight',
    'Minus',
    'Equal',
    'Semicolon',
    'Quote',
    'Comma',
    'Period',
    'Backquote',
    'IntlRo',
    'IntlYen',
  ],
  ...['NumpadAdd', 'NumpadSubtract', 'NumpadMultiply', 'NumpadDivide', 'NumpadDecimal'],
  ...['ShiftLeft', 'ControlLeft', 'AltLeft', 'MetaLeft'],
];

/** Every key press: each code with each of the 16 combinations of Ctrl, ⌘, Shift and Alt. */
const PRESSES: readonly KeyEventLike[] = CODES.flatMap((code) =>
  Array.from({ length: 16 }, (_, m) => ({ code, ctrlKey: !!(m & 1), metaKey: !!(m & 2), shiftKey: !!(m & 4), altKey: !!(m & 8) })),
);

const pressName = (e: KeyEventLike) => `${e.ctrlKey ? 'Ctrl+' : ''}${e.metaKey ? 'Meta+' : ''}${e.altKey ? 'Alt+' : ''}${e.shiftKey ? 'Shift+' : ''}${e.code}`;

/** A store in every state the keys tell apart, each with its name. */
async function everyState(): Promise<{ ctx: ActionContext; modes: { name: string; state: Partial<HashiyaState>; library?: boolean }[] }> {
  const { make } = testStores('k');
  const store = make();
  await store.getState().setAnnotator('analyst');
  const text = 'قال مصدر محلي إن القصف طال القرية';
  const docId = (await store.getState().addPastedDocument('خبر', text))!;
  await store.getState().openDocument(docId);
  const actor = store.getState().addSpan('actor', utf16(4), utf16(13))!;
  const claim = store.getState().addSpan('claim', utf16(0), utf16(text.length))!;
  const { open, layer, spans } = store.getState();
  const review: ReviewSession = {
    docId,
    a: 'layla',
    b: 'omar',
    layerA: new Map(),
    layerB: new Map(),
    differences: [],
    decisions: new Map(),
    current: -1,
    showA: true,
    showB: true,
  };
  const overlays: readonly Overlay[] = [null, 'keys', 'labels'];
  const modes: { name: string; state: Partial<HashiyaState>; library?: boolean }[] = [];
  for (const overlay of overlays) {
    modes.push({
      name: `no document, overlay ${overlay}`,
      state: { open: null, layer: null, spans: new Map(), review: null, selectedSpanId: null, linkingClaimId: null, overlay },
    });
    for (const reviewing of [false, true])
      for (const [selected, selectedId] of [
        ['nothing', null],
        ['an actor', actor],
        ['a claim', claim],
      ] as const)
        for (const linking of [false, true]) {
          modes.push({
            name: `${reviewing ? 'reviewing' : 'annotating'}, ${selected} selected${linking ? ', picking a source' : ''}, overlay ${overlay}`,
            state: { open, layer, spans, review: reviewing ? review : null, selectedSpanId: selectedId, linkingClaimId: linking ? claim : null, overlay },
          });
        }
  }
  // The entities pages: no document open, library undo on Ctrl+Z.
  modes.push({
    name: 'the entities pages shown',
    state: { open: null, layer: null, spans: new Map(), review: null, selectedSpanId: null, linkingClaimId: null, overlay: null, showingEntities: true },
  });
  // The search box open over each of those states (closed in them all, as set).
  const closed = { ...store.getState().search, open: false, query: 'القوات' };
  for (const mode of [...modes]) {
    mode.state = { ...mode.state, search: closed };
    if (mode.state.open) modes.push({ name: `${mode.name}, searching`, state: { ...mode.state, search: { ...closed, open: true } } });
  }
  // A suggestion offered over each of those states with a document (none is while reviewing).
  const at = text.indexOf('القصف');
  const suggestions = {
    docId,
    proposed: [{ start: utf16(at), end: utf16(at + 5), label: 'weapon', proposedBy: 'occurrence' as const, score: 1 }],
    rejected: new Set<string>(),
    current: 0,
  };
  for (const mode of [...modes]) if (mode.state.open) modes.push({ name: `${mode.name}, a suggestion offered`, state: { ...mode.state, suggestions } });
  // With no document open, the library (and its search field) or the agreement dashboard is shown.
  for (const mode of [...modes]) if (!mode.state.open) modes.push({ name: `${mode.name}, the library shown`, state: mode.state, library: true });
  // Key tests read the store only; nothing here opens or saves a file.
  const api: HashiyaApi = {
    ...noBackups,
    ...noSyncConnection,
    platform: 'web',
    openTextFiles: async () => ({ files: [] }),
    saveTextFile: async () => ({ saved: false }),
  };
  return { ctx: { store, view: null, api, librarySearch: null, navigateDocument: () => {} }, modes };
}

/** The context a mode's key presses see: the library's search field only where the library is shown. */
const contextIn = (ctx: ActionContext, mode: { library?: boolean }): ActionContext => (mode.library ? { ...ctx, librarySearch: {} as HTMLInputElement } : ctx);

describe('the key bindings', () => {
  let world: Awaited<ReturnType<typeof everyState>>;
  beforeAll(async () => {
    world = await everyState();
  });

  it('give every key press, in every state, to one action at most', () => {
    const conflicts: string[] = [];
    for (const mode of world.modes) {
      world.ctx.store.setState(mode.state);
      for (const e of PRESSES) {
        const found = keyCandidates(e, contextIn(world.ctx, mode));
        if (found.length > 1) conflicts.push(`${pressName(e)} (${mode.name}): ${found.map((a) => a.name).join(', ')}`);
      }
    }
    expect(conflicts).toEqual([]);
  });

  it('reach every action that has keys from some key press', () => {
    const reached = new Set<string>();
    for (const mode of world.modes) {
      world.ctx.store.setState(mode.state);
      for (const e of PRESSES) for (const a of keyCandidates(e, contextIn(world.ctx, mode))) reached.add(a.name);
    }
    expect(ACTIONS.filter((a) => a.keyTest && !reached.has(a.name)).map((a) => a.name)).toEqual([]);
  });
});

describe('dispatchKey', () => {
  const press = (code: string): KeyEventLike & Pick<Event, 'target'> => ({
    code,
    ctrlKey: false,
    metaKey: false,
    shiftKey: false,
    altKey: false,
    target: null,
  });
  const action = (name: string, keyPriority?: number): Action => ({
    name,
    group: 'Help',
    title: 'keys',
    keys: ['Q'],
    needsDocument: false,
    ...(keyPriority === undefined ? {} : { keyPriority }),
    keyTest: (e) => e.code === 'KeyQ',
    perform: vi.fn(),
  });

  it('runs neither of two actions that claim a key at the same priority, and the higher one of two that do not', async () => {
    const { ctx } = await everyState();
    ctx.store.setState({ overlay: null });
    const [first, second] = [action('first'), action('second')];
    expect(dispatchKey(press('KeyQ'), ctx, [first, second])).toBe(false);
    expect([first.perform, second.perform].map((p) => vi.mocked(p).mock.calls.length)).toEqual([0, 0]);

    const urgent = action('urgent', 1);
    expect(dispatchKey(press('KeyQ'), ctx, [first, urgent])).toBe(true);
    expect([first.perform, urgent.perform].map((p) => vi.mocked(p).mock.calls.length)).toEqual([0, 1]);
  });

  it('leaves a key pressed in an open dialog to the dialog (Escape closes it, Ctrl+Z undoes nothing behind it), except in the keys overlay', async () => {
    const { ctx } = await everyState();
    // An element in an open <dialog>: `closest` finds the dialog and nothing else.
    const inDialog = { closest: (selector: string) => (selector === 'dialog[open]' ? {} : null) } as unknown as Element;
    const escape = { ...press('Escape'), target: inDialog };
    const undo = { ...press('KeyZ'), ctrlKey: true, target: inDialog };
    ctx.store.setState({ overlay: null });
    expect(dispatchKey(escape, ctx)).toBe(false);
    expect(dispatchKey(undo, ctx)).toBe(false);
    expect(dispatchKey({ ...escape, target: null }, ctx)).toBe(true);
    ctx.store.setState({ overlay: 'keys' });
    expect(dispatchKey(escape, ctx)).toBe(true);
    expect(ctx.store.getState().overlay).toBe(null);
  });
});
