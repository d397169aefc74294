import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixtureArticle } from '../support/fixtures';
import { jsonlSpan } from './support/jsonlSpan';
import { importFiles, importJsonlFile, launchBrowser, openDocument, openWorkbench } from './support/workbench';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const NAME = 'konico-strikes';
const ARTICLE = fixtureArticle(NAME).text;
const CLAIM = 'الميليشيات الإيرانية قصفت القاعدة من مواقعها';
/** Which occurrence of «الميليشيات الإيرانية» opens the claim: a second span starts there. */
const MILITIAS = 'الميليشيات الإيرانية';
const NTH_AT_CLAIM = ARTICLE.slice(0, ARTICLE.indexOf(CLAIM)).split(MILITIAS).length - 1;
const at = (phrase: string, label: string, opts: { stance?: string; id?: string; nth?: number } = {}) => jsonlSpan(ARTICLE, phrase, label, opts);
/** One annotator's spans: a denied claim that names its source (so claim arcs are drawn), and `extra`. */
const layer = (annotator: string, extra: ReturnType<typeof at>[]) => ({
  text: ARTICLE,
  meta: { title: NAME, annotator },
  spans: [at('القوات الأميركية', 'actor', { id: 'src' }), at('الميليشيات الإيرانية', 'actor'), at(CLAIM, 'claim', { stance: 'denied', id: 'c1' }), ...extra],
  relations: [{ head: 'c1', child: 'src', label: 'source' }],
});

/** Where screenshots go when asked for (HASHIYA_SHOTS=folder), for a person to look at. */
const SHOTS = process.env.HASHIYA_SHOTS;
async function shot(page: Page, name: string, top = true): Promise<void> {
  if (!SHOTS) return;
  mkdirSync(SHOTS, { recursive: true });
  // The top of the text, where the fixture's spans are (a suggestion in focus scrolls it).
  if (top) await page.evaluate(() => document.querySelector('.article-frame')?.scrollTo(0, 0));
  await page.screenshot({ path: join(SHOTS, `${name}.png`) });
}

/** The article, the analyst's spans (a claim with a stance among them) and a colleague's layer. */
async function library(page: Page): Promise<void> {
  const d = mkdtempSync(join(tmpdir(), 'hashiya-view-'));
  await importFiles(page, [fixtureArticle(NAME).path]);
  await page.getByRole('button', { name: `Open ${NAME}` }).waitFor();
  for (const [who, record] of Object.entries({
    analyst: layer('analyst', [at('ريف ديرالزور الشرقي', 'place'), at(MILITIAS, 'actor', { nth: NTH_AT_CLAIM })]),
    layla: layer('layla', [at('المسيّرات', 'weapon')]),
  })) {
    writeFileSync(join(d, `${who}.jsonl`), JSON.stringify(record) + '\n');
    await importJsonlFile(page, join(d, `${who}.jsonl`));
  }
}

async function viewMenu(page: Page) {
  const button = page.getByRole('button', { name: 'View options' });
  if ((await button.getAttribute('aria-expanded')) !== 'true') await button.click();
  return page.getByRole('group', { name: 'How the text is shown' });
}

/** The CSS content of each element's ::before that matches `selector` (quotes taken off). */
const beforeContents = (page: Page, selector: string) =>
  page.evaluate((sel) => [...document.querySelectorAll(sel)].map((el) => getComputedStyle(el, '::before').content.replace(/^"(.*)"$/, '$1')), selector);

const articleFontSize = (page: Page) => page.evaluate(() => parseFloat(getComputedStyle(document.querySelector('[data-article-editor]')!).fontSize));

