import type { StateCreator } from 'zustand';
import type { ExchangeDocument } from '../../shared/formats/exchange';
import { inputFileOf } from '../../shared/formats/inputFileOf';
import { txtFormat } from '../../shared/formats/txt';
import { planImport } from '../../shared/import/planImport';
import type { DocStatus } from '../../shared/model/docStatus';
import { labelsWithRole } from '../../shared/model/label';
import { sameMeta } from '../../shared/model/sameMeta';
import { firstLoneSurrogate } from '../../shared/text/firstLoneSurrogate';
import { t } from '../i18n/i18n';
import { problemLine } from '../i18n/sayPhrase';
import { documentInfoProblems } from './documentInfoProblems';
import { encodingSummary } from './encodingSummary';
import type { HashiyaState, LibrarySlice, StoreDeps } from './types';
import { PASTED_SOURCE } from './pastedSource';

/** The library: the documents, and bringing plain text into it. */
export const librarySlice =
  (deps: StoreDeps): StateCreator<HashiyaState, [], [], LibrarySlice> =>
  (set, get) => {
    /**
     * Stores texts as new documents through the import plan, as the Import dialog and the
     * command line do: a text already in the library (same SHA-256) is not stored again.
     */
    async function store(docs: readonly ExchangeDocument[], encodings: readonly string[] = [], readIn: readonly string[] = []) {
      const now = deps.now();
      const plan = planImport(docs, await deps.repo.libraryIndex(), { annotator: get().annotator ?? 'analyst', now, newId: deps.newId });
      // The library lists documents in the order they came in: files picked together keep theirs.
      plan.newDocuments.forEach((d, k) => (d.record = { ...d.record, createdAt: now + k, updatedAt: now + k }));
      await deps.repo.applyImport(plan, now);
      deps.channel?.post({ kind: 'library' });
      await get().refreshLibrary();
      const n = plan.newDocuments.length;
      const skipped = docs.length - n;
      const details = [...encodings, ...plan.attachments.map((a) => t('imports.alreadyThere', { title: a.title })), ...plan.problems.map(problemLine)];
      const done = skipped ? t('imports.doneSkipped', { count: n, skipped }) : t('imports.done', { count: n });
      get().notify({
        kind: 'info',
        // Which encoding each file was read in, said in the notice itself: a wrong guess shows at once.
        text: readIn.length ? t('lib.importedIn', { done, encodings: encodingSummary(readIn) }) : done,
        ...(details.length ? { details } : {}),
      });
      return plan.newDocuments;
    }

    return {
      documents: [],
      statuses: new Map(),
      statusFilter: 'all',
      reviewStates: new Map(),
      pendingImport: null,

      async refreshLibrary() {
        const annotator = get().annotator;
        const [documents, statuses, reviewStates] = await Promise.all([
          deps.repo.listDocuments(),
          annotator ? deps.repo.statusesOf(annotator) : new Map<string, DocStatus>(),
          deps.repo.reviewStates(labelsWithRole(get().labels, 'claim')),
        ]);
        set({ documents, statuses, reviewStates });
      },

      async describeDeletion(ids) {
        if (!(await get().flushWrites())) return null;
        const whole = await deps.repo.wholeDocuments(ids);
        if (!whole.length) return null;
        return {
          titles: whole.map((d) => d.record.title),
          spans: whole.reduce((n, d) => n + d.spans.length, 0),
          layers: new Set(whole.flatMap((d) => d.spans.map((s) => s.annotator))).size,
          decisions: whole.reduce((n, d) => n + d.decisions.length, 0),
        };
      },

      async deleteDocuments(ids) {
        if (!(await get().flushWrites())) {
          get().notify({ kind: 'error', text: t('lib.deleteWaiting') });
          return false;
        }
        const whole = await deps.repo.wholeDocuments(ids);
        if (!whole.length) return false;
        const title = whole.length === 1 ? t('lib.deleteStepOne', { title: whole[0]!.record.title }) : t('lib.deleteStep', { count: whole.length });
        const stored = await get().commitLibraryChange({ title, spans: [], entities: [], wholeDocuments: whole.map((d) => ({ before: d, after: null })) });
        if (stored) get().notify({ kind: 'info', text: t('lib.deleted', { count: whole.length }) });
        return stored;
      },

      setStatusFilter(statusFilter) {
        set({ statusFilter });
      },

      libraryQuery: { sort: 'changed', direction: 'desc', search: '', outlet: '', language: '', tag: '', from: '', to: '' },
      setLibraryQuery(patch) {
        set({ libraryQuery: { ...get().libraryQuery, ...patch } });
      },

      async describeDocument(id, title, meta) {
        const problems = documentInfoProblems(title, meta);
        if (problems.length) return problems;
        const record = get().documents.find((d) => d.id === id) ?? (get().open?.record.id === id ? get().open!.record : undefined);
        if (!record) return [t('library.gone')];
        const after = { title: title.trim(), ...(Object.keys(meta).length ? { meta } : {}) };
        if (after.title === record.title && sameMeta(after.meta, record.meta)) return [];
        // A library step, not a document's: it is undone from the library and the document alike.
        const before = { title: record.title, ...(record.meta ? { meta: record.meta } : {}) };
        const stored = await get().commitLibraryChange({
          title: t('library.detailsStep', { title: after.title }),
          spans: [],
          entities: [],
          documents: [{ docId: id, before, after }],
        });
        return stored ? [] : [get().notice?.text ?? t('library.detailsNotSaved')];
      },

      async importFiles(files) {
        const problems: string[] = [];
        const encodings: string[] = [];
        const readIn: string[] = [];
        const read = [];
        for (const f of files) {
          const r = inputFileOf(f.name, f.bytes);
          if ('problem' in r) problems.push(problemLine(r.problem));
          else {
            read.push(r.file);
            readIn.push(r.file.encoding ?? 'utf-8');
            if (r.file.encoding && r.file.encoding !== 'utf-8' && r.file.encoding !== 'utf-8 (BOM)')
              encodings.push(t('imports.readAs', { file: f.name, encoding: r.file.encoding }));
          }
        }
        const parsed = txtFormat.parse(read);
        problems.push(...parsed.problems.map(problemLine));
        if (problems.length) {
          // Nothing is stored while any file has a problem; the user decides.
          set({ pendingImport: { valid: parsed.documents, problems, readIn } });
          get().notify({
            kind: 'error',
            text: t('imports.unreadable', { problems: t('imports.problemCount', { count: problems.length }), count: files.length }),
            details: problems,
          });
          return;
        }
        try {
          await store(parsed.documents, encodings, readIn);
        } catch (e) {
          get().notify({ kind: 'error', text: t('imports.failed', { message: (e as Error).message }) });
        }
      },

      async importValidOnly() {
        const pending = get().pendingImport;
        set({ pendingImport: null });
        if (pending && pending.valid.length) await store(pending.valid, [], pending.readIn);
      },

      cancelImport() {
        set({ pendingImport: null });
        get().notify(null);
      },

      async addPastedDocument(title, text) {
        if (text.length === 0) {
          get().notify({ kind: 'error', text: t('paste.empty') });
          return null;
        }
        const lone = firstLoneSurrogate(text);
        if (lone >= 0) {
          const line = text.slice(0, lone).split(/\r\n|\r|\n/).length;
          get().notify({ kind: 'error', text: t('paste.brokenCharacter', { line }) });
          return null;
        }
        const name =
          title.trim() ||
          text
            .trim()
            .split(/\r\n|\r|\n/)[0]!
            .slice(0, 60) ||
          t('paste.defaultTitle');
        const docs = await store([{ title: name, text, source: PASTED_SOURCE, spans: [] }]);
        return docs[0]?.record.id ?? null;
      },
    };
  };
