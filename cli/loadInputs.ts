import { englishOf } from '../shared/i18n/englishOf';
import type { ExchangeDocument, Format, ParseResult, Problem } from '../shared/formats/exchange';
import { applyLabelMap, parseLabelMap } from '../shared/formats/labelMap';
import { FORMAT_NAMES, formatByName } from '../shared/formats/registry';
import type { CliIo } from './cliIo';
import type { CliOptions } from './cliOptions';
import { readInputs } from './readInputs';

/** What reading the inputs in one format gave. */
export interface Loaded {
  readonly format: Format;
  readonly documents: ExchangeDocument[];
  readonly problems: Problem[];
  readonly notes: string[];
  readonly parse: ParseResult | null;
}

/** `FILE:LINE: message`, the form every problem is printed in. */
export const formatProblem = (p: Problem) => `${p.file}:${p.line}: ${p.message}`;

/** Resolves a format option, or prints why it cannot and returns null. */
export function resolveFormat(name: string | undefined, flag: string, io: CliIo): Format | null {
  const format = name ? formatByName(name) : null;
  if (!format) io.err(`hashiya: ${flag} must be one of ${FORMAT_NAMES.join(', ')}${name ? ` (got "${name}")` : ''}\n`);
  return format;
}

/**
 * Reads, decodes and parses the inputs with the shared parsers, then applies --map and
 * --annotator. Nothing is written here.
 */
export async function loadInputs(paths: readonly string[], format: Format, options: CliOptions, io: CliIo): Promise<Loaded | null> {
  const map = parseLabelMap(options.map ?? '');
  if ('code' in map) {
    io.err(`hashiya: --map: ${englishOf(map)}\n`);
    return null;
  }
  const read = await readInputs(paths, format.extensions, format.companions, format.sidecar);
  const parse = format.parse(read.files);
  const notes = [...read.notes, ...parse.notes.map(englishOf)];
  let droppedByMap = 0;
  const documents = parse.documents.map((d) => {
    const mapped = applyLabelMap(d, map);
    droppedByMap += mapped.dropped;
    return options.annotator && !mapped.document.annotator ? { ...mapped.document, annotator: options.annotator } : mapped.document;
  });
  if (droppedByMap) notes.push(`--map dropped ${droppedByMap} span${droppedByMap === 1 ? '' : 's'}`);
  for (const f of read.files) if (f.encoding !== 'utf-8' && f.encoding !== 'utf-8 (BOM)') notes.push(`${f.name}: read as ${f.encoding}`);
  return { format, documents, problems: [...read.problems, ...parse.problems], notes, parse };
}
