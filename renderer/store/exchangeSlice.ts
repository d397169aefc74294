import { sayPhrase } from '../i18n/sayPhrase';
import { zipSync, strToU8 } from 'fflate';
import type { StateCreator } from 'zustand';
import { throttle } from './throttle';
import type { ExportOptions } from '../../shared/export/exportOptions';
import { startExport } from '../../shared/export/startExport';
import type { InputFile, Problem } from '../../shared/formats/exchange';
import { parseLabelMap, type LabelMap } from '../../shared/formats/labelMap';
import { formatByName, LINE_FORMATS, MULTI_FILE_FORMATS } from '../../shared/formats/registry';
import { inputFileOf } from '../../shared/formats/inputFileOf';
import { planImport, type PlanOptions } from '../../shared/import/planImport';
import { readChunks } from '../import/readChunks';
import { streamedImport } from '../import/streamedImport';
import { addToTally, growingIndex, mapAll, newTally, reviewFrom } from '../import/reviewTally';
import { t } from '../i18n/i18n';
import { problemLine } from '../i18n/sayPhrase';
import { exportHeadline } from './exportHeadline';
import { exportSourceOf } from './exportSourceOf';
import { exportSummaryLines } from './exportSummaryLines';
import { labelsWithRole } from '../../shared/model/label';
import type { ExchangeSlice, HashiyaState, StoreDeps } from './types';

// The file of rejected lines is read outside the app: its notes stay in English, as the command line's.
const englishLine = (p: Problem) => `${p.file}:${p.line}: ${p.message}`;

/** What a saved export says: its headline, changes not yet stored, spans the format could not hold. */
function savedNotice(headline: string, pending: number, dropped: number, format: string): string {
  const changes = t('export.changes', { count: pending });
  const spans = t('export.spans', { count: dropped });
  if (pending && dropped) return t('export.savedPendingDropped', { summary: headline, pending: changes, dropped: spans, format });
  if (pending) return t('export.savedPending', { summary: headline, pending: changes });
  if (dropped) return t('export.savedDropped', { summary: headline, dropped: spans, format });
  return `${headline}.`;
}

/**
 * Importing from and exporting to every exchange format. Every export — the toolbar's,
 * the Export dialog's, the rescue when storage fails — is `exportAs`, through the one
 * export pipeline the command line uses too. An import is checked whole
 * before anything is stored, shown for review, then stored in one transaction: all of it,
 * or (by choice) only the valid documents.
 */
