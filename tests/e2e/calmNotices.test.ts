import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixtureArticle } from '../support/fixtures';
import { importFiles, launchBrowser, openDocument, openWorkbench, selectByDrag, selectedSpan } from './support/workbench';

const TITLE = 'konico-strikes';
const ARTICLE = fixtureArticle(TITLE);
const CLAIM = 'المرصد السوري لحقوق الإنسان أن الدفاعات الجوية اعترضت صاروخين';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** Where the article's text is on screen, read without scrolling: the editor's box and the claim's paragraph. */
function textPlace(page: Page) {
  return page.evaluate((claim) => {
    const editor = document.querySelector('[data-article-editor]')!;
    const p = [...editor.querySelectorAll('p')].find((el) => el.textContent?.includes(claim))!;
    const [e, r] = [editor.getBoundingClientRect(), p.getBoundingClientRect()];
    return { editor: [e.x, e.y, e.width], paragraph: [r.x, r.y, r.width, r.height] };
  }, CLAIM);
}

describe('notices', () => {
  it('never move the text: picking a source shows its notice over the window’s foot, and the notice fades by itself', async () => {
    const { page, context, errors } = await openWorkbench(browser);
    await importFiles(page, [ARTICLE.path]);
    await openDocument(page, TITLE);
    await selectByDrag(page, CLAIM);
    await page.keyboard.press('4');
    expect(await selectedSpan(page)).toMatchObject({ label: 'claim', text: CLAIM });
    const before = await textPlace(page);

    // The import's confirmation going away leaves the text where it was.
    const imported = page.getByRole('status').filter({ hasText: 'Imported' });
    if (await imported.count()) {
      await imported.getByRole('button', { name: 'Dismiss' }).click();
      await imported.waitFor({ state: 'detached' });
    }
    expect(await textPlace(page)).toEqual(before);

    // S asks for the source in a notice: the text does not move, to the pixel.
    await page.keyboard.press('s');
    const pick = page.getByRole('status').filter({ hasText: 'Pick the source' });
    await pick.waitFor();
    expect(await textPlace(page)).toEqual(before);
    // The notice stands clear of the text: below the article's frame, inside the window.
    const frame = (await page.locator('.article-frame').boundingBox())!;
    const box = (await pick.boundingBox())!;
    expect(box.y).toBeGreaterThanOrEqual(frame.y + frame.height);
    expect(box.y + box.height).toBeLessThanOrEqual(900);
    await page.screenshot({ path: join(tmpdir(), 'hashiya-notice-en.png') });

    // A confirmation fades by itself (after some seconds); the text still has not moved.
    await pick.waitFor({ state: 'detached', timeout: 20_000 });
    expect(await textPlace(page)).toEqual(before);

    // In Arabic, laid out right to left, the same: the notice at the foot, the text still.
    await page.keyboard.press('Escape');
    await page.getByRole('combobox', { name: 'Interface language' }).selectOption('ar');
    await page.getByRole('button', { name: 'المكتبة' }).waitFor();
    const arabic = await textPlace(page);
    await page.keyboard.press('s');
    const pickAr = page.getByRole('status').filter({ hasText: 'اختر المصدر' });
    await pickAr.waitFor();
    expect(await textPlace(page)).toEqual(arabic);
    await page.screenshot({ path: join(tmpdir(), 'hashiya-notice-ar.png') });
    expect(errors).toEqual([]);
    await context.close();
  });
});

describe('a dialog’s notices', () => {
  it('show in that dialog, the latest only, and nothing shows behind it', async () => {
    const { page, context, errors } = await openWorkbench(browser);
    await importFiles(page, [ARTICLE.path]);
    await openDocument(page, TITLE);
    await selectByDrag(page, 'القوات الأميركية');
    await page.keyboard.press('1');
    const strip = page.getByRole('contentinfo', { name: 'Notices' });

    await page.getByRole('button', { name: 'Labels…' }).click();
    const labels = page.getByRole('dialog', { name: 'Labels and guidelines' });
    await labels.waitFor();
    // The import's confirmation does not show behind the dialog.
    expect(await strip.locator('.notice').count()).toBe(0);
    await labels.getByRole('button', { name: 'Remove label actor' }).click();
    await expect.poll(() => labels.getByRole('alert').textContent()).toBe('“actor” is used by 1 span; rename it instead, or delete those spans first.');
    await labels.getByRole('button', { name: 'Add label' }).click();
    await labels.getByRole('textbox', { name: 'Name of label 5', exact: true }).fill('source-org');
    await labels.getByRole('combobox', { name: 'Key of label 5', exact: true }).selectOption('1');
    await labels.getByRole('button', { name: 'Save labels' }).click();
    // The latest refusal, in place of the older one, and only there.
    await expect.poll(() => labels.getByRole('alert').textContent()).toBe('The labels were not saved.label 5: the key 1 is used twice');
    expect(await page.getByRole('alert').count()).toBe(1);
    expect(await strip.locator('.notice').count()).toBe(0);
    // A removal done as asked clears the refusal it answers.
    await labels.getByRole('button', { name: 'Remove label source-org' }).click();
    await expect.poll(() => labels.getByRole('alert').count()).toBe(0);
    await labels.getByRole('button', { name: 'Remove label actor' }).click();
    await labels.getByRole('alert').waitFor();
    // Closed, its refusal goes with it: the window's foot does not show it afterwards.
    await labels.getByRole('button', { name: 'Cancel' }).click();
    await labels.waitFor({ state: 'detached' });
    expect(await page.getByRole('alert').count()).toBe(0);

    // The Import… dialog says a bad label mapping itself.
    await page.getByRole('button', { name: 'Import…' }).click();
    const importing = page.getByRole('dialog', { name: 'Import annotations' });
    await importing.getByRole('combobox', { name: 'Format' }).selectOption('txt');
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), importing.getByRole('button', { name: 'Choose files…' }).click()]);
    await chooser.setFiles([ARTICLE.path]);
    await importing.getByRole('textbox', { name: 'Label mapping' }).fill('PERS');
    await importing.getByRole('button', { name: 'Check files' }).click();
    await importing.getByRole('alert').waitFor();
    expect(await importing.getByRole('alert').textContent()).toBe('Label mapping: "PERS" is not of the form FROM=TO (an empty TO drops the label)');
    expect(await strip.locator('.notice').count()).toBe(0);
    await page.screenshot({ path: join(tmpdir(), 'hashiya-dialog-notice-en.png') });
    expect(errors).toEqual([]);
    await context.close();
  });
});
