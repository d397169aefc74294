import { readFile } from 'node:fs/promises';
import { chromium, type Browser, type BrowserContext, type CDPSession, type Page } from 'playwright-core';
import { expect, inject } from 'vitest';
import { tokenize } from '../../../shared/text/tokenize';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Debian's Chromium, never a downloaded browser. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}

/** A fresh profile (empty IndexedDB) with the workbench loaded; page errors fail the test. */
export async function openWorkbench(
  browser: Browser,
  annotator: string | null = 'analyst',
): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
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

/** Imports one JSON Lines file through the Import… dialog: chooses it, checks it, imports it, waits for the dialog to close. */
export async function importJsonlFile(page: Page, path: string): Promise<void> {
  await page.getByRole('button', { name: 'Import…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Import annotations' });
  await dialog.getByRole('combobox', { name: 'Format' }).selectOption('jsonl');
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), dialog.getByRole('button', { name: 'Choose files…' }).click()]);
  await chooser.setFiles([path]);
  await dialog.getByRole('button', { name: 'Check files' }).click();
  await dialog.getByRole('region', { name: 'Import review' }).waitFor();
  await dialog.getByRole('button', { name: 'Import', exact: true }).click();
  await dialog.waitFor({ state: 'detached' });
}

/** Opens a document from the library and waits until its text is laid out in the bundled font. */
export async function openDocument(page: Page, title: string): Promise<void> {
  await page.getByRole('button', { name: 'Library' }).click();
  await page.getByRole('button', { name: `Open ${title}` }).click();
  await page.getByRole('textbox', { name: 'Article text' }).waitFor();
  // A long text is built a run at a time; a click aimed while it grows may land elsewhere.
  await page.locator('[data-article-editor]:not([aria-busy="true"])').waitFor();
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
}

/** The article's text as the editor holds it: paragraphs joined by "\n". */
export function editorText(page: Page): Promise<string> {
  return page.evaluate(() => [...document.querySelectorAll('[data-article-editor] p')].map((p) => p.textContent ?? '').join('\n'));
}

/** Screen rectangles of the first and last character of the nth occurrence of a phrase in the article. */
async function phraseEnds(page: Page, phrase: string, nth: number) {
  const first = await charBox(page, phrase, 0, nth);
  const last = await charBox(page, phrase, phrase.length - 1, nth);
  return { first, last };
}

/** Scrolls the phrase into view. */
async function reveal(page: Page, phrase: string, nth: number) {
  await page.evaluate(
    ([phrase, nth]) => {
      const root = document.querySelector('[data-article-editor]')!;
      const p =
        [...root.querySelectorAll('p')].filter((el) => el.textContent?.includes(phrase))[nth] ??
        [...root.querySelectorAll('p')].find((el) => el.textContent?.includes(phrase));
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
    for (const el of document.querySelectorAll<HTMLElement>('[data-article-editor] .hs-span')) {
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
  return {
    raw,
    lines: raw
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l) as ExportedLine),
  };
}

/** Python's text[start:end]: slicing by code points. */
export const sliceCodePoints = (text: string, start: number, end: number) => Array.from(text).slice(start, end).join('');

// ---------------------------------------------------------------------------------------
// Helpers for the working-day, keyboard-only, claims and labels tests.

/** One exported line with everything the format carries: span ids, stances, relations (Prodigy's, with Hashiya's ids), the layer. */
export interface ExportedRecord {
  text: string;
  meta: {
    id: string;
    title: string;
    source: string;
    text_sha256: string;
    annotator?: string;
    layer?: string;
    entities?: { id: string; name: string; other_names: string[] }[];
  };
  spans: { id: string; start: number; end: number; label: string; text: string; attrs?: { stance?: string }; annotator?: string; entity?: string }[];
  relations?: { head: number; child: number; head_id: string; child_id: string; label: string }[];
}

/** Runs `trigger` (a click or a key press that exports) and returns the downloaded JSONL, parsed. */
export async function exportJsonlBy(page: Page, trigger: () => Promise<void>): Promise<ExportedRecord[]> {
  const [download] = await Promise.all([page.waitForEvent('download'), trigger()]);
  const raw = await readFile(await download.path(), 'utf8');
  return raw
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as ExportedRecord);
}

