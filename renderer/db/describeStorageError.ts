/**
 * Says in plain words why IndexedDB refused a write. Dexie wraps the browser's error (an
 * abort often hides the quota error that caused it), so the chain of `inner` errors is read.
 */
export function describeStorageError(error: unknown): string {
  const chain: { name?: string; message?: string }[] = [];
  for (let e: unknown = error; e && typeof e === 'object' && chain.length < 5; e = (e as { inner?: unknown }).inner) {
    chain.push(e);
  }
  const names = chain.map((e) => e.name ?? '');
  const text = chain.map((e) => e.message ?? '').join(' ');
  if (names.includes('QuotaExceededError') || /quota/i.test(text)) {
    return 'the browser refused more storage: the disk is full, or this site has used its share of it';
  }
  if (/disk|space|ENOSPC/i.test(text)) return 'the disk is full';
  if (names.includes('AbortError') || /aborted/i.test(text)) {
    // Chromium aborts the transaction without a reason when the disk fills up under it.
    return 'the browser aborted the write (most often because the disk is full)';
  }
  if (names.includes('DatabaseClosedError') || names.includes('InvalidStateError')) return 'the browser closed the database';
  const first = chain[0];
  return first?.message ? `the browser refused the write: ${first.message}` : 'the browser refused the write';
}
