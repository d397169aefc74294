import { describe, expect, it } from 'vitest';
import type { Span } from '../../../shared/model/span';
import { utf16 } from '../../../shared/text/units';
import { fixtureArticle } from '../../support/fixtures';
import { testStores } from '../../support/testStore';

const KONICO = fixtureArticle('konico-strikes');
const GAS = fixtureArticle('gas-field-attack');

describe('merging a label into another is one library step', () => {
  it('moves every span of a label only an import brought into actor, retypes its entities, and undo takes it back', async () => {
    const { db, make } = testStores('u');
    const store = make();
    store.setState({ annotator: 'analyst', settingsLoaded: true });
    await store.getState().importFiles([
      { name: KONICO.name, bytes: KONICO.bytes },
      { name: GAS.name, bytes: GAS.bytes },
    ]);
    const [a, b] = store.getState().documents.map((d) => d.id);
    const now = 1_700_000_000_000;
    const span = (id: string, docId: string, label: string, more: Partial<Span> = {}): Span => ({
      id,
      docId: docId,
      start: utf16(0),
      end: utf16(4),
      label,
      annotator: 'imported',
      createdAt: now,
      updatedAt: now,
      version: 1,
      ...more,
    });
    await db.entities.put({ id: 'e1', name: 'المرصد', otherNames: [], type: 'ORG', createdAt: now, updatedAt: now, version: 1 });
    await db.spans.bulkPut([span('s1', a!, 'ORG', { entityId: 'e1' }), span('s2', b!, 'ORG'), span('s3', b!, 'place')]);
    await store.getState().openDocument(b!);

    expect(Object.fromEntries(await store.getState().labelCounts())).toEqual({ ORG: 2, place: 1 });
    expect(await store.getState().describeLabelMerge('ORG')).toEqual({ spans: 2, documents: 2 });
    expect(await store.getState().mergeLabel('ORG', 'actor')).toEqual([]);
    expect((await db.spans.toArray()).map((s) => [s.id, s.label, s.version])).toEqual([
      ['s1', 'actor', 2],
      ['s2', 'actor', 2],
      ['s3', 'place', 1],
    ]);
    expect((await db.entities.get('e1'))?.type).toBe('actor');
    expect(store.getState().otherSpans.find((s) => s.id === 's2')?.label).toBe('actor');
    expect(store.getState().notice?.text).toBe('Merged “ORG” into “actor”: 2 spans in 2 documents changed label.');

    await store.getState().undoLibrary();
    expect((await db.spans.toArray()).map((s) => [s.id, s.label])).toEqual([
      ['s1', 'ORG'],
      ['s2', 'ORG'],
      ['s3', 'place'],
    ]);
    expect((await db.entities.get('e1'))?.type).toBe('ORG');
    expect(store.getState().otherSpans.find((s) => s.id === 's2')?.label).toBe('ORG');
  });

  it('merging a label of the set takes it out of the set, and undo puts it back; a merge that breaks a role is refused', async () => {
    const { db, make } = testStores('u');
    const store = make();
    await store.getState().loadSettings();
    store.setState({ annotator: 'analyst', settingsLoaded: true });
    await store.getState().importFiles([{ name: KONICO.name, bytes: KONICO.bytes }]);
    const docId = store.getState().documents[0]!.id;
    await store.getState().openDocument(docId);
    const claimLabel = store.getState().labels.find((l) => l.role === 'claim')!.name;
    store.getState().addSpan('actor', utf16(0), utf16(4), true);
    store.getState().addSpan('place', utf16(5), utf16(11), true);
    await store.getState().flushWrites();
    const source = [...store.getState().spans.values()].find((s) => s.label === 'actor')!;
    expect([...store.getState().spans.values()].map((s) => s.label).sort()).toEqual(['actor', 'place']);
    const names = () => store.getState().labels.map((l) => l.name);
    const before = names();

    expect(await store.getState().mergeLabel('place', 'actor')).toEqual([]);
    expect(names()).toEqual(before.filter((n) => n !== 'place'));
    expect(((await db.settings.get('labels'))?.value as { name: string }[]).map((l) => l.name)).toEqual(names());
    await store.getState().undoLibrary();
    expect(names()).toEqual(before);

    // actor spans are claims' sources: they cannot become claims.
    await db.spans.put({
      id: 'c1',
      docId,
      start: utf16(50),
      end: utf16(60),
      label: claimLabel,
      annotator: 'analyst',
      createdAt: 1,
      updatedAt: 1,
      version: 1,
      sourceId: source.id,
    });
    expect(await store.getState().mergeLabel('actor', claimLabel)).toEqual([
      `“actor” cannot merge into “${claimLabel}”: claims name some of its spans as their source, which only an entity span may be.`,
    ]);
    expect(await store.getState().mergeLabel(claimLabel, 'actor')).toEqual([
      `“${claimLabel}” cannot merge into “actor”: some of its spans have a source or a stance, which only a claim may have.`,
    ]);
  });
});
