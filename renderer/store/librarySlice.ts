import type { StateCreator } from 'zustand';
import { throttle } from './throttle';
import { jsonlDocumentLine } from '../../shared/formats/jsonl';
import { recordsToExchange } from '../../shared/formats/recordsToExchange';
import { newDocument } from '../../shared/model/newDocument';
import { titleFromFileName } from '../../shared/model/titleFromFileName';
import { decodeText } from '../../shared/text/decodeText';
import { firstLoneSurrogate } from '../../shared/text/firstLoneSurrogate';
import { sha256Hex } from '../../shared/text/sha256';
import type { HashiyaState, LibrarySlice, StoreDeps } from './types';
import { withPending } from './withPending';

/** The library: the documents, importing them, and exporting them all. */
export const librarySlice =
  (deps: StoreDeps): StateCreator<HashiyaState, [], [], LibrarySlice> =>
  (set, get) => {
    /** Stores decoded texts as new documents, skipping texts already in the library. */
    async function store(items: readonly { name: string; text: string; source?: string; title?: string }[], encodings: readonly string[] = []) {
      const seen = new Map<string, string>();
      const skipped: string[] = [];
      const docs = [];
      for (const item of items) {
        const sha = sha256Hex(item.text);
        const existing = seen.get(sha) ?? (await deps.repo.findBySha(sha))?.title;
        if (existing !== undefined) {
          skipped.push(`${item.name}: the same text is already in the library as «${existing}»`);
          continue;
        }
        // A pasted title is the user's own words, never a file name to cut at its last dot.
        const title = item.title ?? titleFromFileName(item.name);
        seen.set(sha, title);
        docs.push(newDocument({ id: deps.newId(), title, source: item.source ?? item.name, text: item.text }, deps.now()));
      }
      await deps.repo.addDocuments(docs);
      deps.channel?.post({ kind: 'library' });
      await get().refreshLibrary();
      const n = docs.length;
      const details = [...encodings, ...skipped];
      get().notify({
        kind: 'info',
        text: `Imported ${n} document${n === 1 ? '' : 's'}${skipped.length ? `; ${skipped.length} skipped` : ''}.`,
        ...(details.length ? { details } : {}),
      });
      return docs;
    }

    return {
      documents: [],
      statuses: new Map(),
      statusFilter: 'all',
      pendingImport: null,

      async refreshLibrary() {
        const annotator = get().annotator;
        const [documents, statuses] = await Promise.all([deps.repo.listDocuments(), annotator ? deps.repo.statusesOf(annotator) : new Map()]);
        set({ documents, statuses });
      },

      setStatusFilter(statusFilter) {
        set({ statusFilter });
      },

      async importFiles(files) {
        const valid: { name: string; text: string }[] = [];
        const problems: string[] = [];
        const encodings: string[] = [];
        for (const f of files) {
          const r = decodeText(f.bytes);
          if (r.ok) {
            valid.push({ name: f.name, text: r.text });
            if (r.encoding !== 'utf-8' && r.encoding !== 'utf-8 (BOM)') encodings.push(`${f.name}: read as ${r.encoding}`);
          } else problems.push(`${f.name}:${r.line}: ${r.message}`);
        }
        if (problems.length) {
          // Nothing is stored while any file has a problem; the user decides.
          set({ pendingImport: { valid, problems } });
          get().notify({
            kind: 'error',
            text: `${problems.length} of ${files.length} file${files.length === 1 ? '' : 's'} could not be read; nothing was imported.`,
            details: problems,
          });
          return;
        }
        try {
          await store(valid, encodings);
        } catch (e) {
          get().notify({ kind: 'error', text: `Import failed; nothing was stored: ${(e as Error).message}` });
        }
      },

      async importValidOnly() {
        const pending = get().pendingImport;
        set({ pendingImport: null });
        if (pending && pending.valid.length) await store(pending.valid);
      },

      cancelImport() {
        set({ pendingImport: null });
        get().notify(null);
      },

      async addPastedDocument(title, text) {
        if (text.length === 0) {
          get().notify({ kind: 'error', text: 'There is no text to add.' });
          return null;
        }
        const lone = firstLoneSurrogate(text);
        if (lone >= 0) {
          const line = text.slice(0, lone).split(/\r\n|\r|\n/).length;
          get().notify({ kind: 'error', text: `The pasted text holds a broken character (an unpaired UTF-16 surrogate) on line ${line}; nothing was added.` });
          return null;
        }
        const name =
          title.trim() ||
          text
            .trim()
            .split(/\r\n|\r|\n/)[0]!
            .slice(0, 60) ||
          'Pasted text';
        const docs = await store([{ name, title: name, text, source: 'clipboard' }]);
        return docs[0]?.record.id ?? null;
      },

      async exportJsonl() {
        set({ busy: true, exportProgress: { done: 0, total: get().documents.length } });
        const progress = throttle((done: number) => set({ exportProgress: { done, total: get().documents.length } }), 100);
        try {
          // Export what was just tagged too: wait for queued writes to land.
          // Written while storage fails, the export still holds every change made on screen.
          const pending = (await get().flushWrites()) ? [] : get().unsavedChanges();
          const annotator = get().annotator ?? undefined;
          // One string per document, never joined: a large export is held in memory once.
          const parts: string[] = [];
          for await (const d of deps.repo.eachDocument()) {
            parts.push(
              jsonlDocumentLine(recordsToExchange(d.record, d.text, withPending(d.spans, pending, d.record.id), d.tokens, annotator), undefined, false) + '\n',
            );
            progress(false, parts.length);
          }
          if (!parts.length) {
            get().notify({ kind: 'error', text: 'The library is empty: there is nothing to export.' });
            return;
          }
          const result = await deps.api.saveTextFile({
            suggestedName: 'hashiya-export.jsonl',
            content: parts,
            filterName: 'JSON Lines',
            extensions: ['jsonl'],
          });
          if (result.saved)
            get().notify({
              kind: 'info',
              text: `Exported ${parts.length} document${parts.length === 1 ? '' : 's'} to ${result.path ?? 'the file'}${pending.length ? `, with ${pending.length} change${pending.length === 1 ? '' : 's'} not yet stored` : ''}.`,
            });
        } catch (e) {
          get().notify({ kind: 'error', text: `Export failed: ${(e as Error).message}` });
        } finally {
          set({ busy: false, exportProgress: null });
        }
      },
    };
  };
