import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { HashiyaDb } from '../../../renderer/db/db';
import { repository } from '../../../renderer/db/repository';
import { createHashiyaStore } from '../../../renderer/store/createStore';
import { offeredSuggestions } from '../../../renderer/store/offeredSuggestions';
import type { ModelRecommender } from '../../../renderer/store/types';
import type { Suggestion } from '../../../shared/suggest/recommender';
import { utf16 } from '../../../shared/text/units';
import { noBackups } from '../../support/noBackups';
import { noSyncConnection } from '../../support/noSyncConnection';

const TEXT = 'قال المرصد السوري لحقوق الإنسان إن القوات الأميركية قصفت مواقع قرب دير الزور.';

/** A model on disk for the test: not loaded until `load`, then it finds its `mapping`'s phrases. */
function fakeModel() {
  const listeners = new Set<() => void>();
  let loaded = false;
  let found: [string, string][] = [];
  let asked = 0;
  const model: ModelRecommender = {
    ready: () => loaded,
    suggest: async (text): Promise<Suggestion[]> => {
      asked++;
      return found.map(([phrase, label]) => {
        const start = text.indexOf(phrase);
        return { start: utf16(start), end: utf16(start + phrase.length), label, recommender: 'model', score: 0.9 };
      });
    },
    subscribe: (l) => (listeners.add(l), () => void listeners.delete(l)),
  };
  const changed = (next: [string, string][]) => {
    loaded = true;
    found = next;
    for (const l of listeners) l();
  };
  return { model, changed, asked: () => asked };
}

let n = 0;
async function world() {
  const fake = fakeModel();
  let id = 0;
  let clock = 1_700_000_000_000;
  const store = createHashiyaStore({
    repo: repository(new HashiyaDb(`model-suggestions-${++n}`)),
    api: { ...noBackups, ...noSyncConnection, platform: 'web', openTextFiles: async () => ({ files: [] }), saveTextFile: async () => ({ saved: false }) },
    appVersion: 'test',
    now: () => ++clock,
    newId: () => `m${++id}`,
    model: fake.model,
  });
  await store.getState().setAnnotator('analyst');
  const docId = (await store.getState().addPastedDocument('مرصد', TEXT))!;
  await store.getState().openDocument(docId);
  const offered = () => offeredSuggestions(store.getState()).map((p) => [p.proposedBy, p.label, TEXT.slice(p.start, p.end)]);
  return { store, fake, offered };
}

describe('the model on disk in the suggestions layer', () => {
  it('offers nothing until a model is loaded, then its suggestions, anew when it is mapped again, and none when switched off', async () => {
    const { store, fake, offered } = await world();
    expect(offered()).toEqual([]);
    expect(store.getState().recommenders.names).toEqual([]);
    expect(fake.asked()).toBe(0);

    fake.changed([['القوات الأميركية', 'actor']]);
    await expect.poll(offered).toEqual([['model', 'actor', 'القوات الأميركية']]);
    expect(store.getState().recommenders.names).toEqual(['model']);

    // The analyst maps ORG onto place instead: the open document's suggestions follow.
    fake.changed([
      ['المرصد السوري لحقوق الإنسان', 'actor'],
      ['دير الزور', 'place'],
    ]);
    await expect.poll(offered).toEqual([
      ['model', 'actor', 'المرصد السوري لحقوق الإنسان'],
      ['model', 'place', 'دير الزور'],
    ]);

    // Accepted, it is the analyst's span and is not offered again; switched off, the rest go.
    store.getState().acceptSuggestion();
    expect([...store.getState().spans.values()].map((s) => TEXT.slice(s.start, s.end))).toEqual(['المرصد السوري لحقوق الإنسان']);
    expect(store.getState().recommenders.stats.get('model')).toEqual({ accepted: 1, rejected: 0 });
    await store.getState().setRecommenderOn('model', false);
    expect(offered()).toEqual([]);
  });
});
