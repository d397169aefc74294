import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkImportInArabic, openInArabic } from './support/arabicImport';
import { launchBrowser } from './support/workbench';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const dir = () => mkdtempSync(join(tmpdir(), 'hashiya-arabic-errors-'));
// Screenshots go to HASHIYA_SHOTS when it names a folder, for a person to look at.
const shot = (page: Page, name: string) => page.screenshot({ path: join(process.env.HASHIYA_SHOTS ?? tmpdir(), `hashiya-arabic-errors-${name}.png`) });

/** Opens the import dialog, picks the files in a format and checks them; returns the list of problems. */
async function checkInArabic(page: Page, format: string, paths: string[]) {
  const dialog = await checkImportInArabic(page, format, paths);
  return { dialog, problems: dialog.getByTestId('import-problems').getByRole('listitem') };
}

describe('problems in the Arabic interface', () => {
  it('says a broken brat file’s and a broken JSONL file’s problems in Arabic, naming the file and the line in Arabic-Indic digits', async () => {
    const { page, close, errors } = await openInArabic(browser);
    const d = dir();
    writeFileSync(join(d, 'خبر.txt'), 'قال المرصد إن القصف استهدف ريف ديرالزور الشرقي.');
    writeFileSync(join(d, 'خبر.ann'), 'T1\tactor 4 10\tالمرصد\nT1\tplace 27 31\tريف \nT2\tactor 4\n');
    const brat = await checkInArabic(page, 'brat', [join(d, 'خبر.txt'), join(d, 'خبر.ann')]);
    await expect
      .poll(() => brat.problems.allTextContents())
      .toEqual([
        'الملف \u2068خبر.ann\u2069، السطر ٢: المعرّف \u2068T1\u2069 مستعمل مرة أخرى (أول مرة في السطر ١)',
        'الملف \u2068خبر.ann\u2069، السطر ٣: السطر \u2068T2\u2069 مبتور: المنتظر \u2068"T2<TAB>Label start end<TAB>text"\u2069',
      ]);
    // Each line runs right to left, the Latin file name kept apart.
    expect(await brat.problems.first().evaluate((li) => getComputedStyle(li).direction)).toBe('rtl');
    await shot(page, 'brat');
    await brat.dialog.getByRole('button', { name: 'إلغاء' }).click();

    writeFileSync(join(d, 'news.jsonl'), ['[1, 2]', '{"text": ""}', '{"text": "قال'].join('\n'));
    const jsonl = await checkInArabic(page, 'jsonl', [join(d, 'news.jsonl')]);
    const lines = await jsonl.problems.allTextContents();
    expect(lines).toHaveLength(3);
    expect(lines[0]).toBe('الملف \u2068news.jsonl\u2069، السطر ١: يجب أن يحمل كل سطر كائن JSON');
    expect(lines[1]).toBe('الملف \u2068news.jsonl\u2069، السطر ٢: الحقل \u2068"text"\u2069 فارغ');
    // JSON.parse's own words are said in Arabic too, with the line and column it names.
    expect(lines[2]).toBe('الملف \u2068news.jsonl\u2069، السطر ٣: ليس JSON صالحًا (خطأ في صياغة JSON عند السطر ١، العمود ١٤ (الموضع ١٣): سلسلة نصية لم تُغلق)');
    await shot(page, 'jsonl');
    expect(errors).toEqual([]);
    await close();
  });

  it('says the problems of broken doccano, Label Studio, CoNLL and hashiya-meta.csv files in Arabic, at their file and line', async () => {
    const { page, close, errors } = await openInArabic(browser);
    const d = dir();
    const text = 'قال المرصد إن القصف استهدف الريف';
    const entity = { id: 1, start_offset: 0, end_offset: 3, label: 'actor' };
    writeFileSync(
      join(d, 'doccano.jsonl'),
      [
        { text, label: [[0, 99, 'actor']] },
        { text, entities: [entity], relations: [{ from_id: 1, to_id: 7, type: 'source' }] },
      ]
        .map((l) => JSON.stringify(l))
        .join('\n'),
    );
    const doccano = await checkInArabic(page, 'doccano', [join(d, 'doccano.jsonl')]);
    await expect
      .poll(() => doccano.problems.allTextContents())
      .toEqual([
        'الملف \u2068doccano.jsonl\u2069، السطر ١: العنصر ٠ من \u2068label\u2069: المواضع ٠..٩٩ خارج النص (0..٣٢ نقطة ترميز)',
        'الملف \u2068doccano.jsonl\u2069، السطر ٢: العلاقة ٠: قيمة \u2068"to_id"\u2069 \u20687\u2069 ليست معرّف كيان في هذا السطر',
      ]);
    await shot(page, 'doccano');
    await doccano.dialog.getByRole('button', { name: 'إلغاء' }).click();

    const task = { data: { text }, annotations: [{ result: [{ type: 'labels', value: { start: 4, end: 99, labels: ['actor'] } }] }] };
    writeFileSync(join(d, 'tasks.json'), JSON.stringify([task], null, 2));
    writeFileSync(join(d, 'broken.json'), '[\n  {"data" 3}\n]');
    const studio = await checkInArabic(page, 'labelstudio', [join(d, 'tasks.json'), join(d, 'broken.json')]);
    await expect
      .poll(() => studio.problems.allTextContents())
      .toEqual([
        'الملف \u2068tasks.json\u2069، السطر ٩: المهمة ١، التوسيم ١: النتيجة ١: المواضع ٤..٩٩ خارج النص (0..٣٢ نقطة ترميز)',
        'الملف \u2068broken.json\u2069، السطر ٢: ليس JSON صالحًا: المنتظر ":"، ووجدنا \u2068"3"\u2069',
      ]);
    await shot(page, 'labelstudio');
    await studio.dialog.getByRole('button', { name: 'إلغاء' }).click();

    writeFileSync(join(d, 'news.conll'), 'قال O\nالمرصد b-actor\nإن\n');
    const conll = await checkInArabic(page, 'conll', [join(d, 'news.conll')]);
    await expect
      .poll(() => conll.problems.allTextContents())
      .toEqual([
        'الملف \u2068news.conll\u2069، السطر ٢: وسم غير صالح \u2068"b-actor"\u2069: الوسم هو O، أو B- أو I- أو E- أو S- أو L- أو U- يليها نوع',
        'الملف \u2068news.conll\u2069، السطر ٣: الوحدة \u2068"إن"\u2069 بلا وسم',
      ]);
    await shot(page, 'conll');
    await conll.dialog.getByRole('button', { name: 'إلغاء' }).click();

    writeFileSync(join(d, 'a.txt'), text);
    writeFileSync(join(d, 'hashiya-meta.csv'), 'file,published,url\na.txt,2023-02-30,\nb.txt,,\n');
    const sidecar = await checkInArabic(page, 'txt', [join(d, 'a.txt'), join(d, 'hashiya-meta.csv')]);
    await expect
      .poll(() => sidecar.problems.allTextContents())
      .toEqual([
        'الملف \u2068hashiya-meta.csv\u2069، السطر ٢: الملف \u2068a.txt\u2069: الحقل \u2068"published"\u2069 يجب أن يكون تاريخًا مكتوبًا على صورة \u2068YYYY-MM-DD\u2069 (مثل \u20682024-03-07\u2069)، لا \u2068"2023-02-30"\u2069',
        'الملف \u2068hashiya-meta.csv\u2069، السطر ٣: الملف \u2068b.txt\u2069 ليس من الملفات المستوردة: يسمّي الصف ملفًّا بجانب \u2068hashiya-meta.csv\u2069',
      ]);
    await shot(page, 'sidecar');
    expect(errors).toEqual([]);
    await close();
  });

  it('says why a label set was not saved in Arabic', async () => {
    const { page, close, errors } = await openInArabic(browser);
    await page.getByRole('button', { name: 'التسميات…' }).click();
    const labels = page.getByRole('dialog', { name: 'التسميات والإرشادات' });
    const first = await labels.getByRole('combobox', { name: 'مفتاح التسمية ١', exact: true }).inputValue();
    await labels.getByRole('combobox', { name: 'مفتاح التسمية ٢', exact: true }).selectOption(first);
    await labels.getByRole('textbox', { name: 'اسم التسمية ٣', exact: true }).fill('سلاح ثقيل');
    await labels.getByRole('button', { name: 'احفظ التسميات' }).click();
    await expect
      .poll(() => labels.getByRole('alert').textContent())
      .toBe(`لم تُحفظ التسميات.التسمية ٢: المفتاح ${first} مستعمل مرتينالتسمية ٣: في الاسم «سلاح ثقيل» مسافة`);
    await shot(page, 'labels');
    expect(errors).toEqual([]);
    await close();
  });
});
