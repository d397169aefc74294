import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { READS_CORPORA, wojood } from '../support/corpora';
import { fixtureArticle, fixtureFile, type TextFile } from '../support/fixtures';
import { editorText, launchBrowser, openDocument, openWorkbench, sliceCodePoints, spansOnScreen } from './support/workbench';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const ARTICLE = fixtureArticle('konico-strikes').text;
const cp = (s: string) => Array.from(s).length;
const dir = () => mkdtempSync(join(tmpdir(), 'hashiya-formats-'));

/** Opens Import…, picks the files in a format, fills the options and checks them. */
async function checkImport(page: Page, format: string, paths: string[], options: { map?: string } = {}) {
  await page.getByRole('button', { name: 'Import…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Import annotations' });
  await dialog.getByRole('combobox', { name: 'Format' }).selectOption(format);
  if (options.map) await dialog.getByRole('textbox', { name: 'Label mapping' }).fill(options.map);
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), dialog.getByRole('button', { name: 'Choose files…' }).click()]);
  await chooser.setFiles(paths);
  await dialog.getByRole('button', { name: 'Check files' }).click();
  await dialog.getByRole('region', { name: 'Import review' }).waitFor();
  return dialog;
}

/** Imports a nested CoNLL file (Wojood's shape) with its `spans`, then exports it back as CoNLL: the same tokens. */
async function roundTripsNestedConll(file: TextFile, spans: number) {
  const { page, context } = await openWorkbench(browser);
  const dialog = await checkImport(page, 'conll', [file.path]);
  expect(await dialog.getByTestId('import-summary').textContent()).toContain('1 new document');
  await dialog.getByRole('button', { name: 'Import', exact: true }).click();
  const title = file.name.replace(/\.txt$/, '');
  await expect
    .poll(() =>
      page
        .getByRole('row', { name: new RegExp(title) })
        .getByTestId('span-count')
        .textContent(),
    )
    .toBe(String(spans));

  await page.getByRole('button', { name: 'Export…' }).click();
  const exp = page.getByRole('dialog', { name: 'Export annotations' });
  await exp.getByRole('combobox', { name: 'Format' }).selectOption('conll');
  const [download] = await Promise.all([page.waitForEvent('download'), exp.getByRole('button', { name: 'Export conll' }).click()]);
  const { readFile } = await import('node:fs/promises');
  const out = await readFile(await download.path(), 'utf8');
  const tokens = out
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => l.split(' ')[0]);
  const original = file.text
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => l.split(/\s+/)[0]);
  expect(tokens).toEqual(original);
  // One label column: the CoNLL export chose the default labels; nothing of the text is lost.
  await context.close();
}

