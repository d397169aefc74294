import type { StateCreator } from 'zustand';
import { DEFAULT_LABELS } from '../../shared/model/label';
import type { HashiyaState, UiSlice } from './types';

/** Labels, the annotator, and the messages shown to the user. */
export const uiSlice: StateCreator<HashiyaState, [], [], UiSlice> = (set) => ({
  annotator: 'analyst',
  labels: DEFAULT_LABELS,
  notice: null,
  busy: false,
  notify(notice) {
    set({ notice });
  },
});
