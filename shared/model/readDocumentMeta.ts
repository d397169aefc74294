import { phrase, type Phrase } from '../i18n/phrase';
import { isCalendarDate } from './isCalendarDate';
import { unpairedSurrogateProblem } from '../text/unpairedSurrogateProblem';
import type { DocumentMeta } from './document';

/** The fields of {@link DocumentMeta}, in the order files write them. */
export const META_FIELDS = ['outlet', 'published', 'url', 'author', 'language', 'tags'] as const;

/** Other names files give the fields (Label Studio's `data.date`, `lang`, …), each mapped to Hashiya's. */
// A Map, not an object: a file's key "__proto__" must not find Object.prototype.
const ALIASES: ReadonlyMap<string, (typeof META_FIELDS)[number]> = new Map([
  ['date', 'published'],
  ['lang', 'language'],
]);

/**
 * Reads a document's metadata from an object a file holds (JSON Lines `meta`, a Label
 * Studio task's `data`, a doccano line, a sidecar row): the fields of {@link DocumentMeta},
 * `date` for `published` and `lang` for `language`; other keys are not metadata and are
 * ignored. Each wrong value is a problem worded after `prefix` (`"meta.url" must be …`);
 * an empty string is no value. Tags are a list of strings, or one string of words split
 * on commas.
 */
export function readDocumentMeta(fields: Readonly<Record<string, unknown>>, prefix = ''): { meta?: DocumentMeta; problems: Phrase[] } {
  const out: { -readonly [K in keyof DocumentMeta]: DocumentMeta[K] } = {};
  const problems: Phrase[] = [];
  for (const [key, value] of Object.entries(fields)) {
    const field = (META_FIELDS as readonly string[]).includes(key) ? (key as (typeof META_FIELDS)[number]) : ALIASES.get(key);
    if (!field || value === undefined || value === null || value === '') continue;
    if (out[field] !== undefined) {
      problems.push(phrase('meta.twice', { field: `"${prefix}${key}"`, name: field }));
      continue;
    }
    if (field === 'tags') {
      const tags = typeof value === 'string' ? splitTags(value) : value;
      if (!Array.isArray(tags) || !tags.every((t) => typeof t === 'string')) {
        problems.push(phrase('meta.notWords', { field: `"${prefix}${key}"` }));
        continue;
      }
      const bad = metaProblem('tags', tags);
      if (bad) problems.push(phrase('field.said', { field: `"${prefix}${key}"`, problem: bad }));
      else if (tags.length) out.tags = normalTags(tags);
      continue;
    }
    if (typeof value !== 'string') {
      problems.push(phrase('field.notString', { field: `"${prefix}${key}"` }));
      continue;
    }
    const bad = metaProblem(field, value.trim());
    if (bad) problems.push(phrase('field.said', { field: `"${prefix}${key}"`, problem: bad }));
    else out[field] = field === 'language' ? Intl.getCanonicalLocales(value.trim())[0]! : value.trim();
  }
  return Object.keys(out).length ? { meta: out, problems } : { problems };
}

/** The fields of `meta` that have a value, in {@link META_FIELDS} order, as files write them. */
export function writtenMeta(meta: DocumentMeta | undefined): Record<string, string | readonly string[]> {
  const out: Record<string, string | readonly string[]> = {};
  if (meta) for (const k of META_FIELDS) if (meta[k] !== undefined) out[k] = meta[k];
  return out;
}

/** Tags typed or written as one string: words split on commas (Arabic ، too), trimmed, empty ones dropped. */
export function splitTags(s: string): string[] {
  return s
    .split(/[,،]/)
    .map((t) => t.trim())
    .filter((t) => t !== '');
}

/** Tags trimmed, each once, in their first order. */
export function normalTags(tags: readonly string[]): string[] {
  return [...new Set(tags.map((t) => t.trim()).filter((t) => t !== ''))];
}

/**
 * Why `value` cannot be the metadata field `field`, worded to follow the field's name, or
 * null: a date must be a real calendar date `YYYY-MM-DD`, a URL http(s), a language a
 * BCP 47 tag, and no value may hold an unpaired surrogate.
 */
export function metaProblem(field: (typeof META_FIELDS)[number], value: string | readonly string[]): Phrase | null {
  if (typeof value !== 'string') {
    for (const t of value) {
      const lone = unpairedSurrogateProblem(t);
      if (lone) return phrase('meta.tag', { tag: JSON.stringify(t), problem: lone });
    }
    return null;
  }
  const lone = unpairedSurrogateProblem(value);
  if (lone) return lone;
  switch (field) {
    case 'published':
      return isCalendarDate(value) ? null : phrase('meta.date', { value: JSON.stringify(value) });
    case 'url':
      return isWebUrl(value) ? null : phrase('meta.url', { value: JSON.stringify(value) });
    case 'language':
      return isLanguageTag(value) ? null : phrase('meta.language', { value: JSON.stringify(value) });
    default:
      return null;
  }
}

// A scheme, a host and no white space; `URL` is not part of the language, and shared/ has no DOM.
const isWebUrl = (s: string) => /^https?:\/\/[^\s/?#@]+(?:[/?#]\S*)?$/i.test(s);

function isLanguageTag(s: string): boolean {
  try {
    return Intl.getCanonicalLocales(s).length === 1;
  } catch {
    return false;
  }
}
