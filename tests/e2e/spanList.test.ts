import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixtureArticle } from '../support/fixtures';
import { importFiles, launchBrowser, openDocument, openWorkbench, selectByDrag, selectedSpan } from './support/workbench';

const TITLE = 'konico-strikes';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe('the span list', () => {
  it('lists the spans in text order, filters them by label, and jumps to one on click or Enter', async () => {
    const { page, context, errors } = await openWorkbench(browser);
    await importFiles(page, [fixtureArticle(TITLE).path]);
    await openDocument(page, TITLE);
    await selectByDrag(page, 'المرصد السوري لحقوق الإنسان');
    await page.keyboard.press('1');
    await selectByDrag(page, 'ريف ديرالزور الشرقي');
    await page.keyboard.press('2');
    await selectByDrag(page, 'القوات الأميركية');
    await page.keyboard.press('1');
    await page.keyboard.press('Escape');
    await expect.poll(() => selectedSpan(page)).toBeNull();

    // I shows the list; the toolbar button says it is shown.
    await page.keyboard.press('i');
    const list = page.getByRole('complementary', { name: 'Span list' });
    await list.waitFor();
    expect(await page.getByRole('button', { name: 'Show or hide the span list (I)' }).getAttribute('aria-pressed')).toBe('true');
    const rows = list.getByRole('list', { name: 'Spans in text order' }).getByRole('button');
    await expect.poll(() => rows.count()).toBe(3);
    const article = fixtureArticle(TITLE).text;
    const inTextOrder = ['المرصد السوري لحقوق الإنسان', 'ريف ديرالزور الشرقي', 'القوات الأميركية'].sort((a, b) => article.indexOf(a) - article.indexOf(b));
    expect(await rows.evaluateAll((bs) => bs.map((b) => b.querySelector('.span-list-text')?.textContent))).toEqual(inTextOrder);
    expect(await rows.first().getAttribute('aria-label')).toMatch(/\(analyst\)$/);

    // Only the actors.
    await list.getByRole('combobox', { name: 'Label' }).selectOption('actor');
    await expect.poll(() => rows.count()).toBe(2);
    expect(await list.getByRole('status').textContent()).toBe('2 spans');
    const texts = await rows.evaluateAll((bs) => bs.map((b) => b.querySelector('.span-list-text')?.textContent ?? ''));
    expect(texts.sort()).toEqual(['القوات الأميركية', 'المرصد السوري لحقوق الإنسان'].sort());

    // A click jumps to the span: selected in the text, in view.
    await rows.filter({ hasText: 'المرصد السوري' }).click();
    await expect.poll(() => selectedSpan(page)).toMatchObject({ label: 'actor', text: 'المرصد السوري لحقوق الإنسان' });
    expect(await rows.filter({ hasText: 'المرصد السوري' }).getAttribute('aria-current')).toBe('true');
    const inView = () =>
      page.evaluate(() => {
        const el = document.querySelector('[data-article-editor] .hs-selected');
        const frame = document.querySelector('.article-frame')!.getBoundingClientRect();
        const r = el?.getBoundingClientRect();
        return !!r && r.top >= frame.top && r.bottom <= frame.bottom;
      });

    // Enter on the other row jumps to it; the focus stays in the list.
    await page.keyboard.press('Escape');
    await expect.poll(() => selectedSpan(page)).toBeNull();
    await rows.filter({ hasText: 'القوات الأميركية' }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => selectedSpan(page)).toMatchObject({ label: 'actor', text: 'القوات الأميركية' });
    expect(await page.evaluate(() => document.activeElement?.closest('.span-list') !== null)).toBe(true);
    await expect.poll(inView).toBe(true);

    // I again hides it.
    await page.keyboard.press('i');
    await expect.poll(() => list.count()).toBe(0);
    expect(errors).toEqual([]);
    await context.close();
  });

  // A long document is drawn a run of sections at a time after it opens: a jump to a span at
  // its end, made at once, selects the span and waits for its section to bring it into view.
  it('jumps to a span in a part of a long document not yet drawn', async () => {
    const { page, context, errors } = await openWorkbench(browser);
    const last = 'وهنا تنتهي هذه الوثيقة الطويلة';
    const body = fixtureArticle(TITLE).text.trim();
    const path = join(mkdtempSync(join(tmpdir(), 'hashiya-span-list-')), 'long-report.txt');
    writeFileSync(path, `${Array.from({ length: Math.ceil(600_000 / body.length) }, () => body).join('\n\n')}\n\n${last}\n`);
    await importFiles(page, [path]);
    await openDocument(page, 'long-report');
    const article = page.getByRole('textbox', { name: 'Article text' });
    await expect.poll(() => article.getAttribute('aria-busy'), { timeout: 30_000 }).toBeNull();
    await selectByDrag(page, last);
    await page.keyboard.press('2');
    await expect.poll(() => selectedSpan(page)).toMatchObject({ label: 'place', text: last });

    // Opened again from the library, the text grows from its start; the list has the span at once.
    await openDocument(page, 'long-report');
    await page.keyboard.press('i');
    await page
      .getByRole('complementary', { name: 'Span list' })
      .getByRole('button', { name: new RegExp(last) })
      .click();
    await expect.poll(() => selectedSpan(page)).toMatchObject({ label: 'place', text: last });
    await expect
      .poll(
        () =>
          page.evaluate(() => {
            const el = document.querySelector('[data-article-editor] .hs-selected');
            const frame = document.querySelector('.article-frame')!.getBoundingClientRect();
            const r = el?.getBoundingClientRect();
            return !!r && r.top >= frame.top && r.bottom <= frame.bottom;
          }),
        { timeout: 30_000 },
      )
      .toBe(true);
    expect(errors).toEqual([]);
    await context.close();
  });
});
