import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { DEFAULT_LABELS } from '../../shared/model/label';
import { fixtureArticle } from '../support/fixtures';
import { exportJsonlBy, launchBrowser } from './support/workbench';

const A = 'konico-strikes';
const B = 'gas-field-attack';
const WEAPON = DEFAULT_LABELS.find((l) => l.name === 'weapon')!;
/** Arabic-Indic digits (with the Arabic thousands separator), and no Latin ones. */
const ARABIC_NUMBER = /^[٠-٩٬]+$/;

/** The window's notice, in the strip at its foot. */
const notices = (page: Page) => page.getByRole('contentinfo', { name: 'الإشعارات' }).getByRole('status');

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe('the interface in Arabic and English', () => {
  it('starts in the system’s language, switches in the toolbar, lays out right to left, and remembers the choice', async () => {
    const context = await browser.newContext({ viewport: { width: 1300, height: 900 }, locale: 'ar-SY' });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(inject('baseUrl'));

    // An Arabic system starts the interface in Arabic, laid out right to left.
    await page.getByRole('button', { name: 'المكتبة' }).waitFor();
    expect(await page.evaluate(() => [document.documentElement.lang, document.documentElement.dir])).toEqual(['ar', 'rtl']);
    const toolbar = page.getByRole('toolbar', { name: 'منضدة العمل' });
    const brand = await toolbar.locator('.brand').boundingBox();
    const box = await toolbar.boundingBox();
    // The brand leads the toolbar, on the right in Arabic.
    expect(brand!.x + brand!.width).toBeGreaterThan(box!.x + box!.width - 60);
    await page.screenshot({ path: join(tmpdir(), 'hashiya-interface-ar.png') });

    // Switched to English in the toolbar: left to right, English names, Latin digits.
    await page.getByRole('combobox', { name: 'لغة الواجهة' }).selectOption('en');
    await page.getByRole('button', { name: 'Library' }).waitFor();
    expect(await page.evaluate(() => [document.documentElement.lang, document.documentElement.dir])).toEqual(['en', 'ltr']);
    expect(await page.getByRole('combobox', { name: 'Digits' }).inputValue()).toBe('latn');

    // Remembered: a reload starts in English although the system is Arabic.
    await page.reload();
    await page.getByRole('button', { name: 'Library' }).waitFor();
    expect(await page.evaluate(() => document.documentElement.dir)).toBe('ltr');

    // And back to Arabic, with Arabic-Indic digits by default.
    await page.getByRole('combobox', { name: 'Interface language' }).selectOption('ar');
    await page.getByRole('button', { name: 'المكتبة' }).waitFor();
    expect(await page.getByRole('combobox', { name: 'الأرقام' }).inputValue()).toBe('arab');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('shows the library, labels, export, backups and paste screens in Arabic, with Arabic-Indic digits, and the labels’ names and guidelines in Arabic', async () => {
    const context = await browser.newContext({ viewport: { width: 1300, height: 900 }, locale: 'ar-SY', acceptDownloads: true });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    const shot = (name: string) => page.screenshot({ path: join(tmpdir(), `hashiya-ar-${name}.png`) });
    await page.goto(inject('baseUrl'));

    // The first-start question, in Arabic.
    const who = page.getByRole('dialog', { name: 'اسم المُعلِّق' });
    await who.getByRole('heading', { name: 'مَن يُعلِّق؟' }).waitFor();
    await shot('annotator');
    await who.getByRole('textbox', { name: 'اسم المُعلِّق' }).fill('رانيا');
    await who.getByRole('button', { name: 'احفظ الاسم' }).click();
    await who.waitFor({ state: 'detached' });
    await page.getByText('لا مستندات بعد.', { exact: false }).waitFor();

    // The library: headings, counts and dates in Arabic, numbers in Arabic-Indic digits.
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByRole('button', { name: 'استيراد ملفات نصية (txt)' }).click()]);
    await chooser.setFiles([fixtureArticle(A).path, fixtureArticle(B).path]);
    await page.getByRole('button', { name: `افتح ${A}` }).waitFor();
    await expect.poll(() => notices(page).textContent()).toContain('استُورد مستندان.');
    const library = page.getByRole('region', { name: 'المكتبة' });
    // The first column holds the box that chooses every document, and no words.
    expect(await library.getByRole('columnheader').allTextContents()).toEqual([
      '',
      'العنوان',
      'الوسيلة الإعلامية',
      'تاريخ النشر',
      'اللغة والوسوم',
      'الحالة',
      'المراجعة',
      'المحارف',
      'المقاطع، كل الطبقات',
      'آخر تعديل',
    ]);
    expect(await library.getByTestId('progress').textContent()).toContain('أنجز رانيا ٠ من ٢');
    const row = page.getByRole('row', { name: new RegExp(A) });
    expect(await row.getByTestId('length').textContent()).toMatch(ARABIC_NUMBER);
    expect(await row.getByTestId('span-count').textContent()).toBe('٠');
    expect(await row.getByTestId('doc-status').textContent()).toBe('جديد');
    await shot('library');
    // Latin digits on request, in the same Arabic interface.
    await page.getByRole('combobox', { name: 'الأرقام' }).selectOption('latn');
    await expect.poll(() => row.getByTestId('length').textContent()).toMatch(/^[0-9,]+$/);
    await page.getByRole('combobox', { name: 'الأرقام' }).selectOption('arab');
    await expect.poll(() => row.getByTestId('length').textContent()).toMatch(ARABIC_NUMBER);

    // Library search, counted in Arabic.
    await library.getByRole('searchbox', { name: 'ابحث في المكتبة' }).fill('ايران');
    await library.getByRole('button', { name: 'بحث', exact: true }).click();
    await expect.poll(() => library.getByTestId('library-search-status').textContent()).toMatch(/^٥ نتائج في ٢ من ٢ مستند عن ايران$/);
    await shot('library-search');

    // A document: the label bar names each label in Arabic, with its Arabic guideline on hover.
    await page.getByRole('button', { name: `افتح ${A} عند أول نتيجة` }).click();
    const bar = page.getByRole('toolbar', { name: 'التسميات' });
    await bar.waitFor();
    // The article itself is named in Arabic, for a screen reader.
    await page.getByRole('textbox', { name: 'نص المقال', exact: true }).waitFor();
    // Each name begins with what the button shows (key, label, count), then says what it does.
    expect(
      await bar.getByRole('button').evaluateAll((bs) => bs.map((b) => /ظلّل بتسمية .* \(المفتاح \d\)/.exec(b.getAttribute('aria-label') ?? '')?.[0])),
    ).toEqual(DEFAULT_LABELS.map((l) => `ظلّل بتسمية ${l.title.ar} (المفتاح ${l.key})`));
    const weapon = bar.getByRole('button', { name: 'ظلّل بتسمية سلاح (المفتاح 3)' });
    expect(await weapon.getAttribute('title')).toBe(`سلاح (weapon)\n${WEAPON.guideline.ar}`);
    expect(await weapon.innerText()).toContain('سلاح');
    await shot('document');

    // The label editor, in Arabic: an Arabic display name changes what the bar shows, never the name.
    await page.getByRole('button', { name: 'التسميات…' }).click();
    const labels = page.getByRole('dialog', { name: 'التسميات والإرشادات' });
    expect(await labels.getByRole('textbox', { name: 'الاسم العربي للتسمية ٣', exact: true }).inputValue()).toBe('سلاح');
    expect(await labels.getByRole('textbox', { name: 'الاسم الإنجليزي للتسمية ٣', exact: true }).inputValue()).toBe('Weapon');
    await labels.getByRole('textbox', { name: 'الاسم العربي للتسمية ٣', exact: true }).fill('ذخيرة');
    await shot('labels');
    await labels.getByRole('button', { name: 'احفظ التسميات' }).click();
    await labels.waitFor({ state: 'detached' });
    await expect.poll(() => notices(page).textContent()).toContain('حُفظت التسميات.');
    await bar.getByRole('button', { name: 'ظلّل بتسمية ذخيرة (المفتاح 3)' }).waitFor();

    // Export, in Arabic: CoNLL's labels by name and display name; what is written keeps the names.
    await page.getByRole('button', { name: 'تصدير…', exact: true }).click();
    const exporting = page.getByRole('dialog', { name: 'تصدير التعليقات' });
    await exporting.getByRole('combobox', { name: 'الصيغة' }).selectOption('conll');
    expect(await exporting.getByRole('checkbox', { name: /^weapon\W+ذخيرة\W*$/ }).isChecked()).toBe(true);
    await shot('export');
    await exporting.getByRole('combobox', { name: 'الصيغة' }).selectOption('jsonl');
    await exporting.getByRole('checkbox', { name: /أدرج المستندات غير المعالجة/ }).check();
    const records = await exportJsonlBy(page, () => exporting.getByRole('button', { name: 'صدّر jsonl' }).click());
    expect(records).toHaveLength(2);
    expect((records[0]!.meta as { labels?: unknown }).labels).toEqual(DEFAULT_LABELS.map((l) => ({ name: l.name, role: l.role })));
    await expect.poll(() => notices(page).textContent()).toMatch(/^صُدِّر مستندان بصيغة jsonl \(طبقة رانيا\) إلى /);

    // Backups and paste, in Arabic.
    await page.getByRole('button', { name: 'النسخ الاحتياطية…' }).click();
    const backups = page.getByRole('dialog', { name: 'النسخ الاحتياطية للمكتبة' });
    await backups.getByRole('button', { name: 'انسخ الآن' }).waitFor();
    await shot('backups');
    await backups.getByRole('button', { name: 'إغلاق' }).last().click();
    await backups.waitFor({ state: 'detached' });
    await page.getByRole('button', { name: 'لصق نص' }).click();
    const paste = page.getByRole('dialog', { name: 'لصق نص مستندًا جديدًا' });
    await paste.getByRole('textbox', { name: 'النص المراد إضافته' }).waitFor();
    await shot('paste');
    await paste.getByRole('button', { name: 'إلغاء' }).click();
    await paste.waitFor({ state: 'detached' });

    expect(errors).toEqual([]);
    await context.close();
  });
});
