import { Plugin, PluginKey } from '@tiptap/pm/state';

/** Whether the editor's current selection was made with Alt held (character precision). */
export const selectionPreciseKey = new PluginKey<boolean>('hashiya-selection-precise');

/**
 * Holds whether the current selection asked for character precision. `apply` is a
 * reducer: the value changes only through `tr.setMeta(selectionPreciseKey, boolean)`.
 */
export function selectionPrecisionPlugin(): Plugin<boolean> {
  return new Plugin<boolean>({
    key: selectionPreciseKey,
    state: {
      init: () => false,
      apply(tr, prev) {
        const precise = tr.getMeta(selectionPreciseKey) as boolean | undefined;
        return precise ?? prev;
      },
    },
  });
}
