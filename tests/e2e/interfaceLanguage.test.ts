import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser } from './support/workbench';

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
});
