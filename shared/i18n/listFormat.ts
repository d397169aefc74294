/**
 * How a phrase's list slot joins its items: `{{files, commas}}` or `{{documents, semicolons}}`.
 * Each language has its own marks (English `, ` and `; `, Arabic `، ` and `؛ `).
 */
export type ListFormat = 'commas' | 'semicolons';

/** The English mark between a list's items, as the command line writes it. */
export const ENGLISH_LIST_MARKS: Readonly<Record<ListFormat, string>> = { commas: ', ', semicolons: '; ' };
