import { parseTag } from './tag';

/**
 * How a CoNLL file's columns are read, decided from the whole file: `tags` reads every
 * field after the token as a tag (one, or several for nested chunks, as in Wojood);
 * `last` reads only the last field as the tag, the fields between being other columns
 * (part of speech, chunks: CoNLL-2003's `TOKEN POS CHUNK NER`, Label Studio's
 * `TOKEN -X- _ TAG`).
 */
export type ColumnLayout = { readonly kind: 'tags' } | { readonly kind: 'last'; readonly columns: number };

const FIELD_SEPARATOR = /[ \t]+/;
const TRAILING_BLANKS = /[ \t]+$/;

/**
 * The layout of a file's token lines (`-DOCSTART-` lines, blank lines and lines without a
 * token left aside): `last` when every token line has the same number of fields, three or
 * more, and some field between the token and the last is not a tag; else `tags`. A nested
 * file's lines hold as many tags as chunks, so their counts differ; a file of columns has
 * the same count on every line and a column that is no tag.
 */
export function columnLayout(lines: readonly string[], docstart: string): ColumnLayout {
  let columns = -1;
  let notTag = false;
  for (const raw of lines) {
    const first = raw.charCodeAt(0);
    if (raw.trim() === '' || first === 0x20 || first === 0x09) continue;
    const fields = raw.replace(TRAILING_BLANKS, '').split(FIELD_SEPARATOR);
    if (fields[0] === docstart) continue;
    if (columns === -1) columns = fields.length;
    else if (fields.length !== columns) return { kind: 'tags' };
    if (!notTag) for (let i = 1; i < fields.length - 1 && !notTag; i++) notTag = parseTag(fields[i]!).kind === 'bad';
  }
  return columns >= 3 && notTag ? { kind: 'last', columns } : { kind: 'tags' };
}
