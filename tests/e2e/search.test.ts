import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixtureArticle } from '../support/fixtures';
import { editorText, importFiles, launchBrowser, openDocument, openWorkbench } from './support/workbench';

const VARIANTS = 'spelling-variants';
const VARIANTS_PATH = fileURLToPath(new URL(`../fixtures/search/${VARIANTS}.txt`, import.meta.url));
const KONICO = fixtureArticle('konico-strikes');

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** The highlighted hits in the article, in text order: what each covers (its pieces joined) and whether it is the one in focus. */
function hitsOnScreen(page: Page): Promise<{ text: string; current: boolean }[]> {
  return page.evaluate(() => {
    const hits = new Map<string, { text: string; current: boolean }>();
    for (const el of document.querySelectorAll<HTMLElement>('[data-article-editor] .hs-hit')) {
      const hit = hits.get(el.dataset.hit!) ?? { text: '', current: false };
      hit.text += el.textContent ?? '';
      hit.current ||= el.classList.contains('hs-hit-current');
      hits.set(el.dataset.hit!, hit);
    }
    return [...hits.values()];
  });
}

/** Whether the hit in focus lies inside the article's scrolled frame. */
function currentHitInView(page: Page): Promise<boolean> {
  return page.evaluate(() => {
    const hit = document.querySelector('.hs-hit-current')?.getBoundingClientRect();
    const frame = document.querySelector('.article-frame')?.getBoundingClientRect();
    return !!hit && !!frame && hit.top >= frame.top && hit.bottom <= frame.bottom;
  });
}

const currentText = async (page: Page) => (await hitsOnScreen(page)).find((h) => h.current)?.text;

describe('search that knows Arabic', () => {
  it('finds a name behind clitics and a hamza variant, steps through by key, and searches the library', async () => {
    const { page, context, errors } = await openWorkbench(browser);
    await importFiles(page, [KONICO.path, VARIANTS_PATH]);
    await expect.poll(() => page.getByRole('button', { name: `Open ${VARIANTS}` }).count()).toBe(1);
    await openDocument(page, VARIANTS);
    const original = await editorText(page);

    // Ctrl+F from the article opens the box and gives it the focus.
    await page.getByRole('textbox', { name: 'Article text' }).focus();
    await page.keyboard.press('Control+f');
    const box = page.getByRole('searchbox', { name: 'Search in the document' });
    await expect.poll(() => box.evaluate((el) => el === document.activeElement)).toBe(true);
    const count = page.getByTestId('search-count');

    // The name, as it stands and behind و ب ل فل وك, with its harakat and tatweel; never the clitic.
    await box.fill('القوات');
    await expect.poll(() => count.textContent()).toBe('1 of 8');
    expect(await hitsOnScreen(page)).toEqual(
      ['القوات', 'القوّاتِ', 'لقوات', 'القوات', 'القوات', 'لقوات', 'القوات', 'الـقـوات'].map((text, i) => ({ text, current: i === 0 })),
    );
    await page.screenshot({ path: join(tmpdir(), 'hashiya-search-document.png') });

    // Enter and Shift+Enter in the box step through, wrapping round.
    await box.press('Enter');
    await box.press('Enter');
    await expect.poll(() => count.textContent()).toBe('3 of 8');
    expect(await currentText(page)).toBe('لقوات');
    await box.press('Shift+Enter');
    await box.press('Shift+Enter');
    await box.press('Shift+Enter');
    await expect.poll(() => count.textContent()).toBe('8 of 8');
    expect(await currentText(page)).toBe('الـقـوات');
    expect(await currentHitInView(page)).toBe(true);

    // F3 / Shift+F3 from the article, where the registry's keys work.
    await page.getByRole('textbox', { name: 'Article text' }).focus();
    await page.keyboard.press('F3');
    await expect.poll(() => count.textContent()).toBe('1 of 8');
    await page.keyboard.press('Shift+F3');
    await expect.poll(() => count.textContent()).toBe('8 of 8');

    // A hamza variant: ايران finds إيران too; Ctrl+F again takes the focus back to the box.
    await page.keyboard.press('Control+f');
    await expect.poll(() => box.evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.type('ايران');
    await expect.poll(() => count.textContent()).toBe('1 of 2');
    expect((await hitsOnScreen(page)).map((h) => h.text)).toEqual(['ايران', 'إيران']);

    // The keys overlay lists the search keys.
    await page.getByRole('textbox', { name: 'Article text' }).focus();
    await page.keyboard.press('Shift+Slash');
    const overlay = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await expect.poll(() => overlay.getByRole('heading', { name: 'Search' }).count()).toBe(1);
    await page.keyboard.press('Escape');
    await overlay.waitFor({ state: 'detached' });

    // Escape closes the search: the box and its highlights go, the text is as it was.
    await box.focus();
    await box.press('Escape');
    await box.waitFor({ state: 'detached' });
    expect(await hitsOnScreen(page)).toEqual([]);
    expect(await editorText(page)).toBe(original);

    // Across the library: documents with hits, most first; one opens at its first hit.
    await page.getByRole('button', { name: 'Library' }).click();
    // Ctrl+F there goes to the library's search field (not the browser's find bar).
    const librarySearch = page.getByRole('searchbox', { name: 'Search the library' });
    await librarySearch.waitFor();
    await page.keyboard.press('Control+KeyF');
    await expect.poll(() => librarySearch.evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.type('الايرانية');
    await page.keyboard.press('Enter');
    const status = page.getByTestId('library-search-status');
    await expect.poll(() => status.textContent()).toBe('4 hits in 1 of 2 documents for الايرانية');
    await page.getByRole('searchbox', { name: 'Search the library' }).fill('ايران');
    await page.getByRole('button', { name: 'Search', exact: true }).click();
    await expect.poll(() => status.textContent()).toBe('6 hits in 2 of 2 documents for ايران');
    const results = page.getByRole('region', { name: 'Search results' });
    expect(await results.getByRole('listitem').allTextContents()).toEqual(['konico-strikes 4 hits', `${VARIANTS} 2 hits`]);
    await page.screenshot({ path: join(tmpdir(), 'hashiya-search-library.png') });

    await results.getByRole('button', { name: 'Open konico-strikes at its first hit' }).click();
    await page.getByRole('textbox', { name: 'Article text' }).waitFor();
    await expect.poll(() => count.textContent()).toBe('1 of 4');
    expect(await hitsOnScreen(page)).toEqual(['إيران', 'إيران', 'إيران', 'إيران'].map((text, i) => ({ text, current: i === 0 })));
    expect(await currentHitInView(page)).toBe(true);
    expect(await box.inputValue()).toBe('ايران');
    await page.screenshot({ path: join(tmpdir(), 'hashiya-search-opened.png') });

    expect(errors).toEqual([]);
    await context.close();
  });
});
