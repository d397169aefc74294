import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AgreementReport } from '../../shared/agreement/agreementReport';
import { fixtureArticle } from '../support/fixtures';
import {
  exportJsonlBy,
  importFiles,
  launchBrowser,
  openDocument,
  openWorkbench,
  pressInOneTask,
  selectedSpan,
  sliceCodePoints,
  type ExportedRecord,
  waitUntilSaved,
} from './support/workbench';
import { jsonlSpan, type PhraseSpanOptions } from './support/jsonlSpan';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const NAME = 'konico-strikes';
const ARTICLE = fixtureArticle(NAME).text;

/** A span over `phrase` in the article (the nth time it occurs, from `skip` characters into it). */
const at = (phrase: string, label: string, opts: PhraseSpanOptions = {}) => jsonlSpan(ARTICLE, phrase, label, opts);

const CLAIM = 'الميليشيات الإيرانية قصفت القاعدة من مواقعها';
/**
 * Two annotators over the article, differing once in every way review tells apart:
 * two agreements, a label conflict, a boundary conflict, a span only in A, one only in B,
 * and a claim both made with the same source but another stance.
 */
const LAYLA = {
  text: ARTICLE,
  meta: { title: NAME, annotator: 'layla' },
  spans: [
    at('القوات الأميركية', 'actor'),
    at('ريف ديرالزور الشرقي', 'place'),
    at('الميليشيات الإيرانية', 'actor'),
    at('المسيّرات', 'weapon'),
    at('مصادر محلية', 'actor', { id: 'src' }),
    at(CLAIM, 'claim', { id: 'c1', stance: 'reported' }),
  ],
  relations: [{ head: 'c1', child: 'src', label: 'source' }],
};
const OMAR = {
  text: ARTICLE,
  meta: { title: NAME, annotator: 'omar' },
  spans: [
    at('القوات الأميركية', 'actor'),
    at('ريف ديرالزور الشرقي', 'place', { skip: 'ريف '.length }),
    at('الميليشيات الإيرانية', 'place'),
    at('بواسطة الصواريخ', 'weapon', { skip: 'بواسطة '.length }),
    at('مصادر محلية', 'actor', { id: 'm' }),
    at(CLAIM, 'claim', { id: 'k', stance: 'asserted' }),
  ],
  relations: [{ head: 'k', child: 'm', label: 'source' }],
};

/** Imports one annotator's JSONL file through Import…, attaching it to the article by its SHA-256. */
async function importAnnotator(page: Page, path: string, who: string) {
  await page.getByRole('button', { name: 'Import…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Import annotations' });
  await dialog.getByRole('combobox', { name: 'Format' }).selectOption('jsonl');
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), dialog.getByRole('button', { name: 'Choose files…' }).click()]);
  await chooser.setFiles([path]);
  await dialog.getByRole('button', { name: 'Check files' }).click();
  const review = dialog.getByRole('region', { name: 'Import review' });
  await review.waitFor();
  // Matched to the document already in the library, under the file's annotator.
  expect(await review.textContent()).toContain(who);
  expect(await review.textContent()).toMatch(/1 document already in the library \(same text\) gets 6 spans/);
  // The import itself runs in a worker, off the window's main thread.
  const [worker] = await Promise.all([page.waitForEvent('worker'), dialog.getByRole('button', { name: 'Import', exact: true }).click()]);
  expect(worker.url()).toMatch(/importWorker/);
  await dialog.waitFor({ state: 'detached' });
}

/** The article in the library with layla's and omar's spans attached; returns the folder of their files. */
async function libraryWithBoth(page: Page): Promise<string> {
  const d = mkdtempSync(join(tmpdir(), 'hashiya-review-'));
  writeFileSync(join(d, 'layla.jsonl'), JSON.stringify(LAYLA) + '\n');
  writeFileSync(join(d, 'omar.jsonl'), JSON.stringify(OMAR) + '\n');
  await importFiles(page, [fixtureArticle(NAME).path]);
  await importAnnotator(page, join(d, 'layla.jsonl'), 'layla');
  await importAnnotator(page, join(d, 'omar.jsonl'), 'omar');
  return d;
}

/** The row of the difference in focus: its kind and what it settled as. */
async function current(page: Page) {
  const row = page.getByRole('list', { name: 'Differences list' }).locator('li[aria-current="true"]');
  return { kind: await row.getAttribute('data-kind'), verdict: await row.getAttribute('data-verdict'), text: (await row.textContent()) ?? '' };
}

