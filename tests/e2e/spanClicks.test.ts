import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixtureArticle } from '../support/fixtures';
import { charBox, importFiles, launchBrowser, openDocument, openWorkbench, selectByDrag, selectedSpan, selectionText } from './support/workbench';

const TITLE = 'konico-strikes';
const SOURCE = 'المرصد السوري لحقوق الإنسان';
const CLAIM = 'المرصد السوري لحقوق الإنسان أن الدفاعات الجوية اعترضت صاروخين';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe('clicking on spans', () => {
  // Clicks at the same coordinates, back to back: the browser and ProseMirror see double and
  // triple clicks, which must still mean "this span" and then "the span around it".
  it('selects a span again at the same spot after Escape, and reaches the enclosing span however quick the click', async () => {
    const { page, context, errors } = await openWorkbench(browser);
    await importFiles(page, [fixtureArticle(TITLE).path]);
    await openDocument(page, TITLE);
    await selectByDrag(page, SOURCE);
    await page.keyboard.press('1');
    await selectByDrag(page, CLAIM);
    await page.keyboard.press('4');
    await page.keyboard.press('Escape');
    await expect.poll(() => selectedSpan(page)).toBeNull();

    const at = await charBox(page, SOURCE, 3);
    await page.mouse.click(at.x, at.y);
    await expect.poll(() => selectedSpan(page)).toMatchObject({ label: 'actor', text: SOURCE });
    await page.mouse.click(at.x, at.y);
    await expect.poll(() => selectedSpan(page)).toMatchObject({ label: 'claim', text: CLAIM });
    expect(await selectionText(page)).toBe('');

    // Escape, then the same spot again: the actor, and again at once the claim.
    await page.keyboard.press('Escape');
    await expect.poll(() => selectedSpan(page)).toBeNull();
    await page.mouse.click(at.x, at.y);
    await expect.poll(() => selectedSpan(page)).toMatchObject({ label: 'actor', text: SOURCE });
    await page.mouse.click(at.x, at.y);
    await expect.poll(() => selectedSpan(page)).toMatchObject({ label: 'claim', text: CLAIM });
    // One span alone under the pointer: Escape, then a click on the same spot selects it again.
    await selectByDrag(page, 'القوات الأميركية');
    await page.keyboard.press('1');
    await expect.poll(() => selectedSpan(page)).toMatchObject({ label: 'actor', text: 'القوات الأميركية' });
    await page.keyboard.press('Escape');
    await expect.poll(() => selectedSpan(page)).toBeNull();
    const lone = await charBox(page, 'القوات الأميركية', 2);
    await page.mouse.click(lone.x, lone.y);
    await expect.poll(() => selectedSpan(page)).toMatchObject({ label: 'actor', text: 'القوات الأميركية' });
    await page.keyboard.press('Escape');
    await expect.poll(() => selectedSpan(page)).toBeNull();
    await page.mouse.click(lone.x, lone.y);
    await expect.poll(() => selectedSpan(page)).toMatchObject({ label: 'actor', text: 'القوات الأميركية' });
    expect(errors).toEqual([]);
    await context.close();
  });
});
