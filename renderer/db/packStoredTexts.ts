import type { Transaction } from 'dexie';
import { storedText, type StoredText } from './storedText';

/**
 * Schema 8's upgrade: every stored text with tokens is written again with them packed.
 * It walks the object store itself, a row at a time, beneath every middleware: the texts'
 * content does not change, so neither the model's readers nor team sync's outbox are to see
 * the rewrite (it would send every text to the server again).
 */
export function packStoredTexts(tx: Transaction): Promise<void> {
  const store = tx.idbtrans.objectStore('texts');
  return new Promise((resolve, reject) => {
    const walk = store.openCursor();
    walk.onerror = () => reject(walk.error ?? new Error('reading the texts to pack their tokens failed'));
    walk.onsuccess = () => {
      const cursor = walk.result;
      if (!cursor) return resolve();
      const row = cursor.value as StoredText;
      if (Array.isArray(row.tokens)) cursor.update(storedText(row));
      cursor.continue();
    };
  });
}
