import type { StateCreator } from 'zustand';
import type { Change, SpanChange } from '../../shared/model/change';
import { createSpan } from '../../shared/model/span';
import { changedSince } from '../../shared/model/spanLineage';
import { foldArabic } from '../../shared/text/arabicFold';
import { matchArabic } from '../../shared/text/arabicMatch';
import { RECOMMENDER_NAMES, type RecommenderName } from '../../shared/suggest/recommender';
import { placeKey, rejectionId } from '../../shared/suggest/rejection';
import { t } from '../i18n/i18n';
import { labelTitle } from '../i18n/labelTitle';
import { findOccurrences } from '../search/findOccurrences';
import { heldLibrary } from '../search/heldLibrary';
import type { OccurrenceFinder } from '../search/workerOccurrences';
import { historyKey } from './historyKey';
import { markStep } from './stepOrder';
import { messagesFor } from './libraryChannel';
import { currentSuggestion, offeredSuggestions } from './offeredSuggestions';
import type { HashiyaState, ProposedBy, RecommenderStats, StoreDeps, SuggestedSpan, SuggestionLayer, SuggestionSlice } from './types';

/** The recommenders are trained again once this many new spans have appeared in the analyst's layer. */
export const RETRAIN_EVERY = 10;

const NO_STATS: RecommenderStats = { accepted: 0, rejected: 0 };
const statsKey = (annotator: string) => `recommenderStats:${annotator}`;
const OFF_KEY = 'recommendersOff';

// Arabic quoted in an English sentence keeps its own direction (and the quotes theirs).
const isolate = (text: string) => `\u2068${text}\u2069`;

const emptyLayer = (docId: string | null): SuggestionLayer => ({ docId, proposed: [], rejected: new Set(), current: 0 });

/** A tag-all run on this thread, in slices between which the window goes on (where there are no workers); it holds nothing between runs. */
function inPlace(deps: StoreDeps): OccurrenceFinder {
  return (request, report) => {
    let stopped = false;
    const done = findOccurrences(heldLibrary(deps.repo), request, report, () => stopped);
    return {
      done,
      cancel: () => {
        stopped = true;
      },
    };
  };
}

/**
 * The suggestions layer of the open document: spans proposed by tag-all and by the
 * recommenders, drawn as ghosts and never stored as spans until the analyst accepts one
 * (then it is an ordinary undoable action through the save queue). Rejections are stored
 * (`rejections` table) so a place is not offered again. Also runs the recommenders'
 * host: trains it when enough new spans exist and asks it for the open document.
 */
