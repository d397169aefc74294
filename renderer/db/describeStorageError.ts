import { t } from '../i18n/i18n';

/**
 * Says in plain words, in the interface's language, why IndexedDB refused a write. Dexie wraps the browser's error (an
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
    return t('moduleText.storageQuota');
  }
  if (/disk|space|ENOSPC/i.test(text)) return t('moduleText.diskFull');
  if (names.includes('AbortError') || /aborted/i.test(text)) {
    // Chromium aborts the transaction without a reason when the disk fills up under it.
    return t('moduleText.writeAborted');
  }
  if (names.includes('DatabaseClosedError') || names.includes('InvalidStateError')) return t('moduleText.databaseClosed');
  const first = chain[0];
  return first?.message ? t('moduleText.writeRefusedWhy', { message: first.message }) : t('moduleText.writeRefused');
}
