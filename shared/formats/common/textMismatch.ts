/**
 * The message when a file's copy of a span's text differs from the text at its offsets.
 * Only a string is quoted back: any other value may be nested deeper than JSON.stringify
 * can go, and would crash the import instead of being reported.
 */
export function textMismatch(claimed: unknown, a: number, b: number, slice: string): string {
  if (typeof claimed !== 'string') return `"text" must be a string: the text at ${a}..${b} is ${JSON.stringify(slice)}`;
  return `"text" ${JSON.stringify(claimed)} does not match the text at ${a}..${b} (${JSON.stringify(slice)})`;
}
