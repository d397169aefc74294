import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../shared/security/csp';
import { TINY_LABELS, tinyModelFiles } from '../support/tinyModel';
import { importFiles, launchBrowser, openDocument, openWorkbench } from './support/workbench';

const TEXT = 'قصفت القوات الأميركية ريف حلب، وقال بشار الأسد من دمشق.\n';

let browser: Browser;
let dir: string;
beforeAll(async () => {
  browser = await launchBrowser();
  dir = mkdtempSync(join(tmpdir(), 'hashiya-e2e-model-'));
});
afterAll(async () => {
  await browser?.close();
  rmSync(dir, { recursive: true, force: true });
});

/**
 * Writes a model folder into the origin's private file system and makes the folder picker
 * answer with it at once, as a user picking it would. No weights are downloaded: the test
 * built the network itself.
 */
async function putModelFolder(page: Page, name: string, files: Record<string, Uint8Array>) {
  const plain = Object.fromEntries(Object.entries(files).map(([path, bytes]) => [path, [...bytes]]));
  await page.evaluate(
    async ({ name, plain }) => {
      const root = await navigator.storage.getDirectory();
      await root.removeEntry(name, { recursive: true }).catch(() => undefined);
      const folder = await root.getDirectoryHandle(name, { create: true });
      for (const [path, bytes] of Object.entries(plain)) {
        const parts = path.split('/');
        let at = folder;
        for (const part of parts.slice(0, -1)) at = await at.getDirectoryHandle(part, { create: true });
        const writable = await (await at.getFileHandle(parts.at(-1)!, { create: true })).createWritable();
        await writable.write(new Uint8Array(bytes));
        await writable.close();
      }
      (window as unknown as { showDirectoryPicker: () => Promise<FileSystemDirectoryHandle> }).showDirectoryPicker = () => Promise.resolve(folder);
    },
    { name, plain },
  );
}

describe('a model on disk', () => {
  it('is picked, reports its labels, is mapped onto the project labels, runs in its worker, and is remembered', async () => {
    const { page, context, errors } = await openWorkbench(browser);
    // Every response carries the app's policy as a header, as app:// sends it: a worker
    // obeys its own script's header, not the page's <meta>.
    await context.route('**/*', async (route) => {
      const response = await route.fetch();
      await route.fulfill({ response, headers: { ...response.headers(), 'content-security-policy': CONTENT_SECURITY_POLICY } });
    });
    await page.reload();
    await page.getByRole('button', { name: 'Import .txt files' }).waitFor();
    const cspViolations: string[] = [];
    page.on('console', (m) => m.type() === 'error' && /Content Security Policy|wasm/i.test(m.text()) && cspViolations.push(m.text()));
    const file = join(dir, 'report.txt');
    writeFileSync(file, TEXT);
    await importFiles(page, [file]);
    await openDocument(page, 'report');

    // A folder without its tokenizer is refused, naming the file.
    const broken = tinyModelFiles();
    delete broken['tokenizer.json'];
    await putModelFolder(page, 'broken-ner', broken);
    await page.getByRole('button', { name: 'Model…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Model on disk' });
    await dialog.getByRole('button', { name: 'Choose model folder…' }).click();
    await expect.poll(() => dialog.getByRole('alert').textContent()).toMatch(/The model could not be loaded:.*tokenizer\.json is missing/);

    await putModelFolder(page, 'tiny-ner', tinyModelFiles({ onnxPath: 'onnx/model.onnx', maxLength: 8 }));
    await dialog.getByRole('button', { name: 'Choose model folder…' }).click();
    await expect
      .poll(() => dialog.getByRole('status').first().textContent(), { timeout: 30_000 })
      .toBe('Loaded tiny-ner (onnx/model.onnx), reading 8 tokens at a time.');
    await expect.poll(() => dialog.getByRole('alert').count()).toBe(0);
    expect(await dialog.getByRole('list', { name: 'Model labels' }).getByRole('listitem').allTextContents()).toEqual([...TINY_LABELS]);

    // The guesses: ORG and PER are actors, LOC a place. The analyst keeps people out.
    const select = (type: string) => dialog.getByRole('combobox', { name: `Project label for ${type}` });
    expect(await select('ORG').inputValue()).toBe('actor');
    expect(await select('LOC').inputValue()).toBe('place');
    expect(await select('PER').inputValue()).toBe('actor');
    await select('PER').selectOption({ label: 'not suggested' });

    await dialog.getByRole('button', { name: 'Try on the open document' }).click();
    const found = dialog.getByRole('list', { name: 'Model suggestions' });
    await expect
      .poll(() => found.getByRole('listitem').allTextContents(), { timeout: 30_000 })
      .toEqual(['القوات الأميركية → actor (100%)', 'ريف → place (100%)', 'حلب → place (100%)', 'دمشق → place (100%)']);
    await page.screenshot({ path: 'test-results/model-dialog.png' }).catch(() => undefined);
    await dialog.getByRole('button', { name: 'Close' }).click();

    // The same suggestions are ghosts in the text, by the mapping: Y accepts the one in focus as the analyst's span.
    const ghosts = page.locator('[data-article-editor] .hs-suggestion');
    await expect.poll(() => ghosts.allTextContents(), { timeout: 30_000 }).toEqual(['القوات الأميركية', 'ريف', 'حلب', 'دمشق']);
    expect(await ghosts.first().getAttribute('title')).toMatch(/by the model/);
    await page.getByRole('textbox', { name: 'Article text' }).focus();
    await page.keyboard.press('y');
    await expect.poll(() => page.locator('.hs-span[data-label="actor"]').allTextContents()).toEqual(['القوات الأميركية']);
    await expect.poll(() => ghosts.count()).toBe(3);
    await page.screenshot({ path: join(tmpdir(), 'hashiya-model-ghosts.png') });

    // After a reload the folder is offered again (the browser asks for access anew) and the mapping is as left.
    await page.reload();
    await page.getByRole('button', { name: 'Model…' }).click();
    await dialog.getByRole('button', { name: 'Load tiny-ner again' }).click();
    await expect.poll(() => dialog.getByRole('status').first().textContent(), { timeout: 30_000 }).toMatch(/^Loaded tiny-ner/);
    expect(await select('PER').inputValue()).toBe('');
    expect(await select('ORG').inputValue()).toBe('actor');

    expect(errors).toEqual([]);
    expect(cspViolations).toEqual([]);
    await context.close();
  });
});
