import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixtureArticle } from '../support/fixtures';
import {
  charBox,
  dragChars,
  dragHandle,
  exportJsonlBy,
  importFiles,
  launchBrowser,
  libraryRow,
  openDocument,
  openWorkbench,
  selectByDrag,
  selectedSpan,
  selectionText,
  sliceCodePoints,
  spansOnScreen,
  toCodePoints,
  tokenRange,
  waitForOpenDocument,
  waitUntilSaved,
} from './support/workbench';

const A = 'konico-strikes';
const B = 'gas-field-attack';
const TEXT_A = fixtureArticle(A).text;
const TEXT_B = fixtureArticle(B).text;

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const onScreen = async (page: Page) => (await spansOnScreen(page)).map((s) => [s.label, s.text]).sort();
const exportByButton = (page: Page) => exportJsonlBy(page, () => page.getByRole('button', { name: 'Export JSONL' }).click());
const documentStatus = (page: Page, title: string) =>
  page
    .getByRole('region', { name: `Document ${title}` })
    .getByTestId('doc-status')
    .textContent();
/** The titles of the library's rows, top to bottom. */
const libraryTitles = async (page: Page) =>
  (
    await page
      .getByRole('row')
      .getByRole('button', { name: /^Open / })
      .allTextContents()
  ).map((t) => t.trim());

/** Expected exported span for the nth whole-token occurrence of `phrase` in `text`. */
function exported(text: string, label: string, phrase: string, nth = 0) {
  const r = tokenRange(text, phrase, nth);
  return { start: toCodePoints(text, r.start), end: toCodePoints(text, r.end), label, text: phrase };
}

