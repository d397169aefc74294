import { phrase, type Phrase } from '../../i18n/phrase';

/** Where a token stands in a chunk: Begin, Inside, End or Single (BILOU's L and U are read as E and S). */
export type TagPrefix = 'B' | 'I' | 'E' | 'S';

/** A tag read from a CoNLL line: outside any chunk, a chunk tag, or not a tag. */
export type ParsedTag =
  | { readonly kind: 'outside' }
  | { readonly kind: 'chunk'; readonly prefix: TagPrefix; readonly type: string; readonly bioes: boolean }
  | { readonly kind: 'bad'; readonly phrase: Phrase };

const PREFIXES: Record<string, TagPrefix> = { B: 'B', I: 'I', E: 'E', S: 'S', L: 'E', U: 'S' };
const OUTSIDE: ParsedTag = { kind: 'outside' };

/**
 * Reads one tag: `O`, or a prefix B, I, E, S, L or U, a hyphen and a non-empty type
 * (`B-Population-Center` is type `Population-Center`). Anything else is a bad tag,
 * never a guess: lowercase prefixes and suffix styles (`PER-B`) included.
 */
export function parseTag(tag: string): ParsedTag {
  if (tag === 'O') return OUTSIDE;
  const prefix = tag.length > 2 && tag[1] === '-' ? PREFIXES[tag[0]!] : undefined;
  if (prefix === undefined) {
    return { kind: 'bad', phrase: phrase(/^[BIESLU]-$/.test(tag) ? 'conll.badTagNoType' : 'conll.badTag', { tag: JSON.stringify(tag) }) };
  }
  return { kind: 'chunk', prefix, type: tag.slice(2), bioes: prefix === 'E' || prefix === 'S' };
}
