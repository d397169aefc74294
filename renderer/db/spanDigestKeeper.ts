import type { DBCore, DBCoreKeyRange, DBCoreMutateRequest, DBCoreMutateResponse, DBCoreRangeType, DBCoreTable, DBCoreTransaction, Middleware } from 'dexie';
import type { Span } from '../../shared/model/span';
import type { Placed } from '../../shared/suggest/withheld';
import { digestPlaces, spanDigest, type SpanDigest } from './spanDigest';

/** The table of digests, one per document and annotator (`SpanDigest`). */
export const SPAN_DIGESTS = 'spanDigests';

// DBCoreRangeType is a const enum of Dexie's declarations, which isolated modules cannot read.
const ANY_RANGE = 3 as DBCoreRangeType.Any;

type Pair = readonly [docId: string, annotator: string];
const pairKey = (docId: string, annotator: string) => JSON.stringify([docId, annotator]);

/** What one transaction has made of the digests it touched, and the end of its queue of updates. */
interface TransactionState {
  readonly places: Map<string, { readonly pair: Pair; places: Placed[] }>;
  queue: Promise<void>;
}

/**
 * A DBCore middleware that keeps `spanDigests` equal to the `spans` table, in the same
 * transaction as every write of spans: the save queue's, library changes, imports, label
 * renames, restores, replication, and whatever comes next, none of which has to remember it.
 * Every read-write transaction over `spans` is widened to `spanDigests`. After each write of
 * spans, the digests of the (document, annotator) pairs it touched lose the places of the
 * rows it replaced or deleted (read just before the write, in the same request burst, so a
 * delete by key learns its document) and gain those of the rows it wrote. A transaction's
 * updates run one after another, in the order of its writes, over the digests as it has left
 * them: two writes under way at once must not each start from the digest as stored.
 */
export const spanDigestKeeper: Middleware<DBCore> = {
  stack: 'dbcore',
  name: 'hashiya-span-digests',
  create(down) {
    // The upgrades to schemas before 7, which had no digests, write spans as they are.
    if (!down.schema.tables.some((t) => t.name === SPAN_DIGESTS)) return down;
    const spans = down.table('spans');
    const digests = down.table(SPAN_DIGESTS);
    const byTrans = new WeakMap<DBCoreTransaction, TransactionState>();
    const stateOf = (trans: DBCoreTransaction) => {
      let state = byTrans.get(trans);
      if (!state) byTrans.set(trans, (state = { places: new Map(), queue: Promise.resolve() }));
      return state;
    };

    const keeping: DBCoreTable = {
      ...spans,
      mutate(req: DBCoreMutateRequest): Promise<DBCoreMutateResponse> {
        const state = stateOf(req.trans);
        const wholeTable = req.type === 'deleteRange' && req.range.type === ANY_RANGE;
        // What the write replaces is asked for before the write and with no await between:
        // IndexedDB answers a transaction's requests in order, and callers ask for counts
        // right after their writes without waiting, which must see the writes done.
        const replaced: Promise<readonly (Span | undefined)[]> =
          req.type === 'add' || wholeTable
            ? Promise.resolve([])
            : req.type === 'deleteRange'
              ? spans.query({ trans: req.trans, values: true, query: { index: spans.schema.primaryKey, range: req.range } }).then((r) => r.result as Span[])
              : spans.getMany({
                  trans: req.trans,
                  keys: req.type === 'delete' ? req.keys : (req.keys ?? req.values.map((v: Span) => v.id)),
                });
        const written = spans.mutate(req);
        const step = Promise.all([state.queue, replaced, written]).then(([, gone, res]) => {
          const ok = (i: number) => !Object.hasOwn(res.failures, i);
          if (wholeTable) return clearAll(req.trans, state);
          const removed = req.type === 'deleteRange' ? gone : gone.filter((_, i) => ok(i));
          const added = req.type === 'add' || req.type === 'put' ? (req.values as readonly Span[]).filter((_, i) => ok(i)) : [];
          return update(req.trans, state, removed, added);
        });
        state.queue = step.catch(() => {});
        return Promise.all([written, step]).then(([res]) => res);
      },
    };

    /** The whole spans table emptied (a restore): every digest goes with it. */
    async function clearAll(trans: DBCoreTransaction, state: TransactionState): Promise<void> {
      state.places.clear();
      await digests.mutate({ trans, type: 'deleteRange', range: { type: ANY_RANGE, lower: undefined, upper: undefined } satisfies DBCoreKeyRange });
    }

    /** Takes the places of `removed` out of their digests and puts those of `added` in, and stores what changed. */
    async function update(trans: DBCoreTransaction, state: TransactionState, removed: readonly (Span | undefined)[], added: readonly Span[]): Promise<void> {
      const touched = new Map<string, Pair>();
      for (const s of [...removed, ...added]) if (s) touched.set(pairKey(s.docId, s.annotator), [s.docId, s.annotator]);
      if (!touched.size) return;
      const unknown = [...touched].filter(([key]) => !state.places.has(key));
      if (unknown.length) {
        const stored = (await digests.getMany({ trans, keys: unknown.map(([, pair]) => [...pair]) })) as (SpanDigest | undefined)[];
        unknown.forEach(([key, pair], i) => state.places.set(key, { pair, places: stored[i] ? digestPlaces(stored[i]) : [] }));
      }
      for (const s of removed) {
        if (!s) continue;
        const held = state.places.get(pairKey(s.docId, s.annotator))!;
        const at = held.places.findIndex((p) => p.start === s.start && p.end === s.end && p.label === s.label);
        if (at >= 0) held.places.splice(at, 1);
      }
      for (const s of added) state.places.get(pairKey(s.docId, s.annotator))!.places.push({ start: s.start, end: s.end, label: s.label });
      const puts: SpanDigest[] = [];
      const deletes: Pair[] = [];
      for (const key of touched.keys()) {
        const { pair, places } = state.places.get(key)!;
        if (places.length) puts.push(spanDigest(pair[0], pair[1], places));
        else deletes.push(pair);
      }
      await Promise.all([
        puts.length ? digests.mutate({ trans, type: 'put', values: puts }) : null,
        deletes.length ? digests.mutate({ trans, type: 'delete', keys: deletes.map((p) => [...p]) }) : null,
      ]);
    }

    return {
      ...down,
      transaction(stores, mode, options) {
        const widened = mode === 'readwrite' && stores.includes('spans') && !stores.includes(SPAN_DIGESTS) ? [...stores, SPAN_DIGESTS] : stores;
        return down.transaction(widened, mode, options);
      },
      table: (name) => (name === 'spans' ? keeping : down.table(name)),
    };
  },
};
