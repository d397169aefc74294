import { foldArabic } from '../../text/arabicFold';
import type { SubTokens } from '../subTokens';
import { CITIES, GIVEN_NAMES, NAME_LINKS, ORGANISATIONS, ORGANISATION_HEADS, PEOPLES, PERSON_TITLES, PLACE_HEADS, wordsOf } from './nameLexicon';
import { lastPieces, withoutArticle } from './stems';

/**
 * Knowledge of names no annotation taught: the names of countries and regions in Arabic
 * (the runtime's CLDR data, through `Intl.DisplayNames`: nothing downloaded, nothing
 * shipped), and the word lists of `nameLexicon`. A known word is its folded form without
 * the article; a word of the text is tried whole and then after each proclitic, so فرنسا,
 * وفرنسا and بفرنسا all find فرنسا, and لليمن finds اليمن.
 */

/**
 * A known word's key: folded, without its article when it is written with one (الرئيس →
 * رئيس); أل with hamza is the name's own letters (ألمانيا stays المانيا, ألان would be ان).
 */
const knownKey = (word: string): string => (word.startsWith('ال') ? withoutArticle(foldArabic(word).text) : foldArabic(word).text);

/** One word of the text: its pieces, and the keys it may stand for with the piece each starts at, the whole word first. */
interface TextWord {
  readonly first: number;
  readonly last: number;
  readonly keys: readonly { readonly key: string; readonly from: number }[];
}

/** The words of a text, each with its keys: the whole word, then what follows each proclitic (ل before ل as ال), each as written and without its article. */
function textWords(sub: SubTokens): TextWord[] {
  const { pieces } = sub;
  const lastOf = lastPieces(sub);
  const out: TextWord[] = [];
  for (let first = 0; first < pieces.length; first = lastOf[first]! + 1) {
    const last = lastOf[first]!;
    const keys: { key: string; from: number }[] = [];
    for (let from = first; from <= last; from++) {
      let rest = '';
      for (let i = from; i <= last; i++) rest += pieces[i]!.folded;
      keys.push({ key: rest, from });
      if (withoutArticle(rest) !== rest) keys.push({ key: withoutArticle(rest), from });
      if (from > first && pieces[from - 1]!.folded === 'ل' && rest.startsWith('ل')) keys.push({ key: withoutArticle(`ا${rest}`), from });
      if (!pieces[from]!.clitic) break;
    }
    out.push({ first, last, keys });
  }
  return out;
}

/** Every region code CLDR may name: the two-letter ones and the UN M49 areas. */
function regionCodes(): string[] {
  const letters = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
  const codes: string[] = [];
  for (const a of letters) for (const b of letters) codes.push(a + b);
  codes.push(...'001 002 003 005 009 011 013 014 015 017 018 019 021 029 030 034 035 039 053 054 057 061 142 143 145 150 151 154 155 202 419'.split(' '));
  return codes;
}

/** The Arabic names of regions, each as its words' keys; a name in brackets counts too. */
function regionNames(): string[][] {
  let names: Intl.DisplayNames;
  try {
    names = new Intl.DisplayNames(['ar'], { type: 'region', fallback: 'none' });
  } catch {
    return []; // a runtime without Arabic display names: the tagger goes without them
  }
  const out: string[][] = [];
  for (const code of regionCodes()) {
    let name: string | undefined;
    try {
      name = names.of(code);
    } catch {
      continue;
    }
    for (const part of name?.split(/[()]/) ?? []) {
      const keys = wordsOf(part).map(knownKey);
      if (keys.length) out.push(keys);
    }
  }
  return out;
}

/** The names of a list (words joined by _), each as its words' keys. */
const listed = (list: string): string[][] => wordsOf(list).map((name) => name.split('_').map(knownKey));

/** A known name: its class and its words' keys. */
interface KnownName {
  readonly cls: 'place' | 'org';
  readonly keys: readonly string[];
}

/** What is known, built once: names by their first key (longest first), and the class of single words. */
interface Knowledge {
  readonly names: ReadonlyMap<string, readonly KnownName[]>;
  readonly classes: ReadonlyMap<string, string>;
}

let knowledge: Knowledge | undefined;

function known(): Knowledge {
  if (knowledge) return knowledge;
  const regions = regionNames();
  const names = new Map<string, KnownName[]>();
  const all: KnownName[] = [
    ...[...regions, ...listed(CITIES)].map((keys) => ({ cls: 'place' as const, keys })),
    ...listed(ORGANISATIONS).map((keys) => ({ cls: 'org' as const, keys })),
  ];
  for (const name of all) {
    const list = names.get(name.keys[0]!) ?? [];
    list.push(name);
    names.set(name.keys[0]!, list);
  }
  for (const list of names.values()) list.sort((a, b) => b.keys.length - a.keys.length);
  const classes = new Map<string, string>();
  const add = (key: string, cls: string) => classes.set(key, classes.has(key) ? `${classes.get(key)!}+${cls}` : cls);
  for (const [cls, list] of [
    ['given', GIVEN_NAMES],
    ['title', PERSON_TITLES],
    ['org', ORGANISATION_HEADS],
    ['place', PLACE_HEADS],
    ['people', PEOPLES],
    ['link', NAME_LINKS],
  ] as const)
    for (const key of new Set(wordsOf(list).map(knownKey))) add(key, cls);
  // The people of a one-word region, and its adjective: عراق → عراقيون عراقيين, عراقي عراقية.
  for (const keys of regions) {
    if (keys.length !== 1) continue;
    const base = keys[0]!.replace(/(يا|ا|ه|ة)$/, '').replace(/ي$/, '');
    if (base.length < 3) continue;
    for (const ending of ['يون', 'يين']) if (!classes.has(base + ending)) add(base + ending, 'nisba');
    for (const ending of ['ي', 'ية']) if (!classes.has(base + ending)) add(base + ending, 'adj');
  }
  return (knowledge = { names, classes });
}

/**
 * Each piece's place in a known name: `B-place` or `B-org` for the first piece of its first
 * word (after the proclitics that are not part of it), `I-…` for the rest, `-` outside any;
 * the longest name wins.
 */
export function knownNameTags(sub: SubTokens): string[] {
  const tags = sub.pieces.map(() => '-');
  const words = textWords(sub);
  const { names } = known();
  for (let w = 0; w < words.length;) {
    let found: { name: KnownName; from: number } | undefined;
    for (const { key, from } of words[w]!.keys) {
      const name = names.get(key)?.find((n) => n.keys.every((k, j) => j === 0 || words[w + j]?.keys.some((c) => c.key === k)));
      if (name && (!found || name.keys.length > found.name.keys.length)) found = { name, from };
    }
    if (!found) {
      w++;
      continue;
    }
    tags[found.from] = `B-${found.name.cls}`;
    for (let i = found.from + 1; i <= words[w + found.name.keys.length - 1]!.last; i++) tags[i] = `I-${found.name.cls}`;
    w += found.name.keys.length;
  }
  return tags;
}

/**
 * Each piece's word in the word lists: `given`, `title`, `org`, `place`, `people`, `link`,
 * `nisba` (the people of a region) or `adj` (its adjective), joined by + when more than one;
 * `-` for a word in none. The whole word is tried before what follows its proclitics.
 */
export function wordClasses(sub: SubTokens): string[] {
  const out = sub.pieces.map(() => '-');
  const { classes } = known();
  for (const word of textWords(sub)) {
    const cls = word.keys.map((k) => classes.get(k.key)).find((c) => c !== undefined);
    if (cls) out.fill(cls, word.first, word.last + 1);
  }
  return out;
}
