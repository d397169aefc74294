/**
 * One CSV field as RFC 4180 writes it: quoted when it holds a comma, a double quote, a line
 * end, or white space at either end (which spreadsheet programs trim otherwise), with
 * every double quote doubled. A field starting with = + - @ is quoted too, though not
 * changed, so a reader sees it as text.
 */
export function csvField(value: string | number | null): string {
  if (value === null) return '';
  const s = String(value);
  return /[",\r\n]|^\s|\s$|^[=+\-@]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** A CSV line of fields, ended by CRLF as RFC 4180 says. */
export const csvLine = (fields: readonly (string | number | null)[]): string => `${fields.map(csvField).join(',')}\r\n`;
