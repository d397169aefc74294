import { describe, expect, it } from 'vitest';
import { dispatchKey, type ActionContext } from '../../../renderer/actions/actions';
import { startLink } from '../../../renderer/editor/editorCommands';
import { roleChanges } from '../../../renderer/store/roleChanges';
import type { HashiyaApi } from '../../../shared/ipc/contract';
import { DEFAULT_LABELS, type LabelDef } from '../../../shared/model/label';
import { utf16 } from '../../../shared/text/units';
import { fixtureArticle } from '../../support/fixtures';
import { testStores } from '../../support/testStore';

const TITLE = 'konico-strikes';
const TEXT = fixtureArticle(TITLE).text;
const SOURCE = 'المرصد السوري لحقوق الإنسان';
const CLAIM = 'أن الدفاعات الجوية اعترضت صاروخين فوق القاعدة';
const DENIAL = 'إن رتلاً للقوات الأميركية وصل إلى القاعدة';

/** The default set with the claim label renamed to its Arabic name and a second claim label, نفي, on 5. */
const ARABIC: readonly LabelDef[] = [
  ...DEFAULT_LABELS.map((l) => (l.name === 'claim' ? { ...l, name: 'ادعاء' } : l)),
  { ...DEFAULT_LABELS[3]!, name: 'نفي', key: '5', color: '#e377c2' },
];

function at(phrase: string) {
  const start = TEXT.indexOf(phrase);
  if (start < 0) throw new Error(`not in the text: ${phrase}`);
  return [utf16(start), utf16(start + phrase.length)] as const;
}

async function setup() {
  const { make, db } = testStores('r');
  const store = make();
  await store.getState().setAnnotator('rania');
  const enc = new TextEncoder();
  await store.getState().importFiles([
    { name: `${TITLE}.txt`, bytes: enc.encode(TEXT) },
    { name: 'second.txt', bytes: enc.encode('قالت وكالة مهر إن الهجوم فشل.') },
  ]);
  const docId = (title: string) => store.getState().documents.find((d) => d.title === title)!.id;
  const st = () => store.getState();
  expect(await st().saveLabels(ARABIC, new Map([['claim', 'ادعاء']]))).toEqual([]);
  await st().openDocument(docId(TITLE));
  return { store, st, docId, db, make };
}

const key = (ctx: ActionContext, code: string, shift = false) =>
  dispatchKey({ code, ctrlKey: false, metaKey: false, altKey: false, shiftKey: shift, target: null }, ctx);

