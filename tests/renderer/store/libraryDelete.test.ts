import { describe, expect, it } from 'vitest';
import { encodeWindows1256 } from '../../shared/support/encodings';
import type { Span } from '../../../shared/model/span';
import { utf16 } from '../../../shared/text/units';
import { fixtureArticle } from '../../support/fixtures';
import { testStores } from '../../support/testStore';

const KONICO = fixtureArticle('konico-strikes');
const GAS = fixtureArticle('gas-field-attack');
const LAUNCHER = fixtureArticle('sy24-launcher');

async function library() {
  const { db, make } = testStores('u');
  const store = make();
  store.setState({ annotator: 'analyst', settingsLoaded: true });
  await store.getState().importFiles([
    { name: KONICO.name, bytes: KONICO.bytes },
    { name: GAS.name, bytes: GAS.bytes },
    { name: LAUNCHER.name, bytes: LAUNCHER.bytes },
  ]);
  const id = (title: string) => store.getState().documents.find((d) => d.source === `${title}.txt`)!.id;
  return { db, store, id };
}

/** Every row the library holds of one document, each table sorted by key, for comparing before and after. */
async function rowsOf(db: Awaited<ReturnType<typeof library>>['db'], docId: string) {
  const by = <T>(rows: T[]) => rows.sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
  return {
    record: await db.documents.get(docId),
    text: await db.texts.get(docId),
    spans: by(await db.spans.where('docId').equals(docId).toArray()),
    statuses: by(await db.statuses.where('docId').equals(docId).toArray()),
    decisions: by(await db.decisions.where('docId').equals(docId).toArray()),
    rejections: by(await db.rejections.where('docId').equals(docId).toArray()),
  };
}

describe('deleting documents is one library step that undo takes back whole', () => {
  it('deletes two documents with every layer, status, decision, rejection and entity link, and Ctrl+Z restores them row for row', async () => {
    const { db, store, id } = await library();
    const konico = id('konico-strikes');
    const gas = id('gas-field-attack');
    await store.getState().openDocument(konico);
    store.getState().addSpan('actor', utf16(5), utf16(20), true);
    await store.getState().flushWrites();
    const now = 1_700_000_000_000;
    await db.entities.put({ id: 'e1', name: 'القوات الأميركية', otherNames: [], type: 'actor', createdAt: now, updatedAt: now, version: 1 });
    const other: Span = {
      id: 'b1',
      docId: gas,
      start: utf16(0),
      end: utf16(4),
      label: 'place',
      annotator: 'reviewer-b',
      createdAt: now,
      updatedAt: now,
      version: 1,
      entityId: 'e1',
    };
    await db.spans.put(other);
    await db.documents.update(gas, { spanCount: 1 });
    await db.statuses.put({ docId: gas, annotator: 'reviewer-b', status: 'done', updatedAt: now });
    await db.decisions.put({
      id: 'd1',
      docId: gas,
      a: 'analyst',
      b: 'reviewer-b',
      key: 'k',
      verdict: 'b',
      goldIds: [],
      reviewer: 'lead',
      decidedAt: now,
    } as never);
    await db.rejections.put({
      id: 'r1',
      docId: gas,
      annotator: 'analyst',
      start: utf16(0),
      end: utf16(3),
      label: 'actor',
      proposedBy: 'occurrence',
      rejectedAt: now,
    });
    await store.getState().refreshLibrary();
    const before = { konico: await rowsOf(db, konico), gas: await rowsOf(db, gas) };

    expect(await store.getState().describeDeletion([konico, gas])).toEqual({
      titles: ['konico-strikes', 'gas-field-attack'],
      spans: 2,
      layers: 2,
      decisions: 1,
    });
    expect(await store.getState().deleteDocuments([konico, gas])).toBe(true);
    expect(store.getState().open).toBeNull();
    expect(store.getState().documents.map((d) => d.title)).toEqual(['sy24-launcher']);
    expect(store.getState().notice?.text).toBe('Deleted 2 documents. Undo (Ctrl+Z) brings them back.');
    for (const docId of [konico, gas]) {
      const left = await rowsOf(db, docId);
      expect([left.record, left.text, ...left.spans, ...left.statuses, ...left.decisions, ...left.rejections]).toEqual([undefined, undefined]);
    }

    await store.getState().undoLibrary();
    expect(await rowsOf(db, konico)).toEqual(before.konico);
    expect(await rowsOf(db, gas)).toEqual(before.gas);
    expect(
      store
        .getState()
        .documents.map((d) => d.title)
        .sort(),
    ).toEqual(['gas-field-attack', 'konico-strikes', 'sy24-launcher']);
    expect((await db.spans.get('b1'))?.entityId).toBe('e1');

    // Redo deletes them again; a second undo brings them back once more.
    await store.getState().redoLibrary();
    expect(await db.documents.count()).toBe(1);
    await store.getState().undoLibrary();
    expect(await db.documents.count()).toBe(3);
  });

  it('refuses to delete a document changed since the step was made, and names it', async () => {
    const { db, store, id } = await library();
    const gas = id('gas-field-attack');
    const whole = await store.getState().describeDeletion([gas]);
    expect(whole?.titles).toEqual(['gas-field-attack']);
    await store.getState().deleteDocuments([gas]);
    // Back, then changed by another window: the redo (a delete) finds a newer version and is refused.
    await store.getState().undoLibrary();
    await db.documents.update(gas, { version: 99 });
    await store.getState().redoLibrary();
    expect(await db.documents.get(gas)).toBeDefined();
    expect(store.getState().notice?.text).toContain('the document “gas-field-attack” was changed meanwhile');
  });
});

describe('the Import .txt files command says which encoding it read', () => {
  it('names the one encoding when all files share it, and each with its count when they differ', async () => {
    const { db, make } = testStores('u');
    const store = make();
    store.setState({ annotator: 'analyst', settingsLoaded: true });
    await store.getState().importFiles([{ name: KONICO.name, bytes: KONICO.bytes }]);
    expect(store.getState().notice?.text).toBe('Imported 1 document. Read as UTF-8.');
    await store.getState().importFiles([
      { name: GAS.name, bytes: GAS.bytes },
      { name: 'vocalised.txt', bytes: fixtureArticle('vocalised-report').bytes },
      { name: 'cp1256.txt', bytes: encodeWindows1256('قصفت القوات الأميركية مواقع قرب الميادين.') },
    ]);
    expect(store.getState().notice?.text).toBe('Imported 3 documents. Read as 2 files in UTF-8; 1 file in windows-1256.');
    expect(store.getState().notice?.details).toEqual(['cp1256.txt: read as windows-1256']);
    expect(await db.documents.count()).toBe(4);
    store.getState().setLanguage('ar');
    await store.getState().importFiles([{ name: LAUNCHER.name, bytes: LAUNCHER.bytes }]);
    expect(store.getState().notice?.text).toBe('استُورد مستند واحد. قُرئ بترميز: UTF-8 (BOM).');
  });
});
