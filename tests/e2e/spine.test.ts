import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixtureArticle } from '../support/fixtures';
import {
  editorText,
  exportJsonl,
  exportJsonlBy,
  importFiles,
  launchBrowser,
  openDocument,
  openWorkbench,
  selectByDrag,
  selectByKeyboard,
  selectionText,
  sliceCodePoints,
  spansOnScreen,
  waitUntilSaved,
} from './support/workbench';

const TITLE = 'konico-strikes';
const ARTICLE = fixtureArticle(TITLE);

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe('the spine, as an analyst uses it', () => {
  it('imports an article, tags, nests, relabels, deletes, survives a reload and exports code-point spans', async () => {
    const { page, context, errors } = await openWorkbench(browser);
    const original = ARTICLE.text;
    await importFiles(page, [ARTICLE.path]);

    // The library lists it: title, length in characters, no spans yet.
    const row = page.getByRole('row', { name: new RegExp(TITLE) });
    await expect.poll(() => row.count()).toBe(1);
    await expect.poll(() => row.getByTestId('length').textContent()).toBe(Array.from(original).length.toLocaleString('en-US'));
    expect(await row.getByTestId('span-count').textContent()).toBe('0');

    await openDocument(page, TITLE);
    const article = page.getByRole('textbox', { name: 'Article text' });
    expect(await article.getAttribute('dir')).toBe('rtl');
    expect(await editorText(page)).toBe(original);
    expect(await page.evaluate(() => document.fonts.check('20px "Noto Naskh Arabic"', 'قاعدة'))).toBe(true);

    // 1. A phrase by mouse drag, tagged with the key "1".
    await selectByDrag(page, 'القوات الأميركية');
    expect(await selectionText(page)).toBe('القوات الأميركية');
    await page.keyboard.press('1');

    // 2. A phrase selected with Shift+arrows, tagged with the place button.
    await selectByKeyboard(page, 'ريف ديرالزور الشرقي');
    expect(await selectionText(page)).toBe('ريف ديرالزور الشرقي');
    await page.getByRole('button', { name: /Tag as place/ }).click();

    // 3. A claim around an actor: the source first, then the whole claim.
    const claim = 'المرصد السوري لحقوق الإنسان أن الدفاعات الجوية اعترضت صاروخين';
    await selectByDrag(page, 'المرصد السوري لحقوق الإنسان');
    await page.keyboard.press('1');
    await selectByDrag(page, claim);
    expect(await selectionText(page)).toBe(claim);
    await page.keyboard.press('4');
    // Clicking the actor selects it; clicking the same spot again reaches the claim around it.
    await page.keyboard.press('Escape');
    const source = page.locator('.hs-span[data-label="actor"]', { hasText: 'المرصد السوري لحقوق الإنسان' });
    await source.click();
    expect(await page.getByTestId('selected-label').textContent()).toBe('actor');
    await source.click();
    expect(await page.getByTestId('selected-label').textContent()).toBe('claim');
    await page.screenshot({ path: join(tmpdir(), 'hashiya-nested.png') });

    // 4. A weapon tagged by mistake as a place, then relabelled.
    await selectByDrag(page, 'المسيّرات والصواريخ');
    await page.keyboard.press('2');
    expect(await page.getByTestId('selected-label').textContent()).toBe('place');
    await page.keyboard.press('3');
    expect(await page.getByTestId('selected-label').textContent()).toBe('weapon');

    // 5. One more span, then removed with Delete after clicking on it.
    await selectByDrag(page, 'مطار مدينة ديرالزور العسكري');
    await page.keyboard.press('2');
    await page.keyboard.press('Escape');
    const toDelete = page.locator('.hs-span', { hasText: 'مطار مدينة ديرالزور العسكري' });
    await toDelete.click();
    expect(await page.getByTestId('selected-label').textContent()).toBe('place');
    await page.keyboard.press('Delete');

    const expected = [
      ['actor', 'القوات الأميركية'],
      ['place', 'ريف ديرالزور الشرقي'],
      ['actor', 'المرصد السوري لحقوق الإنسان'],
      ['claim', claim],
      ['weapon', 'المسيّرات والصواريخ'],
    ].sort();
    const onScreen = async () => (await spansOnScreen(page)).map((s) => [s.label, s.text]).sort();
    expect(await onScreen()).toEqual(expected);

    // Nested spans each keep an underline of their own: the claim stands one level higher.
    const heights = await page.$$eval('.hs-span', (els) =>
      Object.fromEntries(els.map((e) => [e.dataset.label ?? '', getComputedStyle(e).getPropertyValue('--h')])),
    );
    expect(heights.claim).toBe('2');
    expect(heights.actor).toBe('1');

    // Reload: exactly the same spans come back from IndexedDB, once stored.
    await waitUntilSaved(page);
    await page.reload();
    await page.getByRole('textbox', { name: 'Article text' }).waitFor();
    await expect.poll(onScreen).toEqual(expected);
    await page.getByRole('button', { name: 'Library' }).click();
    await expect
      .poll(() =>
        page
          .getByRole('row', { name: new RegExp(TITLE) })
          .getByTestId('span-count')
          .textContent(),
      )
      .toBe('5');

    // Export: one line, the text verbatim, its SHA-256, spans in code points sorted by start then end.
    const { lines } = await exportJsonl(page);
    expect(lines).toHaveLength(1);
    const line = lines[0]!;
    expect(line.text).toBe(original);
    expect(line.meta.title).toBe(TITLE);
    expect(line.meta.source).toBe(ARTICLE.name);
    expect(line.meta.text_sha256).toBe(createHash('sha256').update(original, 'utf8').digest('hex'));
    expect(line.spans.map((s) => [s.label, s.text]).sort()).toEqual(expected);
    for (const s of line.spans) expect(sliceCodePoints(line.text, s.start, s.end)).toBe(s.text);
    const order = line.spans.map((s) => [s.start, s.end]);
    expect(order).toEqual([...order].sort((a, b) => a[0]! - b[0]! || a[1]! - b[1]!));

    expect(errors).toEqual([]);
    await context.close();
  });

  it('keeps the text immutable: typing, Enter, Backspace, paste, cut and drop change nothing', async () => {
    const { page, context, errors } = await openWorkbench(browser);
    const original = ARTICLE.text;
    await importFiles(page, [ARTICLE.path]);
    await openDocument(page, TITLE);
    const article = page.getByRole('textbox', { name: 'Article text' });

    await selectByDrag(page, 'القوات الأميركية');
    await page.keyboard.type('abc ت');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Backspace');
    await page.keyboard.press('Delete');
    await page.keyboard.press('Control+x');
    await article.evaluate((el) => {
      const data = new DataTransfer();
      data.setData('text/plain', 'نص ملصق');
      el.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
      const drop = new DataTransfer();
      drop.setData('text/plain', 'نص مسقط');
      el.dispatchEvent(new DragEvent('drop', { dataTransfer: drop, bubbles: true, cancelable: true, clientX: 400, clientY: 300 }));
    });
    await page.keyboard.insertText('إدخال');
    expect(await editorText(page)).toBe(original);
    // The caret and selection still work after all that.
    await selectByKeyboard(page, 'الميليشيات الإيرانية');
    expect(await selectionText(page)).toBe('الميليشيات الإيرانية');

    await waitUntilSaved(page);
    await page.reload();
    await page.getByRole('textbox', { name: 'Article text' }).waitFor();
    expect(await editorText(page)).toBe(original);
    // Nothing was tagged: the document is untouched, so only an export that asks for those writes it.
    await page.getByRole('button', { name: 'Export…' }).click();
    const exp = page.getByRole('dialog', { name: 'Export annotations' });
    await exp.getByRole('checkbox', { name: /include untouched documents/ }).check();
    const [line] = await exportJsonlBy(page, () => exp.getByRole('button', { name: 'Export jsonl' }).click());
    expect(line!.text).toBe(original);
    expect(errors).toEqual([]);
    await context.close();
  });
});
