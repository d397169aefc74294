import type { PROBLEM_MESSAGES } from '../../shared/i18n/problemMessages';

type ArabicForm = 'zero' | 'one' | 'two' | 'few' | 'many' | 'other';

/** The catalogue's keys, a counted sentence with Arabic's six forms in place of English's two. */
type InArabic<T> = {
  readonly [A in keyof T]: {
    readonly [K in keyof T[A] as K extends `${infer B}_other` ? `${B}_${ArabicForm}` : K extends `${string}_one` ? never : K]: string;
  };
};

// Names, ids and file names the sentences quote are isolated (U+2068 … U+2069) so that a
// Latin name does not carry the Arabic words beside it into its own direction.

/**
 * Every problem phrase in Arabic, key for key as `shared/i18n/problemMessages.ts` has it in
 * English: a phrase the catalogue gains is a type error here until it is said in Arabic.
 */
export const arProblems: InArabic<typeof PROBLEM_MESSAGES> = {
  decode: {
    empty: 'الملف فارغ',
    noText: 'لا نصّ في الملف',
    byteAt: 'البايت {{byte}} عند البايت {{at, d}}',
    cutShort_zero: 'ينتهي الملف في منتصف محرف UTF-8: {{problem, said}} يبدأ محرفًا لا يوجد منه أي بايت',
    cutShort_one: 'ينتهي الملف في منتصف محرف UTF-8: {{problem, said}} يبدأ محرفًا لم يبقَ منه إلا بايت واحد',
    cutShort_two: 'ينتهي الملف في منتصف محرف UTF-8: {{problem, said}} يبدأ محرفًا لم يبقَ منه إلا بايتان',
    cutShort_few: 'ينتهي الملف في منتصف محرف UTF-8: {{problem, said}} يبدأ محرفًا لم يبقَ منه إلا {{count, d}} بايتات',
    cutShort_many: 'ينتهي الملف في منتصف محرف UTF-8: {{problem, said}} يبدأ محرفًا لم يبقَ منه إلا {{count, d}} بايتًا',
    cutShort_other: 'ينتهي الملف في منتصف محرف UTF-8: {{problem, said}} يبدأ محرفًا لم يبقَ منه إلا {{count, d}} بايت',
    notUtf8: 'ليس ترميز UTF-8 صالحًا: {{problem, said}}',
    nul: 'ليس ملفًّا نصيًّا: بايت NUL عند البايت {{at, d}} (بيانات ثنائية، أو UTF-16 بلا علامة ترتيب البايتات)',
    controlByte: 'ترميز مجهول: {{problem, said}} ليس UTF-8 صالحًا، وبايت التحكم {{byte}} عند البايت {{at, d}} يعني أن النص ليس Windows-1256 أيضًا',
    notArabic:
      'ترميز مجهول: {{problem, said}} ليس UTF-8 صالحًا، ولو قُرئ الملف بترميز Windows-1256 لكان {{arabic, d}} فقط من {{nonAscii, d}} محرفًا غير ASCII حروفًا عربية؛ احفظ الملف بترميز UTF-8 ثم استورده مرة أخرى',
    utf16Nul: 'ليس ملفًّا نصيًّا: محرف NUL عند البايت {{at, d}} ({{encoding}})',
    utf16Surrogate: 'ليس ترميز {{encoding}} صالحًا: بديل منفرد عند البايت {{at, d}}',
    restNotValid: 'ليس ترميز {{encoding}} صالحًا بعد هذا السطر؛ لم يُقرأ باقي الملف',
    utf16Odd: 'ليس ترميز {{encoding}} صالحًا: عدد البايتات فردي ({{bytes, d}})؛ البايت الأخير نصف محرف',
  },
  text: {
    unpaired: 'فيه محرف مكسور (بديل UTF-16 منفرد U+{{unit}}) عند نقطة الترميز {{at, d}}، فليس نصًّا',
    fieldNotString: 'يجب أن يكون الحقل \u2068{{field}}\u2069 نصًّا',
    fieldEmpty: 'الحقل \u2068{{field}}\u2069 فارغ',
    fieldNotText: 'الحقل \u2068{{field}}\u2069 {{problem, said}}',
    notString: 'يجب أن يكون النص سلسلة محارف',
    empty: 'النص فارغ',
    notText: 'النص {{problem, said}}',
    labelEmpty: 'يجب أن تكون نصًّا غير فارغ',
  },
  range: {
    notIntegers: 'يجب أن تكون المواضع أعدادًا صحيحة (وجدنا {{start}} و{{end}})',
    outside: 'المواضع {{start, d}}..{{end, d}} خارج النص (0..{{length, d}})',
    order: 'يجب أن تسبق البداية {{start, d}} النهاية {{end, d}}',
    splits: 'المواضع {{start, d}}..{{end, d}} تشطر محرفًا من خارج المستوى المتعدد اللغات الأساسي',
  },
  doc: {
    span: 'المقطع \u2068{{span}}\u2069',
    spanRange: 'المقطع \u2068{{span}}\u2069: {{problem, said}}',
    spanLabel: 'المقطع \u2068{{span}}\u2069: التسمية {{problem, said}}',
    spanStance: 'المقطع \u2068{{span}}\u2069: الموقف \u2068{{stance}}\u2069 ليس واحدًا من {{stances}}',
    spanIdEmpty: 'المقطع \u2068{{span}}\u2069: لا يجوز أن يكون المعرّف فارغًا، وإلا لم تميّز العلاقات بين المقاطع',
    spanIdTwice: 'المقطع \u2068{{span}}\u2069: لمقطع آخر المعرّف نفسه، فلا تميّز العلاقات بينهما',
    relationLabel: 'العلاقة {{relation, d}}: التسمية {{problem, said}}',
    relationMissing: 'العلاقة {{relation, d}}: \u2068{{id}}\u2069 ليس معرّف مقطع في هذه الوثيقة',
    relationOwn: 'العلاقة {{relation, d}}: {{problem, said}}',
    ownSource: '{{name, said}} مصدرٌ لنفسه: مصدر الادعاء يجب أن يكون مقطعًا آخر',
    tokenRange: 'الوحدة {{token, d}}: {{problem, said}}',
    tokenOrder: 'الوحدة {{token, d}}: تبدأ قبل أن تنتهي الوحدة التي قبلها ({{end, d}})',
  },
  jsonLines: {
    empty: 'الملف فارغ: لا أسطر JSON فيه',
    notJson: 'ليس JSON صالحًا ({{detail}})',
    notObject: 'يجب أن يحمل كل سطر كائن JSON',
  },
  txt: {
    empty: 'الملف فارغ',
    unpaired: 'في النص محرف مكسور (بديل UTF-16 منفرد)، فليس محرفًا',
  },
  brat: {
    notBrat: 'ليس ملف brat: وثائق brat أزواج من ملفات \u200e.txt و\u200e.ann',
    secondFile: 'ملف ثانٍ باسم \u2068{{file}}\u2069؛ لا يُقرأ إلا الأول',
    noText: 'ليس بجانب \u2068{{file}}\u2069 ملف \u2068{{base}}.txt\u2069: مواضعه تشير إلى ذلك النص',
    emptyText: 'الملف النصي فارغ',
    idReused: 'المعرّف \u2068{{id}}\u2069 مستعمل مرة أخرى (أول مرة في السطر {{first, d}})',
    lineNotText: 'السطر {{problem, said}}',
    noTab: 'كان المنتظر علامة جدولة (Tab) بعد المعرّف \u2068{{id}}\u2069',
    unknownType: 'نوع سطر مجهول \u2068{{type}}\u2069: تبدأ أسطر brat بأحد T أو R أو A أو E أو M أو N أو # أو *',
    nothingAfterId: 'السطر \u2068{{id}}\u2069 مبتور: لا شيء بعد المعرّف',
    textTruncated: 'السطر \u2068{{id}}\u2069 مبتور: المنتظر \u2068"{{id}}<TAB>Label start end<TAB>text"\u2069',
    labelTruncated: 'السطر \u2068{{id}}\u2069 مبتور: المنتظر \u2068"Label start end"\u2069 بعد المعرّف، ووجدنا \u2068{{found}}\u2069',
    badOffsets: 'السطر \u2068{{id}}\u2069: يجب أن تُكتب المواضع \u2068"start end"\u2069 (أو \u2068"start end;start end"\u2069)، ووجدنا \u2068{{found}}\u2069',
    afterTab: 'السطر \u2068{{id}}\u2069: نص غير منتظر بعد علامة جدولة: \u2068{{found}}\u2069',
    spaces: 'السطر \u2068{{id}}\u2069: يجب أن تفصل بين الحقول مسافة واحدة: \u2068{{found}}\u2069',
    relationShape: 'السطر \u2068{{id}}\u2069 مبتور أو أطول مما ينبغي: المنتظر \u2068"{{id}}<TAB>Label Arg1:T1 Arg2:T2"\u2069',
    relationArgs: 'السطر \u2068{{id}}\u2069: تحتاج العلاقة إلى Arg1:<id> واحد وArg2:<id> واحد، ووجدنا \u2068{{found}}\u2069',
    attributeShape: 'السطر \u2068{{id}}\u2069: المنتظر \u2068"{{id}}<TAB>Name T1 [value]"\u2069',
    outside: 'المقطع \u2068{{id}}\u2069: المواضع \u2068{{offsets}}\u2069 خارج النص (0..{{length, d}} نقطة ترميز)',
    order: 'المقطع \u2068{{id}}\u2069: يجب أن تسبق البداية {{start, d}} النهاية {{end, d}}',
    gapText:
      'المقطع \u2068{{id}}\u2069 متقطّع (\u2068{{offsets}}\u2069) وبين أجزائه نص غير فواصل الأسطر والمسافات: لا يحمل حاشية إلا المقاطع المتصلة، فلا تُستورد الوثيقة بدلًا من دمج الأجزاء أو إسقاطها',
    gapOrder:
      'المقطع \u2068{{id}}\u2069 متقطّع (\u2068{{offsets}}\u2069) وأجزاؤه فارغة أو في غير ترتيبها أو متداخلة: لا يحمل حاشية إلا المقاطع المتصلة، فلا تُستورد الوثيقة بدلًا من دمج الأجزاء أو إسقاطها',
    textDiffers: 'المقطع \u2068{{id}}\u2069: النص \u2068{{given}}\u2069 لا يطابق النص عند \u2068{{offsets}}\u2069 (\u2068{{expected}}\u2069)',
    notTextSpan: 'السطر \u2068{{id}}\u2069: \u2068{{ref}}\u2069 ليس مقطعًا نصيًّا (لا يربط حاشية إلا المقاطع النصية)',
    undefinedRef: 'السطر \u2068{{id}}\u2069: \u2068{{ref}}\u2069 غير معرَّف في هذا الملف',
    ownSource: 'السطر \u2068{{id}}\u2069: {{problem, said}}',
    badStance: 'السطر \u2068{{id}}\u2069: يجب أن يكون الموقف واحدًا من {{stances}}، ووجدنا \u2068{{found}}\u2069',
    twoStances: 'السطر \u2068{{id}}\u2069: للمقطع \u2068{{target}}\u2069 الموقف \u2068{{stance}}\u2069 من قبل (السطر {{line, d}})',
  },
  labels: {
    nameEmpty: 'التسمية {{index, d}}: الاسم فارغ',
    nameSpace: 'التسمية {{index, d}}: في الاسم «{{name}}» مسافة',
    nameTwice: 'التسمية {{index, d}}: الاسم «{{name}}» مستعمل مرتين',
    nameNotText: 'التسمية {{index, d}}: الاسم {{problem, said}}',
    role: 'التسمية {{index, d}}: يجب أن يكون الدور واحدًا من {{roles}}',
    key: 'التسمية {{index, d}}: يجب أن يكون المفتاح رقمًا واحدًا من 1 إلى 9',
    keyTwice: 'التسمية {{index, d}}: المفتاح {{key}} مستعمل مرتين',
    colour: 'التسمية {{index, d}}: يجب أن يُكتب اللون مثل \u200e#1f77b4',
    none: 'يجب أن تكون هناك تسمية واحدة على الأقل',
  },
  plan: {
    shaMismatch: 'قيمة text_sha256 \u200f\u2068{{given}}\u2069 لا تطابق النص (بصمة SHA-256 له هي \u2068{{sha}}\u2069)',
    textsDiffer: 'الوثيقة «{{title}}» تسمّي وثيقة المكتبة «{{library}}»، لكن النصين مختلفان؛ لم تُلحق تسمياتها',
  },
};
