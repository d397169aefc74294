import { describe, expect, it } from 'vitest';
import { testStores } from '../../support/testStore';
import { DEFAULT_LABELS } from '../../../shared/model/label';
import { utf16 } from '../../../shared/text/units';
import { fixtureArticle } from '../../support/fixtures';

const TITLE = 'konico-strikes';
const TEXT = fixtureArticle(TITLE).text;

async function setup() {
  const { db, saved, make } = testStores('s');
  const store = make();
  await store.getState().setAnnotator('rania');
  const enc = new TextEncoder();
  await store.getState().importFiles([
    { name: `${TITLE}.txt`, bytes: enc.encode(TEXT) },
    { name: 'second.txt', bytes: enc.encode('قالت وكالة مهر إن الهجوم فشل.') },
  ]);
  return { db, store, make, saved };
}

/** The UTF-16 range of the first occurrence of a phrase in the article. */
function at(phrase: string, text = TEXT) {
  const start = text.indexOf(phrase);
  if (start < 0) throw new Error(`not in the text: ${phrase}`);
  return [utf16(start), utf16(start + phrase.length)] as const;
}
const textOf = (s: { start: number; end: number }, text = TEXT) => text.slice(s.start, s.end);

describe('a working day in the store', () => {
  it('snaps a ragged selection to whole tokens, unless precise', async () => {
    const { store } = await setup();
    const first = store.getState().documents.find((d) => d.title === TITLE)!;
    await store.getState().openDocument(first.id);
    const [s, e] = at('المرصد السوري لحقوق الإنسان');
    const id = store.getState().addSpan('actor', utf16(s + 2), utf16(e - 3))!;
    expect(textOf(store.getState().spans.get(id)!)).toBe('المرصد السوري لحقوق الإنسان');
    // A clitic needs character precision: و of وأكد alone.
    const [w] = at('وأكد');
    const clitic = store.getState().addSpan('actor', w, utf16(w + 1), true)!;
    expect(textOf(store.getState().spans.get(clitic)!)).toBe('و');
  });

  it('grows and shrinks a span by one token at either edge, each step undoable', async () => {
    const { store } = await setup();
    await store.getState().openDocument(store.getState().documents.find((d) => d.title === TITLE)!.id);
    const id = store.getState().addSpan('actor', ...at('السوري لحقوق'))!;
    const st = () => store.getState();
    st().resizeSelected('start', -1);
    expect(textOf(st().spans.get(id)!)).toBe('المرصد السوري لحقوق');
    st().resizeSelected('end', 1);
    expect(textOf(st().spans.get(id)!)).toBe('المرصد السوري لحقوق الإنسان');
    st().resizeSelected('end', -1);
    st().resizeSelected('start', 1);
    expect(textOf(st().spans.get(id)!)).toBe('السوري لحقوق');
    st().undo();
    st().undo();
    expect(textOf(st().spans.get(id)!)).toBe('المرصد السوري لحقوق الإنسان');
    st().redo();
    expect(textOf(st().spans.get(id)!)).toBe('المرصد السوري لحقوق');
  });

  it('links a claim to its source with a stance, exports the relation, and unlinks when the source is deleted', async () => {
    const { store, saved } = await setup();
    await store.getState().openDocument(store.getState().documents.find((d) => d.title === TITLE)!.id);
    const st = () => store.getState();
    const source = st().addSpan('actor', ...at('المرصد السوري لحقوق الإنسان'))!;
    const claim = st().addSpan('claim', ...at('أن الدفاعات الجوية اعترضت صاروخين فوق القاعدة'))!;
    st().linkSource(claim, source);
    st().setStance(claim, 'reported');
    expect(st().spans.get(claim)).toMatchObject({ sourceId: source, stance: 'reported' });
    await st().exportJsonl();
    const line = JSON.parse(saved[0]!.split('\n').find((l) => l.includes(`"${TITLE}"`))!);
    expect(line.relations).toEqual([expect.objectContaining({ head_id: claim, child_id: source, label: 'source' })]);
    expect(line.spans.find((s: { id: string }) => s.id === claim).attrs).toEqual({ stance: 'reported' });
    expect(line.meta.annotator).toBe('rania');

    st().selectSpan(source);
    st().deleteSelected();
    expect(st().spans.get(claim)!.sourceId).toBeUndefined();
    st().undo(); // one step brings back the source and the link
    expect(st().spans.get(source)).toBeDefined();
    expect(st().spans.get(claim)!.sourceId).toBe(source);
  });

  it('keeps each document’s history across switching, and the stored state matches after a restart', async () => {
    const { store, make } = await setup();
    const [a, b] = [...store.getState().documents].sort((x, y) => x.title.localeCompare(y.title));
    const st = () => store.getState();
    await st().openDocument(a!.id);
    st().addSpan('place', ...at('ريف ديرالزور الشرقي'));
    st().addSpan('weapon', ...at('المسيّرات والصواريخ'));
    await st().openDocument(b!.id);
    const bText = 'قالت وكالة مهر إن الهجوم فشل.';
    st().addSpan('actor', ...at('وكالة مهر', bText));
    await st().openDocument(a!.id);
    st().undo(); // undoes the weapon in A, not the actor in B
    expect([...st().spans.values()].map((s) => s.label)).toEqual(['place']);
    await st().openDocument(b!.id);
    expect([...st().spans.values()].map((s) => s.label)).toEqual(['actor']);
    st().undo();
    expect(st().spans.size).toBe(0);
    st().redo();

    const fresh = make();
    await fresh.getState().setAnnotator('rania');
    await fresh.getState().openDocument(a!.id);
    expect([...fresh.getState().spans.values()].map((s) => [s.label, textOf(s)])).toEqual([['place', 'ريف ديرالزور الشرقي']]);
    await fresh.getState().openDocument(b!.id);
    expect([...fresh.getState().spans.values()].map((s) => s.label)).toEqual(['actor']);
    expect(fresh.getState().documents.find((d) => d.id === a!.id)!.spanCount).toBe(1);
  });

  it('tracks status per annotator: new, in progress on the first span, done and back, undoable', async () => {
    const { store, make } = await setup();
    const st = () => store.getState();
    const doc = st().documents[0]!;
    expect(st().statuses.get(doc.id) ?? 'new').toBe('new');
    await st().openDocument(doc.id);
    st().addSpan('actor', utf16(0), utf16(4));
    expect(st().statuses.get(doc.id)).toBe('in-progress');
    st().toggleDone();
    expect(st().statuses.get(doc.id)).toBe('done');
    st().undo();
    expect(st().statuses.get(doc.id)).toBe('in-progress');
    st().redo();
    await st().openDocument(doc.id); // waits for the writes

    const other = make();
    await other.getState().setAnnotator('omar');
    expect(other.getState().statuses.get(doc.id) ?? 'new').toBe('new');
    await other.getState().setAnnotator('rania');
    expect(other.getState().statuses.get(doc.id)).toBe('done');
  });

  it('renames a label with its spans, swaps names safely, and refuses to drop a label in use', async () => {
    const { store, make } = await setup();
    const st = () => store.getState();
    await st().openDocument(st().documents.find((d) => d.title === TITLE)!.id);
    st().addSpan('actor', utf16(0), utf16(4));
    st().addSpan('place', ...at('ريف ديرالزور الشرقي'));
    await st().openDocument(st().open!.record.id);
    const swapped = DEFAULT_LABELS.map((l) =>
      l.name === 'actor' ? { ...l, name: 'place', key: '2' } : l.name === 'place' ? { ...l, name: 'actor', key: '1' } : l,
    );
    await st().saveLabels(
      swapped,
      new Map([
        ['actor', 'place'],
        ['place', 'actor'],
      ]),
    );
    expect([...st().spans.values()].map((s) => [s.label, textOf(s)]).sort()).toEqual([
      ['actor', 'ريف ديرالزور الشرقي'],
      ['place', 'شنّت'],
    ]);
    const problems = await st().saveLabels(
      swapped.filter((l) => l.name !== 'place'),
      new Map(),
    );
    expect(problems.join()).toContain('cannot be removed');
    const fresh = make();
    await fresh.getState().loadSettings();
    expect(fresh.getState().labels.find((l) => l.key === '1')!.name).toBe('actor');
    expect(fresh.getState().labels.find((l) => l.key === '2')!.name).toBe('place');
  });
});