/** Whole tokens of the project tokenizer covering the nth occurrence of `phrase` as a run of whole tokens. */
export function tokenRange(text: string, phrase: string, nth = 0): { start: number; end: number; first: number; count: number } {
  const tokens = tokenize(text);
  const count = tokenize(phrase).length;
  let seen = 0;
  for (let k = 0; k + count <= tokens.length; k++) {
    const start = tokens[k]!.start;
    const end = tokens[k + count - 1]!.end;
    if (text.slice(start, end) === phrase && seen++ === nth) return { start, end, first: k, count };
  }
  throw new Error(`no whole-token occurrence ${nth} of «${phrase}»`);
}

/** How many Ctrl+← (next token start) take the caret from `caret` to the token starting at `target`. */
export function tokenStepsTo(text: string, caret: number, target: number): number {
  const starts = tokenize(text).map((t) => t.start as number);
  if (!starts.includes(target)) throw new Error(`${target} is not the start of a token`);
  if (target < caret) throw new Error(`${target} lies behind the caret at ${caret}`);
  return starts.filter((s) => s > caret && s <= target).length;
}

/** UTF-16 offset to code-point offset in `text`. */
export const toCodePoints = (text: string, utf16Offset: number) => Array.from(text.slice(0, utf16Offset)).length;

/** Starts recording trusted mouse and pointer events (presses, releases, clicks) on the page; read them with {@link mouseEventsSeen}. */
export async function countMouseEvents(page: Page): Promise<void> {
  await page.evaluate(() => {
    const seen: string[] = [];
    (window as unknown as { __mouseEvents: string[] }).__mouseEvents = seen;
    for (const type of ['mousedown', 'mouseup', 'click', 'dblclick', 'auxclick', 'contextmenu', 'pointerdown', 'pointerup']) {
      window.addEventListener(
        type,
        (e) => {
          // Programmatic clicks (a file input or a download link the app clicks itself) are not the user's.
          if (!e.isTrusted) return;
          // Nor is the click a key fires (Enter submitting a form): no pointer, no click count.
          if (type === 'click' && (e as MouseEvent).detail === 0 && !(e as PointerEvent).pointerType) return;
          seen.push(`${type} on <${(e.target as Element).localName}>`);
        },
        { capture: true },
      );
    }
  });
}

/** The trusted mouse and pointer events seen since {@link countMouseEvents}. */
export function mouseEventsSeen(page: Page): Promise<string[]> {
  return page.evaluate(() => (window as unknown as { __mouseEvents: string[] }).__mouseEvents);
}

/** Screen rectangle of the character at `index` of the nth occurrence of `phrase` (scrolled into view first). */
export async function charBox(
  page: Page,
  phrase: string,
  index: number,
  nth = 0,
): Promise<{ left: number; right: number; top: number; bottom: number; x: number; y: number }> {
  await reveal(page, phrase, nth);
  const r = await page.evaluate(
    ([phrase, index, nth]) => {
      const root = document.querySelector('[data-article-editor]')!;
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
      const o = at + index;
      for (let i = nodes.length - 1; i >= 0; i--) {
        const [node, base] = nodes[i]!;
        if (base <= o && o < base + node.length) {
          const range = document.createRange();
          range.setStart(node, o - base);
          range.setEnd(node, o - base + 1);
          let b = range.getClientRects()[0]!;
          // Centring the paragraph is not enough when it is taller than the frame: bring the character itself in.
          const frame = root.closest('.article-frame');
          const f = frame?.getBoundingClientRect();
          if (frame && f && (b.top < f.top || b.bottom > f.bottom)) {
            frame.scrollTop += (b.top + b.bottom) / 2 - (f.top + f.bottom) / 2;
            b = range.getClientRects()[0]!;
          }
          return { left: b.left, right: b.right, top: b.top, bottom: b.bottom };
        }
      }
      throw new Error('offset outside the text');
    },
    [phrase, index, nth] as const,
  );
  return { ...r, x: (r.left + r.right) / 2, y: (r.top + r.bottom) / 2 };
}

/** A real mouse drag from the middle of one character of a phrase to the middle of another. */
export async function dragChars(page: Page, phrase: string, from: number, to: number, nth = 0): Promise<void> {
  const a = await charBox(page, phrase, from, nth);
  const b = await charBox(page, phrase, to, nth);
  await page.mouse.move(a.x, a.y);
  await page.mouse.down();
  await page.mouse.move(b.x, b.y, { steps: 10 });
  await page.mouse.up();
}

