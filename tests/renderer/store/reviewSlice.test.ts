import { describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../../cli/main';
import type { AgreementReport } from '../../../shared/agreement/agreementReport';
import { recordsToExchange } from '../../../shared/formats/recordsToExchange';
import { FORMATS } from '../../../shared/formats/registry';
import { createSpan, type Span, type Stance } from '../../../shared/model/span';
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

  it('measures agreement over the library exactly as `hashiya agree` does over the library exported, claims and all', async () => {
    const { stores, store, docId } = await setup();
    // Three claims both made over the same words: one alike, one with another stance, one with another source.
    const second = fixtureArticle('gas-field-attack');
    const third = fixtureArticle('sy24-launcher');
    await store.getState().importFiles([second, third].map((f) => ({ name: f.name, bytes: f.bytes })));
    const ids = new Map(store.getState().documents.map((d) => [d.source, d.id]));
    let n = 0;
    const on = (who: string, phrase: string, label: string, extra: Partial<Span> = {}): Span => {
      const i = TEXT.indexOf(phrase);
      return { ...createSpan({ id: `p-${who}${++n}`, docId, start: utf16(i), end: utf16(i + phrase.length), label, annotator: who }, 1), ...extra };
    };
    const claims = (who: string, stances: [Stance, Stance, Stance], thirdSource: string): Span[] => {
      const local = on(who, 'مصادر محلية', 'actor');
      const observatory = on(who, 'المرصد السوري لحقوق الإنسان', 'actor');
      const activists = on(who, 'ناشطون', 'actor');
      const bySource = new Map([
        ['activists', activists.id],
        ['observatory', observatory.id],
      ]);
      return [
        local,
        observatory,
        activists,
        on(who, 'الميليشيات الإيرانية قصفت القاعدة من مواقعها', 'claim', { stance: stances[0], sourceId: local.id }),
        on(who, 'الدفاعات الجوية اعترضت صاروخين فوق القاعدة', 'claim', { stance: stances[1], sourceId: observatory.id }),
        on(who, 'الميليشيات الإيرانية نقلت عدداً من عناصرها إلى بلدة الحسينية', 'claim', { stance: stances[2], sourceId: bySource.get(thirdSource)! }),
      ];
    };
    const secondText = second.text;
    const at = secondText.indexOf('دير الزور');
    await stores.db.spans.bulkAdd([
      ...claims('layla', ['reported', 'reported', 'reported'], 'activists'),
      ...claims('omar', ['reported', 'asserted', 'reported'], 'observatory'),
      // The second article: layla's span only; omar marked it done without a span, which is not annotating it.
      createSpan({ id: 'p-x', docId: ids.get(second.name)!, start: utf16(at), end: utf16(at + 'دير الزور'.length), label: 'place', annotator: 'layla' }, 1),
    ]);
    await stores.db.statuses.put({ docId: ids.get(second.name)!, annotator: 'omar', status: 'done', updatedAt: 1 });

    await store.getState().computeAgreement(['layla', 'omar'], '');
    const dashboard = store.getState().agreement.report!;
    expect(dashboard).toMatchObject({ documents: 1, documents_left_out: 1 });
    expect(dashboard.labels.claim!.claims).toEqual({ matched: 3, stance_agreement: 2 / 3, stance_kappa: 0, source_agreement: 2 / 3 });

    // Each annotator's layer exported as JSON Lines, every document (the untouched third with no spans), then the CLI.
    const dir = mkdtempSync(join(tmpdir(), 'hashiya-parity-'));
    const [records, texts, spans] = await Promise.all([stores.db.documents.toArray(), stores.db.texts.toArray(), stores.db.spans.toArray()]);
    const exported = (who: string) => {
      const docs = records.map((r) => {
        const t = texts.find((x) => x.docId === r.id)!;
        return recordsToExchange(
          r,
          t.text,
          spans.filter((x) => x.docId === r.id && x.annotator === who),
          t.tokens,
        );
      });
      const path = join(dir, `${who}.jsonl`);
      writeFileSync(path, FORMATS.jsonl.serialize(docs).files[0]!.text);
      return path;
    };
    let out = '';
    const code = await main(['agree', exported('layla'), exported('omar'), '--json'], { out: (t) => void (out += t), err: () => {} });
    expect(code).toBe(0);
    const cli = JSON.parse(out) as AgreementReport;
    // The CLI names annotators as the files do (meta.annotator); everything else is the dashboard's.
    expect(cli).toEqual(dashboard);

    // A title filter that matches nothing compares nothing.
    await store.getState().computeAgreement(['layla', 'omar'], 'no such title');
    expect(store.getState().agreement.report!.documents).toBe(0);
  });
});
