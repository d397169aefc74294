import type { StateCreator } from 'zustand';
import type { ClaimRow } from '../../shared/claims/claimRow';
import type { ClaimFilter } from '../../shared/claims/filterClaims';
import type { ClaimGrouping } from '../../shared/claims/groupClaims';
import { GOLD } from '../../shared/review/decision';
import type { ClaimsShown } from '../claims/claimsHost';
import { inPlaceClaimsHost } from '../claims/claimsHosts';
import { t } from '../i18n/i18n';
import type { ClaimsSlice, ClaimsState } from './claimsTypes';
import type { HashiyaState, StoreDeps } from './types';

const withRows = (rows: ReadonlyMap<number, ClaimRow>, more: Iterable<readonly [number, ClaimRow]>): ReadonlyMap<number, ClaimRow> => {
  const out = new Map(rows);
  for (const [i, r] of more) out.set(i, r);
  return out;
};

const shownPatch = (c: ClaimsState, s: ClaimsShown): Partial<ClaimsState> => ({
  groups: s.groups,
  shown: s.shown,
  matrix: s.matrix,
  rows: withRows(c.rows, s.head),
});

/**
 * The claims view's data. The table lives with the claims host (a worker in the app), which
 * filters, groups and exports it; the window holds the facets, the filtered row indices and
 * the rows it draws, so opening and filtering never carry 50,000 rows across.
 */
export const claimsSlice =
  (deps: StoreDeps): StateCreator<HashiyaState, [], [], ClaimsSlice> =>
  (set, get) => {
    const host = deps.claimsHost ?? inPlaceClaimsHost(deps.repo);
    let loads = 0;
    let views = 0;
    const fetching = new Set<number>();
    const update = (patch: Partial<ClaimsState>) => {
      const c = get().claims;
      if (c) set({ claims: { ...c, ...patch } });
    };

    /** Asks the host for what `filter` and `grouping` show; drops an answer a later one overtook. */
    async function view(filter: ClaimFilter, grouping: ClaimGrouping): Promise<void> {
      const c = get().claims;
      if (!c) return;
      set({ claims: { ...c, filter, grouping } });
      if (!c.summary) return;
      const mine = ++views;
      try {
        const s = await host.view(c.summary.version, filter, grouping);
        const now = get().claims;
        if (mine === views && now?.summary?.version === c.summary.version) set({ claims: { ...now, ...shownPatch(now, s) } });
      } catch (e) {
        if (mine === views && get().claims?.summary?.version === c.summary.version)
          get().notify({ kind: 'error', text: t('claimsView.notShown', { message: (e as Error).message }) });
      }
    }

    return {
      claims: null,
      claimLayers: [],

      async loadClaims(layer) {
        const chosen = layer ?? get().claims?.layer ?? get().annotator ?? 'analyst';
        const mine = ++loads;
        const before = get().claims;
        const filter = before?.layer === chosen ? before.filter : {};
        const grouping = before?.grouping ?? 'none';
        set({
          claims: { layer: chosen, loading: { done: 0, total: 0 }, summary: null, filter, grouping, groups: [], shown: 0, matrix: null, rows: new Map() },
        });
        fetching.clear();
        // The host reads the database: what the analyst just did must be in it first.
        await get().flushWrites();
        if (mine !== loads) return;
        try {
          const loaded = await host.load(chosen, get().labels, filter, grouping, (done, total) => {
            if (mine === loads) update({ loading: { done, total } });
          });
          if (mine !== loads || !loaded) return;
          const c = get().claims!;
          // A filter set while it loaded is the one to show.
          const stale = c.filter !== filter || c.grouping !== grouping;
          set({
            claims: { ...c, loading: null, summary: loaded.summary, ...shownPatch(c, loaded.shown) },
            claimLayers: [...new Set([...loaded.summary.layers.filter((l) => l !== GOLD), get().annotator ?? chosen, GOLD, chosen])],
          });
          if (stale) await view(c.filter, c.grouping);
        } catch (e) {
          if (mine !== loads) return;
          update({ loading: null });
          get().notify({ kind: 'error', text: t('claimsView.notRead', { message: (e as Error).message }) });
        }
      },

      setClaimsFilter: (filter) => view(filter, get().claims?.grouping ?? 'none'),

      setClaimsGrouping: (grouping) => view(get().claims?.filter ?? {}, grouping),

      async needClaimRows(indices) {
        const c = get().claims;
        if (!c?.summary) return;
        const missing = indices.filter((i) => !c.rows.has(i) && !fetching.has(i));
        if (!missing.length) return;
        for (const i of missing) fetching.add(i);
        const version = c.summary.version;
        try {
          const rows = await host.rows(version, missing);
          const now = get().claims;
          if (now?.summary?.version === version)
            update({
              rows: withRows(
                now.rows,
                rows.map((r, k) => [missing[k]!, r] as const),
              ),
            });
        } catch {
          // The table was read again meanwhile: the new one's rows are fetched as they are drawn.
        } finally {
          for (const i of missing) fetching.delete(i);
        }
      },

      async exportClaims(what) {
        const c = get().claims;
        if (!c?.summary) return;
        let content: string;
        try {
          content = await host.exportText(c.summary.version, what, c.filter, c.grouping);
        } catch (e) {
          get().notify({ kind: 'error', text: t('claimsView.notExported', { message: (e as Error).message }) });
          return;
        }
        const name = what === 'entities' ? 'hashiya-entities.json' : `hashiya-claims.${what}`;
        const saved = await deps.api.saveTextFile({
          suggestedName: name,
          content,
          filterName: what === 'csv' ? 'CSV' : 'JSON',
          extensions: [what === 'csv' ? 'csv' : 'json'],
        });
        if (saved.saved)
          get().notify({
            kind: 'info',
            text:
              what === 'entities'
                ? t('claimsView.savedEntities', { count: c.summary.entities, path: saved.path })
                : t('claimsView.savedClaims', { count: c.shown, layer: c.layer, path: saved.path }),
          });
      },
    };
  };
