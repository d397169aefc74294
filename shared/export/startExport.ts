import type { ExchangeDocument, Format, OutputFile } from '../formats/exchange';
import { englishOf } from '../i18n/englishOf';
import type { Phrase } from '../i18n/phrase';
import { LINE_FORMATS, MULTI_FILE_FORMATS } from '../formats/registry';
import { chooseRecords } from './chooseRecords';
import type { ExportOptions } from './exportOptions';
import type { ExportSource } from './exportSource';
import { addToSummary, newExportSummary, type ExportSummary } from './exportSummary';

/** What an export produced. */
export interface ExportOutput {
  /** A single-file format's file, in pieces (a line format: one per record), never joined. */
  readonly pieces: string[];
  /** A multi-file format's files (brat, txt). */
  readonly files: OutputFile[];
  readonly notes: Phrase[];
  /** Spans the format could not write (CoNLL overlaps, labels not chosen). */
  readonly dropped: number;
  readonly summary: ExportSummary;
}

/** A running export: documents are added one at a time (as the library is read), then finished. */
export interface ExportRun {
  add(source: ExportSource): void;
  finish(): ExportOutput;
}

/**
 * The one export pipeline, for the toolbar, the Export dialog and `hashiya convert`:
 * each document's layer is chosen and its documents filtered (`chooseRecords`), the
 * records serialized with the format's own serializer, and a summary kept. A line format
 * is serialized a document at a time, so a large export is held in memory once.
 */
export function startExport(format: Format, options: ExportOptions): ExportRun {
  const summary = newExportSummary();
  const lineBased = LINE_FORMATS.includes(format.name);
  const pieces: string[] = [];
  const held: ExchangeDocument[] = [];
  // A line format gives notes a document at a time: each is kept once, by its English.
  const notes = new Map<string, Phrase>();
  let dropped = 0;
  const serialize = (docs: readonly ExchangeDocument[]) => {
    const r = format.serialize(docs, options.serialize);
    for (const n of r.notes) if (!notes.has(englishOf(n))) notes.set(englishOf(n), n);
    dropped += r.dropped;
    return r.files;
  };
  return {
    add(source) {
      const { records, leftOut } = chooseRecords(source, options);
      addToSummary(summary, records, leftOut);
      if (!records.length) return;
      if (lineBased) pieces.push(...serialize(records).map((f) => f.text));
      else held.push(...records);
    },
    finish() {
      let files: OutputFile[] = [];
      if (!lineBased && held.length) {
        const out = serialize(held);
        if (MULTI_FILE_FORMATS.includes(format.name)) files = out;
        else pieces.push(...out.map((f) => f.text));
      }
      return { pieces, files, notes: [...notes.values()], dropped, summary };
    },
  };
}