describe('labels have roles in the store', () => {
  it('links and sets the stance of claims under any claim-role label, by store and by key', async () => {
    const { store, st, make } = await setup();
    const source = st().addSpan('actor', ...at(SOURCE))!;
    const claim = st().addSpan('ادعاء', ...at(CLAIM))!;
    const denial = st().addSpan('نفي', ...at(DENIAL))!;
    st().linkSource(claim, source);
    st().setStance(claim, 'asserted');
    expect(st().spans.get(claim)).toMatchObject({ sourceId: source, stance: 'asserted' });

    // The keys know the claim by its role: S starts picking, D sets the stance, Shift+S unlinks.
    const ctx: ActionContext = { store, view: null, api: {} as HashiyaApi, librarySearch: null, navigateDocument: () => undefined };
    st().selectSpan(denial);
    expect(key(ctx, 'KeyS')).toBe(true);
    expect(st().linkingClaimId).toBe(denial);
    st().setLinking(null);
    expect(key(ctx, 'KeyD')).toBe(true);
    expect(st().spans.get(denial)!.stance).toBe('denied');
    st().linkSource(denial, source);
    expect(key(ctx, 'KeyS', true)).toBe(true);
    expect(st().spans.get(denial)!.sourceId).toBeUndefined();
    // An entity span is no claim: S explains, D and Shift+S are not its keys.
    st().selectSpan(source);
    startLink(store);
    expect(st().linkingClaimId).toBeNull();
    expect(st().notice?.text).toBe('Select a claim first, then press S to pick its source.');
    expect(key(ctx, 'KeyD')).toBe(false);
    expect(st().spans.get(source)!.stance).toBeUndefined();

    // Kept after a restart.
    await st().flushWrites();
    const fresh = make();
    await fresh.getState().loadSettings();
    await fresh.getState().openDocument(st().open!.record.id);
    expect(fresh.getState().spans.get(claim)).toMatchObject({ label: 'ادعاء', sourceId: source, stance: 'asserted' });
    expect(fresh.getState().spans.get(denial)).toMatchObject({ label: 'نفي', stance: 'denied' });
  });

  it('refuses a claim as source, a claim as its own source, a span of another document, and a stance on an entity span', async () => {
    const { st, docId } = await setup();
    const source = st().addSpan('actor', ...at(SOURCE))!;
    const claim = st().addSpan('ادعاء', ...at(CLAIM))!;
    const denial = st().addSpan('نفي', ...at(DENIAL))!;
    st().linkSource(claim, denial);
    expect(st().notice).toMatchObject({
      kind: 'error',
      text: 'Cannot link that source: a claim’s source must be an entity span (an actor, say), and “نفي” is a claim label.',
    });
    st().linkSource(claim, claim);
    expect(st().notice?.text).toBe('Cannot link that source: a claim cannot be its own source.');
    st().setStance(source, 'reported');
    expect(st().notice?.text).toBe('Cannot set a stance: “actor” is not a claim label.');
    st().linkSource(source, claim);
    expect(st().notice?.text).toBe('Cannot link that source: “actor” is not a claim label, so its spans have no source.');

    // A span of the other document: the open document's spans never hold it.
    await st().openDocument(docId('second'));
    const [s, e] = [utf16(5), utf16(14)];
    const agency = st().addSpan('actor', s, e)!;
    await st().openDocument(docId(TITLE));
    st().linkSource(claim, agency);
    expect(st().notice?.text).toBe('Cannot link that source: a claim’s source must be a span of the same document.');
    expect([...st().spans.values()].every((sp) => sp.sourceId === undefined && sp.stance === undefined)).toBe(true);
  });

  it('relabelling drops, in the same undo step, what the new role cannot have', async () => {
    const { st } = await setup();
    const source = st().addSpan('actor', ...at(SOURCE))!;
    const claim = st().addSpan('ادعاء', ...at(CLAIM))!;
    st().linkSource(claim, source);
    st().setStance(claim, 'reported');

    // A claim made an entity loses its source and stance.
    st().selectSpan(claim);
    st().relabelSelected('place');
    expect(st().spans.get(claim)).toMatchObject({ label: 'place' });
    expect(st().spans.get(claim)!.sourceId).toBeUndefined();
    expect(st().spans.get(claim)!.stance).toBeUndefined();
    expect(st().notice?.text).toBe('Relabelled as place, which drops its source and stance (Ctrl+Z brings them back).');
    st().undo();
    expect(st().spans.get(claim)).toMatchObject({ label: 'ادعاء', sourceId: source, stance: 'reported' });

    // A source made a claim stops being the source of the claims it made.
    st().selectSpan(source);
    st().relabelSelected('نفي');
    expect(st().spans.get(source)!.label).toBe('نفي');
    expect(st().spans.get(claim)!.sourceId).toBeUndefined();
    expect(st().notice?.text).toBe('Relabelled as نفي, which drops its link as the source of 1 claim (Ctrl+Z brings them back).');
    st().undo();
    expect(st().spans.get(source)!.label).toBe('actor');
    expect(st().spans.get(claim)!.sourceId).toBe(source);

    // Between two claim labels, or two entity labels, nothing is dropped.
    st().selectSpan(claim);
    st().relabelSelected('نفي');
    expect(st().spans.get(claim)).toMatchObject({ label: 'نفي', sourceId: source, stance: 'reported' });
    st().selectSpan(source);
    st().relabelSelected('place');
    expect(st().spans.get(claim)!.sourceId).toBe(source);
  });

  it('refuses to change a label’s role while stored spans depend on it, naming how many, and saves nothing', async () => {
    const { st, make } = await setup();
    const source = st().addSpan('actor', ...at(SOURCE))!;
    const claim = st().addSpan('ادعاء', ...at(CLAIM))!;
    const denial = st().addSpan('نفي', ...at(DENIAL))!;
    st().linkSource(claim, source);
    st().setStance(denial, 'denied');
    const withRole = (name: string, role: LabelDef['role']) => ARABIC.map((l) => (l.name === name ? { ...l, role } : l));

    expect(await st().saveLabels(withRole('ادعاء', 'entity'), new Map())).toEqual([
      'label "ادعاء" cannot take the entity role: 1 span of it has a source or a stance, which only a claim may have. Unlink those claims and clear their stances first, or keep its role',
    ]);
    expect(await st().saveLabels(withRole('actor', 'claim'), new Map())).toEqual([
      'label "actor" cannot take the claim role: 1 span names one of its spans as source, which only an entity span may be. Unlink those claims and clear their stances first, or keep its role',
    ]);
    // Renamed and made an entity at once: counted under the name its spans carry.
    const renamed = withRole('نفي', 'entity').map((l) => (l.name === 'نفي' ? { ...l, name: 'تكذيب' } : l));
    expect((await st().saveLabels(renamed, new Map([['نفي', 'تكذيب']])))[0]).toMatch(/^label "نفي" cannot take the entity role: 1 span of it/);
    const fresh = make();
    await fresh.getState().loadSettings();
    expect(fresh.getState().labels.map((l) => [l.name, l.role])).toEqual(ARABIC.map((l) => [l.name, l.role]));

    // Once nothing depends on it, the role changes.
    st().linkSource(claim, null);
    st().setStance(denial, null);
    expect(await st().saveLabels(withRole('نفي', 'entity'), new Map())).toEqual([]);
    expect(st().labels.find((l) => l.name === 'نفي')!.role).toBe('entity');
  });

  it('refuses a label name holding a lone surrogate, and a role it does not know', async () => {
    const { st } = await setup();
    const broken = ARABIC.map((l) => (l.name === 'نفي' ? { ...l, name: 'نفي\uD83D' } : l));
    const problems = await st().saveLabels(broken, new Map([['نفي', 'نفي\uD83D']]));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^label 5: the name /);
    const unknown = ARABIC.map((l) => (l.name === 'نفي' ? { ...l, role: 'quote' as LabelDef['role'] } : l));
    expect(await st().saveLabels(unknown, new Map())).toEqual(['label 5: the role must be one of entity, claim']);
    expect(st().labels.map((l) => l.name)).toEqual(ARABIC.map((l) => l.name));
  });
});

describe('which stored labels change role', () => {
  const current = ARABIC;
  it('follows renames, and leaves out a new label that takes a name renamed away', () => {
    const next = current.map((l) => (l.name === 'ادعاء' ? { ...l, name: 'claim', role: 'entity' as const } : l));
    expect(roleChanges(current, next, new Map([['ادعاء', 'claim']]))).toEqual([{ label: 'ادعاء', to: 'entity' }]);
    const taken = [
      ...current.map((l) => (l.name === 'place' ? { ...l, name: 'site' } : l)),
      { ...current[0]!, name: 'place', key: '7', role: 'claim' as const },
    ];
    expect(roleChanges(current, taken, new Map([['place', 'site']]))).toEqual([]);
    expect(roleChanges(current, current, new Map())).toEqual([]);
  });
});
