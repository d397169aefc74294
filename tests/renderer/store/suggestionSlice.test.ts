import { describe, expect, it } from 'vitest';
import { currentSuggestion, offeredSuggestions } from '../../../renderer/store/offeredSuggestions';
import { utf16 } from '../../../shared/text/units';
import { fixtureArticle } from '../../support/fixtures';
import { testStores } from '../../support/testStore';

const KONICO = fixtureArticle('konico-strikes');
const GAS = fixtureArticle('gas-field-attack');
const NAME = 'القوات الأميركية';

async function library() {
  const stores = testStores('g');
  const store = stores.make();
  await store.getState().setAnnotator('analyst');
  const konico = (await store.getState().addPastedDocument('konico', KONICO.text))!;
  const gas = (await store.getState().addPastedDocument('gas', GAS.text))!;
  await store.getState().addPastedDocument('nothing', 'نص لا يذكر أحداً');
  const st = () => store.getState();
  const text = (s: { start: number; end: number }) => st().open!.text.slice(s.start, s.end);
  const offered = () => offeredSuggestions(st()).map((p) => [p.label, text(p)]);
  /** Tags the first occurrence of `NAME` by hand and selects it. */
  const tagFirst = () => {
    const start = st().open!.text.indexOf(NAME);
    return st().addSpan('actor', utf16(start), utf16(start + NAME.length))!;
  };
  return { stores, store, konico, gas, st, text, offered, tagFirst };
}

describe('the suggestions layer', () => {
  it('suggests every other occurrence of the selected span, behind clitics, without touching the spans', async () => {
    const { st, konico, offered, tagFirst } = await library();
    await st().openDocument(konico);
    tagFirst();
    const spans = st().spans;
    await st().suggestOccurrences('document');
    expect(offered()).toEqual([
      ['actor', NAME],
      ['actor', 'لقوات الأميركية'],
    ]);
    expect(currentSuggestion(st())).toBe(0);
    // Proposing changes no span and files no undo step: suggestions are not annotations.
    expect(st().spans).toBe(spans);
    expect(
      st()
        .history.get([...st().history.keys()][0]!)!
        .undo.map((c) => c.title),
    ).toEqual(['Add actor']);
    // The same array for every reader while nothing changes.
    expect(offeredSuggestions(st())).toBe(offeredSuggestions(st()));
  });

  it('accepts the one in focus as one undoable, saved step; rejects the next, remembered across a restart', async () => {
    const { stores, store, st, konico, offered, text, tagFirst } = await library();
    await st().openDocument(konico);
    tagFirst();
    await st().suggestOccurrences('document');
    st().acceptSuggestion();
    expect([...st().spans.values()].map((s) => [s.label, text(s)])).toEqual([
      ['actor', NAME],
      ['actor', NAME],
    ]);
    expect(offered()).toEqual([['actor', 'لقوات الأميركية']]);
    await st().rejectSuggestion();
    expect(offered()).toEqual([]);

    // Undo takes the accepted span out, and its suggestion is offered again.
    st().undo();
    expect(st().spans.size).toBe(1);
    expect(offered()).toEqual([['actor', NAME]]);
    st().redo();
    expect(st().spans.size).toBe(2);
    expect(await st().flushWrites()).toBe(true);
    expect((await stores.db.spans.toArray()).length).toBe(2);

    // A fresh window on the same library: the rejected place is not offered again.
    const again = stores.make();
    await again.getState().loadSettings();
    await again.getState().openDocument(konico);
    await expect.poll(() => again.getState().suggestions.rejected.size).toBe(1);
    again.getState().selectSpan([...again.getState().spans.keys()][0]!);
    await again.getState().suggestOccurrences('document');
    expect(offeredSuggestions(again.getState())).toEqual([]);
    expect(store).not.toBe(again);
  });

  it('steps round the offered suggestions, and accepts every one of a label as one step', async () => {
    const { st, gas, offered, tagFirst } = await library();
    await st().openDocument(gas);
    tagFirst();
    await st().suggestOccurrences('document');
    expect(offered()).toHaveLength(2);
    st().moveSuggestion(-1);
    expect(currentSuggestion(st())).toBe(1);
    st().moveSuggestion(1);
    expect(currentSuggestion(st())).toBe(0);
    st().acceptSuggestionsOf('actor');
    expect(st().spans.size).toBe(3);
    expect(offered()).toEqual([]);
    st().undo();
    expect(st().spans.size).toBe(1);
  });

  it('proposes the search query with the chosen label, and dismisses tag-all’s suggestions', async () => {
    const { st, konico, offered } = await library();
    await st().openDocument(konico);
    st().openSearch();
    st().setSearch('قوات', false);
    st().setOccurrenceLabel('place');
    await st().suggestOccurrences('document');
    expect(offered().every(([label]) => label === 'place')).toBe(true);
    expect(offered().length).toBeGreaterThan(2);
    st().clearSuggestions();
    expect(offered()).toEqual([]);
  });

  it('withholds a suggestion over the analyst’s span, but offers an actor inside a claim', async () => {
    const { st, konico, offered, tagFirst } = await library();
    await st().openDocument(konico);
    const first = tagFirst();
    const text = st().open!.text;
    const second = text.indexOf(NAME, text.indexOf(NAME) + 1);
    // A claim around the second occurrence, a place over the third's words.
    st().addSpan('claim', utf16(second - 5), utf16(second + NAME.length + 5), true);
    const third = text.indexOf('للقوات الأميركية') + 1;
    st().addSpan('place', utf16(third + 1), utf16(third + 6), true);
    st().selectSpan(first);
    await st().suggestOccurrences('document');
    expect(offered()).toEqual([['actor', NAME]]);
  });
});