describe('a working day at the workbench', () => {
  it('snaps mouse selections to whole tokens; Alt and the precision toggle keep characters; a double-click tags one token', async () => {
    const { page, context, errors } = await openWorkbench(browser);
    await importFiles(page, [fixtureArticle(A).path]);
    await openDocument(page, A);

    // From the middle of one word to the middle of the next: both whole words.
    await dragChars(page, 'القوات الأميركية', 3, 11);
    await expect.poll(() => selectionText(page)).toBe('القوات الأميركية');
    await page.keyboard.press('1');
    expect(await selectedSpan(page)).toMatchObject({ label: 'actor', text: 'القوات الأميركية' });

    // Alt held: exactly the characters dragged over, here only the clitic و of وأكد.
    const waw = await charBox(page, 'وأكد', 0);
    await page.keyboard.down('Alt');
    await page.mouse.move(waw.right - 1, waw.y);
    await page.mouse.down();
    await page.mouse.move(waw.left + 1, waw.y, { steps: 5 });
    await page.mouse.up();
    await page.keyboard.up('Alt');
    await expect.poll(() => selectionText(page)).toBe('و');
    await page.keyboard.press('4');
    expect(await selectedSpan(page)).toMatchObject({ label: 'claim', text: 'و' });
    // The next plain drag snaps again.
    await dragChars(page, 'المرصد السوري', 2, 9);
    await expect.poll(() => selectionText(page)).toBe('المرصد السوري');
    await page.keyboard.press('Escape');

    // A double-click selects the word; 2 tags exactly that token, not the comma after it.
    const east = await charBox(page, 'الشرقي،', 3);
    await page.mouse.dblclick(east.x, east.y);
    await expect.poll(() => selectionText(page)).toBe('الشرقي');
    await page.keyboard.press('2');
    expect(await selectedSpan(page)).toMatchObject({ label: 'place', text: 'الشرقي' });

    // The toolbar toggle: characters. "الصواريخ" out of "والصواريخ", without the و.
    const toggle = page.getByRole('button', { name: 'Character precision (\\)' });
    expect(await toggle.getAttribute('aria-pressed')).toBe('false');
    await toggle.click();
    expect(await toggle.getAttribute('aria-pressed')).toBe('true');
    expect(await toggle.textContent()).toBe('Snap: characters');
    await selectByDrag(page, 'الصواريخ');
    await expect.poll(() => selectionText(page)).toBe('الصواريخ');
    await page.keyboard.press('3');
    expect(await selectedSpan(page)).toMatchObject({ label: 'weapon', text: 'الصواريخ' });
    // \ switches back to whole tokens: part of a word becomes the word.
    await page.keyboard.press('Backslash');
    expect(await toggle.getAttribute('aria-pressed')).toBe('false');
    expect(await toggle.textContent()).toBe('Snap: whole tokens');
    await dragChars(page, 'مطار مدينة', 1, 7);
    await expect.poll(() => selectionText(page)).toBe('مطار مدينة');
    await page.keyboard.press('2');

    const line = (await exportByButton(page))[0]!;
    const wawAt = TEXT_A.indexOf('وأكد');
    const rocketsAt = TEXT_A.indexOf('والصواريخ') + 1;
    expect(line.spans.map(({ start, end, label, text }) => ({ start, end, label, text }))).toEqual([
      exported(TEXT_A, 'actor', 'القوات الأميركية'),
      exported(TEXT_A, 'place', 'الشرقي'),
      { start: toCodePoints(TEXT_A, rocketsAt), end: toCodePoints(TEXT_A, rocketsAt + 'الصواريخ'.length), label: 'weapon', text: 'الصواريخ' },
      exported(TEXT_A, 'place', 'مطار مدينة'),
      { start: toCodePoints(TEXT_A, wawAt), end: toCodePoints(TEXT_A, wawAt + 1), label: 'claim', text: 'و' },
    ]);
    for (const s of line.spans) expect(sliceCodePoints(line.text, s.start, s.end)).toBe(s.text);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('grows and shrinks a span by a token with Alt+arrows and by dragging its edge handles one word further', async () => {
    const { page, context, errors } = await openWorkbench(browser);
    await importFiles(page, [fixtureArticle(A).path]);
    await openDocument(page, A);

    await selectByDrag(page, 'ريف ديرالزور');
    await page.keyboard.press('2');
    const steps: [string, string][] = [
      ['Alt+Shift+ArrowLeft', 'ريف ديرالزور الشرقي'], // end one token out
      ['Alt+ArrowRight', 'في ريف ديرالزور الشرقي'], // start one token out
      ['Alt+ArrowLeft', 'ريف ديرالزور الشرقي'], // start one token in
      ['Alt+Shift+ArrowRight', 'ريف ديرالزور'], // end one token in
      ['Alt+Shift+ArrowLeft', 'ريف ديرالزور الشرقي'],
    ];
    for (const [keys, text] of steps) {
      await page.keyboard.press(keys);
      expect(await selectedSpan(page), keys).toMatchObject({ label: 'place', text });
      expect(await onScreen(page), keys).toEqual([['place', text]]);
    }
    // Still the library's document, not a history step of the browser (Alt+← is "Back" elsewhere).
    await page.getByRole('region', { name: `Document ${A}` }).waitFor();

    // One word, then its end handle dragged into the middle of the next word, then its start
    // handle into the middle of the word before: whole words each time.
    await dragChars(page, 'القوات', 1, 4);
    await page.keyboard.press('1');
    expect(await selectedSpan(page)).toMatchObject({ label: 'actor', text: 'القوات' });
    await dragHandle(page, 'end', await charBox(page, 'القوات الأميركية', 11));
    expect(await selectedSpan(page)).toMatchObject({ label: 'actor', text: 'القوات الأميركية' });
    await dragHandle(page, 'start', await charBox(page, 'شنّت', 1));
    expect(await selectedSpan(page)).toMatchObject({ label: 'actor', text: 'شنّت القوات الأميركية' });
    // And back in by a word from the start.
    await dragHandle(page, 'start', await charBox(page, 'القوات الأميركية', 2));
    expect(await selectedSpan(page)).toMatchObject({ label: 'actor', text: 'القوات الأميركية' });
    expect(await onScreen(page)).toEqual([
      ['actor', 'القوات الأميركية'],
      ['place', 'ريف ديرالزور الشرقي'],
    ]);
    // Each drag was one undo step.
    await page.keyboard.press('Control+z');
    expect(await selectedSpan(page)).toMatchObject({ text: 'شنّت القوات الأميركية' });
    await page.keyboard.press('Control+z');
    expect(await selectedSpan(page)).toMatchObject({ text: 'القوات الأميركية' });
    await page.keyboard.press('Control+Shift+z');
    await page.keyboard.press('Control+Shift+z');

    const line = (await exportByButton(page))[0]!;
    expect(line.spans.map(({ start, end, label, text }) => ({ start, end, label, text }))).toEqual([
      exported(TEXT_A, 'actor', 'القوات الأميركية'),
      exported(TEXT_A, 'place', 'ريف ديرالزور الشرقي'),
    ]);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('undoes and redoes by keys and buttons, keeps each document its own history, and reloads what was on screen', async () => {
    const { page, context, errors } = await openWorkbench(browser);
    await importFiles(page, [fixtureArticle(A).path, fixtureArticle(B).path]);
    await openDocument(page, A);
    const undo = page.getByRole('button', { name: 'Undo (Ctrl+Z)' });
    const redo = page.getByRole('button', { name: 'Redo (Ctrl+Shift+Z)' });
    expect(await undo.isDisabled()).toBe(true);

    await selectByDrag(page, 'القوات الأميركية');
    await page.keyboard.press('1');
    await selectByDrag(page, 'ريف ديرالزور الشرقي');
    await page.keyboard.press('2');
    const both = [
      ['actor', 'القوات الأميركية'],
      ['place', 'ريف ديرالزور الشرقي'],
    ];
    expect(await onScreen(page)).toEqual(both);
    expect(await redo.isDisabled()).toBe(true);

    // Keys: Ctrl+Z, Ctrl+Shift+Z, Ctrl+Z, Ctrl+Y.
    await page.keyboard.press('Control+z');
    expect(await onScreen(page)).toEqual([both[0]]);
    expect(await redo.isDisabled()).toBe(false);
    await page.keyboard.press('Control+Shift+z');
    expect(await onScreen(page)).toEqual(both);
    await page.keyboard.press('Control+z');
    await page.keyboard.press('Control+y');
    expect(await onScreen(page)).toEqual(both);
    // Buttons: undo twice empties the document, redo once brings the first span back.
    await undo.click();
    await undo.click();
    expect(await onScreen(page)).toEqual([]);
    expect(await undo.isDisabled()).toBe(true);
    await redo.click();
    expect(await onScreen(page)).toEqual([both[0]]);
    await redo.click();
    expect(await onScreen(page)).toEqual(both);
    // A relabel is a step of its own.
    await page.keyboard.press('3');
    expect(await selectedSpan(page)).toMatchObject({ label: 'weapon', text: 'ريف ديرالزور الشرقي' });
    await undo.click();
    expect(await onScreen(page)).toEqual(both);

    // Document B gets spans of its own.
    await openDocument(page, B);
    await selectByDrag(page, 'حقل غاز كونيكو');
    await page.keyboard.press('2');
    await selectByDrag(page, 'القوات الأميركية');
    await page.keyboard.press('1');
    const inB = [
      ['actor', 'القوات الأميركية'],
      ['place', 'حقل غاز كونيكو'],
    ];
    expect(await onScreen(page)).toEqual(inB);

    // Back in A, undo undoes A's last action (the relabel was undone, so: the place), not B's.
    await openDocument(page, A);
    expect(await onScreen(page)).toEqual(both);
    expect(await redo.isDisabled()).toBe(false); // the undone relabel can still be redone
    await page.keyboard.press('Control+z');
    expect(await onScreen(page)).toEqual([both[0]]);
    await openDocument(page, B);
    expect(await onScreen(page)).toEqual(inB);
    await page.keyboard.press('Control+z');
    expect(await onScreen(page)).toEqual([inB[1]]);
    await page.keyboard.press('Control+y');
    expect(await onScreen(page)).toEqual(inB);

    // Reload: what comes back from IndexedDB is what was on screen, in both documents. (A reload
    // within a few milliseconds of an action can still lose it: the write is queued, and nothing
    // flushes it on unload. A person cannot press that fast; a test can, hence the wait.)
    await waitUntilSaved(page);
    await page.reload();
    await waitForOpenDocument(page, B);
    await expect.poll(() => onScreen(page)).toEqual(inB);
    await openDocument(page, A);
    expect(await onScreen(page)).toEqual([both[0]]);
    await page.getByRole('button', { name: 'Library' }).click();
    expect(await libraryRow(page, A).getByTestId('span-count').textContent()).toBe('1');
    expect(await libraryRow(page, B).getByTestId('span-count').textContent()).toBe('2');

    const lines = await exportByButton(page);
    const byTitle = new Map(lines.map((l) => [l.meta.title, l]));
    expect(byTitle.get(A)!.spans.map(({ start, end, label, text }) => ({ start, end, label, text }))).toEqual([exported(TEXT_A, 'actor', 'القوات الأميركية')]);
    expect(byTitle.get(B)!.spans.map(({ start, end, label, text }) => ({ start, end, label, text }))).toEqual([
      exported(TEXT_B, 'place', 'حقل غاز كونيكو'),
      exported(TEXT_B, 'actor', 'القوات الأميركية'),
    ]);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('moves a document from New to In progress to Done, counts progress, filters the library and pages through it with Alt+PageDown/PageUp', async () => {
    const { page, context, errors } = await openWorkbench(browser);
    await importFiles(page, [fixtureArticle(A).path, fixtureArticle(B).path]);
    await libraryRow(page, B).waitFor();
    const progress = page.getByTestId('progress');
    expect(await progress.textContent()).toContain('0 / 2 done');
    expect(await libraryRow(page, A).getByTestId('doc-status').textContent()).toBe('New');
    expect(await libraryRow(page, B).getByTestId('doc-status').textContent()).toBe('New');

    // Paging follows the library's order.
    const [first, second] = (await libraryTitles(page)) as [string, string];
    expect([first, second].sort()).toEqual([A, B].sort());
    await openDocument(page, first);
    await page.keyboard.press('Alt+PageDown');
    await waitForOpenDocument(page, second);
    await page.keyboard.press('Alt+PageDown');
    await expect.poll(() => page.getByRole('status').textContent()).toContain('This is the last document in the list.');
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe(second);
    await page.keyboard.press('Alt+PageUp');
    await waitForOpenDocument(page, first);
    await page.getByRole('button', { name: 'Next document (Alt+PageDown)' }).click();
    await waitForOpenDocument(page, second);
    await page.getByRole('button', { name: 'Previous document (Alt+PageUp)' }).click();
    await waitForOpenDocument(page, first);

    // Work on A: the first span puts it in progress, Ctrl+Enter marks it done.
    await openDocument(page, A);
    expect(await documentStatus(page, A)).toBe('New');
    await selectByDrag(page, 'القوات الأميركية');
    await page.keyboard.press('1');
    await expect.poll(() => documentStatus(page, A)).toBe('In progress');
    await page.getByRole('button', { name: 'Library' }).click();
    expect(await libraryRow(page, A).getByTestId('doc-status').textContent()).toBe('In progress');
    expect(await progress.textContent()).toContain('0 / 2 done');
    await openDocument(page, A);
    await page.keyboard.press('Control+Enter');
    await expect.poll(() => documentStatus(page, A)).toBe('Done');
    expect(await page.getByRole('button', { name: 'Done — reopen (Ctrl+Enter)' }).getAttribute('aria-pressed')).toBe('true');

    await page.getByRole('button', { name: 'Library' }).click();
    expect(await libraryRow(page, A).getByTestId('doc-status').textContent()).toBe('Done');
    expect(await libraryRow(page, B).getByTestId('doc-status').textContent()).toBe('New');
    expect(await progress.textContent()).toContain('1 / 2 done');
    expect(await page.getByRole('progressbar', { name: 'Documents done' }).getAttribute('value')).toBe('1');

    // The Show filter lists only matching documents.
    const show = page.getByRole('combobox', { name: 'Show' });
    await show.selectOption({ label: 'Done' });
    expect(await libraryTitles(page)).toEqual([A]);
    await show.selectOption({ label: 'New' });
    expect(await libraryTitles(page)).toEqual([B]);
    // Alt+PageDown pages through the filtered list only.
    await page.keyboard.press('Alt+PageDown');
    await waitForOpenDocument(page, B);
    await page.keyboard.press('Alt+PageDown');
    await expect.poll(() => page.getByRole('status').textContent()).toContain('This is the last document in the list.');
    await page.getByRole('button', { name: 'Library' }).click();
    await show.selectOption({ label: 'In progress' });
    expect(await libraryTitles(page)).toEqual([]);
    expect(await page.getByText('No document is in progress.').count()).toBe(1);
    await show.selectOption({ label: 'All documents' });
    expect((await libraryTitles(page)).sort()).toEqual([A, B].sort());

    // Ctrl+Enter again reopens it: back in progress; the progress counts it no more.
    await openDocument(page, A);
    await page.keyboard.press('Control+Enter');
    await expect.poll(() => documentStatus(page, A)).toBe('In progress');
    await page.getByRole('button', { name: 'Library' }).click();
    expect(await progress.textContent()).toContain('0 / 2 done');
    // And Ctrl+Z undoes the reopening, like any other step.
    await openDocument(page, A);
    await page.keyboard.press('Control+z');
    await expect.poll(() => documentStatus(page, A)).toBe('Done');
    // Statuses are stored: a reload shows the same (see the wait's reason in the history test).
    await waitUntilSaved(page);
    await page.reload();
    await waitForOpenDocument(page, A);
    await expect.poll(() => documentStatus(page, A)).toBe('Done');
    await page.getByRole('button', { name: 'Library' }).click();
    await expect.poll(() => progress.textContent()).toContain('1 / 2 done');
    expect(await libraryRow(page, B).getByTestId('doc-status').textContent()).toBe('New');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('changes the annotator from the toolbar; new spans record the new name and the export carries it', async () => {
    const { page, context, errors } = await openWorkbench(browser, 'analyst');
    await importFiles(page, [fixtureArticle(A).path]);
    await openDocument(page, A);
    await selectByDrag(page, 'القوات الأميركية');
    await page.keyboard.press('1');
    expect(await selectedSpan(page)).toMatchObject({ text: 'القوات الأميركية', annotator: 'analyst' });

    await page.getByRole('button', { name: 'Annotator: analyst (change)' }).click();
    const dialog = page.getByRole('dialog', { name: 'Annotator name' });
    const name = dialog.getByRole('textbox', { name: 'Annotator name' });
    expect(await name.inputValue()).toBe('analyst');
    await name.fill('reviewer');
    await dialog.getByRole('button', { name: 'Save name' }).click();
    await dialog.waitFor({ state: 'detached' });
    expect(await page.getByRole('button', { name: 'Annotator: reviewer (change)' }).count()).toBe(1);

    // Each annotator works in their own layer: analyst's span is kept, not shown to reviewer.
    await expect.poll(() => page.locator('.hs-span').count()).toBe(0);
    expect(await page.getByRole('toolbar', { name: 'Layers' }).textContent()).toContain('1 span by others or gold is hidden');
    await selectByDrag(page, 'ريف ديرالزور الشرقي');
    await page.keyboard.press('2');
    expect(await selectedSpan(page)).toMatchObject({ text: 'ريف ديرالزور الشرقي', annotator: 'reviewer' });
    expect(await page.locator('.hs-span[data-label="actor"]').count()).toBe(0);

    const lines = await exportByButton(page);
    expect(lines).toHaveLength(1);
    // The toolbar exports my own layer, named in meta: reviewer's span, never analyst's with it.
    expect(lines[0]!.meta).toMatchObject({ annotator: 'reviewer', layer: 'annotator' });
    expect(lines[0]!.spans.map((s) => [s.text, s.annotator])).toEqual([['ريف ديرالزور الشرقي', undefined]]);
    // The name survives a reload.
    await page.reload();
    await waitForOpenDocument(page, A);
    expect(await page.getByRole('button', { name: 'Annotator: reviewer (change)' }).count()).toBe(1);
    expect(errors).toEqual([]);
    await context.close();
  });

  // Once a bug: the export's meta.annotator was whoever exported, so spans made by one
  // annotator went out under another's name. The toolbar now writes the exporter's own layer.
  it('never exports one annotator’s spans under another annotator’s name', async () => {
    const { page, context } = await openWorkbench(browser, 'analyst');
    await importFiles(page, [fixtureArticle(A).path, fixtureArticle(B).path]);
    await openDocument(page, B);
    await selectByDrag(page, 'حقل غاز كونيكو');
    await page.keyboard.press('2');
    expect(await selectedSpan(page)).toMatchObject({ annotator: 'analyst' });

    await page.getByRole('button', { name: 'Annotator: analyst (change)' }).click();
    const dialog = page.getByRole('dialog', { name: 'Annotator name' });
    await dialog.getByRole('textbox', { name: 'Annotator name' }).fill('reviewer');
    await dialog.getByRole('button', { name: 'Save name' }).click();
    await dialog.waitFor({ state: 'detached' });
    await openDocument(page, A);
    await selectByDrag(page, 'القوات الأميركية');
    await page.keyboard.press('1');
    expect(await selectedSpan(page)).toMatchObject({ annotator: 'reviewer' });

    const lines = await exportByButton(page);
    const lineA = lines.find((l) => l.meta.title === A)!;
    const lineB = lines.find((l) => l.meta.title === B);
    await context.close();
    expect(lineA.meta.annotator).toBe('reviewer');
    expect(lineA.spans.map((s) => s.text)).toEqual(['القوات الأميركية']);
    // B holds only analyst's span: untouched in reviewer's layer, so left out, never written as reviewer's work.
    expect(lineB).toBeUndefined();
  });
});
