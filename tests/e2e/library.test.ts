import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeWindows1256 } from '../shared/support/encodings';
import { fixtureArticle } from '../support/fixtures';
import { jsonlSpan } from './support/jsonlSpan';
import { importFiles, importJsonlFile, launchBrowser, openDocument, openWorkbench, spansOnScreen } from './support/workbench';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const KONICO = fixtureArticle('konico-strikes').text;
const GAS = fixtureArticle('gas-field-attack').text;
const LAUNCHER = fixtureArticle('sy24-launcher').text.replace(/^\ufeff/, '');
const K = 'قصف قاعدة كونيكو';
const G = 'هجوم حقل الغاز';
const L = 'منصة إطلاق في القصور';

/** The titles in the library, top to bottom. */
const titles = (page: Page) => page.locator('.library-rows tbody button[aria-label^="Open "]').allTextContents();
/** The column header (a sort button inside a th). */
const header = (page: Page, name: string) => page.locator('.library-rows thead th', { has: page.getByRole('button', { name, exact: true }) });

/** Writes one JSON Lines file with the three articles, their details and spans; returns its path. */
function threeArticles(): string {
  const d = mkdtempSync(join(tmpdir(), 'hashiya-library-'));
  const lines = [
    {
      text: KONICO,
      meta: { title: K, outlet: 'الشرق الأوسط', date: '2023-10-19', lang: 'ar', tags: ['قصف'] },
      spans: [jsonlSpan(KONICO, 'القوات الأميركية', 'actor'), jsonlSpan(KONICO, 'الميليشيات الإيرانية', 'actor')],
    },
    { text: GAS, meta: { title: G, outlet: 'عنب بلدي', date: '2024-02-01', lang: 'ar' }, spans: [jsonlSpan(GAS, 'حقل غاز كونيكو', 'place')] },
    { text: LAUNCHER, meta: { title: L, outlet: 'المدن', date: '2022-05-01', lang: 'en' }, spans: [] },
  ];
  const path = join(d, 'three.jsonl');
  writeFileSync(path, lines.map((l) => JSON.stringify(l)).join('\n') + '\n');
  return path;
}

