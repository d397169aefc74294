import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { HashiyaDb } from '../../../renderer/db/db';
import { repository } from '../../../renderer/db/repository';
import { createHashiyaStore } from '../../../renderer/store/createStore';
import { offeredSuggestions } from '../../../renderer/store/offeredSuggestions';
import { RETRAIN_EVERY } from '../../../renderer/store/suggestionSlice';
import { inPlaceRecommenders } from '../../../renderer/suggest/recommenderHost';
import type { Recommender, TrainingDocument } from '../../../shared/suggest/recommender';
import { utf16 } from '../../../shared/text/units';
import { noBackups } from '../../support/noBackups';
import { noSyncConnection } from '../../support/noSyncConnection';

/** A recommender for the test only: every string tagged before, with the label it had last, found again word for word. */
const echo: Recommender<{ forms: [string, string][]; trainedOn: number }> = {
  name: 'matcher',
  train(documents: readonly TrainingDocument[], labels) {
    const forms = new Map<string, string>();
    for (const d of documents) for (const s of d.spans) if (labels.includes(s.label)) forms.set(d.text.slice(s.start, s.end), s.label);
    return { forms: [...forms], trainedOn: documents.length };
  },
  suggest(model, text) {
    const out = model.forms.flatMap(([form, label]) =>
      [...text.matchAll(new RegExp(form, 'gu'))].map((m) => ({
        start: utf16(m.index),
        end: utf16(m.index + form.length),
        label,
        recommender: 'matcher' as const,
        score: 0.5,
      })),
    );
    return out.sort((a, b) => a.start - b.start);
  },
};

let n = 0;
function world() {
  const db = new HashiyaDb(`recommenders-${++n}`);
  const repo = repository(db);
  let id = 0;
  let clock = 1_700_000_000_000;
  let trainings = 0;
  const host = inPlaceRecommenders(repo, [echo]);
  const counted = { ...host, train: (r: Parameters<typeof host.train>[0]) => (trainings++, host.train(r)) };
  const make = () =>
    createHashiyaStore({
      repo,
      api: { ...noBackups, ...noSyncConnection, platform: 'web', openTextFiles: async () => ({ files: [] }), saveTextFile: async () => ({ saved: false }) },
      appVersion: 'test',
      now: () => ++clock,
      newId: () => `r${++id}`,
      recommend: counted,
    });
  return { db, repo, make, trainings: () => trainings };
}

const A = 'قصفت القوات الأميركية مواقع قرب دير الزور، وقالت القوات الأميركية إن القصف انتهى.';
const B = 'ردت القوات الأميركية على الهجوم قرب دير الزور.';

describe('the recommenders’ host', () => {
  it('trains in place on the analyst’s (or gold) spans of the library, and suggests from the model', async () => {
    const { repo } = world();
    const host = inPlaceRecommenders(repo, [echo]);
    expect(host.names).toEqual(['matcher']);
    expect(await host.suggest(B, ['matcher'])).toEqual([]);
    expect(await host.train({ annotator: 'analyst', labels: ['actor'] })).toEqual({ documents: 0, spans: 0 });
  });

  it('learns when a document opens and every few new spans, fills the layer, counts decisions and can be switched off', async () => {
    const w = world();
    const store = w.make();
    const st = () => store.getState();
    await st().setAnnotator('analyst');
    const a = (await st().addPastedDocument('a', A))!;
    const b = (await st().addPastedDocument('b', B))!;
    await st().openDocument(a);
    await expect.poll(() => st().recommenders.trainedOn).toBe(0);
    const at = A.indexOf('القوات الأميركية');
    st().addSpan('actor', utf16(at), utf16(at + 16));
    await st().retrainRecommenders();
    expect(st().recommenders.trainedOn).toBe(1);
    // In the open document: the other occurrence, proposed by the matcher; the tagged one is withheld.
    await expect.poll(() => offeredSuggestions(st()).map((p) => [p.proposedBy, A.slice(p.start, p.end)])).toEqual([['matcher', 'القوات الأميركية']]);

    await st().openDocument(b);
    await expect.poll(() => offeredSuggestions(st()).length).toBe(1);
    st().acceptSuggestion();
    expect(st().recommenders.stats.get('matcher')).toEqual({ accepted: 1, rejected: 0 });
    await st().openDocument(a);
    await expect.poll(() => offeredSuggestions(st()).length).toBe(1);
    await st().rejectSuggestion();
    expect(st().recommenders.stats.get('matcher')).toEqual({ accepted: 1, rejected: 1 });

    // Switched off: its suggestions go, and the choice and counts are there after a restart.
    await st().setRecommenderOn('matcher', false);
    const later = w.make();
    await later.getState().setAnnotator('analyst');
    await expect.poll(() => later.getState().recommenders.off.has('matcher')).toBe(true);
    expect(later.getState().recommenders.stats.get('matcher')).toEqual({ accepted: 1, rejected: 1 });
    await st().setRecommenderOn('matcher', true);

    // Opening a document only asks; every RETRAIN_EVERY new spans, it learns again by itself.
    const before = w.trainings();
    const words = [...B.matchAll(/\S+/g)];
    const doc = (await st().addPastedDocument(
      'c',
      words
        .map((m) => m[0])
        .join(' ')
        .repeat(3),
    ))!;
    await st().openDocument(doc);
    expect(w.trainings()).toBe(before);
    const text = st().open!.text;
    const tokens = [...text.matchAll(/\S+/g)].slice(0, RETRAIN_EVERY);
    for (const m of tokens) st().addSpan('place', utf16(m.index), utf16(m.index + m[0].length));
    await expect.poll(() => w.trainings()).toBe(before + 1);
    await expect.poll(() => st().recommenders.training).toBe(false);
  });
});
