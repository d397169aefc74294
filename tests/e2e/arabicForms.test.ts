import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
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

const T = 'قال المرصد السوري إن الطائرات قصفت حقل كونيكو في ريف دير الزور الشرقي';

describe('forms in the Arabic interface', () => {
  it('name formats in words, say nothing of zero documents, and take and show dates in Arabic-Indic digits', async () => {
    const { page, close, errors } = await openInArabic(browser);
    const d = mkdtempSync(join(tmpdir(), 'hashiya-arabic-forms-'));
    writeFileSync(join(d, 'konico.txt'), T);

    // The format menu says what each format is; its values stay the command line's names.
    const dialog = await checkImportInArabic(page, 'txt', [join(d, 'konico.txt')]);
    const options = dialog.getByRole('combobox', { name: 'الصيغة' }).locator('option');
    expect(await options.evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value))).toEqual([
      'txt',
      'jsonl',
      'doccano',
      'labelstudio',
      'brat',
      'conll',
    ]);
    const words = await options.allTextContents();
    expect(words[0]).toContain('نص عادي');
    expect(words[4]).toContain('brat');
    expect(words).not.toContain('labelstudio');
    // A new file is one new document; no line about spans for documents already here.
    expect(await dialog.getByTestId('import-summary').locator('li').allTextContents()).toEqual(['مستند جديد واحد']);
    await dialog.getByRole('button', { name: 'استورد', exact: true }).click();
    await expect.poll(() => page.getByRole('status').allTextContents()).toContainEqual(expect.stringContaining('الجديد: مستند جديد واحد.'));
    expect((await page.getByRole('status').allTextContents()).join(' ')).not.toContain('أُلحق');

    // The document's date, typed in Arabic-Indic digits, is stored as a date and shown in them.
    await page.getByRole('button', { name: 'عدّل تفاصيل konico' }).click();
    const details = page.getByRole('dialog', { name: 'تفاصيل المستند' });
    const published = details.getByRole('textbox', { name: 'تاريخ النشر' });
    expect(await published.getAttribute('placeholder')).toBe('٢٠٢٤-٠٣-٠٧');
    await published.fill('٢٠٢٣-١٠-١٩');
    await details.getByRole('button', { name: 'احفظ التفاصيل' }).click();
    await details.waitFor({ state: 'detached' });
    await page.getByRole('button', { name: 'عدّل تفاصيل konico' }).click();
    expect(await details.getByRole('textbox', { name: 'تاريخ النشر' }).inputValue()).toBe('٢٠٢٣-١٠-١٩');
    await details.getByRole('button', { name: 'إلغاء' }).click();
    await details.waitFor({ state: 'detached' });

    // The library's date filters take the same digits, not the system's date picker.
    const filters = page.getByRole('group', { name: 'الترتيب والتصفية حسب التفاصيل' });
    const rows = page.locator('.library-rows tbody tr');
    await filters.getByRole('textbox', { name: 'منشور من' }).fill('٢٠٢٤-٠١-٠١');
    await expect.poll(() => rows.count()).toBe(0);
    await filters.getByRole('textbox', { name: 'منشور حتى' }).fill('');
    await filters.getByRole('textbox', { name: 'منشور من' }).fill('٢٠٢٣-١٠-٠١');
    await expect.poll(() => rows.count()).toBe(1);
    expect(errors).toEqual([]);
    await close();
  });
});
