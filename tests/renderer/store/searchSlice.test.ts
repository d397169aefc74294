import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { currentHit, searchHits } from '../../../renderer/store/searchHits';
import { fixtureArticle } from '../../support/fixtures';
import { testStores } from '../../support/testStore';

const KONICO = fixtureArticle('konico-strikes');
const VARIANTS = readFileSync(new URL('../../fixtures/search/spelling-variants.txt', import.meta.url), 'utf8');

async function library() {
  const store = testStores('s').make();
  store.setState({ annotator: 'analyst', settingsLoaded: true });
  const konico = (await store.getState().addPastedDocument('konico', KONICO.text))!;
  const variants = (await store.getState().addPastedDocument('variants', VARIANTS))!;
  await store.getState().addPastedDocument('empty of names', 'نص لا يذكر أحداً');
  return { store, konico, variants };
}

describe('search in the open document', () => {
  it('finds the hits of the open document, steps through them wrapping round, and starts again at the first in another', async () => {
    const { store, konico, variants } = await library();
    await store.getState().openDocument(variants);
    const st = () => store.getState();
    st().openSearch();
    st().setSearch('القوات', false);
    const shown = () => searchHits(st()).map((h) => VARIANTS.slice(h.start, h.end));
    expect(shown()).toEqual(['القوات', 'القوّاتِ', 'لقوات', 'القوات', 'القوات', 'لقوات', 'القوات', 'الـقـوات']);
    // The same array while nothing changes: the count, the highlights and the keys read one result.
    expect(searchHits(st())).toBe(searchHits(st()));
    expect(currentHit(st())).toBe(0);
    st().moveSearchHit(-1);
    expect(currentHit(st())).toBe(7);
    st().moveSearchHit(1);
    st().moveSearchHit(1);
    expect(currentHit(st())).toBe(1);

    // A new query goes back to the first hit; ة/ه folding is asked for.
    st().setSearch('القاعدة', false);
    expect(searchHits(st())).toHaveLength(1);
    st().setSearch('القاعدة', true);
    expect(searchHits(st())).toHaveLength(2);

    st().setSearch('القوات', false);
    st().moveSearchHit(1);
    await st().openDocument(konico);
    expect(searchHits(st())).toHaveLength(4);
    expect(currentHit(st())).toBe(0);

    // Closed, the search has no hits to draw.
    st().closeSearch();
    expect(searchHits(st())).toEqual([]);
    expect(currentHit(st())).toBe(-1);
  });
});

describe('search across the library', () => {
  it('counts the hits of every document, and opens the search on one of them', async () => {
    const { store, konico, variants } = await library();
    await store.getState().searchLibrary('ايران', false);
    const ls = store.getState().librarySearch!;
    expect(ls.running).toBe(false);
    expect([ls.searched, ls.total]).toEqual([3, 3]);
    expect(ls.hits).toEqual(
      new Map([
        [konico, 4],
        [variants, 2],
      ]),
    );

    store.getState().searchInDocument(variants);
    await store.getState().openDocument(variants);
    expect(store.getState().search).toMatchObject({ open: true, query: 'ايران', docId: variants, current: 0 });
    expect(searchHits(store.getState())).toHaveLength(2);
  });

  it('lets a new search replace one still running, whose results never land', async () => {
    const { store, konico } = await library();
    const first = store.getState().searchLibrary('القوات', false);
    const second = store.getState().searchLibrary('الايرانية', false);
    await Promise.all([first, second]);
    expect(store.getState().librarySearch).toMatchObject({ query: 'الايرانية', running: false, hits: new Map([[konico, 4]]) });

    await store.getState().searchLibrary('   ', false);
    expect(store.getState().librarySearch).toBeNull();
  });
});
