import type { SubTokens } from '../subTokens';
import { knownNameTags, wordClasses } from './gazetteer';
import { lastPieces, stemOf } from './stems';

/** What the string matcher said of each piece: `B-label`, `I-label` or `O`. */
export type MatcherTags = readonly string[];

/** Character shape of a folded piece: the scripts it holds, in a few letters. */
function shape(form: string): string {
  let s = '';
  if (/[\u0600-\u06ff]/.test(form)) s += 'a';
  if (/[a-z]/i.test(form)) s += 'l';
  if (/[0-9]/.test(form)) s += 'd';
  if (/[\p{P}]/u.test(form)) s += 'p';
  return s || 's';
}

/** Receives one feature of piece `i`: its template's number (in `TEMPLATES`) and its value. */
export type FeatureSink = (i: number, template: number, value: string) => void;

/** The feature templates, by number; a feature's name is `template=value` (no template holds "="). */
export const TEMPLATES = [
  'b',
  'w',
  't',
  's',
  'c',
  'sh',
  'al',
  'len',
  'w-1',
  'w+1',
  'w-2',
  'w+2',
  'w-1w',
  'ww+1',
  's-1',
  's+1',
  'm',
  'm-1',
  'm+1',
  'mw',
  'g',
  'g-1',
  'g+1',
  'lx',
  'lx-1',
  'lx+1',
  'lx-2',
  'lx-1lx',
  'lx-1g',
  'p1',
  'x1',
  'p2',
  'x2',
  'p3',
  'x3',
] as const;

/**
 * The features of every piece of a text, given to `emit`: the piece and its word folded, the
 * word's stem (proclitics and article stripped) with its prefixes and suffixes of 1–3
 * letters, whether the piece is a proclitic, its place in the word, its shape, the pieces and
 * stems around it (±2), the string matcher's tag for it alone and with the piece, its place
 * in a known name (`knownNameTags`) and its word's class in the word lists (`wordClasses`)
 * with its neighbours' (±1, the class two before, and the class before joined to its own and
 * to its place in a known name). Values are handed over, not names built, so training can number them without making a string each.
 */
export function pieceFeatures(sub: SubTokens, matcher: MatcherTags, emit: FeatureSink): void {
  const { pieces, foldedTokens } = sub;
  const n = pieces.length;
  // The last piece of each piece's word: its stem stands for the whole word.
  const lastOf = lastPieces(sub);
  const stems = pieces.map((_, i) => (i === lastOf[i] ? stemOf(pieces, i) : ''));
  const stem = (i: number) => (i < 0 ? '<s>' : i >= n ? '</s>' : stems[lastOf[i]!]!);
  const form = (i: number) => (i < 0 ? '<s>' : i >= n ? '</s>' : pieces[i]!.folded);
  const tag = (i: number) => (i < 0 || i >= n ? '-' : matcher[i]!);
  const regions = knownNameTags(sub);
  const region = (i: number) => (i < 0 || i >= n ? '-' : regions[i]!);
  const classes = wordClasses(sub);
  const cls = (i: number) => (i < 0 || i >= n ? '-' : classes[i]!);
  for (let i = 0; i < n; i++) {
    const p = pieces[i]!;
    const w = p.folded;
    const s = stem(i);
    const first = i === 0 || pieces[i - 1]!.token !== p.token;
    const values = [
      '',
      w,
      foldedTokens[p.token]!,
      s,
      p.clitic ? w : first ? (i === lastOf[i] ? 'whole' : 'head') : 'rest',
      shape(w),
      w.startsWith('ال') ? 'y' : 'n',
      LENGTHS[Math.min(s.length, 8)]!,
      form(i - 1),
      form(i + 1),
      form(i - 2),
      form(i + 2),
      `${form(i - 1)}|${w}`,
      `${w}|${form(i + 1)}`,
      stem(i - 1),
      stem(i + 1),
      tag(i),
      tag(i - 1),
      tag(i + 1),
      `${tag(i)}|${w}`,
      region(i),
      region(i - 1),
      region(i + 1),
      cls(i),
      cls(i - 1),
      cls(i + 1),
      cls(i - 2),
      `${cls(i - 1)}|${cls(i)}`,
      `${cls(i - 1)}|${region(i)}`,
    ];
    for (let k = 0; k < values.length; k++) emit(i, k, values[k]!);
    if (!p.clitic)
      for (let k = 1; k <= 3 && k < s.length; k++) {
        emit(i, values.length + 2 * (k - 1), s.slice(0, k));
        emit(i, values.length + 2 * (k - 1) + 1, s.slice(-k));
      }
  }
}

const LENGTHS = ['0', '1', '2', '3', '4', '5', '6', '7', '8'];
