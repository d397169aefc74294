import { describe, expect, it } from 'vitest';
import { utf16 } from '../../../shared/text/units';
import { fixtureArticle } from '../../support/fixtures';
import { testStores } from '../../support/testStore';
import { proposedEntity } from '../../../renderer/store/proposedEntity';

const KONICO = fixtureArticle('konico-strikes');
const GAS = fixtureArticle('gas-field-attack');

async function library() {
  const { db, make, saved } = testStores('e');
  const store = make();
  store.setState({ annotator: 'analyst', settingsLoaded: true });
  await store.getState().importFiles([
    { name: KONICO.name, bytes: KONICO.bytes },
    { name: GAS.name, bytes: GAS.bytes },
  ]);
  const ids = Object.fromEntries(store.getState().documents.map((d) => [d.title, d.id]));
  /** Opens a document and tags the first occurrence of `phrase`. */
  const tag = async (title: string, phrase: string, label: string) => {
    if (store.getState().open?.record.id !== ids[title]) await store.getState().openDocument(ids[title]!);
    const text = store.getState().open!.text;
    const start = text.indexOf(phrase);
    expect(start, phrase).toBeGreaterThanOrEqual(0);
    return store.getState().addSpan(label, utf16(start), utf16(start + phrase.length), true)!;
  };
  return { db, store, tag, saved };
}

describe('entities across documents', () => {
  it('makes an entity from a mention, proposes it for the same name in another document, and undoes the new entity with its link', async () => {
    const { db, store, tag } = await library();
    const first = await tag('konico-strikes', 'القوات الأميركية', 'actor');
    const entityId = store.getState().newEntityFrom(first)!;
    expect(store.getState().entities.get(entityId)).toMatchObject({ name: 'القوات الأميركية', type: 'actor', otherNames: [] });
    expect(store.getState().spans.get(first)?.entityId).toBe(entityId);

    const base = await tag('gas-field-attack', 'القاعدة الأميركية', 'actor');
    store.getState().selectSpan(base);
    expect(proposedEntity(store.getState())).toBeNull();
    const second = await tag('gas-field-attack', 'القوات الأميركية', 'actor');
    store.getState().selectSpan(second);
    expect(proposedEntity(store.getState())?.id).toBe(entityId);
    store.getState().linkEntity(second, entityId);
    expect(await store.getState().flushWrites()).toBe(true);
    expect(await db.entities.get(entityId)).toMatchObject({ name: 'القوات الأميركية', version: 1 });
    expect((await db.spans.where('entityId').equals(entityId).toArray()).map((s) => s.id).sort()).toEqual([first, second].sort());

    // Undoing the new entity while another mention names it is refused by the database,
    // and the window shows what is stored again.
    await store.getState().openDocument(store.getState().documents.find((d) => d.title === 'konico-strikes')!.id);
    store.getState().undo();
    expect(await store.getState().flushWrites()).toBe(true);
    await expect.poll(() => store.getState().spans.get(first)?.entityId).toBe(entityId);
    expect(await db.entities.get(entityId)).toBeDefined();
    await expect.poll(() => store.getState().entities.has(entityId)).toBe(true);
  });

  it('undoes and redoes a new entity with its link in one step', async () => {
    const { db, store, tag } = await library();
    const first = await tag('konico-strikes', 'الميليشيات الإيرانية', 'actor');
    const entityId = store.getState().newEntityFrom(first)!;
    store.getState().undo();
    expect(store.getState().entities.has(entityId)).toBe(false);
    expect(store.getState().spans.get(first)?.entityId).toBeUndefined();
    expect(await store.getState().flushWrites()).toBe(true);
    expect(await db.entities.get(entityId)).toBeUndefined();
    store.getState().redo();
    expect(await store.getState().flushWrites()).toBe(true);
    expect(await db.entities.get(entityId)).toMatchObject({ name: 'الميليشيات الإيرانية' });
    expect((await db.spans.get(first))?.entityId).toBe(entityId);
  });

  it('merges one entity into another across documents, undoes and redoes the merge, and splits mentions out', async () => {
    const { db, store, tag } = await library();
    const us = await tag('konico-strikes', 'القوات الأميركية', 'actor');
    const usId = store.getState().newEntityFrom(us)!;
    const base = await tag('gas-field-attack', 'القاعدة الأميركية', 'actor');
    const baseId = store.getState().newEntityFrom(base)!;
    const konico = await tag('gas-field-attack', 'كونيكو', 'place');
    store.getState().newEntityFrom(konico);
    // The second «القوات الأميركية» of the first article, linked through the proposal.
    await store.getState().openDocument(store.getState().documents.find((d) => d.title === 'konico-strikes')!.id);
    const later = KONICO.text.indexOf('القوات الأميركية', KONICO.text.indexOf('القوات الأميركية') + 1);
    const usAgain = store.getState().addSpan('actor', utf16(later), utf16(later + 'القوات الأميركية'.length), true)!;
    store.getState().selectSpan(usAgain);
    expect(proposedEntity(store.getState())?.id).toBe(usId);
    store.getState().linkEntity(usAgain, usId);

    expect(await store.getState().mergeEntities(usId, baseId)).toBe(true);
    const merged = store.getState().entities.get(usId)!;
    expect(merged.otherNames).toEqual(['القاعدة الأميركية']);
    expect(store.getState().entities.has(baseId)).toBe(false);
    expect(await db.entities.get(baseId)).toBeUndefined();
    expect((await db.spans.get(base))?.entityId).toBe(usId);
    expect((await db.spans.where('entityId').equals(usId).toArray()).map((s) => s.id).sort()).toEqual([us, base, usAgain].sort());

    await store.getState().undoLibrary();
    expect(store.getState().entities.get(baseId)?.name).toBe('القاعدة الأميركية');
    expect(store.getState().entities.get(usId)?.otherNames).toEqual([]);
    expect((await db.spans.get(base))?.entityId).toBe(baseId);
    expect(await db.entities.get(baseId)).toMatchObject({ name: 'القاعدة الأميركية' });
    // Versions only grow: the undo wrote a new version, not the old copy.
    expect((await db.spans.get(base))!.version).toBeGreaterThan(2);

    await store.getState().redoLibrary();
    expect((await db.spans.get(base))?.entityId).toBe(usId);

    await store.getState().loadEntityPage(usId);
    expect(
      store
        .getState()
        .entityPage?.mentions.map((m) => m.title)
        .sort(),
    ).toEqual(['gas-field-attack', 'konico-strikes', 'konico-strikes'].sort());
    expect(store.getState().entityPage?.mentions.find((m) => m.span.id === base)?.text).toBe('القاعدة الأميركية');

    const splitId = await store.getState().splitEntity(usId, [base], 'القاعدة الأميركية في كونيكو');
    expect(splitId).not.toBeNull();
    expect((await db.spans.get(base))?.entityId).toBe(splitId);
    expect(store.getState().entities.get(splitId!)).toMatchObject({ type: 'actor' });
    await store.getState().undoLibrary();
    expect((await db.spans.get(base))?.entityId).toBe(usId);
    expect(await db.entities.get(splitId!)).toBeUndefined();

    expect(await store.getState().editEntity(usId, { name: 'القوات الأميركية', otherNames: ['US forces'], type: 'actor', identifier: 'Q30' })).toBe(true);
    expect(await db.entities.get(usId)).toMatchObject({ identifier: 'Q30', otherNames: ['US forces'] });
  });

  it('a claim is about the places inside it, confirmed and stored with the claim', async () => {
    const { db, store, tag } = await library();
    const phrase = 'إن الميليشيات الإيرانية قصفت القاعدة من مواقعها قرب مدينة الميادين';
    const claim = await tag('konico-strikes', phrase.slice(0, KONICO.text.includes(phrase) ? phrase.length : 40), 'claim');
    const militia = await tag('konico-strikes', 'الميليشيات الإيرانية', 'actor');
    store.getState().setTargets(claim, [militia]);
    expect(store.getState().spans.get(claim)?.targetIds).toEqual([militia]);
    expect(await store.getState().flushWrites()).toBe(true);
    expect((await db.spans.get(claim))?.targetIds).toEqual([militia]);
    store.getState().undo();
    expect(store.getState().spans.get(claim)?.targetIds).toBeUndefined();
  });
});

