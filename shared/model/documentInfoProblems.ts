import type { DocumentMeta } from './document';
import { META_FIELDS, metaProblem } from './readDocumentMeta';
import { unpairedSurrogateProblem } from '../text/unpairedSurrogateProblem';

const NAMES: Readonly<Record<(typeof META_FIELDS)[number], string>> = {
  outlet: 'Outlet',
  published: 'Date published',
  url: 'URL',
  author: 'Author',
  language: 'Language',
  tags: 'Tags',
};

/** What is wrong with a title and metadata an analyst typed, each in words naming the field; none when all is well. */
export function documentInfoProblems(title: string, meta: DocumentMeta): string[] {
  const problems: string[] = [];
  if (title.trim() === '') problems.push('Title: a document needs a title.');
  const lone = unpairedSurrogateProblem(title);
  if (lone) problems.push(`Title ${lone}.`);
  for (const field of META_FIELDS) {
    const value = meta[field];
    if (value === undefined) continue;
    const bad = metaProblem(field, value);
    if (bad) problems.push(`${NAMES[field]} ${bad}.`);
  }
  return problems;
}
