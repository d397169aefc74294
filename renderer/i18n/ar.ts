/**
 * Every string of the interface in Arabic, key for key as in `en.ts`. Counted strings have
 * Arabic's six plural forms (zero, one, two, few, many, other), as Intl.PluralRules names them.
 */
export const ar = {
  toolbar: {
    name: 'منضدة العمل',
    library: 'المكتبة',
    entities: 'الكيانات',
    agreement: 'الاتفاق',
    claims: 'الادعاءات',
    importTxt: 'استيراد ملفات نصية (txt)',
    paste: 'لصق نص',
    import: 'استيراد…',
    export: 'تصدير…',
    exportJsonl: 'تصدير JSONL',
    backups: 'النسخ الاحتياطية…',
    labels: 'التسميات…',
    annotator: 'المُعلِّق:',
    annotatorChange: 'المُعلِّق: {{name}} (تغيير)',
    annotatorNotSet: 'غير محدد',
    keys: 'اختصارات لوحة المفاتيح (?)',
  },
  interface: {
    language: 'لغة الواجهة',
    digits: 'الأرقام',
    digitsArab: 'هندية (١٢٣)',
    digitsLatn: 'لاتينية (123)',
  },
  annotator: {
    empty: 'لا يمكن أن يكون اسم المُعلِّق فارغًا.',
  },
  save: {
    saved: 'محفوظ',
    saving: 'جارٍ الحفظ…',
    failed_zero: 'لا تغييرات غير محفوظة',
    failed_one: 'تغيير واحد غير محفوظ',
    failed_two: 'تغييران غير محفوظين',
    failed_few: '{{count, n}} تغييرات غير محفوظة',
    failed_many: '{{count, n}} تغييرًا غير محفوظ',
    failed_other: '{{count, n}} تغيير غير محفوظ',
    retry: 'أعد المحاولة',
  },
  notice: {
    saveAll: 'احفظ كل العمل في ملف JSONL',
    importReadable_zero: 'لا ملفات مقروءة للاستيراد',
    importReadable_one: 'استورد الملف المقروء',
    importReadable_two: 'استورد الملفين المقروءين',
    importReadable_few: 'استورد الملفات المقروءة ({{count, n}})',
    importReadable_many: 'استورد الملفات المقروءة ({{count, n}})',
    importReadable_other: 'استورد الملفات المقروءة ({{count, n}})',
    dismiss: 'إغلاق',
  },
};
