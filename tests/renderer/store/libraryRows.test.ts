import { describe, expect, it } from 'vitest';
import type { DocumentRecord } from '../../../shared/model/document';
import { firstDirection, libraryRows, type RowFacts } from '../../../renderer/store/libraryRows';
import type { LibraryQuery } from '../../../renderer/store/types';

const doc = (id: string, title: string, extra: Partial<DocumentRecord> = {}): DocumentRecord => ({
  id,
  title,
  source: `${id}.txt`,
  textSha256: id,
  length: 100,
  spanCount: 0,
  createdAt: 0,
  updatedAt: 0,
  version: 1,
  ...extra,
});

// Newest change first, as the repository lists them.
const DOCS = [
  doc('a', 'قصف قاعدة كونيكو', { length: 300, spanCount: 4, meta: { outlet: 'الشرق الأوسط', author: 'سامر الأحمد', tags: ['قصف'] } }),
  doc('b', 'إطلاق صواريخ على حقل العمر', { length: 1200, spanCount: 0, meta: { outlet: 'المدن', url: 'https://www.almodon.com/x' } }),
  doc('c', 'Weekly digest', { length: 300, spanCount: 9 }),
  doc('d', 'أخبار دير الزور', { length: 50, spanCount: 4, meta: { outlet: 'عنب بلدي', published: '2024-01-02' } }),
];
const FACTS: RowFacts = {
  status: (id) => (id === 'b' ? 'done' : id === 'a' ? 'in-progress' : 'new'),
  review: (id) => (id === 'd' ? 'reviewed' : id === 'a' ? 'in-review' : 'not-started'),
};
const Q: LibraryQuery = { sort: 'changed', direction: 'desc', search: '', outlet: '', language: '', tag: '', from: '', to: '' };
const ids = (q: Partial<LibraryQuery>, language = 'ar') => libraryRows(DOCS, { ...Q, ...q }, FACTS, language).map((d) => d.id);

describe('the library list', () => {
  it('sorts by every column either way, ties kept in last-change order, missing values last', () => {
    expect(ids({})).toEqual(['a', 'b', 'c', 'd']);
    expect(ids({ direction: 'asc' })).toEqual(['d', 'c', 'b', 'a']);
    // Arabic collation: hamza on alef sorts with bare alef (أخبار, إطلاق before قصف), Latin after Arabic in Arabic.
    expect(ids({ sort: 'title', direction: 'asc' })).toEqual(['d', 'b', 'a', 'c']);
    expect(ids({ sort: 'title', direction: 'asc' }, 'en')[0]).toBe('c');
    expect(ids({ sort: 'outlet', direction: 'asc' })).toEqual(['a', 'b', 'd', 'c']);
    expect(ids({ sort: 'outlet', direction: 'desc' })).toEqual(['d', 'b', 'a', 'c']);
    expect(ids({ sort: 'length', direction: 'desc' })).toEqual(['b', 'a', 'c', 'd']);
    expect(ids({ sort: 'spans', direction: 'desc' })).toEqual(['c', 'a', 'd', 'b']);
    expect(ids({ sort: 'spans', direction: 'asc' })).toEqual(['b', 'a', 'd', 'c']);
    expect(ids({ sort: 'status', direction: 'asc' })).toEqual(['c', 'd', 'a', 'b']);
    expect(ids({ sort: 'review', direction: 'desc' })).toEqual(['d', 'a', 'b', 'c']);
    expect(ids({ sort: 'published', direction: 'desc' })).toEqual(['d', 'a', 'b', 'c']);
    expect(firstDirection('title')).toBe('asc');
    expect(firstDirection('spans')).toBe('desc');
  });

  it('searches titles and every detail, folding hamza, ya and harakat', () => {
    expect(ids({ search: 'الاوسط' })).toEqual(['a']);
    expect(ids({ search: 'الأحمد' })).toEqual(['a']);
    expect(ids({ search: 'اطلاق' })).toEqual(['b']);
    expect(ids({ search: 'almodon' })).toEqual(['b']);
    expect(ids({ search: 'قَصْف' })).toEqual(['a']);
    expect(ids({ search: 'WEEKLY' })).toEqual(['c']);
    expect(ids({ search: 'عنب', sort: 'title', direction: 'asc' })).toEqual(['d']);
    expect(ids({ search: 'لا شيء' })).toEqual([]);
  });
});