describe('an entity’s type follows its label', () => {
  it('renaming the label retypes its entities, keeps undo (document and library) working, and the export agrees', async () => {
    const { db, store, tag, saved } = await library();
    const us = await tag('konico-strikes', 'القوات الأميركية', 'actor');
    const usId = store.getState().newEntityFrom(us)!;
    const base = await tag('gas-field-attack', 'القاعدة الأميركية', 'actor');
    const baseId = store.getState().newEntityFrom(base)!;
    const gas = await tag('gas-field-attack', 'كونيكو', 'place');
    const placeId = store.getState().newEntityFrom(gas)!;
    expect(await store.getState().mergeEntities(usId, baseId)).toBe(true);

    const labels = store.getState().labels.map((l) => (l.name === 'actor' ? { ...l, name: 'فاعل' } : l));
    expect(await store.getState().saveLabels(labels, new Map([['actor', 'فاعل']]))).toEqual([]);
    expect(store.getState().entities.get(usId)?.type).toBe('فاعل');
    expect(store.getState().entities.get(placeId)?.type).toBe('place');
    expect((await db.entities.toArray()).map((e) => [e.id, e.type]).sort()).toEqual(
      [
        [usId, 'فاعل'],
        [placeId, 'place'],
      ].sort(),
    );

    // The exported entity table speaks the new name, as the mentions do.
    await store.getState().exportAs('jsonl', { layer: { kind: 'one', annotator: 'analyst' }, documents: 'all', includeUntouched: false });
    const records = saved
      .at(-1)!
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l) as { spans: { label: string; entity?: string }[]; meta: { entities?: { id: string; type: string }[] } });
    const entities = records.flatMap((r) => r.meta.entities ?? []);
    expect(entities.find((e) => e.id === usId)?.type).toBe('فاعل');
    expect(
      records
        .flatMap((r) => r.spans)
        .filter((s) => s.entity === usId)
        .map((s) => s.label),
    ).toEqual(['فاعل', 'فاعل']);

    // The merge, filed before the rename, is still undone: its entities and spans speak the new name.
    await store.getState().undoLibrary();
    expect(store.getState().notice).toMatchObject({ kind: 'info' });
    expect(await db.entities.get(baseId)).toMatchObject({ type: 'فاعل' });
    expect((await db.spans.get(base))?.entityId).toBe(baseId);
    // So is the document's own step that made an entity.
    store.getState().undo();
    await expect.poll(async () => (await db.entities.get(placeId)) === undefined).toBe(true);
  });
});
