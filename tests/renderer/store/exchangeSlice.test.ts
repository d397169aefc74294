import { describe, expect, it } from 'vitest';
import { testStores } from '../../support/testStore';
import { readChunks } from '../../../renderer/import/readChunks';
import { jsonlFormat } from '../../../shared/formats/jsonl';
import { encodeUtf16 } from '../../shared/support/encodings';
import { fixtureArticle } from '../../support/fixtures';

const ARTICLE = fixtureArticle('konico-strikes').text;

function setup() {
  const { db, saved, make } = testStores('i');
  const store = make();
  store.setState({ annotator: 'rania', settingsLoaded: true });
  return { db, store, saved };
}

const cp = (s: string) => Array.from(s).length;
/** A JSONL line: the article with a numbered prefix, one actor span after an emoji. */
function line(k: number, annotator?: string) {
  const text = `${k} 🚀 ${ARTICLE}`;
  const at = text.indexOf('القوات الأميركية');
  return JSON.stringify({
    text,
    spans: [{ start: cp(text.slice(0, at)), end: cp(text.slice(0, at)) + 16, label: 'actor' }],
    ...(annotator ? { meta: { annotator } } : {}),
  });
}

describe('importing in any format, from the app', () => {
  it('checks a large JSONL a run of lines at a time, stores nothing while it has a problem, then only the valid documents in one go', async () => {
    const { db, store } = setup();
    const lines = Array.from({ length: 2500 }, (_, k) => line(k));
    lines[1799] = '{"text": "قال", "spans": [{"start": 0, "end": 40, "label": "actor"}]}';
    lines[2100] = '{"text": "truncated';
    const file = new File([lines.join('\n') + '\n'], 'big.jsonl');
    await store.getState().reviewImport('jsonl', [file], { map: '', annotator: '' });
    const review = store.getState().importReview!;
    expect(review.plan).toBeNull(); // streamed: never held whole
    expect(review.streamed).toBe(true);
    expect(review.newDocuments).toBe(2498);
    expect(review.problems.map((p) => `${p.file}:${p.line}`)).toEqual(['big.jsonl:1800', 'big.jsonl:2101']);
    expect(review.rejected.map((r) => r.line)).toEqual([1800, 2101]);
    expect(await db.documents.count()).toBe(0);

    await store.getState().confirmImport(false); // refused: there are problems
    expect(await db.documents.count()).toBe(0);
    await store.getState().confirmImport(true);
    expect(await db.documents.count()).toBe(2498);
    expect(await db.spans.count()).toBe(2498);
    const one = await db.spans.toArray().then((s) => s[0]!);
    const text = (await db.texts.get(one.docId))!.text;
    expect(text.slice(one.start, one.end)).toBe('القوات الأميركية');
    expect(one.annotator).toBe('rania');
    expect(store.getState().notice?.text).toContain('Imported 2,498 new documents');
  });

  it('attaches a colleague’s labels to a text already in the library by SHA-256, and lists a changed text as a mismatch', async () => {
    const { db, store } = setup();
    await store.getState().reviewImport('jsonl', [new File([line(1) + '\n'], 'mine.jsonl')], { map: '', annotator: '' });
    await store.getState().confirmImport(false);
    const docId = (await db.documents.toArray())[0]!.id;
    const theirs = JSON.parse(line(1, 'omar'));
    const changed = JSON.stringify({ text: theirs.text + '!', meta: { id: docId, annotator: 'omar' }, spans: [] });
    await store
      .getState()
      .reviewImport('jsonl', [new File([JSON.stringify(theirs) + '\n' + changed + '\n'], 'omar.jsonl')], { map: 'actor=place', annotator: '' });
    const review = store.getState().importReview!;
    expect(review).toMatchObject({ newDocuments: 0, attachedDocuments: 1, attachedSpans: 1, annotators: ['omar'] });
    expect(review.mismatches).toMatchObject([{ file: 'omar.jsonl', line: 2, message: expect.stringContaining('texts differ') }]);
    await store.getState().confirmImport(false);
    const spans = await db.spans.where('docId').equals(docId).toArray();
    expect(spans.map((s) => [s.label, s.annotator]).sort()).toEqual([
      ['actor', 'rania'],
      ['place', 'omar'],
    ]);
    expect((await db.documents.get(docId))!.spanCount).toBe(2);
  });

  it('reads a UTF-16 JSONL piece by piece and says which encoding it found', async () => {
    const { store } = setup();
    const bytes = encodeUtf16([line(7), line(8)].join('\r\n') + '\r\n', 'le');
    await store.getState().reviewImport('jsonl', [new File([new Uint8Array(bytes)], 'wide.jsonl')], { map: '', annotator: '' });
    expect(store.getState().importReview).toMatchObject({ newDocuments: 2, problems: [], encodings: ['wide.jsonl: utf-16le'] });
  });

  it('reports an empty file and bytes in no known encoding, by file and line', async () => {
    const { store } = setup();
    await store
      .getState()
      .reviewImport('jsonl', [new File([], 'empty.jsonl'), new File([new Uint8Array([0x7b, 0x0a, 0x00, 0xff])], 'bin.jsonl')], { map: '', annotator: '' });
    const problems = store.getState().importReview!.problems.map((p) => `${p.file}:${p.line}`);
    expect(problems).toEqual(['empty.jsonl:1', 'bin.jsonl:2']);
  });

  it('keeps line numbers right across pieces', async () => {
    const lines = Array.from({ length: 25 }, (_, k) => line(k));
    lines[11] = '{"text": 5}';
    const seen: number[] = [];
    for await (const c of readChunks(new File([lines.join('\n')], 'x.jsonl'), 'x.jsonl', jsonlFormat, 4))
      seen.push(...c.problems.map((p) => p.line), ...c.documents.map((d) => d.line ?? 0));
    expect(seen.sort((a, b) => a - b)).toEqual(Array.from({ length: 25 }, (_, k) => k + 1));
  });
});

describe('brat pairs with a byte-order mark, in the app', () => {
  it('counts the BOM as character 0, as brat does, and imports the span where brat put it', async () => {
    const { db, store } = setup();
    const text = '\uFEFFقصفت القوات الأميركية مواقع في حقل العمر.';
    const start = text.indexOf('القوات الأميركية');
    const ann = `T1\tactor ${start} ${start + 'القوات الأميركية'.length}\tالقوات الأميركية\n`;
    const files = [new File([new TextEncoder().encode(text)], 'bom.txt'), new File([ann], 'bom.ann')];
    await store.getState().reviewImport('brat', files, { map: '', annotator: '' });
    expect(store.getState().importReview?.problems).toEqual([]);
    await store.getState().confirmImport(false);
    const [span] = await db.spans.toArray();
    const stored = (await db.texts.toArray())[0]!.text;
    expect(stored.slice(span!.start, span!.end)).toBe('القوات الأميركية');
  });
});