describe('every format, in the app', () => {
  it('shows each problem of a broken JSONL with its line, stores nothing, then imports only the valid documents', async () => {
    const { page, context } = await openWorkbench(browser);
    const d = dir();
    const at = ARTICLE.indexOf('المرصد السوري لحقوق الإنسان');
    const good = JSON.stringify({ text: ARTICLE, spans: [{ start: cp(ARTICLE.slice(0, at)), end: cp(ARTICLE.slice(0, at)) + 27, label: 'PERS' }] });
    const lines = [
      good,
      '{"text": "قال المرصد", "spans": [{"start": 4, "end": 40, "label": "PERS"}]}',
      '{"text": "قال المرصد", "spans": [{"start": 4, "end": 10, "label": "PERS", "text": "الهجوم"}]}',
      '{"text": "قال المرصد", "spans": [{"start": 0.5, "end": 3, "label": "PERS"}]}',
      '{"text": "truncated',
    ];
    writeFileSync(join(d, 'broken.jsonl'), lines.join('\n') + '\n');
    writeFileSync(join(d, 'empty.jsonl'), '');
    const dialog = await checkImport(page, 'jsonl', [join(d, 'broken.jsonl'), join(d, 'empty.jsonl')], { map: 'PERS=actor' });
    const problems = dialog.getByTestId('import-problems');
    for (const l of [2, 3, 4, 5]) expect(await problems.textContent()).toContain(`broken.jsonl:${l}:`);
    expect(await problems.textContent()).toContain('empty.jsonl:1:');
    expect(await dialog.getByRole('button', { name: 'Import', exact: true }).count()).toBe(0);
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    expect(await page.getByRole('row').count()).toBe(0);

    const again = await checkImport(page, 'jsonl', [join(d, 'broken.jsonl')], { map: 'PERS=actor' });
    await again.getByRole('button', { name: /Import only the valid documents \(1\)/ }).click();
    await expect.poll(() => page.getByRole('row').count()).toBe(2); // header + one document
    await page.getByRole('button', { name: /^Open / }).click();
    await page.getByRole('textbox', { name: 'Article text' }).waitFor();
    expect(await editorText(page)).toBe(ARTICLE);
    expect((await spansOnScreen(page)).map((s) => [s.label, s.text])).toEqual([['actor', 'المرصد السوري لحقوق الإنسان']]);
    await context.close();
  });

  it('refuses a brat .ann whose text does not match the .txt at its offsets, naming the line', async () => {
    const { page, context } = await openWorkbench(browser);
    const d = dir();
    const text = '🚀 ' + ARTICLE;
    const at = cp(text.slice(0, text.indexOf('ريف ديرالزور الشرقي')));
    writeFileSync(join(d, 'a.txt'), text);
    writeFileSync(join(d, 'a.ann'), `T1\tplace ${at} ${at + 19}\tريف ديرالزور الشرقي\nT2\tactor ${at} ${at + 3}\tالقوات\n`);
    const dialog = await checkImport(page, 'brat', [join(d, 'a.txt'), join(d, 'a.ann')]);
    expect(await dialog.getByTestId('import-problems').textContent()).toMatch(/a\.ann:2:/);
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    expect(await page.getByRole('row').count()).toBe(0);
    await context.close();
  });

  it('imports nested CoNLL in Wojood’s shape with its own tokens, and exports it back as CoNLL', async () => {
    await roundTripsNestedConll(fixtureFile('conll/wojood-style.txt'), 24);
  });

  it('does the same with the Wojood sample', READS_CORPORA, async () => {
    await roundTripsNestedConll(wojood('val'), 470);
  });

  it('exports JSONL with tokens and Prodigy token indices, offsets in code points', async () => {
    const { page, context } = await openWorkbench(browser);
    const d = dir();
    const text = '🚀🚀 ' + ARTICLE;
    const at = cp(text.slice(0, text.indexOf('القوات الأميركية')));
    writeFileSync(join(d, 'in.jsonl'), JSON.stringify({ text, spans: [{ start: at, end: at + 16, label: 'actor' }] }) + '\n');
    const dialog = await checkImport(page, 'jsonl', [join(d, 'in.jsonl')]);
    await dialog.getByRole('button', { name: 'Import', exact: true }).click();
    await expect.poll(() => page.getByRole('row').count()).toBe(2);
    await page.getByRole('button', { name: 'Export…' }).click();
    const exp = page.getByRole('dialog', { name: 'Export annotations' });
    await exp.getByRole('combobox', { name: 'Format' }).selectOption('jsonl');
    const [download] = await Promise.all([page.waitForEvent('download'), exp.getByRole('button', { name: 'Export jsonl' }).click()]);
    const { readFile } = await import('node:fs/promises');
    const line = JSON.parse((await readFile(await download.path(), 'utf8')).trim());
    const span = line.spans[0];
    expect(sliceCodePoints(line.text, span.start, span.end)).toBe('القوات الأميركية');
    expect(line.tokens[span.token_start].text).toBe('القوات');
    expect(line.tokens[span.token_end].text).toBe('الأميركية');
    await openDocument(page, 'in.jsonl:1');
    await context.close();
  });
});