describe('view preferences', () => {
  it('shows label badges and stances, line numbers, a colour-blind palette, a text size, and remembers them', async () => {
    const { page, context, errors } = await openWorkbench(browser, 'analyst');
    await library(page);
    await openDocument(page, NAME);
    await page.locator('.hs-span').first().waitFor();

    // The claim's stance shows at the claim, and a screen reader hears it with the label.
    await expect.poll(() => beforeContents(page, '.hs-stance')).toEqual(['denied']);
    const claim = page.locator('.hs-span[data-label="claim"]').first();
    expect(await claim.getAttribute('aria-description')).toBe('Claim, denied');
    // Off by default: no label badges; and the text's own words hold none of the widgets'.
    expect(await page.locator('.hs-badge').count()).toBe(0);
    expect(await page.locator('[data-article-editor]').textContent()).toBe(ARTICLE.replace(/\r?\n/g, ''));
    await shot(page, 'editor-en-light');

    const menu = await viewMenu(page);
    await menu.getByRole('checkbox', { name: 'Label names in the text' }).check();
    await expect.poll(() => beforeContents(page, '.hs-badge')).toEqual(['Actor', 'Place', 'Actor', 'Claim', 'Actor']);
    // The second actor and the claim start at the same word: their badges (and the claim's
    // stance) share a row side by side, where they once stood over each other.
    const rows = await page.evaluate(() =>
      [...document.querySelectorAll('.hs-badges')]
        .map((w) =>
          [...w.querySelectorAll<HTMLElement>('.hs-badge, .hs-stance')].map(
            (b) => ({ name: b.dataset.name, ...b.getBoundingClientRect().toJSON() }) as { name: string; left: number; right: number },
          ),
        )
        .filter((row) => row.length > 1),
    );
    expect(rows.map((row) => row.map((b) => b.name))).toEqual([['Claim', 'denied', 'Actor']]);
    const sorted = [...rows[0]!].sort((x, y) => x.left - y.left);
    for (let k = 1; k < sorted.length; k++) expect(sorted[k]!.left).toBeGreaterThanOrEqual(sorted[k - 1]!.right - 0.5);

    // Line numbers: a counter per paragraph (its value is drawn, not readable: a long text's
    // sections are checked below), on the inline-start side of the right-to-left text.
    await menu.getByRole('checkbox', { name: 'Line numbers' }).check();
    await expect.poll(() => beforeContents(page, '[data-article-editor] p')).toEqual(ARTICLE.split(/\r?\n/).map(() => 'counter(line) / ""'));
    const side = await page.evaluate(() => {
      const p = document.querySelector('[data-article-editor] p')!;
      return { direction: getComputedStyle(p).direction, right: getComputedStyle(p, '::before').right };
    });
    expect(side.direction).toBe('rtl');
    expect(parseFloat(side.right)).toBeLessThan(0);

    // The colour-blind palette recolours the highlights, not the label set.
    const colourOf = () => page.evaluate(() => getComputedStyle(document.querySelector('.hs-span[data-label="actor"]')!).getPropertyValue('--c').trim());
    const standard = await colourOf();
    await menu.getByRole('combobox', { name: 'Label colours' }).selectOption('colourBlind');
    await expect.poll(colourOf).toBe('#0072B2');
    expect(standard).not.toBe('#0072B2');

    // The text's size: larger, smaller, reset.
    const base = await articleFontSize(page);
    await menu.getByRole('button', { name: 'Larger text' }).click();
    await menu.getByRole('button', { name: 'Larger text' }).click();
    await expect.poll(() => articleFontSize(page)).toBeCloseTo(base * 1.2, 0);
    await shot(page, 'editor-en-badges-lines');
    await menu.getByRole('button', { name: 'Smaller text' }).click();
    await expect.poll(() => articleFontSize(page)).toBeCloseTo(base * 1.1, 0);

    // Everything is remembered on this machine.
    await page.reload();
    await page.getByRole('textbox', { name: 'Article text' }).waitFor();
    await page.locator('.hs-badge').first().waitFor();
    await expect.poll(() => articleFontSize(page)).toBeCloseTo(base * 1.1, 0);
    await expect.poll(colourOf).toBe('#0072B2');
    expect((await beforeContents(page, '[data-article-editor] p'))[0]).toBe('counter(line) / ""');
    const again = await viewMenu(page);
    await again.getByRole('button', { name: 'Reset text size' }).click();
    await expect.poll(() => articleFontSize(page)).toBeCloseTo(base, 0);
    // A disabled button looks it.
    const reset = again.getByRole('button', { name: 'Reset text size' });
    expect(await reset.isDisabled()).toBe(true);
    expect(await reset.evaluate((el) => ({ opacity: Number(getComputedStyle(el).opacity), cursor: getComputedStyle(el).cursor }))).toEqual({
      opacity: 0.45,
      cursor: 'not-allowed',
    });

    // In Arabic: badges in Arabic, the stance in Arabic, line numbers in Arabic-Indic digits.
    await page.getByRole('combobox', { name: 'Interface language' }).selectOption('ar');
    await expect.poll(() => beforeContents(page, '.hs-stance')).toEqual(['منفيّ']);
    await expect.poll(async () => (await beforeContents(page, '.hs-badge'))[0]).toBe('فاعل');
    expect((await beforeContents(page, '[data-article-editor] p'))[0]).toBe('counter(line, arabic-indic) / ""');
    await shot(page, 'editor-ar-light');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('numbers the lines of a long text through every section, which content-visibility keeps apart', async () => {
    const { page, context, errors } = await openWorkbench(browser, 'analyst');
    const d = mkdtempSync(join(tmpdir(), 'hashiya-lines-'));
    // 60 lines of about 600 characters: ten sections or so (SECTION_CHARS 4,000).
    const text = Array.from({ length: 60 }, (_, k) => `${'قالت مصادر محلية إن القصف استهدف القاعدة. '.repeat(14)}السطر ${k + 1}`).join('\n');
    writeFileSync(join(d, 'long-lines.txt'), text);
    await importFiles(page, [join(d, 'long-lines.txt')]);
    await openDocument(page, 'long-lines');
    const menu = await viewMenu(page);
    await menu.getByRole('checkbox', { name: 'Line numbers' }).check();
    const sections = await page.evaluate(() =>
      [...document.querySelectorAll('[data-article-editor] .article-section')].map((s) => ({
        reset: getComputedStyle(s.querySelector('p')!).counterReset,
        lines: s.querySelectorAll('p').length,
      })),
    );
    expect(sections.length).toBeGreaterThan(5);
    let line = 0;
    for (const s of sections) {
      expect(s.reset).toBe(`line ${line}`);
      line += s.lines;
    }
    expect(line).toBe(60);
    await page.locator('[data-article-editor] p').nth(45).scrollIntoViewIfNeeded();
    await shot(page, 'long-lines-en', false);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('follows the system into dark mode, takes an override, and the review fits its frame', async () => {
    const { page, context, errors } = await openWorkbench(browser, 'analyst');
    await page.emulateMedia({ colorScheme: 'dark' });
    await library(page);
    const paper = () => page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
    await expect.poll(paper).toBe('rgb(24, 24, 27)');
    await shot(page, 'library-en-dark');
    const menu = await viewMenu(page);
    await menu.getByRole('combobox', { name: 'Theme' }).selectOption('light');
    await expect.poll(paper).toBe('rgb(251, 250, 247)');
    await menu.getByRole('combobox', { name: 'Theme' }).selectOption('system');
    await expect.poll(paper).toBe('rgb(24, 24, 27)');
    await page.getByRole('button', { name: 'View options' }).click();

    await openDocument(page, NAME);
    // No span selected: the side panel is a narrow strip whose button unfolds the help.
    const panel = page.getByRole('complementary', { name: 'Selected span' });
    const width = () => panel.evaluate((el) => el.getBoundingClientRect().width);
    expect(await width()).toBeLessThan(60);
    // Selecting a span unfolds the panel, and the text does not move.
    const place = () =>
      page
        .locator('[data-article-editor] p')
        .first()
        .evaluate((p) => {
          const r = p.getBoundingClientRect();
          return { x: r.x, width: r.width, height: r.height };
        });
    const before = await place();
    await page.keyboard.press('BracketRight');
    await page.getByTestId('selected-label').waitFor();
    expect(await width()).toBeGreaterThan(200);
    expect(await place()).toEqual(before);
    await page.keyboard.press('Escape');
    await expect.poll(width).toBeLessThan(60);
    await panel.getByRole('button', { name: 'Show help' }).click();
    await panel.getByRole('button', { name: 'Hide help' }).waitFor();
    expect(await width()).toBeLessThan(300);
    await shot(page, 'editor-en-dark');

    await page.getByRole('button', { name: 'Review annotators…' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Start review' }).click();
    await page.locator('li[data-kind]').first().waitFor();
    const frame = () => page.locator('.article-frame').evaluate((el) => ({ scroll: el.scrollWidth, client: el.clientWidth }));
    const { scroll, client } = await frame();
    expect(scroll).toBeLessThanOrEqual(client);
    await shot(page, 'review-en-dark');
    await page.getByRole('combobox', { name: 'Interface language' }).selectOption('ar');
    await page.getByRole('button', { name: 'إنهاء المراجعة' }).waitFor();
    const rtl = await frame();
    expect(rtl.scroll).toBeLessThanOrEqual(rtl.client);
    await shot(page, 'review-ar-dark');
    await page.getByRole('button', { name: 'إنهاء المراجعة' }).click();
    await page.getByRole('combobox', { name: 'لغة الواجهة' }).selectOption('en');
    await page.getByRole('button', { name: 'Claims', exact: true }).click();
    await page.locator('.claims-matrix button').first().waitFor();
    await shot(page, 'claims-en-dark', false);
    await page.getByRole('button', { name: 'Labels…' }).click();
    await page.getByRole('dialog').first().waitFor();
    await shot(page, 'labels-dialog-en-dark', false);
    expect(errors).toEqual([]);
    await context.close();
  });
});
