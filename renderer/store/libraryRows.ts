import type { DocumentRecord } from '../../shared/model/document';
import type { LibraryQuery } from './types';

// Arabic and Latin names compared as readers expect; one collator for every comparison.
const collator = new Intl.Collator(['ar', 'en'], { sensitivity: 'base', numeric: true });

/**
 * The library's documents as the list shows them: narrowed by outlet, language, tag and a
 * range of dates published (a document with no date is outside any range), then sorted —
 * by last change (newest first, the order `documents` already has), title, outlet or date
 * published (newest first); documents lacking the field sorted on go last. One pass to
 * filter and one sort: a library of 10,000 documents takes a few milliseconds.
 */
export function libraryRows(documents: readonly DocumentRecord[], q: LibraryQuery): readonly DocumentRecord[] {
  const narrowed =
    q.outlet || q.language || q.tag || q.from || q.to
      ? documents.filter((d) => {
          const m = d.meta;
          if (q.outlet && m?.outlet !== q.outlet) return false;
          if (q.language && m?.language !== q.language) return false;
          if (q.tag && !m?.tags?.includes(q.tag)) return false;
          if ((q.from || q.to) && !m?.published) return false;
          if (q.from && m!.published! < q.from) return false;
          if (q.to && m!.published! > q.to) return false;
          return true;
        })
      : documents;
  if (q.sort === 'changed') return narrowed;
  const key: (d: DocumentRecord) => string | undefined =
    q.sort === 'title' ? (d) => d.title : q.sort === 'outlet' ? (d) => d.meta?.outlet : (d) => d.meta?.published;
  const sign = q.sort === 'published' ? -1 : 1;
  return [...narrowed].sort((a, b) => {
    const x = key(a);
    const y = key(b);
    if (x === undefined || y === undefined) return x === y ? 0 : x === undefined ? 1 : -1;
    return sign * (q.sort === 'published' ? (x < y ? -1 : x > y ? 1 : 0) : collator.compare(x, y));
  });
}

/** The outlets, languages and tags the library's documents name, each sorted, for the filters' choices. */
export function metaChoices(documents: readonly DocumentRecord[]): { outlets: string[]; languages: string[]; tags: string[] } {
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
