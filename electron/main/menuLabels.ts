import type { InterfaceLanguage } from '../../shared/i18n/interfaceLanguage';

/** Every text the application menu shows, in one language. */
export interface MenuLabels {
  readonly file: string;
  readonly importText: string;
  readonly importAny: string;
  readonly openRecent: string;
  readonly noRecent: string;
  readonly clearRecent: string;
  readonly export: string;
  readonly backup: string;
  readonly quit: string;
  readonly edit: string;
  readonly undo: string;
  readonly redo: string;
  readonly cut: string;
  readonly copy: string;
  readonly paste: string;
  readonly selectAll: string;
  readonly view: string;
  readonly resetZoom: string;
  readonly zoomIn: string;
  readonly zoomOut: string;
  readonly fullScreen: string;
  readonly language: string;
  readonly window: string;
  readonly minimize: string;
  readonly close: string;
}

/** The menu's texts in Arabic and English. Language names are written in their own language. */
export const MENU_LABELS: { readonly [L in InterfaceLanguage]: MenuLabels } = {
  en: {
    file: 'File',
    importText: 'Import Text Files…',
    importAny: 'Import…',
    openRecent: 'Open Recent',
    noRecent: 'No Recent Files',
    clearRecent: 'Clear Recent',
    export: 'Export…',
    backup: 'Back Up Library',
    quit: 'Quit',
    edit: 'Edit',
    undo: 'Undo',
    redo: 'Redo',
    cut: 'Cut',
    copy: 'Copy',
    paste: 'Paste',
    selectAll: 'Select All',
    view: 'View',
    resetZoom: 'Actual Size',
    zoomIn: 'Zoom In',
    zoomOut: 'Zoom Out',
    fullScreen: 'Full Screen',
    language: 'Interface Language',
    window: 'Window',
    minimize: 'Minimize',
    close: 'Close Window',
  },
  ar: {
    file: 'ملف',
    importText: 'استيراد ملفات نصية…',
    importAny: 'استيراد…',
    openRecent: 'الملفات الأخيرة',
    noRecent: 'لا ملفات حديثة',
    clearRecent: 'مسح القائمة',
    export: 'تصدير…',
    backup: 'نسخة احتياطية من المكتبة',
    quit: 'إنهاء',
    edit: 'تحرير',
    undo: 'تراجع',
    redo: 'إعادة',
    cut: 'قص',
    copy: 'نسخ',
    paste: 'لصق',
    selectAll: 'تحديد الكل',
    view: 'عرض',
    resetZoom: 'الحجم الفعلي',
    zoomIn: 'تكبير',
    zoomOut: 'تصغير',
    fullScreen: 'ملء الشاشة',
    language: 'لغة الواجهة',
    window: 'نافذة',
    minimize: 'تصغير النافذة',
    close: 'إغلاق النافذة',
  },
};

/** Each interface language's name, in that language (as the language menu lists them). */
export const LANGUAGE_NAMES: { readonly [L in InterfaceLanguage]: string } = { ar: 'العربية', en: 'English' };