export const exchangeSlice =
  (deps: StoreDeps): StateCreator<HashiyaState, [], [], ExchangeSlice> =>
  (set, get) => {
    // The mapping and options the shown review was made with, reused by the import pass.
    let reviewOptions: { map: LabelMap; planOptions: PlanOptions } | null = null;
    return {
      importReview: null,
      importProgress: null,

      async reviewImport(formatName, picked, options) {
        const format = formatByName(formatName);
        if (!format) return;
        const map = parseLabelMap(options.map);
        if ('code' in map) {
          get().notify({ kind: 'error', text: t('imports.labelMapping', { message: sayPhrase(map) }) });
          return;
        }
        const planOptions = { annotator: options.annotator.trim() || get().annotator || 'analyst', now: deps.now(), newId: deps.newId };
        const streamed = LINE_FORMATS.includes(formatName);
        const totalBytes = picked.reduce((n, f) => n + f.size, 0);
        const index = await deps.repo.libraryIndex();
        const tally = newTally();
        set({ importProgress: { done: 0, total: totalBytes } });
        const reviewProgress = throttle((done: number) => set({ importProgress: { done, total: totalBytes } }), 100);
        try {
          if (streamed) {
            // Checked a run of lines at a time: the file is never held whole in memory.
            const running = growingIndex(index);
            let base = 0;
            for (const file of picked) {
              const chunks = readChunks(file, file.name, format);
              for (;;) {
                const step = await chunks.next();
                if (step.done) {
                  if (step.value.encoding && step.value.encoding !== 'utf-8' && step.value.encoding !== 'utf-8 (BOM)')
                    tally.encodings.push(`${file.name}: ${step.value.encoding}`);
                  break;
                }
                const plan = planImport(mapAll(step.value.documents, map, tally), running.index, planOptions);
                running.add(plan);
                addToTally(tally, step.value, plan);
                reviewProgress(false, base + step.value.bytesRead);
              }
              base += file.size;
            }
            set({ importReview: reviewFrom(formatName, picked, tally, null, true, new Set(get().labels.map((l) => l.name))) });
          } else {
            const files: InputFile[] = [];
            for (const f of picked) {
              const read = inputFileOf(f.name, new Uint8Array(await f.arrayBuffer()));
              if ('problem' in read) tally.problems.push(read.problem);
              else {
                files.push(read.file);
                const encoding = read.file.encoding;
                if (encoding && encoding !== 'utf-8' && encoding !== 'utf-8 (BOM)') tally.encodings.push(`${f.name}: ${encoding}`);
              }
            }
            const parsed = format.parse(files);
            const plan = planImport(mapAll(parsed.documents, map, tally), index, planOptions);
            addToTally(tally, parsed, plan);
            set({ importReview: reviewFrom(formatName, picked, tally, plan, false, new Set(get().labels.map((l) => l.name))) });
          }
        } finally {
          set({ importProgress: null });
        }
        reviewOptions = { map, planOptions };
      },

      async confirmImport(onlyValid) {
        const review = get().importReview;
        if (!review || !reviewOptions) return false;
        if (review.problems.length && !onlyValid) return false;
        const { map, planOptions } = reviewOptions;
        const totalBytes = review.files.reduce((n, f) => n + f.size, 0);
        set({ importProgress: { done: 0, total: review.plan ? 1 : totalBytes } });
        try {
          let r: { added: number; attached: number; duplicates: number };
          if (review.plan) {
            r = await deps.repo.applyImport(review.plan, deps.now(), (done, total) => set({ importProgress: { done, total } }));
          } else {
            // Read again, a run of lines at a time, and store every run in one transaction:
            // in a worker where there is one, so the window stays responsive throughout.
            const importProgress = throttle((done: number) => set({ importProgress: { done, total: totalBytes } }), 100);
            const run = deps.importStreamed ?? ((req, onProgress) => streamedImport(deps.repo, req, deps.newId, onProgress));
            r = await run({ files: review.files, format: review.format, map, annotator: planOptions.annotator, now: deps.now() }, (n) =>
              importProgress(false, n),
            );
          }
          set({ importReview: null });
          deps.channel?.post({ kind: 'library' });
          await Promise.all([get().refreshLibrary(), get().loadEntities()]);
          const open = get().open;
          if (open) await get().openDocument(open.record.id);
          get().notify({
            kind: 'info',
            // Spans attached to documents already here are said only when there are some.
            text: t(r.attached ? 'imports.reviewed' : 'importCounts.reviewedNew', {
              documents: t('imports.newDocuments', { count: r.added }),
              spans: t('imports.attachedSpans', { count: r.attached }),
              duplicates: r.duplicates ? t('imports.duplicates', { count: r.duplicates }) : '',
            }),
            ...(review.mismatches.length || review.unknownLabels.length
              ? {
                  details: [
                    ...(review.unknownLabels.length ? [t('lib.unknownLabels', { names: review.unknownLabels.join(t('lib.nameSeparator')) })] : []),
                    ...review.mismatches.map(problemLine),
                  ],
                }
              : {}),
          });
          return true;
        } catch (e) {
          get().notify({ kind: 'error', text: t('imports.reviewFailed', { message: (e as Error).message }) });
          return false;
        } finally {
          set({ importProgress: null });
        }
      },

      listAnnotators() {
        return deps.repo.annotators();
      },

      cancelImportReview() {
        reviewOptions = null;
        set({ importReview: null });
      },

      async saveRejected() {
        const review = get().importReview;
        if (!review) return;
        const lines = [...review.problems.map((p) => `# ${englishLine(p)}`), ...review.rejected.map((r) => r.text)];
        await deps.api.saveTextFile({
          suggestedName: 'hashiya-rejected.txt',
          content: lines.join('\n') + '\n',
          filterName: t('imports.rejectedFilter'),
          extensions: ['txt'],
        });
      },

      async exportAs(formatName, request) {
        const format = formatByName(formatName);
        if (!format) return false;
        set({ busy: true, exportProgress: { done: 0, total: get().documents.length } });
        const progress = throttle((done: number) => set({ exportProgress: { done, total: get().documents.length } }), 100);
        try {
          // Export what was just tagged too: wait for queued writes to land. Written while
          // storage fails, the export still holds every change made on screen.
          const pending = (await get().flushWrites()) ? [] : get().unsavedChanges();
          const exporter = get().annotator;
          const options: ExportOptions = {
            layer: request.layer,
            documents: request.documents,
            includeUntouched: request.includeUntouched,
            ...(exporter ? { exporter } : {}),
            labelSet: get().labels.map((l) => ({ name: l.name, role: l.role })),
            serialize: {
              ...(request.labels ? { labels: request.labels } : {}),
              ...(request.nested ? { nested: true } : {}),
              ...(request.doccanoColumn ? { doccanoColumn: request.doccanoColumn } : {}),
            },
          };
          const claimLabels = labelsWithRole(get().labels, 'claim');
          const run = startExport(format, options);
          let count = 0;
          for await (const d of deps.repo.eachDocument()) {
            run.add(exportSourceOf(d, pending, claimLabels, get().entities));
            progress(false, ++count);
          }
          if (!count) {
            get().notify({ kind: 'error', text: t('export.empty') });
            return false;
          }
          const out = run.finish();
          const details = [...exportSummaryLines(out.summary), ...out.notes.map(sayPhrase)];
          if (!out.summary.records) {
            get().notify({
              kind: 'error',
              text: t('export.nothing', { summary: exportHeadline(out.summary, options, formatName) }),
              details,
            });
            return false;
          }
          const saved = MULTI_FILE_FORMATS.includes(formatName)
            ? await deps.api.saveTextFile({
                suggestedName: `hashiya-${formatName}.zip`,
                content: zipSync(Object.fromEntries(out.files.map((f) => [f.name, strToU8(f.text)]))),
                filterName: t('export.zip'),
                extensions: ['zip'],
              })
            : await deps.api.saveTextFile({
                suggestedName: `hashiya-export.${format.extensions[0] ?? 'txt'}`,
                content: out.pieces,
                filterName: formatName,
                extensions: [...format.extensions.slice(0, 1)],
              });
          if (saved.saved) {
            get().notify({
              kind: 'info',
              text: savedNotice(exportHeadline(out.summary, options, formatName, saved.path), pending.length, out.dropped, formatName),
              details,
            });
          }
          return saved.saved;
        } catch (e) {
          get().notify({ kind: 'error', text: t('export.failed', { message: (e as Error).message }) });
          return false;
        } finally {
          set({ busy: false, exportProgress: null });
        }
      },

      exportJsonl() {
        const me = get().annotator ?? 'analyst';
        return get().exportAs('jsonl', { layer: { kind: 'one', annotator: me }, documents: 'all', includeUntouched: false });
      },

      saveAllWork() {
        // Every layer, every document: nothing on screen may be missing from the rescue.
        return get().exportAs('jsonl', { layer: { kind: 'each' }, documents: 'all', includeUntouched: true });
      },
    };
  };
