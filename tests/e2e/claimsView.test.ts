import { mkdtempSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { claimsJsonl, DOCUMENTS, SY24 } from '../shared/claims/claimsFixture';
import { launchBrowser, openWorkbench, importJsonlFile } from './support/workbench';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const SHOTS = process.env.HASHIYA_SHOTS;

const count = (page: Page) => page.getByTestId('claims-count');

async function download(page: Page, button: string): Promise<string> {
  const [d] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: button }).click()]);
  return readFile(await d.path(), 'utf8');
}

describe('the claims view', () => {
  it('filters by source and outlet, clicks from the matrix to a claim in its document, and exports CSV and JSON', async () => {
    const { page, context, errors } = await openWorkbench(browser, 'analyst');
    const d = mkdtempSync(join(tmpdir(), 'hashiya-claims-view-'));
    writeFileSync(join(d, 'reports.jsonl'), claimsJsonl(DOCUMENTS, 'analyst'));
    await importJsonlFile(page, join(d, 'reports.jsonl'));

    await page.getByRole('toolbar', { name: 'Workbench' }).getByRole('button', { name: 'Claims' }).click();
    await expect.poll(() => count(page).textContent()).toBe('6 of 6 claims');
    const view = page.getByRole('region', { name: 'Claims' });
    const filters = view.getByRole('form', { name: 'Claim filters' });
    const matrix = view.getByRole('table', { name: 'Sources by outlets' });
    const list = view.getByRole('table', { name: 'Claim list' });
    if (SHOTS) await matrix.screenshot({ path: join(SHOTS, 'claims-matrix.png') });
    if (SHOTS) await page.screenshot({ path: join(SHOTS, 'claims-view.png') });

    // By source: the local sources, linked in neither article, count as one source in both outlets.
    await filters.getByRole('combobox', { name: 'Source' }).selectOption({ label: 'مصادر محلية (2)' });
    await expect.poll(() => count(page).textContent()).toBe('2 of 6 claims');
    // In library order, which one import leaves to the ids it gives.
    expect((await list.getByRole('button', { name: /^Open claim:/ }).allTextContents()).sort()).toEqual([
      'الميلشيات الإيرانية استهدفت القاعدة بواسطة الصواريخ',
      'الميلشيات الإيرانية قصفت القاعدة',
    ]);
    // And by outlet: what سوريا 24 attributes to them.
    await filters.getByRole('combobox', { name: 'Outlet' }).selectOption({ label: 'سوريا 24 (4)' });
    await expect.poll(() => count(page).textContent()).toBe('1 of 6 claims');
    await filters.getByRole('button', { name: 'Clear filters' }).click();
    await expect.poll(() => count(page).textContent()).toBe('6 of 6 claims');

    // The matrix: the American forces in سوريا 24, one denial; its cell filters the table to it.
    const cell = matrix.getByRole('button', { name: 'القوات الأميركية in سوريا 24: 1 claim (1 denied)' });
    await cell.click();
    await expect.poll(() => count(page).textContent()).toBe('1 of 6 claims');
    expect(await cell.getAttribute('aria-pressed')).toBe('true');
    await list.getByRole('button', { name: 'Open claim: الهجوم لم يسفر عن إصابات' }).click();
    await page.getByRole('textbox', { name: 'Article text' }).waitFor();
    const selected = page.locator('[data-article-editor] .hs-selected');
    await expect.poll(() => selected.textContent()).toBe('الهجوم لم يسفر عن إصابات');
    await expect
      .poll(() =>
        selected.evaluate((el) => {
          const r = el.getBoundingClientRect();
          return r.top >= 0 && r.bottom <= window.innerHeight;
        }),
      )
      .toBe(true);
    if (SHOTS) await page.screenshot({ path: join(SHOTS, 'claims-opened.png') });

    // Back in the view the filter still holds; the exports write what it shows.
    await page.getByRole('toolbar', { name: 'Workbench' }).getByRole('button', { name: 'Claims' }).click();
    await expect.poll(() => count(page).textContent()).toBe('1 of 6 claims');
    await filters.getByRole('button', { name: 'Clear filters' }).click();
    await expect.poll(() => count(page).textContent()).toBe('6 of 6 claims');
    const csv = await download(page, 'Export claims CSV');
    const lines = csv
      .replace(/^\uFEFF/, '')
      .split('\r\n')
      .filter(Boolean);
    expect(lines[0]).toBe(
      'claim_id,document_id,document_title,outlet,published,start,end,label,claim_text,stance,source_entity_id,source_entity_name,source_entity_other_names,source_text,source_label,targets,target_entity_ids',
    );
    expect(lines).toHaveLength(7);
    const denial = lines.find((l) => l.includes('الهجوم لم يسفر عن إصابات'))!.split(',');
    const start = Array.from(SY24).length - Array.from('الهجوم لم يسفر عن إصابات.').length;
    expect(denial.slice(3, 10)).toEqual(['سوريا 24', '2024-08-06', String(start), String(start + 24), 'claim', 'الهجوم لم يسفر عن إصابات', 'denied']);
    expect(denial[13]).toBe('القوات الأميركية');

    const json = JSON.parse(await download(page, 'Export claims JSON')) as {
      claims: {
        text: string;
        start: number;
        end: number;
        stance: string;
        document: { outlet: string };
        source: { text: string } | null;
        targets: { text: string }[];
      }[];
    };
    expect(json.claims).toHaveLength(6);
    for (const c of json.claims) {
      const doc = DOCUMENTS.find((x) => x.meta!.outlet === c.document.outlet)!;
      expect(Array.from(doc.text).slice(c.start, c.end).join('')).toBe(c.text);
    }
    expect(json.claims.find((c) => c.text.startsWith('الميلشيات الإيرانية استهدفت'))).toMatchObject({
      stance: 'asserted',
      source: { text: 'مصادر محلية' },
      document: { outlet: 'المدن' },
    });
    const entities = JSON.parse(await download(page, 'Export entities JSON')) as { entities: unknown[] };
    expect(Array.isArray(entities.entities)).toBe(true);
    expect(errors).toEqual([]);
    await context.close();
  });
});
