import type { InterfaceLanguage } from '../../shared/i18n/interfaceLanguage';

/** The words of the native file dialogs main opens, in one language. */
export interface DialogLabels {
  readonly openFiles: string;
  /** The file type a dialog offers when the window named none. */
  readonly files: string;
  readonly text: string;
  readonly allFiles: string;
  readonly chooseModelFolder: string;
}

/** The file dialogs' words in Arabic and English, chosen by the interface language as the menu's are. */
export const DIALOG_LABELS: { readonly [L in InterfaceLanguage]: DialogLabels } = {
  en: {
    openFiles: 'Open files',
    files: 'Files',
    text: 'Text',
    allFiles: 'All files',
    chooseModelFolder: 'Choose a model folder',
  },
  ar: {
    openFiles: 'فتح ملفات',
    files: 'ملفات',
    text: 'نص',
    allFiles: 'كل الملفات',
    chooseModelFolder: 'اختر مجلد نموذج',
  },
};
