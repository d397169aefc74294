import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixtureArticle } from '../support/fixtures';
import { exportJsonlBy, importFiles, launchBrowser, openWorkbench } from './support/workbench';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const KONICO = 'konico-strikes';
const LAUNCHER = 'sy24-launcher';
const GAS = fixtureArticle('gas-field-attack').text;

/** The titles in the library, top to bottom. */
const titles = (page: Page) => page.locator('.library-rows tbody button[aria-label^="Open "]').allTextContents();

describe('documents know where they come from', () => {
  it('metadata entered in the app and imported from JSON Lines is shown, sorted, filtered and exported', async () => {
    const { page, context, errors } = await openWorkbench(browser);
    await importFiles(page, [fixtureArticle(KONICO).path, fixtureArticle(LAUNCHER).path]);
    await page.getByRole('button', { name: `Open ${LAUNCHER}` }).waitFor();

    // Entered in the app: a wrong URL is refused in words, then corrected.
    await page.getByRole('button', { name: `Edit details of ${KONICO}` }).click();
    const dialog = page.getByRole('dialog', { name: 'Document details' });
    await dialog.getByRole('textbox', { name: 'Title' }).fill('قصف قاعدة كونيكو');
    await dialog.getByRole('textbox', { name: 'Outlet' }).fill('المدن');
    await dialog.getByLabel('Date published').fill('2023-10-19');
    await dialog.getByRole('textbox', { name: 'URL' }).fill('https://www.almodon.com/politics/konico');
    await dialog.getByRole('textbox', { name: 'Language' }).fill('ar');
    await dialog.getByRole('textbox', { name: 'Tags' }).fill('دير الزور، قصف');
    await dialog.getByRole('textbox', { name: 'Author' }).fill('x\u00a0');
    await dialog.getByRole('textbox', { name: 'Language' }).fill('not a language!');
    await dialog.getByRole('button', { name: 'Save details' }).click();
    await expect.poll(() => dialog.getByRole('alert', { name: 'Problems' }).textContent()).toContain('Language must be a BCP 47 language tag');
    await page.screenshot({ path: '/tmp/meta-dialog.png' });
    await dialog.getByRole('textbox', { name: 'Language' }).fill('ar');
    await dialog.getByRole('button', { name: 'Save details' }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.getByRole('button', { name: 'Open قصف قاعدة كونيكو' }).waitFor();

    // Imported from JSON Lines with its meta.
    const d = mkdtempSync(join(tmpdir(), 'hashiya-meta-'));
    const line = { text: GAS, meta: { title: 'هجوم حقل الغاز', outlet: 'عنب بلدي', date: '2024-02-01', lang: 'ar', tags: ['غاز'] } };
    writeFileSync(join(d, 'news.jsonl'), JSON.stringify(line) + '\n');
    await page.getByRole('button', { name: 'Import…' }).click();
    const imp = page.getByRole('dialog', { name: 'Import annotations' });
    await imp.getByRole('combobox', { name: 'Format' }).selectOption('jsonl');
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), imp.getByRole('button', { name: 'Choose files…' }).click()]);
    await chooser.setFiles([join(d, 'news.jsonl')]);
    await imp.getByRole('button', { name: 'Check files' }).click();
    await imp.getByRole('region', { name: 'Import review' }).waitFor();
    await imp.getByRole('button', { name: 'Import', exact: true }).click();
    await page.getByRole('button', { name: 'Open هجوم حقل الغاز' }).waitFor();
    await expect
      .poll(() =>
        page
          .getByRole('row', { name: /هجوم حقل الغاز/ })
          .getByTestId('outlet')
          .textContent(),
      )
      .toBe('عنب بلدي');

    // Sorted by date published, newest first; undated last.
    const filters = page.getByRole('group', { name: 'Sort and filter by details' });
    await filters.getByRole('combobox', { name: 'Sort by' }).selectOption('published');
    await expect.poll(() => titles(page)).toEqual(['هجوم حقل الغاز', 'قصف قاعدة كونيكو', LAUNCHER]);
    // Filtered by outlet, then by a range of dates.
    await filters.getByRole('combobox', { name: 'Outlet' }).selectOption('المدن');
    await expect.poll(() => titles(page)).toEqual(['قصف قاعدة كونيكو']);
    await filters.getByRole('combobox', { name: 'Outlet' }).selectOption('');
    await filters.getByLabel('Published from').fill('2024-01-01');
    await expect.poll(() => titles(page)).toEqual(['هجوم حقل الغاز']);
    await page.screenshot({ path: '/tmp/meta-library.png' });
    await filters.getByLabel('Published from').fill('');

    // The export carries it.
    await page.getByRole('button', { name: 'Export…' }).click();
    const exp = page.getByRole('dialog', { name: 'Export annotations' });
    await exp.getByRole('combobox', { name: 'Format' }).selectOption('jsonl');
    await exp.getByRole('checkbox', { name: /include untouched documents/ }).setChecked(true);
    const lines = await exportJsonlBy(page, () => exp.getByRole('button', { name: 'Export jsonl' }).click());
    const byTitle = new Map(lines.map((l) => [l.meta.title, l.meta as unknown as Record<string, unknown>]));
    expect(byTitle.get('قصف قاعدة كونيكو')).toMatchObject({
      outlet: 'المدن',
      published: '2023-10-19',
      url: 'https://www.almodon.com/politics/konico',
      author: 'x',
      language: 'ar',
      tags: ['دير الزور', 'قصف'],
    });
    expect(byTitle.get('هجوم حقل الغاز')).toMatchObject({ outlet: 'عنب بلدي', published: '2024-02-01', language: 'ar', tags: ['غاز'] });
    expect(errors).toEqual([]);
    await context.close();
  });
});
