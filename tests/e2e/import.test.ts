import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeUtf16, encodeWindows1256 } from '../shared/support/encodings';
import { ARTICLE_SETS, type ArticleSet } from '../support/corpora';
import { fixtureArticle } from '../support/fixtures';
import { editorText, exportJsonl, importFiles, launchBrowser, openDocument, openWorkbench, selectByDrag, sliceCodePoints } from './support/workbench';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** Pastes `text` into the paste dialog exactly as the clipboard holds it. */
async function pasteDocument(page: Page, title: string, text: string) {
  await page.getByRole('button', { name: 'Paste text' }).click();
  const dialog = page.getByRole('dialog', { name: 'Paste text as a new document' });
  await dialog.getByRole('textbox', { name: 'Title' }).fill(title);
  await dialog.getByRole('textbox', { name: 'Text to add' }).evaluate((el, t) => {
    const data = new DataTransfer();
    data.setData('text/plain', t);
    el.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  }, text);
  await dialog.getByRole('button', { name: 'Add document' }).click();
  await page.getByRole('textbox', { name: 'Article text' }).waitFor();
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
}

/** Imports a set's five articles at once: each listed with its length and no spans, the one of most lines laid out line by line. */
async function importsAllFive(set: ArticleSet) {
  const articles = set.articles();
  const { page, context, errors } = await openWorkbench(browser);
  await importFiles(
    page,
    articles.map((a) => a.path),
  );
  await expect.poll(() => page.getByRole('status').textContent()).toContain('Imported 5 documents');
  for (const { name, text } of articles) {
    const row = page.getByRole('row', { name: new RegExp(name.replace('.txt', '')) });
    expect(await row.getByTestId('length').textContent()).toBe(Array.from(text).length.toLocaleString('en-US'));
    expect(await row.getByTestId('span-count').textContent()).toBe('0');
  }
  // Line breaks are kept: one paragraph per line of the file.
  const lines = (text: string) => text.split('\n').length;
  const longest = articles.reduce((a, b) => (lines(b.text) > lines(a.text) ? b : a));
  await openDocument(page, longest.name.replace('.txt', ''));
  expect(await editorText(page)).toBe(longest.text);
  expect(await page.locator('[data-article-editor] p').count()).toBe(lines(longest.text));
  expect(errors).toEqual([]);
  await context.close();
}

describe('bringing text in', () => {
  for (const set of ARTICLE_SETS) {
    it(`imports all five of ${set.name} at once and lists each with its length and span count`, set.options, async () => {
      await importsAllFive(set);
    });
  }

  it('shows Latin and digits inside Arabic in the right visual order', async () => {
    const { page, context } = await openWorkbench(browser);
    await importFiles(page, [fixtureArticle('sy24-launcher').path]);
    await openDocument(page, 'sy24-launcher');
    // In the right-to-left line, "SY24" still reads left to right: S is left of Y, 2 left of 4.
    const xs = await page.evaluate(() => {
      const root = document.querySelector('[data-article-editor]')!;
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      while (walker.nextNode()) {
        const t = walker.currentNode as Text;
        const at = t.data.indexOf('SY24');
        if (at < 0) continue;
        t.parentElement!.scrollIntoView({ block: 'center' });
        return [0, 1, 2, 3].map((k) => {
          const r = document.createRange();
          r.setStart(t, at + k);
          r.setEnd(t, at + k + 1);
          return r.getBoundingClientRect().left;
        });
      }
      throw new Error('SY24 not found');
    });
    expect(xs[0]!).toBeLessThan(xs[1]!);
    expect(xs[1]!).toBeLessThan(xs[2]!);
    expect(xs[2]!).toBeLessThan(xs[3]!);
    await page.screenshot({ path: join(tmpdir(), 'hashiya-bidi.png') });
    await context.close();
  });

  it('pastes a text verbatim (CRLF, emoji, marks) and exports spans after the emoji in code points', async () => {
    const { page, context, errors } = await openWorkbench(browser);
    const text = 'عاجل 🚀🚀\r\nقال \u200Fالمرصد السوري لحقوق الإنسان\u200F إن قاعدة كونيكو تعرضت لهجوم.\r\n';
    await pasteDocument(page, 'خبر عاجل', text);
    expect(await editorText(page)).toBe(text.replace(/\r\n/g, '\n').replace(/\n$/, '\n'));
    await selectByDrag(page, 'قاعدة كونيكو');
    await page.keyboard.press('2');
    const { lines } = await exportJsonl(page);
    const line = lines.find((l) => l.meta.title === 'خبر عاجل')!;
    expect(line.text).toBe(text);
    expect(line.meta.source).toBe('clipboard');
    expect(line.spans).toHaveLength(1);
    const span = line.spans[0]!;
    expect(span.text).toBe('قاعدة كونيكو');
    expect(sliceCodePoints(line.text, span.start, span.end)).toBe('قاعدة كونيكو');
    // Code points, not UTF-16: the two rockets count one each.
    expect(span.start).toBe(line.text.indexOf('قاعدة') - 2);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('refuses a file in no known encoding by name and line, imports nothing, then imports the readable one on request', async () => {
    const { page, context } = await openWorkbench(browser);
    const dir = mkdtempSync(join(tmpdir(), 'hashiya-'));
    const bad = join(dir, 'binary.txt');
    // A NUL and stray bytes on the second line: neither UTF-8 nor Windows-1256 text.
    writeFileSync(bad, Buffer.from([0x41, 0x0a, 0x00, 0xff, 0x10, 0x80]));
    await importFiles(page, [bad, fixtureArticle('vocalised-report').path]);
    const alert = page.getByRole('alert');
    await expect.poll(() => alert.textContent()).toContain('binary.txt:2:');
    expect(await alert.textContent()).toContain('nothing was imported');
    expect(await page.getByRole('row').count()).toBe(0);
    await page.getByRole('button', { name: 'Import the 1 readable file' }).click();
    await expect.poll(() => page.getByRole('row', { name: /vocalised-report/ }).count()).toBe(1);
    expect(await page.getByRole('row', { name: /binary/ }).count()).toBe(0);
    await context.close();
  });

  it('reads Windows-1256 and UTF-16 files to the same text as UTF-8, and says which encoding it found', async () => {
    const { page, context } = await openWorkbench(browser);
    const dir = mkdtempSync(join(tmpdir(), 'hashiya-'));
    const text = fixtureArticle('konico-strikes').text;
    const second = fixtureArticle('gas-field-attack').text;
    writeFileSync(join(dir, 'cp1256.txt'), encodeWindows1256(text));
    writeFileSync(join(dir, 'utf16.txt'), encodeUtf16(second, 'be'));
    await importFiles(page, [join(dir, 'cp1256.txt'), join(dir, 'utf16.txt')]);
    const status = page.getByRole('status');
    await expect.poll(() => status.textContent()).toContain('cp1256.txt: read as windows-1256');
    expect(await status.textContent()).toContain('utf16.txt: read as utf-16be');
    await openDocument(page, 'cp1256');
    expect(await editorText(page)).toBe(text);
    await openDocument(page, 'utf16');
    expect(await editorText(page)).toBe(second);
    await context.close();
  });
});
