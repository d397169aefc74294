import { zipSync, strToU8 } from 'fflate';
import type { StateCreator } from 'zustand';
import type { InputFile, Problem } from '../../shared/formats/exchange';
import type { FormatName } from '../../shared/formats/exchange';
import { applyLabelMap, parseLabelMap } from '../../shared/formats/labelMap';
import { recordsToExchange } from '../../shared/formats/recordsToExchange';
import { formatByName, MULTI_FILE_FORMATS } from '../../shared/formats/registry';
import { planImport } from '../../shared/import/planImport';
import { decodeText } from '../../shared/text/decodeText';
import type { ExchangeSlice, HashiyaState, StoreDeps } from './types';

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
const problemLine = (p: Problem) => `${p.file}:${p.line}: ${p.message}`;

/**
 * Importing from and exporting to every exchange format. An import is checked whole
 * before anything is stored, shown for review, then stored in one transaction: all of it,
 * or (by choice) only the valid documents.
 */
export const exchangeSlice =
  (deps: StoreDeps): StateCreator<HashiyaState, [], [], ExchangeSlice> =>
  (set, get) => ({
    importReview: null,
    importProgress: null,

    async reviewImport(formatName, picked, options) {
      const format = formatByName(formatName);
      if (!format) return;
      const map = parseLabelMap(options.map);
      if (typeof map === 'string') {
        get().notify({ kind: 'error', text: `Label mapping: ${map}` });
        return;
      }
      const problems: Problem[] = [];
      const files: InputFile[] = [];
      const encodings: string[] = [];
      for (const f of picked) {
        // An empty .ann is a brat document with no annotations, not a broken file.
        if (f.bytes.length === 0 && f.name.toLowerCase().endsWith('.ann')) {
          files.push({ name: f.name, text: '' });
          continue;
        }
        const decoded = decodeText(f.bytes);
        if (!decoded.ok) problems.push({ file: f.name, line: decoded.line, message: decoded.message });
        else {
          files.push({ name: f.name, text: decoded.text });
          if (decoded.encoding !== 'utf-8' && decoded.encoding !== 'utf-8 (BOM)') encodings.push(`${f.name}: ${decoded.encoding}`);
        }
      }
      const parsed = format.parse(files);
      let dropped = 0;
      const documents = parsed.documents.map((d) => {
        const m = applyLabelMap(d, map);
        dropped += m.dropped;
        return m.document;
      });
      const plan = planImport(documents, await deps.repo.libraryIndex(), {
        annotator: options.annotator.trim() || get().annotator || 'analyst',
        now: deps.now(),
        newId: deps.newId,
      });
      const notes = [...parsed.notes, ...plan.notes];
      if (dropped) notes.push(`the label mapping dropped ${plural(dropped, 'span')}`);
      set({
        importReview: {
          format: formatName,
          fileNames: picked.map((f) => f.name),
          encodings,
          plan,
          problems: [...problems, ...parsed.problems, ...plan.problems],
          rejected: parsed.rejected,
          notes,
        },
      });
    },

    async confirmImport(onlyValid) {
      const review = get().importReview;
      if (!review) return;
      if (review.problems.length && !onlyValid) return;
      set({ importProgress: { done: 0, total: review.plan.newDocuments.length + review.plan.attachments.length } });
      try {
        const r = await deps.repo.applyImport(review.plan, deps.now(), (done, total) => set({ importProgress: { done, total } }));
        set({ importReview: null });
        await get().refreshLibrary();
        const open = get().open;
        if (open && review.plan.attachments.some((a) => a.docId === open.record.id)) await get().openDocument(open.record.id);
        get().notify({
          kind: 'info',
          text: `Imported ${plural(r.added, 'new document')}; attached ${plural(r.attached, 'span')} to documents already in the library${
            r.duplicates ? ` (${plural(r.duplicates, 'duplicate')} skipped)` : ''
          }.`,
          ...(review.plan.mismatches.length ? { details: review.plan.mismatches.map(problemLine) } : {}),
        });
      } catch (e) {
        get().notify({ kind: 'error', text: `The import failed and nothing was stored: ${(e as Error).message}` });
      } finally {
        set({ importProgress: null });
      }
    },

    listAnnotators() {
      return deps.repo.annotators();
    },

    cancelImportReview() {
      set({ importReview: null });
    },

    async saveRejected() {
      const review = get().importReview;
      if (!review) return;
      const lines = [
        ...review.problems.map((p) => `# ${problemLine(p)}`),
        ...review.rejected.map((r) => `${r.text}`),
      ];
      await deps.api.saveTextFile({ suggestedName: 'hashiya-rejected.txt', content: lines.join('\n') + '\n', filterName: 'Text', extensions: ['txt'] });
    },

    async exportAs(formatName: FormatName, options) {
      const format = formatByName(formatName);
      if (!format) return;
      set({ busy: true });
      try {
        await get().flushWrites();
        const docs = [];
        for await (const d of deps.repo.eachDocument()) {
          const spans = options.annotator ? d.spans.filter((s) => s.annotator === options.annotator) : d.spans;
          docs.push(recordsToExchange(d.record, d.text, spans, d.tokens, options.annotator ?? get().annotator ?? undefined));
        }
        if (!docs.length) {
          get().notify({ kind: 'error', text: 'The library is empty: there is nothing to export.' });
          return;
        }
        const result = format.serialize(docs, { ...(options.labels ? { labels: options.labels } : {}), ...(options.nested ? { nested: true } : {}) });
        const multi = MULTI_FILE_FORMATS.includes(formatName);
        const saved = multi
          ? await deps.api.saveTextFile({
              suggestedName: `hashiya-${formatName}.zip`,
              content: zipSync(Object.fromEntries(result.files.map((f) => [f.name, strToU8(f.text)]))),
              filterName: 'Zip archive',
              extensions: ['zip'],
            })
          : await deps.api.saveTextFile({
              suggestedName: `hashiya-export.${format.extensions[0] ?? 'txt'}`,
              content: result.files.map((f) => f.text).join(''),
              filterName: formatName,
              extensions: [...format.extensions.slice(0, 1)],
            });
        if (saved.saved) {
          get().notify({
            kind: 'info',
            text: `Exported ${plural(docs.length, 'document')} as ${formatName}${result.dropped ? `; ${plural(result.dropped, 'span')} could not be written in ${formatName} and were left out` : ''}.`,
            ...(result.notes.length ? { details: result.notes } : {}),
          });
        }
      } catch (e) {
        get().notify({ kind: 'error', text: `Export failed: ${(e as Error).message}` });
      } finally {
        set({ busy: false });
      }
    },
  });
