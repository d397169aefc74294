import { describe, expect, it } from 'vitest';
import { utf16 } from '../../../shared/text/units';
import { fixtureArticle } from '../../support/fixtures';
import { testStores } from '../../support/testStore';

const ARTICLE = fixtureArticle('sy24-launcher');

function setup() {
  const stores = testStores('id');
  /** A store whose annotator has given their name, as after first start. */
  const make = () => {
    const store = stores.make();
    store.setState({ annotator: 'analyst', settingsLoaded: true });
    return store;
  };
  return { db: stores.db, make, saved: stores.saved };
}

const bytes = (s: string) => new TextEncoder().encode(s);

/** Waits until every queued write has reached IndexedDB. */
const settled = async (store: ReturnType<ReturnType<typeof setup>['make']>) => {
  const id = store.getState().open!.record.id;
  await store.getState().openDocument(id);
};

describe('the store with IndexedDB behind it', () => {
  it('imports an article verbatim, tags, relabels, deletes, and a fresh store finds exactly what was saved', async () => {
    const { db, make } = setup();
    const store = make();
    const { text } = ARTICLE;
    await store.getState().importFiles([{ name: ARTICLE.name, bytes: ARTICLE.bytes }]);
    const [doc] = store.getState().documents;
    expect(doc?.title).toBe('sy24-launcher');
    expect((await db.texts.get(doc!.id))?.text).toBe(text);

    await store.getState().openDocument(doc!.id);
    const at = (phrase: string) => {
      const start = text.indexOf(phrase);
      expect(start).toBeGreaterThanOrEqual(0);
      return [utf16(start), utf16(start + phrase.length)] as const;
    };
    const actor = store.getState().addSpan('actor', ...at('القيادة الوسطى للقوات الأمريكية'))!;
    // Whitespace around a selection is left out of the span.
    const [s, e] = at('حقل كونيكو');
    const place = store.getState().addSpan('place', utf16(s - 1), utf16(e + 1))!;
    expect(text.slice(store.getState().spans.get(place)!.start, store.getState().spans.get(place)!.end)).toBe('حقل كونيكو');
    // Tagging the same range with the same label again selects the existing span.
    expect(store.getState().addSpan('actor', ...at('القيادة الوسطى للقوات الأمريكية'))).toBe(actor);

    store.getState().selectSpan(place);
    store.getState().relabelSelected('weapon');
    expect(store.getState().spans.get(place)!.label).toBe('weapon');
    expect(store.getState().spans.get(place)!.version).toBe(2);
    store.getState().selectSpan(actor);
    store.getState().deleteSelected();
    expect(store.getState().selectedSpanId).toBeNull();
    await settled(store);

    const fresh = make();
    await fresh.getState().refreshLibrary();
    expect(fresh.getState().documents[0]!.spanCount).toBe(1);
    await fresh.getState().openDocument(doc!.id);
    expect([...fresh.getState().spans.values()].map((sp) => [sp.label, text.slice(sp.start, sp.end), sp.annotator])).toEqual([
      ['weapon', 'حقل كونيكو', 'analyst'],
    ]);
  });

  it('refuses a range that is blank, out of range or splits an emoji, and stores nothing for it', async () => {
    const { make } = setup();
    const store = make();
    await store.getState().addPastedDocument('t', 'قال 🚀 المرصد');
    await store.getState().openDocument(store.getState().documents[0]!.id);
    expect(store.getState().addSpan('actor', utf16(3), utf16(4))).toBeNull(); // one space only
    expect(store.getState().addSpan('actor', utf16(0), utf16(99))).toBeNull();
    expect(store.getState().addSpan('weapon', utf16(4), utf16(5), true)).toBeNull(); // half of 🚀, character precision
    expect(store.getState().notice?.kind).toBe('error');
    expect(store.getState().spans.size).toBe(0);
  });

  it('imports nothing when one file is not UTF-8, names the file and line, then imports the readable ones on request', async () => {
    const { make } = setup();
    const store = make();
    const bad = new Uint8Array([...bytes('سطر أول\nسطر ثان\n'), 0xff, 0x41]);
    await store.getState().importFiles([
      { name: 'good.txt', bytes: bytes('نص سليم') },
      { name: 'bad.txt', bytes: bad },
      { name: 'empty.txt', bytes: new Uint8Array() },
    ]);
    expect(store.getState().documents).toHaveLength(0);
    expect(store.getState().notice?.details).toEqual(['bad.txt:3: not valid UTF-8: byte 0xFF at byte 28', 'empty.txt:1: the file is empty']);
    await store.getState().importValidOnly();
    expect(store.getState().documents.map((d) => d.title)).toEqual(['good']);
  });

  it('refuses pasted text with a broken character, naming its line', async () => {
    const { make } = setup();
    const store = make();
    expect(await store.getState().addPastedDocument('t', 'سطر\r\nثان \ud800')).toBeNull();
    expect(store.getState().notice?.text).toContain('line 2');
    expect(store.getState().documents).toHaveLength(0);
  });

  it('keeps CRLF and a BOM-less text verbatim, and drops only the BOM', async () => {
    const { db, make } = setup();
    const store = make();
    const text = 'سطر\r\nثانٍ \u200F\r\n';
    await store.getState().importFiles([{ name: 'bom.txt', bytes: new Uint8Array([0xef, 0xbb, 0xbf, ...bytes(text)]) }]);
    const doc = store.getState().documents[0]!;
    expect((await db.texts.get(doc.id))?.text).toBe(text);
    // Importing the same text again (without the BOM) is recognised by its SHA-256.
    await store.getState().importFiles([{ name: 'plain.txt', bytes: bytes(text) }]);
    expect(store.getState().documents).toHaveLength(1);
    expect(store.getState().notice?.details?.[0]).toContain('already in the library');
  });

  it('refuses a change to a document that left the library, says so and closes it, so nothing shows that is not stored', async () => {
    const { db, make } = setup();
    const store = make();
    await store.getState().addPastedDocument('t', 'قصفت الطائرات الأميركية مواقع');
    const id = store.getState().documents[0]!.id;
    await store.getState().openDocument(id);
    await db.documents.delete(id); // the write's transaction will fail: the document is gone
    store.getState().addSpan('actor', utf16(6), utf16(23));
    expect(store.getState().spans.size).toBe(1);
    await expect.poll(() => store.getState().notice?.text ?? '').toContain('was not saved: the document is no longer in the library');
    expect(await db.spans.count()).toBe(0);
    expect(store.getState().open).toBeNull();
  });

  it('exports the analyst’s own layer as one JSONL line per document, with tokens cut at span edges and the layer named', async () => {
    const { make, saved } = setup();
    const store = make();
    await store.getState().addPastedDocument('emoji', '🚀🚀 قاعدة كونيكو والصواريخ');
    await store.getState().addPastedDocument('untouched', 'نص لم يمسه أحد');
    await store.getState().openDocument(store.getState().documents.find((d) => d.title === 'emoji')!.id);
    store.getState().addSpan('place', utf16(5), utf16(17));
    // الصواريخ inside والصواريخ, tagged in character mode: a token of its own.
    const clitic = '🚀🚀 قاعدة كونيكو والصواريخ'.indexOf('الصواريخ');
    store.getState().addSpan('weapon', utf16(clitic), utf16(clitic + 'الصواريخ'.length), true);
    await settled(store);
    await store.getState().exportJsonl();
    const lines = saved[0]!.split('\n').filter(Boolean);
    expect(lines).toHaveLength(1); // the untouched document is left out
    const line = JSON.parse(lines[0]!);
    expect(line.meta).toMatchObject({ annotator: 'analyst', layer: 'annotator', status: 'in-progress', reviewed: false });
    expect(line.meta.labels).toContainEqual({ name: 'claim', role: 'claim' });
    expect(line.spans.map((s: { start: number; end: number; label: string; text: string }) => [s.start, s.end, s.label, s.text])).toEqual([
      [3, 15, 'place', 'قاعدة كونيكو'],
      [17, 25, 'weapon', 'الصواريخ'],
    ]);
    const weapon = line.spans[1];
    expect(line.tokens[weapon.token_start]).toMatchObject({ text: 'الصواريخ', start: 17, end: 25 });
    expect(line.tokens[weapon.token_start - 1]).toMatchObject({ text: 'و', ws: false });
    expect(line.relations).toEqual([]);
    expect(saved[0]!.endsWith('\n')).toBe(true);
    const notice = store.getState().notice!;
    expect(notice.text).toContain('Exported 1 document as jsonl (layer analyst) to hashiya-export.jsonl; left out 1 document');
    expect(notice.details).toEqual(
      expect.arrayContaining([
        'spans per label: place 1, weapon 1',
        '«untouched»: untouched (no spans and no status in the layer)'.replace('»:', '» (layer analyst):'),
      ]),
    );
  });
});
