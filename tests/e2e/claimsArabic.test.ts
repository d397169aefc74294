import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { claimsJsonl, DOCUMENTS } from '../shared/claims/claimsFixture';
import { importJsonlFile, launchBrowser, openWorkbench } from './support/workbench';

const US = 'القوات الأميركية';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe('the claims view and the entity pages in Arabic', () => {
  it('shows the heat map, filters and claim list in Arabic, right to left, then an entity made from a mention and its page', async () => {
    const { page, context, errors } = await openWorkbench(browser, 'analyst');
    const shot = (name: string) => page.screenshot({ path: join(tmpdir(), `hashiya-ar-${name}.png`) });
    const d = mkdtempSync(join(tmpdir(), 'hashiya-claims-ar-'));
    writeFileSync(join(d, 'reports.jsonl'), claimsJsonl(DOCUMENTS, 'analyst'));
    await importJsonlFile(page, join(d, 'reports.jsonl'));
    await page.getByRole('combobox', { name: 'Interface language' }).selectOption('ar');

    // The claims view: counts in Arabic-Indic digits, headers, stances and placeholders in Arabic.
    await page.getByRole('toolbar', { name: 'منضدة العمل' }).getByRole('button', { name: 'الادعاءات' }).click();
    const count = page.getByTestId('claims-count');
    await expect.poll(() => count.textContent()).toBe('٦ من ٦ ادعاءات');
    const view = page.getByRole('region', { name: 'الادعاءات' });
    const list = view.getByRole('table', { name: 'قائمة الادعاءات' });
    expect(await list.getByRole('columnheader').allTextContents()).toEqual(['الادعاء', 'المصدر', 'الموقف', 'الوسيلة الإعلامية', 'التاريخ', 'المستند']);
    const matrix = view.getByRole('table', { name: 'المصادر حسب الوسائل الإعلامية' });
    await matrix.getByRole('rowheader', { name: '(بلا مصدر)' }).waitFor();
    const cell = matrix.getByRole('button', { name: `${US} في سوريا 24: ادعاء واحد (الموقف منفيّ: ١)` });
    expect(await cell.textContent()).toBe('١');
    // Right to left: the corner heads the table on the right, the outlets run leftwards from it.
    const corner = await matrix.getByRole('columnheader', { name: 'المصدر / الوسيلة' }).boundingBox();
    const outlet = await matrix.getByRole('columnheader', { name: 'سوريا 24' }).boundingBox();
    expect(corner!.x).toBeGreaterThan(outlet!.x);
    const first = await list.getByRole('columnheader', { name: 'الادعاء' }).boundingBox();
    const last = await list.getByRole('columnheader', { name: 'المستند' }).boundingBox();
    expect(first!.x).toBeGreaterThan(last!.x);
    await shot('claims');

    // A stance filter by its Arabic name; the rows say the stance and the date in Arabic.
    const filters = view.getByRole('form', { name: 'تصفية الادعاءات' });
    await filters.getByRole('combobox', { name: 'الموقف' }).selectOption({ label: 'منفيّ' });
    await expect.poll(() => count.textContent()).toBe('٢ من ٦ ادعاءات');
    const rows = list.getByRole('row').filter({ has: page.getByRole('button', { name: /^افتح الادعاء:/ }) });
    expect(await rows.count()).toBe(2);
    for (const row of await rows.all()) {
      const cells = row.getByRole('cell');
      expect(await cells.nth(2).textContent()).toBe('منفيّ');
      expect(await cells.nth(4).textContent()).toMatch(/٢٠٢٤/);
    }
    await filters.getByRole('combobox', { name: 'جمّع حسب' }).selectOption({ label: 'الموقف' });
    await list.getByRole('rowheader', { name: 'منفيّ (٢)' }).waitFor();
    await shot('claims-filtered');
    await filters.getByRole('button', { name: 'أزل التصفية' }).click();
    await expect.poll(() => count.textContent()).toBe('٦ من ٦ ادعاءات');

    // A date filter typed in Arabic-Indic digits is said back in Arabic; a date that is none is refused.
    const since = filters.getByRole('textbox', { name: 'من', exact: true });
    await since.fill('٢٠٢٤-٠٣-٠٨');
    await expect.poll(() => since.locator('xpath=../..').locator('.date-said').textContent()).toBe('٨ مارس ٢٠٢٤');
    await shot('claims-date');
    await since.fill('٢٠٢٤-٠٢-٣٠');
    await expect.poll(() => filters.getByRole('alert').textContent()).toBe('اكتب التاريخ على صورة سنة-شهر-يوم، مثل ٢٠٢٤-٠٣-٠٧.');
    await since.fill('');
    await expect.poll(() => count.textContent()).toBe('٦ من ٦ ادعاءات');

    // A claim opens its document; a mention there becomes an entity from the entity box.
    await list.getByRole('button', { name: 'افتح الادعاء: الهجوم لم يسفر عن إصابات' }).click();
    await page.locator('.hs-span', { hasText: US }).first().click();
    const box = page.getByRole('region', { name: 'الكيان', exact: true });
    await expect.poll(() => box.getByTestId('mention-entity').textContent()).toBe('غير مربوط بكيان.');
    await box.getByRole('button', { name: 'كيان جديد من هذا الذكر (Shift+L)' }).click();
    await expect.poll(() => box.getByTestId('mention-entity').textContent()).toBe(`${US} (فاعل)`);
    await shot('entity-box');

    // The entity's page: its type by the label's Arabic name, its counts in Arabic-Indic digits.
    await box.getByRole('button', { name: `صفحة الكيان ${US}` }).click();
    const entity = page.getByRole('region', { name: `الكيان ${US}` });
    expect(await entity.getByTestId('entity-name').textContent()).toBe(`${US} (فاعل)`);
    await expect.poll(() => entity.getByTestId('mention-count').textContent()).toBe('١');
    await expect.poll(() => entity.getByTestId('claim-count').textContent()).toBe('١');
    await entity.getByRole('form', { name: 'تعديل الكيان' }).getByRole('combobox', { name: 'النوع' }).waitFor();
    expect(await entity.getByRole('combobox', { name: 'النوع' }).inputValue()).toBe('actor');
    await shot('entity-page');

    // The list of every entity, and back.
    await entity.getByRole('button', { name: '→ كل الكيانات' }).click();
    const all = page.getByRole('region', { name: 'الكيانات', exact: true });
    await expect
      .poll(() => all.getByRole('table', { name: 'كل الكيانات' }).getByRole('columnheader').allTextContents())
      .toEqual(['الاسم', 'أسماء أخرى', 'النوع', 'المعرّف', 'مواضع الذكر']);
    await expect.poll(() => all.getByTestId('entity-row').getByRole('cell').allTextContents()).toEqual([US, '', 'فاعل', '', '١']);
    await shot('entities');

    expect(errors).toEqual([]);
    await context.close();
  });
});
