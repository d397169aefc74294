import type { StateCreator } from 'zustand';
import { followPrefs } from '../i18n/i18n';
import { initialPrefs, storePrefs, type InterfacePrefs } from '../i18n/interfacePrefs';
import type { HashiyaState, InterfaceSlice } from './types';

/** The interface's language and digits: i18next follows them, and they are kept for next time. */
export const interfaceSlice: StateCreator<HashiyaState, [], [], InterfaceSlice> = (set, get) => {
  const choose = (prefs: InterfacePrefs) => {
    followPrefs(prefs);
    storePrefs(prefs);
    set(prefs);
  };
  return {
    ...initialPrefs(),
    setLanguage(language) {
      // Each language comes with its usual digits; the analyst may choose the other ones.
      if (language !== get().language) choose({ language, digits: language === 'ar' ? 'arab' : 'latn' });
    },
    setDigits(digits) {
      choose({ language: get().language, digits });
    },
  };
};
