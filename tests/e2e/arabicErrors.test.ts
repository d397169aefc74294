import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser } from './support/workbench';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const dir = () => mkdtempSync(join(tmpdir(), 'hashiya-arabic-errors-'));
const shot = (page: Page, name: string) => page.screenshot({ path: join(tmpdir(), `hashiya-arabic-errors-${name}.png`) });

/** A fresh profile in an Arabic system, so the interface starts in Arabic with Arabic-Indic digits. */
async function openInArabic(): Promise<{ page: Page; close: () => Promise<void>; errors: string[] }> {
  const context = await browser.newContext({ viewport: { width: 1300, height: 900 }, locale: 'ar-SY' });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(inject('baseUrl'));
  const who = page.getByRole('dialog', { name: 'اسم المُعلِّق' });
  await who.getByRole('textbox', { name: 'اسم المُعلِّق' }).fill('رانيا');
  await who.getByRole('button', { name: 'احفظ الاسم' }).click();
  await who.waitFor({ state: 'detached' });
  return { page, close: () => context.close(), errors };
}

/** Opens the import dialog, picks the files in a format and checks them; returns the list of problems. */
async function checkInArabic(page: Page, format: string, paths: string[]) {
  await page.getByRole('button', { name: 'استيراد…' }).click();
  const dialog = page.getByRole('dialog', { name: 'استيراد التوسيمات' });
  await dialog.getByRole('combobox', { name: 'الصيغة' }).selectOption(format);
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), dialog.getByRole('button', { name: 'اختر الملفات…' }).click()]);
  await chooser.setFiles(paths);
  await dialog.getByRole('button', { name: 'افحص الملفات' }).click();
  await dialog.getByRole('region', { name: 'مراجعة الاستيراد' }).waitFor();
  return { dialog, problems: dialog.getByTestId('import-problems').getByRole('listitem') };
}

describe('problems in the Arabic interface', () => {
  it('says a broken brat file’s and a broken JSONL file’s problems in Arabic, naming the file and the line in Arabic-Indic digits', async () => {
    const { page, close, errors } = await openInArabic();
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
    // JSON.parse's own words are the browser's, in English; the sentence around them is Arabic.
    expect(lines[2]).toMatch(/^الملف \u2068news\.jsonl\u2069، السطر ٣: ليس JSON صالحًا \(.+\)$/);
    await shot(page, 'jsonl');
    expect(errors).toEqual([]);
    await close();
  });

  it('says why a label set was not saved in Arabic', async () => {
    const { page, close, errors } = await openInArabic();
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