describe('the library table', () => {
  it('sorts by every column, searches details across hamza variants, and deletes two documents that Ctrl+Z brings back with their spans', async () => {
    const { page, context, errors } = await openWorkbench(browser);
    await importJsonlFile(page, threeArticles());
    await expect.poll(() => titles(page).then((t) => t.length)).toBe(3);

    // Whose spans the column counts is said in its header; each document's review state is shown.
    expect(await header(page, 'Spans, all layers').getAttribute('title')).toBe('Spans by every annotator in the document, the gold layer included');
    expect(await page.getByTestId('review-state').allTextContents()).toEqual(['Not started', 'Not started', 'Not started']);

    const sorted = async (name: string, order: string[], direction: 'ascending' | 'descending') => {
      await page.getByRole('button', { name, exact: true }).click();
      await expect.poll(() => header(page, name).getAttribute('aria-sort')).toBe(direction);
      await expect.poll(() => titles(page)).toEqual(order);
    };
    // Arabic collation: ق before م before ه; the second click reverses.
    await sorted('Title', [K, L, G], 'ascending');
    await sorted('Title', [G, L, K], 'descending');
    await sorted('Outlet', [K, L, G], 'ascending');
    await sorted('Published', [G, K, L], 'descending');
    await sorted('Spans, all layers', [K, G, L], 'descending');
    await sorted('Spans, all layers', [L, G, K], 'ascending');
    // Characters count code points, as every exported offset does; numbers are written one way in every column.
    await sorted('Characters', [G, K, L], 'descending');
    expect(await page.getByTestId('length').allTextContents()).toEqual(['1,978', '1,943', '1,730']);
    // By language, then tags: «ar» before «ar قصف» before «en».
    await sorted('Language, tags', [G, K, L], 'ascending');
    for (const name of ['Status', 'Review', 'Last change']) {
      await page.getByRole('button', { name, exact: true }).click();
      await expect.poll(() => header(page, name).getAttribute('aria-sort')).not.toBeNull();
      expect(await page.locator('.library-rows thead th[aria-sort]').count()).toBe(1);
    }

    // The outlet written without its hamza finds it; so does a tag.
    const search = page.getByRole('searchbox', { name: 'Search titles and details' });
    await search.fill('الاوسط');
    await expect.poll(() => titles(page)).toEqual([K]);
    await search.fill('قصف');
    await expect.poll(() => titles(page)).toEqual([K]);
    await search.fill('');
    await expect.poll(() => titles(page).then((t) => t.length)).toBe(3);
    await page.getByRole('button', { name: 'Title', exact: true }).click();
    await expect.poll(() => titles(page)).toEqual([K, L, G]);

    // Two documents chosen; the confirmation names them and what goes with them.
    await page.getByRole('checkbox', { name: `Select ${K}` }).check();
    await page.getByRole('checkbox', { name: `Select ${G}` }).check();
    await page.getByRole('button', { name: 'Delete 2 documents…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Delete documents' });
    await expect.poll(() => dialog.getByTestId('delete-titles').locator('li').allTextContents()).toEqual([K, G]);
    expect(await dialog.getByTestId('delete-counts').textContent()).toBe('3 spans in 1 layer; 0 review decisions.');
    await dialog.getByRole('button', { name: 'Delete', exact: true }).click();
    await dialog.waitFor({ state: 'detached' });
    await expect.poll(() => titles(page)).toEqual([L]);
    await expect.poll(() => page.getByRole('status').textContent()).toContain('Deleted 2 documents. Undo (Ctrl+Z) brings them back.');

    await page.keyboard.press('Control+z');
    await expect.poll(() => titles(page)).toEqual([K, L, G]);
    expect(
      await page
        .getByRole('row', { name: new RegExp(K) })
        .getByTestId('span-count')
        .textContent(),
    ).toBe('2');
    await openDocument(page, K);
    expect((await spansOnScreen(page)).map((s) => s.text).sort()).toEqual(['القوات الأميركية', 'الميليشيات الإيرانية'].sort());
    expect(errors).toEqual([]);
    await context.close();
  });

  it('shows each document’s review state once a reviewer decided in it', async () => {
    const { page, context, errors } = await openWorkbench(browser);
    const d = mkdtempSync(join(tmpdir(), 'hashiya-library-review-'));
    for (const [who, label] of [
      ['layla', 'actor'],
      ['omar', 'place'],
    ] as const) {
      const line = { text: GAS, meta: { title: G, annotator: who }, spans: [jsonlSpan(GAS, 'حقل غاز كونيكو', label)] };
      writeFileSync(join(d, `${who}.jsonl`), JSON.stringify(line) + '\n');
      await importJsonlFile(page, join(d, `${who}.jsonl`));
    }
    await expect.poll(() => page.getByTestId('review-state').allTextContents()).toEqual(['Not started']);
    await openDocument(page, G);
    await page.getByRole('button', { name: 'Review annotators…' }).click();
    await page.getByRole('dialog', { name: 'Review annotators' }).getByRole('button', { name: 'Start review' }).click();
    await page.getByRole('list', { name: 'Differences list' }).waitFor();
    // The one difference (actor or place): A's label is kept, and every difference is settled.
    await page.keyboard.press('a');
    await page.locator('li[data-verdict="a"]').waitFor();
    await page.getByRole('button', { name: 'Library' }).click();
    await expect.poll(() => page.getByTestId('review-state').allTextContents()).toEqual(['Reviewed']);
    expect(errors).toEqual([]);
    await context.close();
  });
});

