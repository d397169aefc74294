import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixtureArticle } from '../support/fixtures';
import type { JsonlLine } from '../support/jsonlLine';
import { exportJsonlBy, importFiles, launchBrowser, openDocument, openWorkbench, selectByDrag, sliceCodePoints, importJsonlFile } from './support/workbench';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const NAME = 'konico-strikes';
const ARTICLE = fixtureArticle(NAME).text;
const UNTOUCHED = 'gas-field-attack';
const cp = (utf16: number) => Array.from(ARTICLE.slice(0, utf16)).length;
const at = (phrase: string, label: string) => {
  const i = ARTICLE.indexOf(phrase);
  if (i < 0) throw new Error(`not in the article: ${phrase}`);
  return { start: cp(i), end: cp(i + phrase.length), label };
};

/** A colleague's file and a second annotator's: one agreement, a span only in each. */
const LAYLA = { text: ARTICLE, meta: { title: NAME, annotator: 'layla' }, spans: [at('القوات الأميركية', 'actor'), at('ريف ديرالزور الشرقي', 'place')] };
const OMAR = { text: ARTICLE, meta: { title: NAME, annotator: 'omar' }, spans: [at('القوات الأميركية', 'actor'), at('المسيّرات', 'weapon')] };

/** Opens Export…, makes the choices, exports and returns the records written. */
async function exportWith(page: Page, choices: { layer: string; documents?: string; untouched?: boolean }, screenshot?: string): Promise<JsonlLine[]> {
  await page.getByRole('button', { name: 'Export…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Export annotations' });
  await dialog.getByRole('combobox', { name: 'Format' }).selectOption('jsonl');
  await dialog.getByRole('combobox', { name: 'Layer' }).selectOption({ label: choices.layer });
  await dialog.getByRole('combobox', { name: 'Documents' }).selectOption({ label: choices.documents ?? 'all documents' });
  await dialog.getByRole('checkbox', { name: /include untouched documents/ }).setChecked(choices.untouched ?? false);
  if (screenshot) await page.screenshot({ path: screenshot });
  const records = await exportJsonlBy(page, () => dialog.getByRole('button', { name: 'Export jsonl' }).click());
  await dialog.waitFor({ state: 'detached' });
  return records as unknown as JsonlLine[];
}

