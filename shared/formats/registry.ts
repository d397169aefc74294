import { bratFormat } from './brat';
import { conllFormat } from './conll';
import { doccanoFormat } from './doccano';
import type { Format, FormatName } from './exchange';
import { jsonlFormat } from './jsonl';
import { labelStudioFormat } from './labelstudio';
import { txtFormat } from './txt';

/** Every format Hashiya reads and writes, by name. */
export const FORMATS: Readonly<Record<FormatName, Format>> = {
  txt: txtFormat,
  jsonl: jsonlFormat,
  doccano: doccanoFormat,
  labelstudio: labelStudioFormat,
  brat: bratFormat,
  conll: conllFormat,
};

/** The format names, for messages and menus. */
export const FORMAT_NAMES = Object.keys(FORMATS) as FormatName[];

/** The format called `name`, or null. */
export function formatByName(name: string): Format | null {
  return (FORMATS as Record<string, Format>)[name] ?? null;
}

/** Formats whose output is one file per document (a folder), rather than a single file. */
export const MULTI_FILE_FORMATS: readonly FormatName[] = ['brat', 'txt'];

/** Formats with one document per line: read a run of lines at a time, written a document at a time. */
export const LINE_FORMATS: readonly FormatName[] = ['jsonl', 'doccano'];
