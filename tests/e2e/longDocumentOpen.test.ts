import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixtureArticle } from '../support/fixtures';
import { jsonlSpan } from './support/jsonlSpan';
import { importFiles, importJsonlFile, launchBrowser, openWorkbench, selectByDrag } from './support/workbench';

const TITLE = 'long-konico';
// The article's words, one line of them 120 times: about 250,000 characters, many sections.
const LINE = fixtureArticle('konico-strikes').text.replace(/\s+/g, ' ').trim();
const LINES = 120;
const TEXT = Array.from({ length: LINES }, () => LINE).join('\n');
const PHRASE = 'القوات الأميركية';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/**
 * Holds the library's `spans` store in a read-write transaction (kept alive by a chain of
 * reads) until `releaseSpans()` is called in the page: an open can read a document's text
 * meanwhile, never its spans. Resolves once the transaction holds the store.
 */
async function holdSpans(page: Page): Promise<void> {
  await page.evaluate(async () => {
    const name = (await indexedDB.databases()).map((d) => d.name).find((n) => n === 'hashiya')!;
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const req = indexedDB.open(name);
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(new Error(String(req.error)));
    });
    const w = window as unknown as { releaseSpans?: () => void };
    await new Promise<void>((held) => {
      const tx = db.transaction('spans', 'readwrite');
      const spans = tx.objectStore('spans');
      let released = false;
      w.releaseSpans = () => (released = true);
      const keep = () => {
        spans.get('\u0000none').onsuccess = () => {
          held();
          if (!released) keep();
        };
      };
      keep();
      tx.oncomplete = () => db.close();
    });
  });
}

describe('a long document opens with its text first, then its spans', () => {
  it('shows the text while the spans are read, tags nothing meanwhile, then draws every span', async () => {
    const { page, errors } = await openWorkbench(browser);
    const d = mkdtempSync(join(tmpdir(), 'hashiya-long-open-'));
    const spans = Array.from({ length: LINES }, (_, k) => jsonlSpan(TEXT, PHRASE, 'actor', { nth: k }));
    writeFileSync(join(d, `${TITLE}.jsonl`), JSON.stringify({ text: TEXT, meta: { title: TITLE, annotator: 'analyst' }, spans }) + '\n');
    await importJsonlFile(page, join(d, `${TITLE}.jsonl`));

    await holdSpans(page);
    await page.getByRole('button', { name: 'Library' }).click();
    await page.getByRole('button', { name: `Open ${TITLE}` }).click();
    // The text is there, and says its spans are coming; none is drawn yet.
    const article = page.getByRole('textbox', { name: 'Article text' });
    await article.locator('p', { hasText: PHRASE }).first().waitFor();
    const status = page.getByRole('status').filter({ hasText: 'Loading the spans…' });
    await status.waitFor();
    expect(await page.locator('[data-article-editor] .hs-span').count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Undo (Ctrl+Z)' }).isDisabled()).toBe(true);
    // Busy until its spans are in, so nothing waits on a text it cannot tag yet.
    expect(await page.locator('[data-article-editor]').getAttribute('aria-busy')).toBe('true');

    // A label key or button now does nothing to the spans; the button says why.
    await selectByDrag(page, PHRASE, 1);
    await page.keyboard.press('1');
    await page.getByRole('button', { name: /Tag as actor \(key 1\)/ }).click();
    await page.getByText('The spans are still loading: tag once they are shown.').waitFor();
    expect(await page.locator('[data-article-editor] .hs-span').count()).toBe(0);

    // Where the text is on screen while the status shows.
    const textTop = () => page.locator('.article-frame').evaluate((frame) => frame.getBoundingClientRect().top);
    const topWhileLoading = await textTop();

    // Released: every span arrives, and the rest of the text is built.
    await page.evaluate(() => (window as unknown as { releaseSpans: () => void }).releaseSpans());
    await status.waitFor({ state: 'detached' });
    // The status went without moving the text.
    expect(await textTop()).toBe(topWhileLoading);
    await page.locator('[data-article-editor]:not([aria-busy="true"])').waitFor();
    await expect
      .poll(() => page.locator('[data-article-editor] .hs-span').evaluateAll((els) => new Set(els.map((el) => (el as HTMLElement).dataset.spanId)).size))
      .toBe(LINES);
    const texts = await page.locator('[data-article-editor] .hs-span').evaluateAll((els) => [...new Set(els.map((el) => el.textContent))]);
    expect(texts).toEqual([PHRASE]);
    expect(errors).toEqual([]);
  });
  it('keeps even a short article busy until its spans are in, so nothing acts on it meanwhile', async () => {
    const { page, errors } = await openWorkbench(browser);
    const konico = { ...fixtureArticle('konico-strikes'), title: 'konico-strikes' };
    await importFiles(page, [konico.path]);
    await page.getByRole('button', { name: `Open ${konico.title}` }).waitFor();
    await holdSpans(page);
    await page.getByRole('button', { name: `Open ${konico.title}` }).click();
    await page.getByRole('status').filter({ hasText: 'Loading the spans…' }).waitFor();
    expect(await page.locator('[data-article-editor]').getAttribute('aria-busy')).toBe('true');
    await page.evaluate(() => (window as unknown as { releaseSpans: () => void }).releaseSpans());
    await page.locator('[data-article-editor]:not([aria-busy="true"])').waitFor();
    expect(errors).toEqual([]);
  });
});
