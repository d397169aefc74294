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

  it('plain text imported with its hashiya-meta.csv, a bad sidecar refused by line, and a details edit undone with Ctrl+Z', async () => {
    const { page, context, errors } = await openWorkbench(browser);
    const d = mkdtempSync(join(tmpdir(), 'hashiya-sidecar-'));
    writeFileSync(join(d, 'konico.txt'), fixtureArticle(KONICO).text);
    writeFileSync(join(d, 'launcher.txt'), fixtureArticle(LAUNCHER).text);
    const sidecar = join(d, 'hashiya-meta.csv');
    const outlet = (title: string) =>
      page
        .getByRole('row', { name: new RegExp(title) })
        .getByTestId('outlet')
        .textContent();

    // A wrong date in the sidecar: nothing is imported, and the notice names the file and line.
    writeFileSync(sidecar, 'file,title,outlet,published\nkonico.txt,قصف قاعدة كونيكو,المدن,19/10/2023\n');
    await importFiles(page, [join(d, 'konico.txt'), join(d, 'launcher.txt'), sidecar]);
    const alert = page.getByRole('alert');
    await expect.poll(() => alert.textContent()).toContain('hashiya-meta.csv:2: konico.txt: "published" must be a date written YYYY-MM-DD');
    expect(await alert.textContent()).toContain('nothing was imported');
    expect(await page.getByRole('row').count()).toBe(0);
    await page.getByRole('button', { name: 'Dismiss' }).click();

    writeFileSync(
      sidecar,
      'file,title,outlet,published,tags\nkonico.txt,قصف قاعدة كونيكو,المدن,2023-10-19,"دير الزور, قصف"\nlauncher.txt,,سوريا 24,2024-02-01,\n',
    );
    await importFiles(page, [join(d, 'konico.txt'), join(d, 'launcher.txt'), sidecar]);
    await page.getByRole('button', { name: 'Open قصف قاعدة كونيكو' }).waitFor();
    await expect.poll(() => outlet('قصف قاعدة كونيكو')).toBe('المدن');
    expect(await outlet('launcher')).toBe('سوريا 24');

    // A details edit in the library, then Ctrl+Z: the outlet and title come back.
    await page.getByRole('button', { name: 'Edit details of قصف قاعدة كونيكو' }).click();
    const dialog = page.getByRole('dialog', { name: 'Document details' });
    await dialog.getByRole('textbox', { name: 'Title' }).fill('كونيكو');
    await dialog.getByRole('textbox', { name: 'Outlet' }).fill('عنب بلدي');
    await dialog.getByRole('button', { name: 'Save details' }).click();
    await dialog.waitFor({ state: 'detached' });
    await expect.poll(() => outlet('كونيكو')).toBe('عنب بلدي');
    await page.keyboard.press('Control+z');
    await page.getByRole('button', { name: 'Open قصف قاعدة كونيكو' }).waitFor();
    await expect.poll(() => outlet('قصف قاعدة كونيكو')).toBe('المدن');
    await expect.poll(() => page.getByRole('status').textContent()).toContain('Undone: “Details of “كونيكو””');
    // And Ctrl+Shift+Z takes it again.
    await page.keyboard.press('Control+Shift+z');
    await page.getByRole('button', { name: 'Open كونيكو' }).waitFor();
    expect(errors).toEqual([]);
    await context.close();
  });

  it('the Details and Import dialogs, and the details’ problems, in Arabic', async () => {
    const { page, context, errors } = await openWorkbench(browser);
    await importFiles(page, [fixtureArticle(KONICO).path]);
    await page.getByRole('combobox', { name: 'Interface language' }).selectOption('ar');
    await page.getByRole('button', { name: `عدّل تفاصيل ${KONICO}` }).click();
    const dialog = page.getByRole('dialog', { name: 'تفاصيل المستند' });
    await dialog.getByRole('textbox', { name: 'العنوان' }).fill(' ');
    await dialog.getByRole('textbox', { name: 'اللغة' }).fill('not a language!');
    await dialog.getByRole('button', { name: 'احفظ التفاصيل' }).click();
    const problems = dialog.getByRole('alert', { name: 'المشكلات' });
    await expect
      .poll(() => problems.locator('li').allTextContents())
      .toEqual(['العنوان: لا بد للمستند من عنوان.', 'اللغة: المطلوب وسم لغة وفق BCP 47 (مثل ar أو en أو ar-SY)، لا \u2068"not a language!"\u2069.']);
    await page.screenshot({ path: join(tmpdir(), 'hashiya-details-ar.png') });
    await dialog.getByRole('button', { name: 'إلغاء' }).click();
    await dialog.waitFor({ state: 'detached' });

    const d = mkdtempSync(join(tmpdir(), 'hashiya-meta-ar-'));
    writeFileSync(join(d, 'news.jsonl'), JSON.stringify({ text: GAS, spans: [{ start: 0, end: 3, label: 'PERS' }] }) + '\n');
    await page.getByRole('button', { name: 'استيراد…' }).click();
    const imp = page.getByRole('dialog', { name: 'استيراد التوسيمات' });
    await imp.getByRole('combobox', { name: 'الصيغة' }).selectOption('jsonl');
    await imp.getByRole('textbox', { name: 'مطابقة التسميات' }).fill('PERS=');
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), imp.getByRole('button', { name: 'اختر الملفات…' }).click()]);
    await chooser.setFiles([join(d, 'news.jsonl')]);
    await imp.getByRole('button', { name: 'افحص الملفات' }).click();
    const summary = imp.getByRole('region', { name: 'مراجعة الاستيراد' }).getByTestId('import-summary');
    await expect
      .poll(() => summary.locator('li').allTextContents())
      .toEqual([
        // Nothing is said of spans for documents already here when there are none.
        'مستند جديد واحد',
        'أسقطت مطابقة التسميات مقطعًا واحدًا',
        'قُرئت الملفات جزءًا بعد جزء: لا يُحمَّل ملف كبير في الذاكرة كاملًا',
      ]);
    await page.screenshot({ path: join(tmpdir(), 'hashiya-import-ar.png') });
    await imp.getByRole('button', { name: 'استورد', exact: true }).click();
    await imp.waitFor({ state: 'detached' });
    expect(errors).toEqual([]);
    await context.close();
  });
});
