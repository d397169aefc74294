import type { StateCreator } from 'zustand';
import { clampScale, initialViewPrefs, storeViewPrefs, type ViewPrefs } from './viewPrefs';
import type { HashiyaState, ViewSlice } from './types';

const PREF_KEYS = ['badges', 'lineNumbers', 'palette', 'theme', 'textScale', 'helpOpen'] as const;

/** How the text is shown (badges, line numbers, palette, theme, size): display only, remembered per machine. */
export const viewSlice: StateCreator<HashiyaState, [], [], ViewSlice> = (set, get) => ({
  ...initialViewPrefs(),
  setView(change) {
    const s = get();
    const next = Object.fromEntries(PREF_KEYS.map((k) => [k, change[k] ?? s[k]])) as unknown as ViewPrefs;
    const prefs = { ...next, textScale: clampScale(next.textScale) };
    storeViewPrefs(prefs);
    set(prefs);
  },
});
