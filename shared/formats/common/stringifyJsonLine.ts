// Line and paragraph separators are valid inside JSON strings, but tools that split
// lines the Unicode way (Python's str.splitlines) would cut a record there.
const LINE_BREAKERS = /[\u0085\u2028\u2029]/g;
const escapeBreaker = (c: string) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;

/**
 * `JSON.stringify(value)` on one line, with U+0085, U+2028 and U+2029 escaped so that
 * readers splitting lines the Unicode way see one record per line. Shared by the JSON formats.
 */
export function stringifyJsonLine(value: unknown): string {
  return JSON.stringify(value).replace(LINE_BREAKERS, escapeBreaker);
}