describe('tag every occurrence across the library', () => {
  it('lists the other documents, writes one document’s spans in one step, and that step undoes in that document', async () => {
    const { stores, st, konico, gas, tagFirst, text } = await library();
    await st().openDocument(konico);
    tagFirst();
    await st().suggestOccurrences('library');
    const occ = st().occurrences!;
    expect(occ.running).toBe(false);
    expect(st().overlay).toBe('occurrences');
    // The open document's own are ghosts in the text, not in the list.
    expect(occ.found.map((f) => [f.docId, f.places.length, f.snippet.hit])).toEqual([[gas, 3, NAME]]);
    await st().acceptOccurrences([gas]);
    expect(st().occurrences!.accepted.get(gas)).toBe(3);
    const stored = await stores.db.spans.where('docId').equals(gas).toArray();
    expect(stored.map((s) => [s.label, s.annotator, GAS.text.slice(s.start, s.end)])).toEqual(Array.from({ length: 3 }, () => ['actor', 'analyst', NAME]));
    expect((await stores.db.documents.get(gas))!.spanCount).toBe(3);
    expect(st().statuses.get(gas)).toBe('in-progress');
    // Accepting again writes nothing twice.
    await st().acceptOccurrences(null);
    expect(await stores.db.spans.where('docId').equals(gas).count()).toBe(3);

    st().closeOccurrences();
    expect(st().overlay).toBeNull();
    await st().openDocument(gas);
    expect([...st().spans.values()].map(text)).toEqual([NAME, NAME, NAME]);
    st().undo();
    expect(st().spans.size).toBe(0);
    expect(await st().flushWrites()).toBe(true);
    expect(await stores.db.spans.where('docId').equals(gas).count()).toBe(0);
    expect((await stores.db.documents.get(gas))!.spanCount).toBe(0);
  });

  it('leaves out places rejected in another document since', async () => {
    const { stores, st, konico, gas, tagFirst } = await library();
    await st().openDocument(gas);
    tagFirst();
    await st().suggestOccurrences('document');
    await st().rejectSuggestion();
    await st().openDocument(konico);
    tagFirst();
    await st().suggestOccurrences('library');
    expect(st().occurrences!.found.map((f) => [f.docId, f.places.length])).toEqual([[gas, 1]]);
    await st().acceptOccurrences(null);
    expect(await stores.db.spans.where('docId').equals(gas).count()).toBe(2);
  });
});
