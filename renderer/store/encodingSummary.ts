import { t } from '../i18n/i18n';

/** An encoding's name as people write it: UTF-8, UTF-16LE, windows-1256. */
function shownName(encoding: string): string {
  return encoding.replace(/^utf/, 'UTF').replace(/le$|be$/, (s) => s.toUpperCase());
}

/**
 * Which encodings the files were read in, for the import notice: the one name when every
 * file shared it ("UTF-8"), else each with its number of files, most first ("2 files in
 * UTF-8; 1 file in windows-1256"). UTF-8 with a byte-order mark is named apart, since the
 * mark is dropped from the text.
 */
export function encodingSummary(encodings: readonly string[]): string {
  const counts = new Map<string, number>();
  for (const e of encodings) counts.set(e, (counts.get(e) ?? 0) + 1);
  const ranked = [...counts].sort((a, b) => b[1] - a[1]);
  if (ranked.length === 1) return shownName(ranked[0]![0]);
  return ranked.map(([encoding, count]) => t('lib.encodingCount', { count, encoding: shownName(encoding) })).join(t('lib.listSeparator'));
}
