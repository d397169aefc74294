import type { ExchangeDocument } from '../formats/exchange';
import type { ExportOptions } from './exportOptions';
import { REASON_WORDS, type LeftOut, type LeftOutReason } from './leftOut';

/** What an export wrote and left out, told at its end (the app's notice, the CLI's stderr). */
export interface ExportSummary {
  /** Documents with at least one record written. */
  documents: number;
  /** Records written (more than documents under "each layer"). */
  records: number;
  /** Spans written, per label. */
  readonly spansPerLabel: Map<string, number>;
  readonly leftOut: LeftOut[];
}

export const newExportSummary = (): ExportSummary => ({ documents: 0, records: 0, spansPerLabel: new Map(), leftOut: [] });

/** Adds one document's records and what was left out of it. */
export function addToSummary(summary: ExportSummary, records: readonly ExchangeDocument[], leftOut: readonly LeftOut[]): void {
  if (records.length) summary.documents++;
  summary.records += records.length;
  for (const r of records) for (const s of r.spans) summary.spansPerLabel.set(s.label, (summary.spansPerLabel.get(s.label) ?? 0) + 1);
  summary.leftOut.push(...leftOut);
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** The layer choice in words. */
function layerWords(options: ExportOptions): string {
  const { layer } = options;
  return layer.kind === 'one' ? `layer ${layer.annotator}` : layer.kind === 'each' ? 'each layer in a record of its own' : 'all layers in one record';
}

/** The headline: how many documents and records, which layer, where to (when known), how many left out. */
export function summaryHeadline(summary: ExportSummary, options: ExportOptions, format: string, destination?: string): string {
  const records = summary.records === summary.documents ? '' : ` in ${plural(summary.records, 'record')}`;
  const to = destination ? ` to ${destination}` : '';
  const left = summary.leftOut.length ? `; left out ${plural(summary.leftOut.length, 'document')}` : '';
  return `Exported ${plural(summary.documents, 'document')}${records} as ${format} (${layerWords(options)})${to}${left}`;
}

/**
 * The summary's lines under the headline: spans per label, the documents left out by
 * reason, then each one left out (`«title» (layer omar): not marked done`).
 */
export function summaryLines(summary: ExportSummary): string[] {
  const labels = [...summary.spansPerLabel].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const lines = [labels.length ? `spans per label: ${labels.map(([l, n]) => `${l} ${n}`).join(', ')}` : 'no spans written'];
  const byReason = new Map<LeftOutReason, number>();
  for (const l of summary.leftOut) byReason.set(l.reason, (byReason.get(l.reason) ?? 0) + 1);
  for (const [reason, n] of byReason) lines.push(`left out ${plural(n, 'document')}: ${REASON_WORDS[reason]}`);
  for (const l of summary.leftOut) lines.push(`«${l.title}»${l.layer === null ? '' : ` (layer ${l.layer || 'unnamed'})`}: ${REASON_WORDS[l.reason]}`);
  return lines;
}
