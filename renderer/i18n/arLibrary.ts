import type { LIBRARY_MESSAGES } from '../../shared/i18n/libraryMessages';
import type { InArabic } from './inArabic';

/**
 * What libraries say, in Arabic (`shared/i18n/libraryMessages.ts` has their own English
 * words). Words no entry knows are shown as the library wrote them, quoted and isolated
 * (U+2068 … U+2069) after Arabic that says whose they are, so they do not scramble the sentence.
 */
export const arLibrary: InArabic<typeof LIBRARY_MESSAGES> = {
  jsonParse: {
    at: 'خطأ في صياغة JSON عند السطر {{line, d}}، العمود {{column, d}} (الموضع {{position, d}}): {{what, said}}',
    propertyName: 'يُنتظر اسم خاصية أو «}»',
    afterProperty: 'تُنتظر «,» أو «}» بعد قيمة الخاصية',
    colon: 'تُنتظر «:» بعد اسم الخاصية',
    afterElement: 'تُنتظر «,» أو «]» بعد عنصر المصفوفة',
    doubleQuoted: 'يُنتظر اسم خاصية بين علامتي تنصيص مزدوجتين',
    afterValue: 'خطأ في صياغة JSON عند السطر {{line, d}}، العمود {{column, d}} (الموضع {{position, d}}): نص غير متوقع بعد قيمة JSON',
    control: 'محرف تحكم غير مهرَّب داخل سلسلة نصية',
    notClosed: 'سلسلة نصية لم تُغلق',
    badEscape: 'تهريب غير صالح داخل سلسلة نصية',
    unicodeEscape: 'تهريب يونيكود غير صالح داخل سلسلة نصية',
    end: 'خطأ في صياغة JSON: انتهى النص قبل أن تكتمل القيمة',
    token: 'خطأ في صياغة JSON: محرف غير متوقع \u2068«{{token}}»\u2069 في \u2068"{{text}}"\u2069',
    other: 'رسالة قارئ JSON كما كتبها: \u2068"{{message}}"\u2069',
  },
  csvParse: {
    missingQuotes: 'حقل بين علامتي تنصيص لم يُغلق',
    invalidQuotes: 'علامة التنصيص الختامية لحقل مقتبس في غير موضعها',
    other: 'رسالة قارئ CSV كما كتبها: \u2068"{{message}}"\u2069',
  },
};
