import type { Browser, Locator, Page } from 'playwright-core';
import { inject } from 'vitest';

/** A fresh profile in an Arabic system, so the interface starts in Arabic with Arabic-Indic digits. */
export async function openInArabic(browser: Browser): Promise<{ page: Page; close: () => Promise<void>; errors: string[] }> {
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

/** Opens the Arabic import dialog, picks the files in a format and checks them; returns the dialog once its review shows. */
export async function checkImportInArabic(page: Page, format: string, paths: string[]): Promise<Locator> {
  await page.getByRole('button', { name: 'استيراد…' }).click();
  const dialog = page.getByRole('dialog', { name: 'استيراد التوسيمات' });
  await dialog.getByRole('combobox', { name: 'الصيغة' }).selectOption(format);
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), dialog.getByRole('button', { name: 'اختر الملفات…' }).click()]);
  await chooser.setFiles(paths);
  await dialog.getByRole('button', { name: 'افحص الملفات' }).click();
  await dialog.getByRole('region', { name: 'مراجعة الاستيراد' }).waitFor();
  return dialog;
}
