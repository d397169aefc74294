import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixtureArticle } from '../support/fixtures';
import {
  countMouseEvents,
  exportJsonlBy,
  launchBrowser,
  mouseEventsSeen,
  openWorkbench,
  selectedSpan,
  selectionText,
  sliceCodePoints,
  spansOnScreen,
  toCodePoints,
  tokenRange,
  tokenStepsTo,
  waitForOpenDocument,
} from './support/workbench';

const TITLE = 'konico-strikes';
const ARTICLE = fixtureArticle(TITLE);
const TEXT = ARTICLE.text;

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** Drives the caret with Ctrl+arrows only, keeping track of where the app has put it. */
class KeyboardAnalyst {
  /** The caret's text offset: 0 when a document opens, a span's end after tagging, its start after ] or [. */
  caret = 0;
  constructor(private readonly page: Page) {}

  /** Ctrl+← to the phrase's first token, Ctrl+Shift+← over its tokens, then the label's digit. */
  async tag(phrase: string, digit: string, nth = 0): Promise<void> {
    const { start, end, count } = tokenRange(TEXT, phrase, nth);
    const steps = tokenStepsTo(TEXT, this.caret, start);
    for (let i = 0; i < steps; i++) await this.page.keyboard.press('Control+ArrowLeft');
    for (let i = 0; i < count; i++) await this.page.keyboard.press('Control+Shift+ArrowLeft');
    expect(await selectionText(this.page)).toBe(phrase);
    await this.page.keyboard.press(digit);
    this.caret = end;
    expect(await selectedSpan(this.page)).toMatchObject({ text: phrase });
  }

  /** `]` or `[`: selects the next or previous span, which puts the caret at its start. */
  async jump(key: ']' | '[', expected: string, nth = 0): Promise<void> {
    await this.page.keyboard.press(key === ']' ? 'BracketRight' : 'BracketLeft');
    expect((await selectedSpan(this.page))?.text).toBe(expected);
    this.caret = tokenRange(TEXT, expected, nth).start;
  }
}

