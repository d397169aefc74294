/** How many files File > Open Recent lists. */
export const MAX_RECENT_FILES = 10;

/**
 * The recent-files list after opening `opened` (in the order they were picked): each
 * goes to the front, appears once, and the list keeps at most `max` entries. Paths are
 * compared exactly; the list given is not changed (nor trusted to hold no duplicates).
 */
export function addRecentFiles(list: readonly string[], opened: readonly string[], max: number = MAX_RECENT_FILES): readonly string[] {
  // A Set keeps the first occurrence: the newest, once `opened` is put first, latest first.
  const next = new Set([...[...opened].reverse(), ...list]);
  return [...next].slice(0, Math.max(0, max));
}

/** The list without `file` (it could not be opened any more). */
export function removeRecentFile(list: readonly string[], file: string): readonly string[] {
  return list.filter((f) => f !== file);
}
