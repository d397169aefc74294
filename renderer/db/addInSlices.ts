/**
 * Rows per bulkAdd in a large write. IndexedDB copies each row on the main thread as it is
 * added, so one call with a thousand documents' spans froze the window for over a second;
 * slices this size keep each task well under 50 ms, and the transaction is still one.
 */
const SLICE = 500;

/** Adds `rows` a slice at a time through `bulkAdd`, inside the caller's transaction. */
export async function addInSlices<T>(rows: readonly T[], bulkAdd: (slice: T[]) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < rows.length; i += SLICE) await bulkAdd(rows.slice(i, i + SLICE));
}
