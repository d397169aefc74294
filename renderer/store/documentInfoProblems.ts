import type { DocumentMeta } from '../../shared/model/document';
import { META_FIELDS, metaProblem } from '../../shared/model/readDocumentMeta';
import { firstLoneSurrogate } from '../../shared/text/firstLoneSurrogate';
import { t } from '../i18n/i18n';

const NAMES = {
  outlet: 'details.outlet',
  published: 'details.published',
  url: 'details.url',
  author: 'details.author',
  language: 'details.language',
  tags: 'details.tags',
} as const satisfies Record<(typeof META_FIELDS)[number], string>;

// What a field that must be written a particular way says when it is not.
const FORMATS = {
  published: 'details.notDate',
  url: 'details.notUrl',
  language: 'details.notLanguage',
} as const;

/** Where `s` holds an unpaired surrogate, as the Details dialog words it, or null when it is text. */
function notText(s: string): { unit: string; at: number } | null {
  const i = firstLoneSurrogate(s);
  if (i < 0) return null;
  return { unit: s.charCodeAt(i).toString(16).toUpperCase(), at: [...s.slice(0, i)].length };
}

/**
 * What is wrong with a title and metadata an analyst typed in the Details dialog, each in
 * words of the interface's language naming the field; none when all is well. Which values
 * are wrong is shared's {@link metaProblem}; only the wording is the interface's.
 */
export function documentInfoProblems(title: string, meta: DocumentMeta): string[] {
  const problems: string[] = [];
  if (title.trim() === '') problems.push(t('details.noTitle'));
  const lone = notText(title);
  if (lone) problems.push(t('details.notText', { field: t('details.title'), unit: lone.unit, at: lone.at }));
  for (const field of META_FIELDS) {
    const value = meta[field];
    if (value === undefined || !metaProblem(field, value)) continue;
    const name = t(NAMES[field]);
    if (typeof value !== 'string') {
      const tag = value.find((v) => notText(v));
      if (tag !== undefined) problems.push(t('details.tagNotText', { field: name, tag: JSON.stringify(tag), ...notText(tag)! }));
      continue;
    }
    const broken = notText(value);
    if (broken) problems.push(t('details.notText', { field: name, unit: broken.unit, at: broken.at }));
    else if (field === 'published' || field === 'url' || field === 'language') problems.push(t(FORMATS[field], { field: name, value: JSON.stringify(value) }));
  }
  return problems;
}
