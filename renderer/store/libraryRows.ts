import type { DocStatus } from '../../shared/model/docStatus';
import type { DocumentRecord } from '../../shared/model/document';
import type { ReviewState } from '../../shared/review/reviewState';
import { foldArabic } from '../../shared/text/arabicFold';
import type { LibraryQuery, LibrarySortKey } from './types';

/** What a row shows besides its record: the annotator's status and the review state. */
export interface RowFacts {
  readonly status: (id: string) => DocStatus;
  readonly review: (id: string) => ReviewState;
}

const STATUS_ORDER: Record<DocStatus, number> = { new: 0, 'in-progress': 1, done: 2 };
const REVIEW_ORDER: Record<ReviewState, number> = { 'not-started': 0, 'in-review': 1, reviewed: 2 };

/** The direction a column sorts in at the first click: newest, longest and most first; names A to Z. */
export function firstDirection(key: LibrarySortKey): 'asc' | 'desc' {
  return key === 'changed' || key === 'published' || key === 'length' || key === 'spans' ? 'desc' : 'asc';
}

// Records are immutable: each is folded once, not on every key typed in the search field.
const folded = new WeakMap<DocumentRecord, string>();

/** What the search field matches a document by: its title and every metadata field, folded. */
function searchable(d: DocumentRecord): string {
  let text = folded.get(d);
  if (text === undefined) {
    const m = d.meta;
    text = foldArabic([d.title, d.source, m?.outlet, m?.author, m?.url, m?.language, ...(m?.tags ?? [])].filter(Boolean).join('\n')).text;
    folded.set(d, text);
  }
  return text;
}

/**
 * The library's documents as the list shows them: narrowed by the search field (title,
 * source, outlet, author, URL, language, tags, folded with `foldArabic` so hamza, ya and
 * harakat variants match), outlet, language, tag and a range of dates published (a
 * document with no date is outside any range), then sorted by one column either way.
 * Text compares with `Intl.Collator` in the interface language; ties keep the order
 * `documents` has (newest change first: the sort is stable); documents lacking the field
 * sorted on go last either way. One pass to filter and one sort: a library of 10,000
 * documents takes a few milliseconds.
 */
export function libraryRows(documents: readonly DocumentRecord[], q: LibraryQuery, facts: RowFacts, language: string): readonly DocumentRecord[] {
  const needle = foldArabic(q.search.trim()).text;
  const narrowed =
    needle || q.outlet || q.language || q.tag || q.from || q.to
      ? documents.filter((d) => {
          const m = d.meta;
          if (q.outlet && m?.outlet !== q.outlet) return false;
          if (q.language && m?.language !== q.language) return false;
          if (q.tag && !m?.tags?.includes(q.tag)) return false;
          if ((q.from || q.to) && !m?.published) return false;
          if (q.from && m!.published! < q.from) return false;
          if (q.to && m!.published! > q.to) return false;
          if (needle && !searchable(d).includes(needle)) return false;
          return true;
        })
      : documents;
  const sign = q.direction === 'asc' ? 1 : -1;
  if (q.sort === 'changed') return sign === -1 ? narrowed : [...narrowed].reverse();
  const collator = new Intl.Collator([language, 'ar', 'en'], { sensitivity: 'base', numeric: true });
  const key = sortKey(q.sort, facts);
  const order = new Map(narrowed.map((d, i) => [d.id, i]));
  return [...narrowed].sort((a, b) => {
    const x = key(a);
    const y = key(b);
    if (x === undefined || y === undefined) return x === y ? order.get(a.id)! - order.get(b.id)! : x === undefined ? 1 : -1;
    const c =
      typeof x === 'number' && typeof y === 'number'
        ? x - y
        : typeof x === 'string' && typeof y === 'string'
          ? q.sort === 'published'
            ? x < y
              ? -1
              : x > y
                ? 1
                : 0
            : collator.compare(x, y)
          : 0;
    return sign * c || order.get(a.id)! - order.get(b.id)!;
  });
}

/** The value a column sorts by; undefined when the document has none. */
function sortKey(sort: Exclude<LibrarySortKey, 'changed'>, facts: RowFacts): (d: DocumentRecord) => string | number | undefined {
  switch (sort) {
    case 'title':
      return (d) => d.title;
    case 'outlet':
      return (d) => d.meta?.outlet;
    case 'published':
      return (d) => d.meta?.published;
    case 'language':
      return (d) => [d.meta?.language, ...(d.meta?.tags ?? [])].filter(Boolean).join(' ') || undefined;
    case 'status':
      return (d) => STATUS_ORDER[facts.status(d.id)];
    case 'review':
      return (d) => REVIEW_ORDER[facts.review(d.id)];
    case 'length':
      return (d) => d.length;
    case 'spans':
      return (d) => d.spanCount;
  }
}

/** The outlets, languages and tags the library's documents name, each sorted, for the filters' choices. */
export function metaChoices(documents: readonly DocumentRecord[], language: string): { outlets: string[]; languages: string[]; tags: string[] } {
  const collator = new Intl.Collator([language, 'ar', 'en'], { sensitivity: 'base', numeric: true });
  const outlets = new Set<string>();
  const languages = new Set<string>();
  const tags = new Set<string>();
  for (const d of documents) {
    const m = d.meta;
    if (!m) continue;
    if (m.outlet) outlets.add(m.outlet);
    if (m.language) languages.add(m.language);
    for (const t of m.tags ?? []) tags.add(t);
  }
  const sorted = (s: Set<string>) => [...s].sort(collator.compare);
  return { outlets: sorted(outlets), languages: sorted(languages), tags: sorted(tags) };
}