export const suggestionSlice =
  (deps: StoreDeps): StateCreator<HashiyaState, [], [], SuggestionSlice> =>
  (set, get, store) => {
    const finder = deps.findOccurrences ?? inPlace(deps);
    /** A label as notices and undo steps name it, in the interface's language. */
    const shownLabel = (name: string) => labelTitle(get().labels, name, get().language);
    const host = deps.recommend ?? null;
    const model = deps.model ?? null;
    let askedModel = 0;
    let running: { cancel(): void } | null = null;
    let newSpans = 0;
    let training: Promise<void> | null = null;
    let trainAgain = false;
    let asked = 0;

    const layerWith = (patch: Partial<SuggestionLayer>) => set({ suggestions: { ...get().suggestions, ...patch } });

    /** Adds proposals to the open document's layer; a place and label already proposed keeps its first proposer. */
    function propose(docId: string, items: readonly SuggestedSpan[], replace: (p: SuggestedSpan) => boolean = () => false) {
      const layer = get().suggestions;
      if (layer.docId !== docId) return;
      const kept = layer.proposed.filter((p) => !replace(p));
      const seen = new Set(kept.map(placeKey));
      const proposed = [...kept, ...items.filter((p) => !seen.has(placeKey(p)) && (seen.add(placeKey(p)), true))];
      layerWith({ proposed });
    }

    /** Counts a decision on a suggestion for its recommender, and stores the counts. */
    function count(by: readonly ProposedBy[], field: keyof RecommenderStats) {
      const annotator = get().annotator;
      const names = by.filter((b): b is RecommenderName => b !== 'occurrence');
      if (!names.length || !annotator) return;
      const stats = new Map(get().recommenders.stats);
      for (const name of names) {
        const s = stats.get(name) ?? NO_STATS;
        stats.set(name, { ...s, [field]: s[field] + 1 });
      }
      set({ recommenders: { ...get().recommenders, stats } });
      void deps.repo.putSetting(statsKey(annotator), Object.fromEntries(stats)).catch(() => {});
    }

    async function loadRecommenderSettings(annotator: string) {
      const [stats, off] = await Promise.all([
        deps.repo.getSetting<Record<string, RecommenderStats>>(statsKey(annotator)),
        deps.repo.getSetting<string[]>(OFF_KEY),
      ]);
      // Every recommender's, not only those running now: the model on disk may be loaded later.
      const names = RECOMMENDER_NAMES;
      set({
        recommenders: {
          ...get().recommenders,
          stats: new Map(names.map((n) => [n, stats?.[n] ?? NO_STATS])),
          off: new Set(names.filter((n) => off?.includes(n))),
        },
      });
    }

    /** Asks the recommenders for the open document; an answer for a document no longer open is dropped. */
    async function askRecommenders() {
      const open = get().open;
      if (!host || !open || get().recommenders.trainedOn === null) return;
      const id = ++asked;
      const docId = open.record.id;
      const use = host.names.filter((n) => !get().recommenders.off.has(n));
      try {
        const found = await host.suggest(open.text, use);
        if (id !== asked || get().open?.record.id !== docId) return;
        const items = found.map((f): SuggestedSpan => ({ start: f.start, end: f.end, label: f.label, proposedBy: f.recommender, score: f.score }));
        propose(docId, items, (p) => p.proposedBy !== 'occurrence' && p.proposedBy !== 'model');
      } catch (err) {
        get().notify({ kind: 'error', text: t('msg.recommendersFailed', { why: err instanceof Error ? err.message : String(err) }) });
      }
    }

    /** Asks the model on disk for the open document (it needs no training: it came trained); a stale answer is dropped. */
    async function askModel() {
      const open = get().open;
      if (!model || !open || !get().suggestions.docId) return;
      const id = ++askedModel;
      const docId = open.record.id;
      if (!model.ready() || get().recommenders.off.has('model')) {
        propose(docId, [], (p) => p.proposedBy === 'model');
        return;
      }
      try {
        const found = await model.suggest(open.text);
        if (id !== askedModel || get().open?.record.id !== docId) return;
        const items = found.map((f): SuggestedSpan => ({ start: f.start, end: f.end, label: f.label, proposedBy: 'model', score: f.score }));
        propose(docId, items, (p) => p.proposedBy === 'model');
      } catch (err) {
        get().notify({ kind: 'error', text: t('msg.modelFailed', { why: err instanceof Error ? err.message : String(err) }) });
      }
    }

    /** The recommenders there are: the host's, and the model on disk once it is loaded. */
    const namesNow = (): RecommenderName[] => [...(host?.names ?? []), ...(model?.ready() ? (['model'] as const) : [])];

    // A model loaded, failed or mapped anew: its suggestions for the open document follow.
    model?.subscribe(() => {
      const names = namesNow();
      if (names.join() !== get().recommenders.names.join()) set({ recommenders: { ...get().recommenders, names } });
      void askModel();
    });

    /** Trains in the background (a training asked for meanwhile runs once this one ends), then suggests. */
    function train(): Promise<void> {
      if (training) {
        trainAgain = true;
        return training;
      }
      const annotator = get().annotator;
      if (!host || !host.names.length || !annotator) return Promise.resolve();
      newSpans = 0;
      set({ recommenders: { ...get().recommenders, training: true } });
      training = (async () => {
        try {
          // What the analyst just tagged is stored first, so the worker reads it.
          await get().flushWrites();
          const trainedOn = await host.train({ annotator, labels: get().labels.map((l) => l.name) });
          set({ recommenders: { ...get().recommenders, trainedOn: trainedOn.spans } });
        } catch (err) {
          get().notify({ kind: 'error', text: t('msg.learningFailed', { why: err instanceof Error ? err.message : String(err) }) });
        } finally {
          set({ recommenders: { ...get().recommenders, training: false } });
          training = null;
        }
        if (trainAgain) {
          trainAgain = false;
          await train();
        } else await askRecommenders();
      })();
      return training;
    }

    /** A new document in front of the analyst: its own layer, its rejections, the recommenders' suggestions. */
    async function opened() {
      const open = get().open;
      layerWith(emptyLayer(open?.record.id ?? null));
      const layer = get().layer;
      if (!open || !layer) return;
      const docId = open.record.id;
      try {
        const rejections = await deps.repo.rejectionsOf(docId, layer);
        if (get().suggestions.docId === docId) layerWith({ rejected: new Set([...get().suggestions.rejected, ...rejections.map(placeKey)]) });
      } catch (err) {
        get().notify({ kind: 'error', text: t('msg.rejectedUnreadable', { why: err instanceof Error ? err.message : String(err) }) });
      }
      void askModel();
      if (get().recommenders.trainedOn === null) await train();
      else await askRecommenders();
    }

    store.subscribe((s, prev) => {
      if (s.annotator !== prev.annotator && s.annotator) void loadRecommenderSettings(s.annotator);
      if (s.open !== prev.open || s.layer !== prev.layer) void opened();
      else if (s.spans !== prev.spans) {
        // The ids a change touched, when known: walking 11,000 spans on each key press cost half a millisecond.
        const touched = changedSince(prev.spans, s.spans) ?? s.spans.keys();
        for (const id of touched) if (s.spans.has(id) && !prev.spans.has(id)) newSpans++;
        if (newSpans >= RETRAIN_EVERY) void train();
      }
    });

    /** Makes offered suggestions the analyst's spans, as one undo step. */
    function accept(items: readonly SuggestedSpan[], title: string) {
      const open = get().open;
      const layer = get().layer;
      if (!open || !layer || !items.length) return;
      const now = deps.now();
      const changes: SpanChange[] = items.map((p) => ({
        before: null,
        after: createSpan({ id: deps.newId(), docId: open.record.id, start: p.start, end: p.end, label: p.label, annotator: layer }, now),
      }));
      get().commitAction(title, changes, get().selectedSpanId);
      count(
        items.map((p) => p.proposedBy),
        'accepted',
      );
    }

    return {
      suggestions: emptyLayer(null),
      recommenders: { names: namesNow(), off: new Set(), stats: new Map(), training: false, trainedOn: null },
      occurrences: null,
      occurrenceLabel: null,

      setOccurrenceLabel(label) {
        set({ occurrenceLabel: label });
      },

      async suggestOccurrences(scope, fromSearchOnly = false) {
        const s = get();
        const open = s.open;
        if (!open) return;
        if (s.review?.docId === open.record.id) {
          s.notify({ kind: 'error', text: t('msg.tagAllInReview') });
          return;
        }
        const span = s.selectedSpanId && !fromSearchOnly ? s.spans.get(s.selectedSpanId) : undefined;
        const fromSearch = !span && s.search.open && s.search.query.trim() ? s.search : null;
        if (!span && !fromSearch) {
          s.notify({ kind: 'info', text: t('msg.tagAllWhat') });
          return;
        }
        const query = span ? open.text.slice(span.start, span.end) : fromSearch!.query.trim();
        const label = span?.label ?? (s.labels.some((l) => l.name === s.occurrenceLabel) ? s.occurrenceLabel! : s.labels[0]!.name);
        const tehMarbuta = fromSearch?.tehMarbuta ?? false;
        const docId = open.record.id;
        const items = matchArabic(foldArabic(open.text, { tehMarbuta }), query).map((h): SuggestedSpan => ({
          start: h.start,
          end: h.end,
          label,
          proposedBy: 'occurrence',
          score: 1,
        }));
        const before = offeredSuggestions(get());
        propose(docId, items);
        const offered = offeredSuggestions(get());
        const fresh = offered.filter((o) => !before.includes(o) && o.proposedBy === 'occurrence' && o.label === label);
        if (fresh[0]) layerWith({ current: offered.indexOf(fresh[0]) });
        get().notify({
          kind: 'info',
          text: fresh.length
            ? t('msg.moreSuggested', { count: fresh.length, query: isolate(query), label: shownLabel(label) })
            : t('msg.noOtherOccurrence', { query: isolate(query) }),
        });
        if (scope === 'document') return;

        running?.cancel();
        const annotator = get().annotator;
        if (!annotator) return;
        set({
          occurrences: { query, label, tehMarbuta, found: [], accepted: new Map(), searched: 0, total: get().documents.length, running: true },
          overlay: 'occurrences',
        });
        const run = finder({ query, label, options: { tehMarbuta }, annotator, skipDocId: docId }, (found, searched) => {
          const now = get().occurrences;
          if (running !== run || !now) return;
          set({ occurrences: { ...now, found: found.length ? [...now.found, ...found] : now.found, searched } });
        });
        running = run;
        try {
          await run.done;
        } catch (err) {
          get().notify({ kind: 'error', text: t('msg.lookingStopped', { why: err instanceof Error ? err.message : String(err) }) });
        }
        if (running !== run) return;
        running = null;
        const now = get().occurrences;
        if (now) set({ occurrences: { ...now, running: false } });
      },

      moveSuggestion(delta) {
        const n = offeredSuggestions(get()).length;
        if (n) layerWith({ current: (currentSuggestion(get()) + delta + n) % n });
      },

      focusSuggestion(index) {
        if (index >= 0 && index < offeredSuggestions(get()).length) layerWith({ current: index });
      },

      acceptSuggestion() {
        const p = offeredSuggestions(get())[currentSuggestion(get())];
        // The next one slides into the place of the one accepted, which is offered no more.
        if (p) accept([p], t('change.acceptSuggestion', { label: shownLabel(p.label) }));
      },

      async rejectSuggestion() {
        const p = offeredSuggestions(get())[currentSuggestion(get())];
        const open = get().open;
        const annotator = get().layer;
        if (!p || !open || !annotator) return;
        layerWith({ rejected: new Set(get().suggestions.rejected).add(placeKey(p)) });
        count([p.proposedBy], 'rejected');
        const rejection = { docId: open.record.id, annotator, start: p.start, end: p.end, label: p.label };
        try {
          await deps.repo.addRejection({ ...rejection, id: rejectionId(rejection), proposedBy: p.proposedBy, rejectedAt: deps.now() });
        } catch (err) {
          get().notify({ kind: 'error', text: t('msg.rejectionForgotten', { why: err instanceof Error ? err.message : String(err) }) });
        }
      },

      acceptSuggestionsOf(label) {
        const items = offeredSuggestions(get()).filter((p) => p.label === label);
        accept(items, t('change.acceptSuggestions', { count: items.length, label: shownLabel(label) }));
      },

      clearSuggestions() {
        layerWith({ proposed: get().suggestions.proposed.filter((p) => p.proposedBy !== 'occurrence'), current: 0 });
      },

      async acceptOccurrences(docIds) {
        const occ = get().occurrences;
        const annotator = get().annotator;
        if (!occ || !annotator) return;
        const wanted = docIds ? new Set(docIds) : null;
        const todo = occ.found.filter((f) => (!wanted || wanted.has(f.docId)) && !occ.accepted.has(f.docId));
        const failed: string[] = [];
        let spans = 0;
        let docs = 0;
        for (const f of todo) {
          let change: Change | null;
          try {
            change = await deps.repo.acceptOccurrences(
              f.docId,
              annotator,
              f.places.map((p) => ({ ...p, label: occ.label })),
              deps.newId,
              deps.now(),
            );
          } catch (err) {
            const title = get().documents.find((d) => d.id === f.docId)?.title ?? f.docId;
            failed.push(`${title}: ${err instanceof Error ? err.message : String(err)}`);
            continue;
          }
          const n = change?.spans.length ?? 0;
          const now = get().occurrences;
          if (now) set({ occurrences: { ...now, accepted: new Map(now.accepted).set(f.docId, n) } });
          if (!change) continue;
          spans += n;
          docs++;
          // That document's own undo step: opening it, Ctrl+Z takes these spans out again.
          const key = historyKey(f.docId, annotator);
          const h = get().history.get(key) ?? { undo: [], redo: [] };
          const patch: Partial<HashiyaState> = { history: new Map(get().history).set(key, { undo: [...h.undo, markStep(change)], redo: [] }) };
          if (change.status) patch.statuses = new Map(get().statuses).set(f.docId, change.status.after);
          set(patch);
          for (const m of messagesFor([change])) deps.channel?.post(m);
        }
        await get().refreshLibrary();
        get().notify({
          kind: failed.length ? 'error' : 'info',
          text: t('msg.tagged', {
            occurrences: t('msg.taggedOccurrences', { count: spans }),
            query: isolate(occ.query),
            label: shownLabel(occ.label),
            documents: t('msg.taggedDocuments', { count: docs }),
            undo: docs ? t('msg.taggedUndo') : '',
            failed: failed.length ? t('msg.taggedFailed', { count: failed.length }) : '',
          }),
          ...(failed.length ? { details: failed } : {}),
        });
      },

      closeOccurrences() {
        running?.cancel();
        running = null;
        set({ occurrences: null, overlay: get().overlay === 'occurrences' ? null : get().overlay });
      },

      async setRecommenderOn(name, on) {
        const off = new Set(get().recommenders.off);
        if (on) off.delete(name);
        else off.add(name);
        set({ recommenders: { ...get().recommenders, off } });
        await deps.repo.putSetting(OFF_KEY, [...off]);
      },

      retrainRecommenders() {
        return train();
      },
    };
  };
