import type { StateCreator } from 'zustand';
import { applyEntityChanges, type Change } from '../../shared/model/change';
import type { Entity } from '../../shared/model/entity';
import type { Span } from '../../shared/model/span';
import type { WholeDocumentChange } from '../../shared/model/wholeDocument';
import { editEntity, invertLibraryChange, mergeEntities, splitEntity, type LibraryChange } from '../../shared/entities/libraryChange';
import { LibraryConflictError, type LibraryConflict } from '../db/libraryConflict';
import { t } from '../i18n/i18n';
import { messagesFor } from './libraryChannel';
import { markStep } from './stepOrder';
import type { EntitySlice, HashiyaState, StoreDeps } from './types';

const HISTORY_LIMIT = 200;

/** Why the database refused a library change, in the interface's language. */
function conflictText(c: LibraryConflict): string {
  switch (c.kind) {
    case 'documentGone':
      return t('entities.conflict.documentGone', { title: c.title });
    case 'detailsChanged':
      return t('entities.conflict.detailsChanged', { title: c.title });
    case 'mentionChanged':
      return t('entities.conflict.mentionChanged');
    case 'entityChanged':
      return t('entities.conflict.entityChanged', { name: c.name });
    case 'mentionLinked':
      return t('entities.conflict.mentionLinked');
    case 'documentChanged':
      return t('lib.conflict.documentChanged', { title: c.title });
    case 'documentBack':
      return t('lib.conflict.documentBack', { title: c.title });
  }
}

/**
 * Entities across the library, and the library's own undo. Linking a mention is an action in
 * its document (see `documentSlice.linkEntity`); merging, splitting and editing an entity
 * reach spans in any number of documents, and a document's details are no span's, so they are
 * library changes: the save queue is flushed first
 * (the database then holds every span as the analyst sees it), the change is stored in one
 * transaction with a version check on every span and entity, and it is filed in the
 * library's own history. Its undo is stored the same way, from the versions written, so an
 * undo never writes over a later change: it is refused and says so.
 */