describe('a whole article from the keyboard alone', () => {
  it('names the annotator, imports, opens, tags, links, undoes, marks done and exports without one mouse event', async () => {
    const { page, context, errors } = await openWorkbench(browser, null);
    await countMouseEvents(page);
    // Listen for the file chooser well before Ctrl+O: Playwright turns interception on
    // asynchronously, and a key press (unlike a click) can overtake it.
    const chooserShown = page.waitForEvent('filechooser');

    // First start: the name dialog has the focus; type a name and press Enter.
    const nameDialog = page.getByRole('dialog', { name: 'Annotator name' });
    await nameDialog.waitFor();
    await page.keyboard.type('layla');
    await page.keyboard.press('Enter');
    await nameDialog.waitFor({ state: 'detached' });
    expect(await page.getByRole('button', { name: 'Annotator: layla (change)' }).count()).toBe(1);

    // Ctrl+O opens the file chooser; Alt+PageDown opens the first document of the library.
    await page.keyboard.press('Control+o');
    await (await chooserShown).setFiles([ARTICLE.path]);
    await page.getByRole('row', { name: new RegExp(TITLE) }).waitFor();
    await page.keyboard.press('Alt+PageDown');
    await waitForOpenDocument(page, TITLE);

    const analyst = new KeyboardAnalyst(page);
    const claim = 'أن الدفاعات الجوية اعترضت صاروخين فوق القاعدة';
    await analyst.tag('القوات الأميركية', '1');
    await analyst.tag('ريف ديرالزور الشرقي', '2');
    await analyst.tag('الميليشيات الإيرانية', '1');
    await analyst.tag('المسيّرات', '3');
    // "الصواريخ" alone, in the second paragraph: the first paragraph only has the token "والصواريخ".
    await analyst.tag('الصواريخ', '3');
    // A slip: drones tagged as a place, then another place; [ goes back, 3 relabels, ] returns.
    await analyst.tag('الطائرات المسيّرة', '2');
    await analyst.tag('مطار مدينة ديرالزور العسكري', '2');
    await analyst.jump('[', 'الطائرات المسيّرة');
    await page.keyboard.press('3');
    expect(await selectedSpan(page)).toMatchObject({ label: 'weapon', text: 'الطائرات المسيّرة' });
    await analyst.jump(']', 'مطار مدينة ديرالزور العسكري');

    // The claim and its source: S, then [ to the actor before it, then Enter.
    await analyst.tag('المرصد السوري لحقوق الإنسان', '1');
    await analyst.tag(claim, '4');
    await page.keyboard.press('s');
    await analyst.jump('[', 'المرصد السوري لحقوق الإنسان');
    expect(await selectedSpan(page)).toMatchObject({ label: 'actor' });
    await page.keyboard.press('Enter');
    // Linking hands the selection back to the claim, with the caret at its start.
    analyst.caret = tokenRange(TEXT, claim).start;
    expect(await selectedSpan(page)).toMatchObject({ label: 'claim', text: claim });
    expect(await page.getByTestId('claim-source').textContent()).toBe('المرصد السوري لحقوق الإنسان');
    const arcs = page.locator('[data-testid="link-arcs"] path[data-claim]');
    expect(await arcs.count()).toBe(1);

    // Undo the link once and redo it.
    await page.keyboard.press('Control+z');
    expect(await arcs.count()).toBe(0);
    expect(await page.getByTestId('claim-source').textContent()).toBe('No source yet.');
    await page.keyboard.press('Control+y');
    expect(await arcs.count()).toBe(1);
    expect(await page.getByTestId('claim-source').textContent()).toBe('المرصد السوري لحقوق الإنسان');

    // Stance: D, then R replaces it.
    await page.keyboard.press('d');
    expect(await page.getByRole('radio', { name: /Denied/ }).isChecked()).toBe(true);
    await page.keyboard.press('r');
    expect(await page.getByRole('radio', { name: /Reported/ }).isChecked()).toBe(true);
    expect(await page.getByRole('radio', { name: /Denied/ }).isChecked()).toBe(false);

    // Three more in the last paragraph, after the claim.
    await analyst.tag('الميليشيات الإيرانية', '1', 3);
    await analyst.tag('ريف ديرالزور الشرقي', '2', 2);
    await analyst.tag('قاعدة "كونيكو"', '2', 1);

    const expected: [string, string, number][] = [
      ['actor', 'القوات الأميركية', 0],
      ['place', 'ريف ديرالزور الشرقي', 0],
      ['actor', 'الميليشيات الإيرانية', 0],
      ['weapon', 'المسيّرات', 0],
      ['weapon', 'الصواريخ', 0],
      ['weapon', 'الطائرات المسيّرة', 0],
      ['place', 'مطار مدينة ديرالزور العسكري', 0],
      ['actor', 'المرصد السوري لحقوق الإنسان', 0],
      ['claim', claim, 0],
      ['actor', 'الميليشيات الإيرانية', 3],
      ['place', 'ريف ديرالزور الشرقي', 2],
      ['place', 'قاعدة "كونيكو"', 1],
    ];
    const onScreen = (await spansOnScreen(page)).map((s) => [s.label, s.text]).sort();
    expect(onScreen).toEqual(expected.map(([l, t]) => [l, t]).sort());

    // Done, from the keyboard; the badge says so.
    await page.keyboard.press('Control+Enter');
    await expect
      .poll(() =>
        page
          .getByRole('region', { name: `Document ${TITLE}` })
          .getByTestId('doc-status')
          .textContent(),
      )
      .toBe('Done');

    // The keys overlay: ? opens it and ? closes it; F1 opens it and Escape closes it.
    const overlay = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await page.keyboard.press('Shift+Slash');
    await overlay.waitFor();
    expect(await overlay.textContent()).toContain('Pick the source of the selected claim');
    await page.keyboard.press('Shift+Slash');
    await overlay.waitFor({ state: 'detached' });
    await page.keyboard.press('F1');
    await overlay.waitFor();
    await page.keyboard.press('Escape');
    await overlay.waitFor({ state: 'detached' });

    // Export with Ctrl+Shift+E.
    const lines = await exportJsonlBy(page, () => page.keyboard.press('Control+Shift+E'));
    expect(lines).toHaveLength(1);
    const line = lines[0]!;
    expect(line.text).toBe(TEXT);
    expect(line.meta.annotator).toBe('layla');
    const want = expected
      .map(([label, text, nth]) => {
        const r = tokenRange(TEXT, text, nth);
        return { start: toCodePoints(TEXT, r.start), end: toCodePoints(TEXT, r.end), label, text };
      })
      .sort((a, b) => a.start - b.start || a.end - b.end);
    expect(line.spans.map(({ start, end, label, text }) => ({ start, end, label, text }))).toEqual(want);
    for (const s of line.spans) expect(sliceCodePoints(line.text, s.start, s.end)).toBe(s.text);
    const claimSpan = line.spans.find((s) => s.label === 'claim')!;
    const source = line.spans.find((s) => s.text === 'المرصد السوري لحقوق الإنسان')!;
    expect(claimSpan.attrs).toEqual({ stance: 'reported' });
    expect(line.relations).toEqual([expect.objectContaining({ head_id: claimSpan.id, child_id: source.id, label: 'source' })]);
    expect(line.spans.filter((s) => s.attrs)).toHaveLength(1);
    expect(new Set(line.spans.map((s) => s.id)).size).toBe(line.spans.length);

    expect(await mouseEventsSeen(page)).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });
});
