import { historyKey } from './historyKey';
import { stepOrder } from './stepOrder';
import type { HashiyaState } from './types';

/**
 * Which history Ctrl+Z (`undo`) or Ctrl+Shift+Z (`redo`) takes its step from: the open
 * document's, or the library's (merges, splits, entity edits, document details), whichever
 * step was taken (or undone) last; with no document open, the library's. Null when a dialog
 * holds the keys, or there is no document open and no library step to take.
 */
export function undoTarget(st: HashiyaState, direction: 'undo' | 'redo'): 'document' | 'library' | null {
  if (st.overlay && st.overlay !== 'keys') return null;
  const lib = st.libraryHistory[direction].at(-1);
  if (!st.open) return lib ? 'library' : null;
  const doc = st.history.get(historyKey(st.open.record.id, st.layer))?.[direction].at(-1);
  return lib && stepOrder(lib) > stepOrder(doc) ? 'library' : 'document';
}