describe('imports name what they found', () => {
  it('Import .txt files says which encoding it read, in English and Arabic', async () => {
    const { page, context, errors } = await openWorkbench(browser);
    const d = mkdtempSync(join(tmpdir(), 'hashiya-encodings-'));
    writeFileSync(join(d, 'cp1256.txt'), encodeWindows1256('قصفت القوات الأميركية مواقع قرب الميادين، وقال المرصد إن الغارات استمرت حتى الفجر.'));
    await importFiles(page, [fixtureArticle('konico-strikes').path, join(d, 'cp1256.txt')]);
    await expect.poll(() => page.getByRole('status').textContent()).toContain('Imported 2 documents. Read as 1 file in UTF-8; 1 file in windows-1256.');
    await page.locator('.interface-switch select').first().selectOption('ar');
    await page.waitForFunction(() => document.documentElement.lang === 'ar');
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByRole('button', { name: 'استيراد ملفات نصية (txt)' }).click()]);
    await chooser.setFiles([fixtureArticle('sy24-launcher').path]);
    await expect.poll(() => page.getByRole('status').textContent()).toContain('قُرئ بترميز: UTF-8 (BOM).');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('names labels an import brings that the set lacks, and merges one into actor as one step Ctrl+Z takes back', async () => {
    const { page, context, errors } = await openWorkbench(browser);
    const d = mkdtempSync(join(tmpdir(), 'hashiya-unknown-'));
    const line = {
      text: KONICO,
      meta: { title: K },
      spans: [jsonlSpan(KONICO, 'القوات الأميركية', 'ORG'), jsonlSpan(KONICO, 'ديرالزور', 'GPE'), jsonlSpan(KONICO, 'خشام', 'place')],
    };
    writeFileSync(join(d, 'unknown.jsonl'), JSON.stringify(line) + '\n');
    await page.getByRole('button', { name: 'Import…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Import annotations' });
    await dialog.getByRole('combobox', { name: 'Format' }).selectOption('jsonl');
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), dialog.getByRole('button', { name: 'Choose files…' }).click()]);
    await chooser.setFiles([join(d, 'unknown.jsonl')]);
    await dialog.getByRole('button', { name: 'Check files' }).click();
    await expect.poll(() => dialog.getByTestId('unknown-labels').textContent()).toContain('Labels not in your set: GPE, ORG');
    await dialog.getByRole('button', { name: 'Import', exact: true }).click();
    await dialog.waitFor({ state: 'detached' });
    await expect.poll(() => page.getByRole('status').textContent()).toContain('Imported 1 new document');
    expect(await page.locator('.notice-strip').textContent()).toContain('Labels not in your set: GPE, ORG.');

    await page.getByRole('button', { name: 'Labels…' }).click();
    const labels = page.getByRole('dialog', { name: 'Labels and guidelines' });
    const notInSet = labels.getByRole('region', { name: 'Labels in the library that are not in your set' });
    await expect
      .poll(() => notInSet.locator('li').allTextContents())
      .toEqual(['GPE (1 span) Merge into…actorplaceweaponclaim', 'ORG (1 span) Merge into…actorplaceweaponclaim']);
    await notInSet.getByRole('combobox', { name: 'Merge ORG into…' }).selectOption('actor');
    const confirm = labels.getByRole('group', { name: 'Merge a label' });
    await expect
      .poll(() => confirm.getByTestId('merge-confirm').textContent())
      .toContain('Every span labelled “ORG” takes the label “actor”: 1 span in 1 document');
    await confirm.getByRole('button', { name: 'Merge', exact: true }).click();
    await expect.poll(() => notInSet.locator('li').count()).toBe(1);
    await labels.getByRole('button', { name: 'Cancel' }).click();
    await labels.waitFor({ state: 'detached' });
    await openDocument(page, K);
    await expect.poll(async () => (await spansOnScreen(page)).find((s) => s.text === 'القوات الأميركية')?.label).toBe('actor');

    await page.keyboard.press('Control+z');
    await expect.poll(async () => (await spansOnScreen(page)).find((s) => s.text === 'القوات الأميركية')?.label).toBe('ORG');

    // Renaming a label to one the set has is no longer refused: it asks for the merge.
    await page.getByRole('button', { name: 'Labels…' }).click();
    await labels.getByRole('textbox', { name: 'Name of label 2', exact: true }).fill('actor');
    await labels.getByRole('button', { name: 'Save labels' }).click();
    await expect.poll(() => confirm.textContent()).toContain('Renaming “place” to “actor”, a label you already have, merges them.');
    expect(await confirm.getByTestId('merge-confirm').textContent()).toContain(
      '1 span in 1 document, every layer. Undo (Ctrl+Z) takes it back. “place” then leaves the label set.',
    );
    await confirm.getByRole('button', { name: 'Merge', exact: true }).click();
    await expect.poll(() => labels.getByRole('textbox', { name: /^Name of label/ }).count()).toBe(3);
    await labels.getByRole('button', { name: 'Cancel' }).click();
    await expect.poll(async () => (await spansOnScreen(page)).find((s) => s.text === 'خشام')?.label).toBe('actor');
    expect(await page.getByRole('button', { name: /Tag as place/ }).count()).toBe(0);
    expect(errors).toEqual([]);
    await context.close();
  });
});
