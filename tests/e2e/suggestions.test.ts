import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixtureArticle } from '../support/fixtures';
import { importFiles, launchBrowser, openDocument, openWorkbench, selectByDrag, spansOnScreen } from './support/workbench';

const KONICO = fixtureArticle('konico-strikes');
const GAS = fixtureArticle('gas-field-attack');
const VOCALISED = fixtureArticle('vocalised-report');
const NAME = 'القوات الأميركية';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** The ghost suggestions drawn in the article, in text order: label, what each covers (pieces joined), and whether it is in focus. */
function ghostsOnScreen(page: Page): Promise<{ label: string; text: string; current: boolean }[]> {
  return page.evaluate(() => {
    const found = new Map<string, { label: string; text: string; current: boolean }>();
    for (const el of document.querySelectorAll<HTMLElement>('[data-article-editor] .hs-suggestion')) {
      const g = found.get(el.dataset.suggestion!) ?? { label: el.dataset.label!, text: '', current: false };
      g.text += el.textContent ?? '';
      g.current ||= el.classList.contains('hs-suggestion-current');
      found.set(el.dataset.suggestion!, g);
    }
    return [...found.values()];
  });
}

const spans = async (page: Page) => (await spansOnScreen(page)).map((s) => [s.label, s.text]);

describe('suggestions and tag every occurrence', () => {
  it('suggests every occurrence of a tagged name, accepts and rejects by key, undoes, remembers a rejection, and tags the library from a list', async () => {
    const { page, context, errors } = await openWorkbench(browser);
    await importFiles(page, [KONICO.path, GAS.path, VOCALISED.path]);
    await expect.poll(() => page.getByRole('button', { name: 'Open vocalised-report' }).count()).toBe(1);
    await openDocument(page, 'konico-strikes');

    // Tagged once by hand…
    await selectByDrag(page, NAME);
    await page.keyboard.press('1');
    await expect.poll(() => spans(page)).toEqual([['actor', NAME]]);

    // …T suggests the other occurrences as ghosts: behind ل too, never the clitic.
    await page.keyboard.press('t');
    const count = page.getByTestId('suggestion-count');
    await expect.poll(() => count.textContent()).toBe('Suggestion 1 of 2');
    expect(await ghostsOnScreen(page)).toEqual([
      { label: 'actor', text: NAME, current: true },
      { label: 'actor', text: 'لقوات الأميركية', current: false },
    ]);
    // Suggestions are not spans: none more is drawn as one.
    expect(await spans(page)).toEqual([['actor', NAME]]);
    await page.screenshot({ path: join(tmpdir(), 'hashiya-suggestions-ghosts.png') });

    // Y accepts the one in focus (it becomes a span), X rejects the next.
    await page.keyboard.press('y');
    await expect
      .poll(() => spans(page))
      .toEqual([
        ['actor', NAME],
        ['actor', NAME],
      ]);
    await expect.poll(() => count.textContent()).toBe('Suggestion 1 of 1');
    expect(await ghostsOnScreen(page)).toEqual([{ label: 'actor', text: 'لقوات الأميركية', current: true }]);
    await page.screenshot({ path: join(tmpdir(), 'hashiya-suggestions-accepted.png') });
    await page.keyboard.press('x');
    await expect.poll(() => count.textContent()).toBe('No suggestions left');
    expect(await ghostsOnScreen(page)).toEqual([]);

    // Ctrl+Z undoes the accept like any other step: the span goes, its suggestion is back.
    await page.keyboard.press('Control+z');
    await expect.poll(() => spans(page)).toEqual([['actor', NAME]]);
    await expect.poll(() => ghostsOnScreen(page)).toEqual([{ label: 'actor', text: NAME, current: true }]);
    await page.keyboard.press('y');
    await expect.poll(() => spans(page)).toHaveLength(2);
    await expect.poll(() => page.getByText('Saved', { exact: true }).count()).toBe(1);

    // After a reload the rejected place is not offered again, nor the accepted one.
    await page.reload();
    await page.getByRole('textbox', { name: 'Article text' }).waitFor();
    await expect.poll(() => spans(page)).toHaveLength(2);
    await page.keyboard.press('BracketRight');
    await expect.poll(() => page.getByTestId('selected-text').textContent()).toBe(NAME);
    await page.keyboard.press('t');
    await expect.poll(() => page.getByText(`No other occurrence of «\u2068${NAME}\u2069» to suggest in this document.`).count()).toBe(1);
    expect(await ghostsOnScreen(page)).toEqual([]);

    // Across the library: a list to look at first, nothing written until accepted.
    await page.keyboard.press('Shift+T');
    const dialog = page.getByRole('dialog', { name: 'Every occurrence in the library' });
    await expect.poll(() => dialog.getByTestId('occurrences-status').textContent()).toBe('4 occurrences in 2 other documents');
    const rows = dialog.getByRole('list', { name: 'Documents with occurrences' }).getByRole('listitem');
    expect(await rows.evaluateAll((lis) => lis.map((li) => [li.querySelector('b')?.textContent, li.querySelector('.num')?.textContent]))).toEqual([
      ['gas-field-attack', '3×'],
      ['vocalised-report', '1×'],
    ]);
    // The context around the first occurrence, the occurrence itself marked: harakat and all.
    expect(await rows.locator('mark').allTextContents()).toEqual([NAME, 'القُوّاتُ الأَميرِكِيَّةُ']);
    await page.screenshot({ path: join(tmpdir(), 'hashiya-suggestions-library.png') });
    await dialog.getByRole('button', { name: 'Accept the 3 occurrences in gas-field-attack' }).click();
    await expect.poll(() => dialog.getByText('✓ 3 tagged').count()).toBe(1);
    await dialog.getByRole('button', { name: 'Close' }).click();
    await dialog.waitFor({ state: 'detached' });
    // The search worker holds the library between tag-alls: the next one knows what was just tagged.
    await page.keyboard.press('Shift+T');
    await expect.poll(() => dialog.getByTestId('occurrences-status').textContent()).toBe('1 occurrence in 1 other document');
    expect(await rows.evaluateAll((lis) => lis.map((li) => li.querySelector('b')?.textContent))).toEqual(['vocalised-report']);
    await dialog.getByRole('button', { name: 'Close' }).click();
    await dialog.waitFor({ state: 'detached' });

    await openDocument(page, 'gas-field-attack');
    await expect
      .poll(() => spans(page))
      .toEqual([
        ['actor', NAME],
        ['actor', NAME],
        ['actor', NAME],
      ]);
    // That document's tag-all is one undo step of its own there.
    await page.keyboard.press('Control+z');
    await expect.poll(() => spans(page)).toEqual([]);
    await openDocument(page, 'vocalised-report');
    expect(await spans(page)).toEqual([]);

    expect(errors).toEqual([]);
    await context.close();
  });

  it('the string matcher and the sequence tagger learn from a few tagged names and suggest them in another article', async () => {
    const { page, context, errors } = await openWorkbench(browser);
    await importFiles(page, [KONICO.path, GAS.path]);
    await openDocument(page, 'konico-strikes');
    // The analyst tags a few names by hand in one article.
    for (const [phrase, key] of [
      [NAME, '1'],
      ['كونيكو', '2'],
      ['ريف ديرالزور الشرقي', '2'],
    ] as const) {
      await selectByDrag(page, phrase);
      await page.keyboard.press(key);
    }
    await expect
      .poll(() => spans(page))
      .toEqual([
        ['actor', NAME],
        ['place', 'كونيكو'],
        ['place', 'ريف ديرالزور الشرقي'],
      ]);

    // Learnt again (by the button; by itself every 10 spans), the other article shows what they found there as ghosts.
    const panel = page.locator('details.recommender-panel');
    await panel.locator('summary').click();
    await panel.getByRole('button', { name: 'Learn again now' }).click();
    await expect.poll(() => panel.locator('summary').textContent()).toMatch(/learnt from 3 spans/);
    await openDocument(page, 'gas-field-attack');
    await expect.poll(async () => (await ghostsOnScreen(page)).filter((g) => g.text === NAME).length, { timeout: 30_000 }).toBe(3);
    const ghosts = await ghostsOnScreen(page);
    expect(ghosts.filter((g) => g.text === NAME).every((g) => g.label === 'actor')).toBe(true);
    expect(ghosts.some((g) => g.label === 'place' && g.text === 'كونيكو')).toBe(true);
    const by = await page.locator('[data-article-editor] .hs-suggestion').first().getAttribute('title');
    expect(by).toMatch(/by the (string matcher|tagger)/);
    await page.screenshot({ path: join(tmpdir(), 'hashiya-recommender-ghosts.png') });

    // Accepting one counts for its recommender in the panel.
    await page.getByRole('textbox', { name: 'Article text' }).focus();
    await page.keyboard.press('y');
    await expect.poll(async () => (await spans(page)).length).toBe(1);
    // The panel of the newly opened document starts folded.
    if ((await panel.getAttribute('open')) === null) await panel.locator('summary').click();
    const accepted = () =>
      panel
        .getByRole('table', { name: 'Recommenders' })
        .locator('tbody tr')
        .evaluateAll((rows) => rows.map((r) => r.querySelector('td')?.textContent));
    await expect.poll(accepted).toContain('1');
    expect(errors).toEqual([]);
    await context.close();
  }, 120_000);
});
