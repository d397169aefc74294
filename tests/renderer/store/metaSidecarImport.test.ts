import { describe, expect, it } from 'vitest';
import { fixtureArticle } from '../../support/fixtures';
import { testStores } from '../../support/testStore';

const KONICO = fixtureArticle('konico-strikes');
const LAUNCHER = fixtureArticle('sy24-launcher');
const bytes = (s: string) => new TextEncoder().encode(s);
const SIDECAR =
  'file,title,outlet,published,url,author,language,tags\nkonico-strikes.txt,قصف كونيكو,المدن,2023-10-19,https://www.almodon.com/x,,ar,"دير الزور، قصف"\n';

function setup() {
  const { db, make } = testStores('m');
  const store = make();
  store.setState({ annotator: 'rania', settingsLoaded: true });
  return { db, store };
}

describe('plain text imported with its hashiya-meta.csv', () => {
  it('Import .txt files stores each document with its title and metadata', async () => {
    const { db, store } = setup();
    await store.getState().importFiles([
      { name: KONICO.name, bytes: KONICO.bytes },
      { name: LAUNCHER.name, bytes: LAUNCHER.bytes },
      { name: 'hashiya-meta.csv', bytes: bytes(SIDECAR) },
    ]);
    const docs = await db.documents.orderBy('createdAt').toArray();
    expect(docs.map((d) => [d.title, d.meta])).toEqual([
      ['قصف كونيكو', { outlet: 'المدن', published: '2023-10-19', url: 'https://www.almodon.com/x', language: 'ar', tags: ['دير الزور', 'قصف'] }],
      ['sy24-launcher', undefined],
    ]);
  });

  it('Import .txt files stores nothing while the sidecar has a problem, and says where', async () => {
    const { db, store } = setup();
    await store.getState().importFiles([
      { name: KONICO.name, bytes: KONICO.bytes },
      { name: 'hashiya-meta.csv', bytes: bytes('file,outlet,sourc\nkonico-strikes.txt,المدن,x\n') },
    ]);
    expect(await db.documents.count()).toBe(0);
    expect(store.getState().notice).toMatchObject({ kind: 'error', text: '1 problem in the 2 files picked; nothing was imported.' });
    expect(store.getState().notice?.details).toEqual([
      'hashiya-meta.csv:1: unknown column "sourc": the columns are file, title, outlet, published, url, author, language, tags',
    ]);
    // What is valid without the sidecar's word is not offered either: the sidecar describes it.
    expect(store.getState().pendingImport?.valid).toEqual([]);
  });

  it('the Import… dialog’s txt import reads the sidecar through the same parser', async () => {
    const { db, store } = setup();
    const files = [new File([KONICO.text], KONICO.name), new File([SIDECAR.replace('2023-10-19', '2023-02-30')], 'hashiya-meta.csv')];
    await store.getState().reviewImport('txt', files, { map: '', annotator: '' });
    expect(store.getState().importReview!.problems).toMatchObject([
      {
        file: 'hashiya-meta.csv',
        line: 2,
        message: 'konico-strikes.txt: "published" must be a date written YYYY-MM-DD (such as 2024-03-07), not "2023-02-30"',
      },
    ]);
    expect(store.getState().importReview!.newDocuments).toBe(0);
    await store.getState().reviewImport('txt', [files[0]!, new File([SIDECAR], 'hashiya-meta.csv')], { map: '', annotator: '' });
    await store.getState().confirmImport(false);
    const [doc] = await db.documents.toArray();
    expect(doc).toMatchObject({ title: 'قصف كونيكو', meta: { outlet: 'المدن', published: '2023-10-19' } });
  });
});