describe('exporting one layer at a time', () => {
  it('imports a colleague’s file, reviews into gold, exports each layer: no record mixes layers and each names its own', async () => {
    const { page, context, errors } = await openWorkbench(browser, 'analyst');
    const d = mkdtempSync(join(tmpdir(), 'hashiya-export-'));
    writeFileSync(join(d, 'layla.jsonl'), JSON.stringify(LAYLA) + '\n');
    writeFileSync(join(d, 'omar.jsonl'), JSON.stringify(OMAR) + '\n');
    await importFiles(page, [fixtureArticle(NAME).path, fixtureArticle(UNTOUCHED).path]);
    await page.getByRole('button', { name: `Open ${UNTOUCHED}` }).waitFor();
    await importJsonlFile(page, join(d, 'layla.jsonl'));
    await importJsonlFile(page, join(d, 'omar.jsonl'));

    // My own layer: one place.
    await openDocument(page, NAME);
    await selectByDrag(page, 'قاعدة "كونيكو"');
    await page.getByRole('button', { name: 'Tag as place (key 2)' }).click();
    await expect.poll(() => page.locator('.hs-span[data-label="place"]').count()).toBeGreaterThan(0);

    // Review layla against omar and settle every difference: gold.
    await page.getByRole('button', { name: 'Review annotators…' }).click();
    const start = page.getByRole('dialog', { name: 'Review annotators' });
    await start.getByRole('combobox', { name: /Annotator A/ }).selectOption('layla');
    await start.getByRole('combobox', { name: /Annotator B/ }).selectOption('omar');
    await start.getByRole('button', { name: 'Start review' }).click();
    await page.getByRole('list', { name: 'Differences list' }).waitFor();
    await page.keyboard.press('Control+Shift+A');
    await expect.poll(() => page.locator('li[data-kind="agree"][data-verdict="a"]').count()).toBe(1);
    await page.keyboard.press('a');
    await expect.poll(() => page.locator('li[data-kind="only-a"][data-verdict="a"]').count()).toBe(1);
    await page.keyboard.press('b');
    await expect.poll(() => page.getByTestId('review-summary').textContent()).toContain('3 of 3 settled');

    // Each layer: one record per document and layer, none mixing annotators.
    const each = await exportWith(page, { layer: 'each layer (a record per document and layer)' }, join(d, 'export-dialog.png'));
    expect(each.map((r) => [r.meta.annotator, r.meta.layer])).toEqual([
      ['analyst', 'annotator'],
      ['layla', 'annotator'],
      ['omar', 'annotator'],
      ['gold', 'gold'],
    ]);
    for (const r of each) {
      expect(r.meta.title).toBe(NAME);
      expect(r.spans.every((s) => s.annotator === undefined)).toBe(true);
      expect(r.meta.labels).toContainEqual({ name: 'claim', role: 'claim' });
      // Every span on tokens of its own: token_start/token_end cover exactly its characters.
      for (const s of r.spans) {
        expect(r.tokens![s.token_start!]!.start).toBe(s.start);
        expect(r.tokens![s.token_end!]!.end).toBe(s.end);
      }
    }
    const text = (r: JsonlLine) => r.spans.map((s) => `${s.label}:${sliceCodePoints(ARTICLE, s.start, s.end)}`);
    expect(text(each[0]!)).toEqual(['place:قاعدة "كونيكو"']);
    expect(text(each[3]!)).toEqual(['actor:القوات الأميركية', 'place:ريف ديرالزور الشرقي', 'weapon:المسيّرات']);
    expect(each[3]!.meta.reviewed).toBe(true);
    // The summary: documents, spans per label, and the untouched article left out.
    const notice = page.getByRole('status');
    await expect
      .poll(() => notice.textContent())
      .toContain('Exported 1 document in 4 records as jsonl (each layer in a record of its own) to hashiya-export.jsonl; left out 1 document');
    expect(await notice.textContent()).toContain('spans per label: actor 3, place 3, weapon 2');
    expect(await notice.textContent()).toContain(`«${UNTOUCHED}» (layer analyst): untouched (no spans and no status in the layer)`);
    await page.screenshot({ path: join(d, 'export-summary.png') });

    // Gold alone, reviewed documents only; the untouched article when asked for.
    const gold = await exportWith(page, { layer: 'gold (adjudicated in review)', documents: 'reviewed (every difference settled)' });
    expect(gold.map((r) => [r.meta.annotator, r.meta.layer, r.meta.reviewed])).toEqual([['gold', 'gold', true]]);
    const mine = await exportWith(page, { layer: 'mine (analyst)', untouched: true });
    expect(mine.map((r) => [r.meta.title, r.meta.annotator, r.spans.length])).toEqual([
      [NAME, 'analyst', 1],
      [UNTOUCHED, 'analyst', 0],
    ]);
    // All layers in one record only when asked: then every span names its annotator.
    const [all] = await exportWith(page, { layer: 'all layers in one record (each span names its annotator)' });
    expect(all!.meta.layer).toBe('all');
    expect(new Set(all!.spans.map((s) => s.annotator))).toEqual(new Set(['analyst', 'layla', 'omar', 'gold']));

    // CoNLL writes the labels with the entity role by default, whatever they are called.
    await page.getByRole('button', { name: 'Export…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Export annotations' });
    await dialog.getByRole('combobox', { name: 'Format' }).selectOption('conll');
    for (const name of ['actor', 'place', 'weapon']) expect(await dialog.getByRole('checkbox', { name, exact: true }).isChecked()).toBe(true);
    expect(await dialog.getByRole('checkbox', { name: 'claim', exact: true }).isChecked()).toBe(false);
    expect(await dialog.getByRole('checkbox', { name: /write nested spans/ }).isChecked()).toBe(false);
    await page.screenshot({ path: join(d, 'export-conll.png') });
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.waitFor({ state: 'detached' });

    // The toolbar's Export JSONL is my layer, named.
    const toolbar = (await exportJsonlBy(page, () => page.getByRole('button', { name: 'Export JSONL' }).click())) as unknown as JsonlLine[];
    expect(toolbar.map((r) => [r.meta.annotator, r.meta.layer, r.spans.length])).toEqual([['analyst', 'annotator', 1]]);
    expect(errors).toEqual([]);
    await context.close();
  }, 120_000);
});