/** The selected span as the span panel shows it, or null when none is selected. */
export async function selectedSpan(page: Page): Promise<{ label: string; text: string; annotator: string } | null> {
  return page.evaluate(() => {
    const panel = document.querySelector('[aria-label="Selected span"]');
    const label = panel?.querySelector('[data-testid="selected-label"]');
    if (!panel || !label) return null;
    const dt = [...panel.querySelectorAll('dt')].find((d) => d.textContent === 'Annotator');
    return {
      label: label.textContent ?? '',
      text: panel.querySelector('[data-testid="selected-text"]')?.textContent ?? '',
      annotator: dt?.nextElementSibling?.textContent ?? '',
    };
  });
}

/** The library's row for a document title. */
export const libraryRow = (page: Page, title: string) => page.getByRole('row', { name: new RegExp(title) });

/** Waits until the open document is `title`, laid out in the bundled font. */
export async function waitForOpenDocument(page: Page, title: string): Promise<void> {
  await page.getByRole('region', { name: `Document ${title}` }).waitFor();
  await page.getByRole('textbox', { name: 'Article text' }).waitFor();
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
}

/**
 * A trusted key press sent through the browser's input pipeline with any `key` on any
 * physical `code`: what an Arabic keyboard layout produces (`key: 'ش'` on `code: 'KeyA'`).
 */
export async function pressPhysicalKey(
  cdp: CDPSession,
  press: { key: string; code: string; keyCode: number; text?: string; ctrl?: boolean; shift?: boolean },
): Promise<void> {
  const modifiers = (press.ctrl ? 2 : 0) | (press.shift ? 8 : 0);
  const common = { key: press.key, code: press.code, windowsVirtualKeyCode: press.keyCode, nativeVirtualKeyCode: press.keyCode, modifiers };
  await cdp.send('Input.dispatchKeyEvent', {
    type: press.text ? 'keyDown' : 'rawKeyDown',
    ...common,
    ...(press.text ? { text: press.text, unmodifiedText: press.text } : {}),
  });
  await cdp.send('Input.dispatchKeyEvent', { type: 'keyUp', ...common });
}

/** Drags the selected span's start or end handle (its grip, below the line's middle) to a point. */
export async function dragHandle(page: Page, edge: 'start' | 'end', to: { x: number; y: number }): Promise<void> {
  const grip = await page.evaluate((edge) => {
    const handles = document.querySelectorAll<HTMLElement>(`[data-article-editor] .hs-handle[data-edge="${edge}"]`);
    if (handles.length !== 1) throw new Error(`expected one ${edge} handle, found ${handles.length}`);
    const h = handles[0]!;
    const r = h.getBoundingClientRect();
    const em = parseFloat(getComputedStyle(h).fontSize);
    // The grip hangs from 0.55em to 1.3em below the handle's top, centred on its x.
    const point = { x: r.left, y: r.top + 0.9 * em };
    const hit = document.elementFromPoint(point.x, point.y);
    if (hit !== h) throw new Error(`the ${edge} handle's grip is not under ${point.x},${point.y}`);
    return point;
  }, edge);
  await page.mouse.move(grip.x, grip.y);
  await page.mouse.down();
  await page.mouse.move(to.x, to.y, { steps: 10 });
  await page.mouse.up();
}

/** A key for {@link pressInOneTask}: its physical code, the key it types, and the modifiers held. */
export interface KeyStroke {
  readonly code: string;
  readonly key: string;
  readonly alt?: boolean;
  readonly shift?: boolean;
  readonly ctrl?: boolean;
}

/**
 * Sends the keys' keydown events one after the other in a single task of the page, to
 * whatever has the focus: nothing the browser queues meanwhile (a `selectionchange`, a
 * frame, a timer) runs between them, as with a fast typist on a loaded machine.
 */
export async function pressInOneTask(page: Page, keys: readonly KeyStroke[]): Promise<void> {
  await page.evaluate((keys) => {
    const target = document.activeElement ?? document.body;
    for (const k of keys) {
      const init = { code: k.code, key: k.key, altKey: !!k.alt, shiftKey: !!k.shift, ctrlKey: !!k.ctrl, bubbles: true, cancelable: true, composed: true };
      target.dispatchEvent(new KeyboardEvent('keydown', init));
      target.dispatchEvent(new KeyboardEvent('keyup', init));
    }
  }, keys);
}

/**
 * Waits until everything done so far is stored: a frame for the save status to show the
 * latest change, then until it reads saved.
 */
export async function waitUntilSaved(page: Page): Promise<void> {
  await page.evaluate(() => new Promise<void>((resolve) => requestAnimationFrame(() => resolve())));
  await expect.poll(() => page.locator('.save-status').getAttribute('data-state')).toBe('saved');
}