const kinds = (page: Page) =>
  page
    .getByRole('list', { name: 'Differences list' })
    .locator('li')
    .evaluateAll((els) => els.map((e) => [e.getAttribute('data-kind'), e.getAttribute('data-verdict')]));

describe('review and agreement', () => {
  it('loads a second annotator, walks and settles every kind of difference by keyboard, exports gold, and the dashboard equals the CLI', async () => {
    const { page, context, errors } = await openWorkbench(browser, 'analyst');
    const d = await libraryWithBoth(page);

    // My own layer is empty; the colleagues' spans are there but not mixed into it.
    await openDocument(page, NAME);
    expect(await page.locator('.hs-span').count()).toBe(0);
    expect(await page.getByRole('toolbar', { name: 'Layers' }).textContent()).toContain('12 spans by others or gold are hidden');

    await page.getByRole('button', { name: 'Review annotators…' }).click();
    const start = page.getByRole('dialog', { name: 'Review annotators' });
    expect(await start.getByRole('combobox', { name: /Annotator A/ }).inputValue()).toBe('layla');
    expect(await start.getByRole('combobox', { name: /Annotator B/ }).inputValue()).toBe('omar');
    await start.getByRole('button', { name: 'Start review' }).click();
    await page.getByRole('list', { name: 'Differences list' }).waitFor();

    // Both layers are drawn: A above the line, B below; gold is empty.
    expect(await page.locator('.hs-rev-a').count()).toBeGreaterThanOrEqual(6);
    expect(await page.locator('.hs-rev-b').count()).toBeGreaterThanOrEqual(6);
    expect(await kinds(page)).toEqual([
      ['agree', ''],
      ['boundary', ''],
      ['label', ''],
      ['only-a', ''],
      ['agree', ''],
      ['attribute', ''],
      ['only-b', ''],
    ]);
    expect((await current(page)).kind).toBe('agree');
    // The claim's stance differs; its source (the same words) does not.
    expect(await page.locator('li[data-kind="attribute"]').textContent()).toContain('(stance)');

    // Walk by keyboard: N forward, Shift+N back; the focus is drawn in the text.
    await page.keyboard.press('n');
    expect((await current(page)).kind).toBe('boundary');
    await page.keyboard.press('n');
    expect((await current(page)).kind).toBe('label');
    await page.keyboard.press('Shift+N');
    expect((await current(page)).kind).toBe('boundary');
    expect(await page.locator('.hs-diff-focus').count()).toBeGreaterThan(0);
    await page.screenshot({ path: join(d, 'review.png') });

    // The keys overlay lists the review keys first.
    await page.keyboard.press('Shift+Slash');
    const keys = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    expect(await keys.textContent()).toContain('Settle the difference: accept A’s span');
    await page.screenshot({ path: join(d, 'keys.png') });
    await page.keyboard.press('Escape');
    await keys.waitFor({ state: 'detached' });

    // Both agreements at once, then each other kind with its own key.
    await page.keyboard.press('Control+Shift+A');
    await expect.poll(() => page.locator('li[data-kind="agree"][data-verdict="a"]').count()).toBe(2);
    expect((await current(page)).kind).toBe('boundary');
    await page.keyboard.press('a'); // boundary: take A's wider span
    expect((await current(page)).kind).toBe('label');
    await page.keyboard.press('o'); // label conflict: keep both labels
    expect((await current(page)).kind).toBe('only-a');
    await page.keyboard.press('x'); // only in A: reject
    expect((await current(page)).kind).toBe('attribute');
    await page.keyboard.press('b'); // the claim as B put it: asserted
    expect((await current(page)).kind).toBe('only-b');
    await page.keyboard.press('e'); // only in B: take it and fix it by hand
    expect(await selectedSpan(page)).toMatchObject({ label: 'weapon', text: 'الصواريخ', annotator: 'gold' });
    await page.keyboard.press('Alt+ArrowRight'); // its start one token out: "بواسطة الصواريخ"
    await expect.poll(() => selectedSpan(page)).toMatchObject({ text: 'بواسطة الصواريخ' });
    expect(await kinds(page)).toEqual([
      ['agree', 'a'],
      ['boundary', 'a'],
      ['label', 'both'],
      ['only-a', 'reject'],
      ['agree', 'a'],
      ['attribute', 'b'],
      ['only-b', 'edit'],
    ]);
    expect(await page.getByTestId('review-summary').textContent()).toContain('7 of 7 settled');
    await page.screenshot({ path: join(d, 'settled.png') });

    // Settling is undoable like any annotation: undo the resize and the edit, redo them.
    await page.keyboard.press('Control+z');
    await page.keyboard.press('Control+z');
    await expect.poll(() => page.locator('li[data-kind="only-b"]').getAttribute('data-verdict')).toBe('');
    await page.keyboard.press('Control+Shift+z');
    await page.keyboard.press('Control+Shift+z');
    await expect.poll(() => page.locator('li[data-kind="only-b"]').getAttribute('data-verdict')).toBe('edit');

    // Decisions and gold survive a reload, once stored (a reload a few milliseconds after the
    // redo leaves before its write commits, as the leave-page prompt warns a person).
    await waitUntilSaved(page);
    await page.reload();
    await page.getByRole('list', { name: 'Differences list' }).waitFor();
    await expect.poll(() => page.getByTestId('review-summary').textContent()).toContain('7 of 7 settled');
    // Gold holds seven spans (an element may be cut in pieces where layers cross: count ids).
    expect(new Set(await page.locator('.hs-span').evaluateAll((els) => els.map((e) => e.getAttribute('data-span-id')))).size).toBe(7);

    // Export gold only.
    await page.getByRole('button', { name: 'Export…' }).click();
    const exp = page.getByRole('dialog', { name: 'Export annotations' });
    await exp.getByRole('combobox', { name: 'Layer' }).selectOption({ label: 'gold (adjudicated in review)' });
    const [gold] = await exportJsonlBy(page, () => exp.getByRole('button', { name: 'Export jsonl' }).click());
    const g = gold as ExportedRecord;
    expect(g.meta.annotator).toBe('gold');
    expect(g.spans.map((s) => [s.label, sliceCodePoints(ARTICLE, s.start, s.end), s.attrs?.stance ?? null])).toEqual([
      ['actor', 'القوات الأميركية', null],
      ['place', 'ريف ديرالزور الشرقي', null],
      ['actor', 'الميليشيات الإيرانية', null],
      ['place', 'الميليشيات الإيرانية', null],
      ['actor', 'مصادر محلية', null],
      ['claim', CLAIM, 'asserted'],
      ['weapon', 'بواسطة الصواريخ', null],
    ]);
    const claim = g.spans.find((s) => s.label === 'claim')!;
    const source = g.spans.find((s) => sliceCodePoints(ARTICLE, s.start, s.end) === 'مصادر محلية')!;
    expect(g.relations).toEqual([expect.objectContaining({ head_id: claim.id, child_id: source.id, label: 'source' })]);

    // The dashboard over the same two annotators gives the command line's numbers.
    await page.getByRole('button', { name: 'Agreement', exact: true }).click();
    const dash = page.getByRole('region', { name: 'Agreement dashboard' });
    await expect.poll(() => dash.getByRole('checkbox', { name: 'layla' }).isChecked()).toBe(true);
    expect(await dash.getByRole('checkbox', { name: 'omar' }).isChecked()).toBe(true);
    expect(await dash.getByRole('checkbox', { name: 'gold' }).isChecked()).toBe(false);
    await dash.getByRole('button', { name: 'Compute agreement' }).click();
    const table = dash.getByRole('table', { name: 'Agreement per label' });
    await table.waitFor();
    const cli = spawnSync(process.execPath, ['cli/bin.mjs', 'agree', join(d, 'layla.jsonl'), join(d, 'omar.jsonl'), '--json'], { encoding: 'utf8' });
    expect(cli.status, cli.stderr).toBe(0);
    const report = JSON.parse(cli.stdout) as AgreementReport;
    const shown = (row: string, measure: string) => table.locator(`tr[data-label="${row}"] td[data-measure="${measure}"]`).textContent();
    const fmt = (v: number | null) => (v === null ? '—' : v.toFixed(3));
    for (const m of ['exact_f1', 'partial_f1', 'cohen_kappa', 'fleiss_kappa', 'krippendorff_alpha'] as const) {
      expect(await shown('overall', m), `overall ${m}`).toBe(fmt(report.overall[m]));
    }
    expect(Object.keys(report.labels).sort()).toEqual(['actor', 'claim', 'place', 'weapon']);
    for (const [label, values] of Object.entries(report.labels)) {
      for (const m of ['exact_f1', 'partial_f1', 'cohen_kappa', 'krippendorff_alpha'] as const) {
        expect(await shown(label, m), `${label} ${m}`).toBe(fmt(values[m]));
      }
      for (const who of ['layla', 'omar']) {
        expect(await table.locator(`tr[data-label="${label}"] td[data-count="${who}"]`).textContent()).toBe(String(values.counts[who] ?? 0));
      }
    }
    expect(await dash.getByTestId('agreement-summary').textContent()).toContain(`1 document compared, ${report.tokens} tokens`);
    // The heat map: A's actor against B's place is one of the overlapping pairs.
    const heat = dash.getByRole('table', { name: 'Confusion matrix' });
    expect(await heat.locator('td[data-row="actor"][data-col="place"]').textContent()).toBe(String(report.confusion.actor!.place));
    await page.screenshot({ path: join(d, 'dashboard.png'), fullPage: true });

    // The worst-first list opens the document in review.
    await dash.getByRole('button', { name: `Review ${NAME}` }).click();
    await page.getByRole('list', { name: 'Differences list' }).waitFor();
    expect(page.url()).toContain('#/review/');
    expect(errors).toEqual([]);
    console.log(`screenshots in ${d}`);
    await context.close();
  });

  it('acts on what the last key selected, however fast the keys come and wherever the focus is', async () => {
    const { page, context, errors } = await openWorkbench(browser, 'analyst');
    await libraryWithBoth(page);
    await openDocument(page, NAME);
    await page.getByRole('button', { name: 'Review annotators…' }).click();
    await page.getByRole('dialog', { name: 'Review annotators' }).getByRole('button', { name: 'Start review' }).click();
    await page.getByRole('list', { name: 'Differences list' }).waitFor();

    // The keys list takes the focus; closed with Escape, it leaves it outside the article,
    // where the browser no longer shows the caret the keys move.
    await page.keyboard.press('Shift+Slash');
    await page.keyboard.press('Escape');
    await page.getByRole('dialog', { name: 'Keyboard shortcuts' }).waitFor({ state: 'detached' });
    const articleHasFocus = () => page.evaluate(() => document.activeElement?.getAttribute('aria-label') === 'Article text');
    expect(await articleHasFocus()).toBe(false);
    await page.keyboard.press('Control+Shift+A');
    await expect.poll(() => page.locator('li[data-kind="agree"][data-verdict="a"]').count()).toBe(2);

    // ] and [ walk the spans from the one the last key selected, and Alt+→ widens it.
    const walk: (string | undefined)[] = [];
    for (const key of ['BracketRight', 'BracketRight', 'BracketLeft']) {
      await page.keyboard.press(key);
      walk.push((await selectedSpan(page))?.text);
    }
    expect(walk).toEqual(['القوات الأميركية', 'مصادر محلية', 'القوات الأميركية']);
    await page.keyboard.press('Alt+ArrowRight');
    expect(await selectedSpan(page)).toMatchObject({ text: 'شنّت القوات الأميركية' });

    // The focus comes back without a click (as Tab brings it): the keys still act on the span ] selected.
    await page.keyboard.press('BracketRight');
    await page.evaluate(() => document.querySelector<HTMLElement>('[data-article-editor]')!.focus());
    expect(await articleHasFocus()).toBe(true);
    await page.keyboard.press('Alt+Shift+ArrowRight'); // its end one token in
    expect(await selectedSpan(page)).toMatchObject({ text: 'مصادر' });

    // E and Alt+→ in one task, as in a loaded run: Alt+→ widens the copy E just made.
    await page.keyboard.press('Shift+U'); // back round to the one unsettled difference only B saw
    expect((await current(page)).kind).toBe('only-b');
    await pressInOneTask(page, [
      { code: 'KeyE', key: 'e' },
      { code: 'ArrowRight', key: 'ArrowRight', alt: true },
    ]);
    expect(await selectedSpan(page)).toMatchObject({ label: 'weapon', text: 'بواسطة الصواريخ', annotator: 'gold' });
    expect(errors).toEqual([]);
    await context.close();
  });
});
