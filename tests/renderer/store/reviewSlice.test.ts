import { describe, expect, it } from 'vitest';
import { computeAgreement } from '../../../shared/agreement/computeAgreement';
import { groupByText } from '../../../shared/agreement/groupByText';
import { createSpan, type Span } from '../../../shared/model/span';
import { GOLD } from '../../../shared/review/decision';
import { utf16 } from '../../../shared/text/units';
import { fixtureArticle } from '../../support/fixtures';
import { testStores } from '../../support/testStore';

const ARTICLE = fixtureArticle('konico-strikes');
const TEXT = ARTICLE.text;

/** A library with the article, annotated by layla and omar, and a store as the reviewer sara. */
async function setup() {
  const stores = testStores('g');
  const store = stores.make();
  store.setState({ annotator: 'sara', settingsLoaded: true });
  await store.getState().importFiles([{ name: ARTICLE.name, bytes: ARTICLE.bytes }]);
  const docId = store.getState().documents[0]!.id;
  let n = 0;
  const span = (who: string, phrase: string, label: string, skip = 0): Span => {
    const i = TEXT.indexOf(phrase);
    return createSpan({ id: `${who}${++n}`, docId, start: utf16(i + skip), end: utf16(i + phrase.length), label, annotator: who }, 1);
  };
  const layla = [span('layla', 'القوات الأميركية', 'actor'), span('layla', 'ريف ديرالزور الشرقي', 'place'), span('layla', 'المسيّرات', 'weapon')];
  const omar = [span('omar', 'القوات الأميركية', 'actor'), span('omar', 'ريف ديرالزور الشرقي', 'place', 4), span('omar', 'الميليشيات الإيرانية', 'actor')];
  await stores.db.spans.bulkAdd([...layla, ...omar]);
  return { stores, store, docId, layla, omar };
}
const goldTexts = (spans: ReadonlyMap<string, Span>) => [...spans.values()].map((s) => `${s.label}:${TEXT.slice(s.start, s.end)}`).sort();

describe('review in the store', () => {
  it('keeps other annotators’ spans out of my layer but counts them', async () => {
    const { store, docId } = await setup();
    await store.getState().openDocument(docId);
    expect(store.getState().layer).toBe('sara');
    expect(store.getState().spans.size).toBe(0);
    expect(store.getState().otherSpans).toHaveLength(6);
    const i = TEXT.indexOf('حقل');
    store.getState().addSpan('place', utf16(i), utf16(i + 3));
    await store.getState().flushWrites();
    await store.getState().refreshLibrary();
    expect(store.getState().documents[0]!.spanCount).toBe(7);
  });

  it('settles differences into gold as undoable steps that a restart finds again', async () => {
    const { stores, store, docId } = await setup();
    expect(await store.getState().annotatorsOf(docId)).toEqual(['layla', 'omar']);
    expect(await store.getState().startReview(docId, 'layla', 'omar')).toBe(true);
    const r = store.getState().review!;
    expect(r.differences.map((d) => d.kind)).toEqual(['agree', 'boundary', 'only-b', 'only-a']);
    expect(store.getState().layer).toBe(GOLD);

    store.getState().acceptAgreements();
    expect(goldTexts(store.getState().spans)).toEqual(['actor:القوات الأميركية']);
    // Focus moved on to the first unsettled difference.
    expect(store.getState().review!.current).toBe(1);
    store.getState().settleCurrent('b');
    store.getState().settleCurrent('reject');
    store.getState().settleCurrent('edit');
    expect(goldTexts(store.getState().spans)).toEqual(['actor:القوات الأميركية', 'place:ديرالزور الشرقي', 'weapon:المسيّرات']);
    expect(store.getState().selectedSpanId).toBe([...store.getState().spans.values()].find((s) => s.label === 'weapon')!.id);
    expect(store.getState().review!.decisions.size).toBe(4);

    store.getState().undo();
    expect(goldTexts(store.getState().spans)).toEqual(['actor:القوات الأميركية', 'place:ديرالزور الشرقي']);
    expect(store.getState().review!.decisions.size).toBe(3);
    store.getState().redo();
    await store.getState().flushWrites();

    // A restart: the same decisions and gold come back from IndexedDB.
    const again = stores.make();
    again.setState({ annotator: 'sara', settingsLoaded: true });
    await again.getState().startReview(docId, 'layla', 'omar');
    expect(again.getState().review!.decisions.size).toBe(4);
    expect(goldTexts(again.getState().spans)).toEqual(['actor:القوات الأميركية', 'place:ديرالزور الشرقي', 'weapon:المسيّرات']);
    // Everything settled: the focus stays and the reviewer is told.
    again.getState().moveDifference(1, true);
    expect(again.getState().notice?.text).toBe('All 4 differences are settled.');
    // Ending the review reopens my own layer, where gold is not drawn.
    again.getState().stopReview();
    await again.getState().openDocument(docId);
    expect(again.getState().spans.size).toBe(0);
  });

  it('refuses to review an annotator against themselves or against gold', async () => {
    const { store, docId } = await setup();
    expect(await store.getState().startReview(docId, 'layla', 'layla')).toBe(false);
    expect(await store.getState().startReview(docId, GOLD, 'omar')).toBe(false);
    expect(store.getState().review).toBeNull();
  });

  it('measures agreement over the library exactly as over the same spans read from files', async () => {
    const { store, layla, omar } = await setup();
    await store.getState().computeAgreement(['layla', 'omar'], '');
    const fromLibrary = store.getState().agreement.report!;
    const asFile = (who: string, spans: Span[]) => ({
      id: 'x',
      title: 'x',
      source: 'x',
      text: TEXT,
      annotator: who,
      spans: spans.map((s) => ({ start: s.start, end: s.end, label: s.label })),
    });
    const fromFiles = computeAgreement(groupByText([asFile('layla', layla), asFile('omar', omar)] as never));
    expect({ ...fromLibrary, per_document: [] }).toEqual({ ...fromFiles, per_document: [] });
    expect(fromLibrary.per_document.map((d) => d.exact_f1)).toEqual(fromFiles.per_document.map((d) => d.exact_f1));
    // A title filter that matches nothing compares nothing.
    await store.getState().computeAgreement(['layla', 'omar'], 'no such title');
    expect(store.getState().agreement.report!.documents).toBe(0);
  });
});
