import { readFile } from 'node:fs/promises';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { inject } from 'vitest';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Debian's Chromium, never a downloaded browser. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}

/** A fresh profile (empty IndexedDB) with the workbench loaded; page errors fail the test. */
export async function openWorkbench(browser: Browser, annotator: string | null = 'analyst'): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
  const context = await browser.newContext({ viewport: { width: 1300, height: 900 }, acceptDownloads: true, locale: 'en-US' });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(inject('baseUrl'));
  await page.getByRole('button', { name: 'Import .txt files' }).waitFor();
  if (annotator) await giveAnnotatorName(page, annotator);
  return { context, page, errors };
}

/** Answers the first-start question for the annotator's name. */
export async function giveAnnotatorName(page: Page, name: string): Promise<void> {
  const dialog = page.getByRole('dialog', { name: 'Annotator name' });
  await dialog.getByRole('textbox', { name: 'Annotator name' }).fill(name);
  await dialog.getByRole('button', { name: 'Save name' }).click();
  await dialog.waitFor({ state: 'detached' });
}

/** Imports files through the toolbar's file chooser. */
export async function importFiles(page: Page, paths: string[]): Promise<void> {
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByRole('button', { name: 'Import .txt files' }).click()]);
  await chooser.setFiles(paths);
}

/** Opens a document from the library and waits until its text is laid out in the bundled font. */
export async function openDocument(page: Page, title: string): Promise<void> {
  await page.getByRole('button', { name: 'Library' }).click();
  await page.getByRole('button', { name: `Open ${title}` }).click();
  await page.getByRole('textbox', { name: 'Article text' }).waitFor();
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
}

/** The article's text as the editor holds it: paragraphs joined by "\n". */
export function editorText(page: Page): Promise<string> {
  return page.evaluate(() => [...document.querySelectorAll('[aria-label="Article text"] p')].map((p) => p.textContent ?? '').join('\n'));
}

/** Screen rectangles of the first and last character of the nth occurrence of a phrase in the article. */
async function phraseEnds(page: Page, phrase: string, nth: number) {
  const rects = await page.evaluate(
    ([phrase, nth]) => {
      const root = document.querySelector('[aria-label="Article text"]')!;
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      const nodes: [Text, number][] = [];
      let full = '';
      while (walker.nextNode()) {
        const t = walker.currentNode as Text;
        nodes.push([t, full.length]);
        full += t.data;
      }
      let at = -1;
      for (let k = 0; k <= nth; k++) {
        at = full.indexOf(phrase, at + 1);
        if (at < 0) throw new Error(`phrase not in the article: ${phrase}`);
      }
      const locate = (o: number): [Text, number] => {
        for (let i = nodes.length - 1; i >= 0; i--) if (nodes[i]![1] <= o && o < nodes[i]![1] + nodes[i]![0].length) return [nodes[i]![0], o - nodes[i]![1]];
        throw new Error('offset outside the text');
      };
      const charRect = (o: number) => {
        const [node, off] = locate(o);
        const r = document.createRange();
        r.setStart(node, off);
        r.setEnd(node, off + 1);
        const b = r.getClientRects()[0]!;
        return { left: b.left, right: b.right, top: b.top, bottom: b.bottom };
      };
      const first = charRect(at);
      return { first, last: charRect(at + phrase.length - 1) };
    },
    [phrase, nth] as const,
  );
  return rects;
}

/** Scrolls the phrase into view. */
async function reveal(page: Page, phrase: string, nth: number) {
  await page.evaluate(
    ([phrase, nth]) => {
      const root = document.querySelector('[aria-label="Article text"]')!;
      const p = [...root.querySelectorAll('p')].filter((el) => el.textContent?.includes(phrase))[nth] ?? [...root.querySelectorAll('p')].find((el) => el.textContent?.includes(phrase));
      p?.scrollIntoView({ block: 'center' });
    },
    [phrase, nth] as const,
  );
}

/** Selects a phrase of right-to-left text with a real mouse drag, from its first character to its last. */
export async function selectByDrag(page: Page, phrase: string, nth = 0): Promise<void> {
  await reveal(page, phrase, nth);
  const { first, last } = await phraseEnds(page, phrase, nth);
  await page.mouse.move(first.right - 1, (first.top + first.bottom) / 2);
  await page.mouse.down();
  await page.mouse.move(last.left + 1, (last.top + last.bottom) / 2, { steps: 10 });
  await page.mouse.up();
}

/** Puts the caret before a phrase with a click, then selects it with Shift+Left, one key per character. */
export async function selectByKeyboard(page: Page, phrase: string, nth = 0): Promise<void> {
  await reveal(page, phrase, nth);
  const { first } = await phraseEnds(page, phrase, nth);
  await page.mouse.click(first.right - 1, (first.top + first.bottom) / 2);
  // In a right-to-left line, Left moves the caret forward through the text.
  for (let i = 0; i < phrase.length; i++) await page.keyboard.press('Shift+ArrowLeft');
}

/** The window's selected text. */
export function selectionText(page: Page): Promise<string> {
  return page.evaluate(() => window.getSelection()?.toString() ?? '');
}

/** The spans drawn in the article, in document order: label and covered text (pieces joined). */
export function spansOnScreen(page: Page): Promise<{ id: string; label: string; text: string }[]> {
  return page.evaluate(() => {
    const found = new Map<string, { id: string; label: string; text: string }>();
    for (const el of document.querySelectorAll<HTMLElement>('[aria-label="Article text"] .hs-span')) {
      const id = el.dataset.spanId!;
      const entry = found.get(id) ?? { id, label: el.dataset.label!, text: '' };
      // Only text directly in this span's element or in nested spans counts once per element.
      entry.text += el.textContent ?? '';
      found.set(id, entry);
    }
    return [...found.values()];
  });
}

export interface ExportedLine {
  text: string;
  meta: { id: string; title: string; source: string; text_sha256: string };
  spans: { start: number; end: number; label: string; text: string }[];
}

/** Clicks "Export JSONL" and returns the downloaded file, raw and parsed. */
export async function exportJsonl(page: Page): Promise<{ raw: string; lines: ExportedLine[] }> {
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export JSONL' }).click()]);
  const path = await download.path();
  const raw = await readFile(path, 'utf8');
  return { raw, lines: raw.split('\n').filter(Boolean).map((l) => JSON.parse(l) as ExportedLine) };
}

/** Python's text[start:end]: slicing by code points. */
export const sliceCodePoints = (text: string, start: number, end: number) => Array.from(text).slice(start, end).join('');