export const entitySlice =
  (deps: StoreDeps): StateCreator<HashiyaState, [], [], EntitySlice> =>
  (set, get) => {
    /** Stores a library change and lays it over the window's state; the change as written, or null (said why). */
    async function run(change: LibraryChange, word?: 'Undo' | 'Redo'): Promise<LibraryChange | null> {
      if (!(await get().flushWrites())) {
        get().notify({ kind: 'error', text: t('entities.waiting', { title: change.title }) });
        return null;
      }
      let written: LibraryChange;
      try {
        written = await deps.repo.applyLibraryChange(change, deps.now());
      } catch (err) {
        const why = err instanceof LibraryConflictError ? conflictText(err.conflict) : err instanceof Error ? err.message : String(err);
        const key = word === 'Undo' ? 'entities.undoNotMade' : word === 'Redo' ? 'entities.redoNotMade' : 'entities.notMade';
        get().notify({ kind: 'error', text: t(key, { title: change.title, why }) });
        return null;
      }
      const st = get();
      const patch: Partial<HashiyaState> = { entities: applyEntityChanges(st.entities, written.entities) };
      const openId = st.open?.record.id;
      const here = written.spans.filter((c) => c.after?.docId === openId).map((c) => c.after!);
      if (here.length) {
        const spans = new Map(st.spans);
        const others = new Map(st.otherSpans.map((s) => [s.id, s]));
        for (const s of here) (s.annotator === st.layer ? spans : others).set(s.id, s);
        patch.spans = spans;
        patch.otherSpans = [...others.values()];
      }
      if (written.labels) patch.labels = written.labels.after;
      set(patch);
      if (written.documents?.length) await showDetails(written.documents.map((c) => c.docId));
      if (written.wholeDocuments?.length) await showWholeDocuments(written.wholeDocuments);
      const byDoc = new Map<string, Change>();
      for (const c of written.spans) {
        const docId = c.after!.docId;
        const was = byDoc.get(docId);
        byDoc.set(docId, { docId, title: written.title, spans: [...(was?.spans ?? []), c] });
      }
      for (const m of messagesFor([...byDoc.values()])) deps.channel?.post(m);
      // Entities changed with no document to carry them: the other windows read them again.
      deps.channel?.post({ kind: 'library' });
      void refreshViews();
      return written;
    }

    /** Shows documents' new titles and metadata here, and tells the other windows. */
    async function showDetails(ids: readonly string[]) {
      await get().refreshLibrary();
      const changed = get().documents.filter((d) => ids.includes(d.id));
      const open = get().open;
      const record = open && changed.find((d) => d.id === open.record.id);
      if (open && record) set({ open: { ...open, record } });
      for (const r of changed) deps.channel?.post({ kind: 'document', record: r });
    }

    /**
     * Shows documents deleted or restored: the library is read again, a deleted open document
     * closes, and library search drops its hits (the claims table, like the other windows,
     * learns from the `library` message `run` posts and rebuilds without them).
     */
    async function showWholeDocuments(changes: readonly WholeDocumentChange[]) {
      const gone = new Set(changes.flatMap((c) => (c.before && !c.after ? [c.before.record.id] : [])));
      if (gone.has(get().open?.record.id ?? '')) get().closeDocument();
      const search = get().librarySearch;
      if (search && gone.size) set({ librarySearch: { ...search, hits: new Map([...search.hits].filter(([id]) => !gone.has(id))) } });
      await get().refreshLibrary();
    }

    async function refreshViews() {
      set({ mentionCounts: await deps.repo.mentionCounts() });
      const page = get().entityPage;
      if (page) await get().loadEntityPage(page.entityId);
    }

    function file(written: LibraryChange) {
      const h = get().libraryHistory;
      set({ libraryHistory: { undo: [...h.undo, markStep(written)].slice(-HISTORY_LIMIT), redo: [] } });
    }

    /** The stored spans with these ids that name `entityId`. */
    async function mentions(entityId: string, ids?: ReadonlySet<string>): Promise<Span[]> {
      const rows = await deps.repo.mentionsOf(entityId);
      return rows.map((r) => r.span).filter((s) => !ids || ids.has(s.id));
    }

    return {
      entities: new Map(),
      libraryHistory: { undo: [], redo: [] },
      entityPage: null,
      showingEntities: false,
      mentionCounts: new Map(),

      setShowingEntities(on) {
        if (get().showingEntities !== on) set({ showingEntities: on, ...(on ? {} : { entityPage: null }) });
      },

      async loadEntities() {
        const [list, counts] = await Promise.all([deps.repo.listEntities(), deps.repo.mentionCounts()]);
        set({ entities: new Map(list.map((e) => [e.id, e])), mentionCounts: counts });
      },

      async loadEntityPage(entityId) {
        const was = get().entityPage;
        if (was?.entityId !== entityId) set({ entityPage: { entityId, mentions: [], claims: [], loading: true } });
        // What is queued is stored first, so the page lists the mentions just linked.
        await get().flushWrites();
        const rows = await deps.repo.mentionsOf(entityId);
        const claims = await deps.repo.claimsSourcedBy(rows.map((r) => r.span.id));
        if (get().entityPage?.entityId !== entityId) return;
        set({ entityPage: { entityId, mentions: rows, claims, loading: false } });
      },

      async mergeEntities(intoId, fromId) {
        const into = get().entities.get(intoId);
        const from = get().entities.get(fromId);
        if (!into || !from || intoId === fromId) return false;
        await get().flushWrites();
        const title = t('entities.mergeStep', { from: from.name, into: into.name });
        const written = await run(mergeEntities(into, from, await mentions(fromId), deps.now(), title));
        if (written) {
          file(written);
          get().notify({ kind: 'info', text: t('entities.merged', { from: from.name, into: into.name, count: written.spans.length }) });
        }
        return !!written;
      },

      async splitEntity(fromId, spanIds, name) {
        const from = get().entities.get(fromId);
        const trimmed = name.trim();
        if (!from || !spanIds.length || !trimmed) return null;
        await get().flushWrites();
        const now = deps.now();
        const made: Entity = { id: deps.newId(), name: trimmed, otherNames: [], type: from.type, createdAt: now, updatedAt: now, version: 1 };
        const title = t('entities.splitStep', { made: trimmed, from: from.name });
        const written = await run(splitEntity(from, made, await mentions(fromId, new Set(spanIds)), now, title));
        if (!written) return null;
        file(written);
        get().notify({ kind: 'info', text: t('entities.moved', { count: written.spans.length, name: trimmed }) });
        return made.id;
      },

      async editEntity(id, edit) {
        const entity = get().entities.get(id);
        if (!entity || !edit.name.trim() || !edit.type) return false;
        const after = editEntity(entity, { ...edit, name: edit.name.trim() }, deps.now());
        if (after === entity) return true;
        const written = await run({ title: t('entities.editStep', { name: entity.name }), spans: [], entities: [{ before: entity, after }] });
        if (written) file(written);
        return !!written;
      },

      async commitLibraryChange(change) {
        const written = await run(change);
        if (written) file(written);
        return !!written;
      },

      async undoLibrary() {
        const h = get().libraryHistory;
        const last = h.undo.at(-1);
        if (!last) return;
        const written = await run(invertLibraryChange(last), 'Undo');
        // A step that cannot be undone (something changed since) leaves the history.
        set({ libraryHistory: { undo: get().libraryHistory.undo.filter((c) => c !== last), redo: written ? [...h.redo, markStep(written)] : h.redo } });
        if (written) get().notify({ kind: 'info', text: t('entities.undone', { title: last.title }) });
      },

      async redoLibrary() {
        const h = get().libraryHistory;
        const next = h.redo.at(-1);
        if (!next) return;
        const written = await run(invertLibraryChange(next), 'Redo');
        set({ libraryHistory: { undo: written ? [...get().libraryHistory.undo, markStep(written)] : get().libraryHistory.undo, redo: h.redo.slice(0, -1) } });
      },
    };
  };
