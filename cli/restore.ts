import { englishOf } from '../shared/i18n/englishOf';
import { mkdir } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { atomicWrite } from '../node/atomicWrite';
import { countOf } from '../shared/backup/tableShapes';
import type { ExportOptions } from '../shared/export/exportOptions';
import { sourceFromRecords } from '../shared/export/sourceFromRecords';
import { startExport } from '../shared/export/startExport';
import { MULTI_FILE_FORMATS } from '../shared/formats/registry';
import { checkLabels } from '../shared/model/checkLabels';
import { DEFAULT_LABELS, labelsWithRole, type LabelDef } from '../shared/model/label';
import { withLabelRoles } from '../shared/model/withLabelRoles';
import { loadBackup } from './loadBackup';
import { formatProblem, resolveFormat } from './loadInputs';
import type { CliIo } from './cliIo';
import type { CliOptions } from './cliOptions';

/**
 * `hashiya restore FILE -o OUT [--to FMT] [--annotator NAME | --all-layers]`: turns a
 * backup into exchange files with the app's own serializers (jsonl unless --to says), so
 * work can be taken out of a backup without the app. One layer is written: the annotator
 * the backup names as its user, or --annotator's; --all-layers writes every annotator's
 * spans, each under its own name. A backup with any problem writes nothing; every output
 * file is written to a temporary file and renamed into place.
 */
export async function restore(paths: readonly string[], options: CliOptions, io: CliIo): Promise<number> {
  if (paths.length !== 1) {
    io.err('hashiya restore: name one backup file\n');
    return 2;
  }
  const file = paths[0]!;
  const to = resolveFormat(options.to ?? 'jsonl', '--to', io);
  if (!to) return 2;
  const multi = MULTI_FILE_FORMATS.includes(to.name);
  if (!options.output) {
    io.err(`hashiya restore: say where to write with -o (${multi ? 'a folder' : 'a file'} for ${to.name})\n`);
    return 2;
  }
  if (options.annotator !== undefined && options['all-layers']) {
    io.err('hashiya restore: --annotator picks one layer and --all-layers writes them all: give one of them\n');
    return 2;
  }
  const check = await loadBackup(file);
  if (!check.ok) {
    for (const p of check.problems) io.err(`${formatProblem(p)}\n`);
    io.err(`hashiya restore: ${file} is not a whole backup; nothing was written\n`);
    return 1;
  }
  const { documents, texts, spans, statuses, settings, entities } = check.backup.tables;
  const annotators = [...new Set([...spans.map((s) => s.annotator), ...statuses.map((s) => s.annotator)])].sort();
  const own = settings.find((s) => s.key === 'annotator')?.value;
  const layer = options['all-layers'] ? null : (options.annotator ?? (typeof own === 'string' ? own : undefined));
  const known = annotators.length ? annotators.join(', ') : 'none';
  if (layer === undefined) {
    io.err(
      `hashiya restore: the backup names no annotator; choose a layer with --annotator NAME, or write every layer with --all-layers (annotators: ${known})\n`,
    );
    return 2;
  }
  if (layer !== null && !annotators.includes(layer)) {
    io.err(`hashiya restore: the backup has nothing by "${layer}" (annotators: ${known})\n`);
    return 2;
  }

  const textOf = new Map(texts.map((t) => [t.docId, t]));
  const group = <T extends { readonly docId: string }>(rows: readonly T[]) => {
    const by = new Map<string, T[]>();
    for (const r of rows) by.set(r.docId, [...(by.get(r.docId) ?? []), r]);
    return by;
  };
  const spansOf = group(spans);
  const statusesOf = group(statuses);
  const decisionsOf = group(check.backup.tables.decisions);
  const left = layer === null ? 0 : spans.filter((s) => s.annotator !== layer).length;
  // Through the app's own export pipeline: every document (a restore leaves none out), one layer or all.
  const exportOptions: ExportOptions = {
    layer: layer === null ? { kind: 'all' } : { kind: 'one', annotator: layer },
    documents: 'all',
    includeUntouched: true,
  };
  // The backup's own label set says which labels are claims (older backups: by name, as the upgrade does).
  const stored = withLabelRoles(settings.find((s) => s.key === 'labels')?.value);
  const claimLabels = labelsWithRole(
    Array.isArray(stored) && checkLabels(stored as LabelDef[]).length === 0 ? (stored as LabelDef[]) : DEFAULT_LABELS,
    'claim',
  );
  const entityById = new Map(entities.map((e) => [e.id, e]));
  const run = startExport(to, exportOptions);
  // Oldest first, as the app exports; a verified backup has a text for every document.
  const docs = [...documents].sort((a, b) => a.createdAt - b.createdAt);
  for (const r of docs) {
    const t = textOf.get(r.id)!;
    run.add(sourceFromRecords(r, t.text, t.tokens, spansOf.get(r.id) ?? [], statusesOf.get(r.id) ?? [], decisionsOf.get(r.id) ?? [], claimLabels, entityById));
  }
  const result = run.finish();
  const out = options.output;
  if (multi) {
    await mkdir(out, { recursive: true });
    for (const f of result.files) await atomicWrite(join(out, f.name), f.text);
  } else {
    await mkdir(dirname(out), { recursive: true });
    await atomicWrite(out, result.pieces);
  }
  for (const n of result.notes) io.err(`note: ${englishOf(n)}\n`);
  if (result.dropped) io.err(`note: ${countOf('spans', result.dropped)} could not be written in ${to.name} and were left out\n`);
  if (left) io.err(`note: ${countOf('spans', left)} of other layers were left out (--all-layers writes them too)\n`);
  const written = spans.length - left;
  io.err(
    `restored ${countOf('documents', docs.length)} and ${countOf('spans', written)} (${layer === null ? 'every layer' : `layer ${layer}`}) from ${file} to ${out} as ${to.name}\n`,
  );
  return 0;
}
