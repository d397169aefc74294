import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixtureArticle } from '../support/fixtures';
import {
  charBox,
  editorText,
  exportJsonlBy,
  type ExportedRecord,
  importFiles,
  launchBrowser,
  openDocument,
  openWorkbench,
  pressPhysicalKey,
  selectByDrag,
  selectedSpan,
  sliceCodePoints,
  spansOnScreen,
} from './support/workbench';

const TITLE = 'konico-strikes';
const ARTICLE = fixtureArticle(TITLE);
const TEXT = ARTICLE.text;
const SOURCE = 'المرصد السوري لحقوق الإنسان';
const CLAIM = 'المرصد السوري لحقوق الإنسان أن الدفاعات الجوية اعترضت صاروخين';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const arcs = (page: Page) => page.locator('[data-testid="link-arcs"] path[data-claim]');
const exportByButton = (page: Page) => exportJsonlBy(page, () => page.getByRole('button', { name: 'Export JSONL' }).click());

/** A line's spans and relations with ids replaced by positions, so two runs can be compared. */
function shape(line: ExportedRecord) {
  const at = new Map(line.spans.map((s, i) => [s.id, i]));
  return {
    spans: line.spans.map(({ start, end, label, text, attrs }) => ({ start, end, label, text, ...(attrs ? { attrs } : {}) })),
    relations: (line.relations ?? []).map((r) => ({ head: at.get(r.head_id), child: at.get(r.child_id), label: r.label })),
  };
}

describe('claims and their sources', () => {
  it('links a claim to the actor inside it with the mouse, sets its stance, unlinks, and undoes deleting the source', async () => {
    const { page, context, errors } = await openWorkbench(browser);
    await importFiles(page, [ARTICLE.path]);
    await openDocument(page, TITLE);

    await selectByDrag(page, SOURCE);
    await page.getByRole('button', { name: 'Tag as actor (key 1)' }).click();
    await selectByDrag(page, CLAIM);
    await page.getByRole('button', { name: 'Tag as claim (key 4)' }).click();
    expect(await selectedSpan(page)).toMatchObject({ label: 'claim', text: CLAIM });
    const claimId = (await page.locator('.hs-span[data-label="claim"]').first().getAttribute('data-span-id'))!;
    expect(await page.getByTestId('claim-source').textContent()).toBe('No source yet.');
    expect(await arcs(page).count()).toBe(0);

    // Pick source, then click the actor: the click lands in both spans and picks the actor.
    await page.getByRole('button', { name: 'Pick source (S)' }).click();
    expect(await page.getByRole('button', { name: 'Picking source…' }).isDisabled()).toBe(true);
    expect(await page.locator(`.hs-span.hs-linking[data-span-id="${claimId}"]`).count()).toBeGreaterThan(0);
    const actor = page.locator('.hs-span[data-label="actor"]', { hasText: SOURCE });
    await actor.click();
    await expect.poll(() => page.getByTestId('claim-source').textContent()).toBe(SOURCE);
    expect(await selectedSpan(page)).toMatchObject({ label: 'claim', text: CLAIM });
    expect(await page.locator('.hs-linking').count()).toBe(0);
    const arc = page.locator(`[data-testid="link-arcs"] path[data-claim="${claimId}"]`);
    expect(await arc.count()).toBe(1);
    expect(await arc.locator('title').textContent()).toBe(`${SOURCE} → claim`);
    expect(await arc.getAttribute('d')).toMatch(/^M [\d.]+ [\d.]+ C /);

    // Stance by radio button.
    await page.getByRole('radio', { name: /Denied/ }).check();
    expect(await page.getByRole('radio', { name: /Denied/ }).isChecked()).toBe(true);
    let line = (await exportByButton(page))[0]!;
    const claimOut = line.spans.find((s) => s.id === claimId)!;
    const sourceOut = line.spans.find((s) => s.label === 'actor')!;
    expect(claimOut).toMatchObject({ label: 'claim', text: CLAIM, attrs: { stance: 'denied' } });
    expect(sliceCodePoints(TEXT, claimOut.start, claimOut.end)).toBe(CLAIM);
    expect(sliceCodePoints(TEXT, sourceOut.start, sourceOut.end)).toBe(SOURCE);
    expect(line.relations).toEqual([expect.objectContaining({ head_id: claimId, child_id: sourceOut.id, label: 'source' })]);

    // Unlink removes the arc; the stance stays.
    await page.getByRole('button', { name: 'Unlink (Shift+S)' }).click();
    await expect.poll(() => arcs(page).count()).toBe(0);
    expect(await page.getByTestId('claim-source').textContent()).toBe('No source yet.');
    expect(await page.getByRole('radio', { name: /Denied/ }).isChecked()).toBe(true);
    line = (await exportByButton(page))[0]!;
    expect(line.relations).toEqual([]);

    // Link again (clicking another letter of the actor: where the caret already is, a click is
    // lost, see the last test), then delete the source actor: the link goes with it, in one step.
    await page.getByRole('button', { name: 'Pick source (S)' }).click();
    const letter = await charBox(page, SOURCE, 3);
    await page.mouse.click(letter.x, letter.y);
    await expect.poll(() => arcs(page).count()).toBe(1);
    expect(await page.getByTestId('claim-source').textContent()).toBe(SOURCE);
    await actor.click();
    await expect.poll(() => selectedSpan(page)).toMatchObject({ label: 'actor', text: SOURCE });
    expect(await page.getByText('Source of 1 claim.').count()).toBe(1);
    await page.getByRole('button', { name: 'Delete span' }).click();
    await expect.poll(() => spansOnScreen(page)).toEqual([expect.objectContaining({ label: 'claim', text: CLAIM })]);
    await expect.poll(() => arcs(page).count()).toBe(0);
    line = (await exportByButton(page))[0]!;
    expect(line.spans.map((s) => s.label)).toEqual(['claim']);
    expect(line.relations).toEqual([]);

    // One undo brings back both the actor and the link.
    await page.getByRole('button', { name: 'Undo (Ctrl+Z)' }).click();
    await expect.poll(() => arcs(page).count()).toBe(1);
    expect((await spansOnScreen(page)).map((s) => s.label).sort()).toEqual(['actor', 'claim']);
    line = (await exportByButton(page))[0]!;
    expect(line.relations).toEqual([expect.objectContaining({ head_id: claimId, child_id: sourceOut.id, label: 'source' })]);
    expect(line.spans.find((s) => s.id === claimId)?.attrs).toEqual({ stance: 'denied' });
    // And redo deletes them together again.
    await page.getByRole('button', { name: 'Redo (Ctrl+Shift+Z)' }).click();
    await expect.poll(() => arcs(page).count()).toBe(0);
    expect((await spansOnScreen(page)).map((s) => s.label)).toEqual(['claim']);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('answers physical keys on an Arabic layout exactly as on a Latin one: tag, relabel, link, stance, undo, redo', async () => {
    // The same session twice: Latin keys, then the same physical keys typing Arabic characters.
    type Key = { latin: string; arabic: { key: string; code: string; keyCode: number; text?: string; ctrl?: boolean } };
    const K = {
      one: { latin: '1', arabic: { key: '١', code: 'Digit1', keyCode: 49, text: '١' } },
      two: { latin: '2', arabic: { key: '٢', code: 'Digit2', keyCode: 50, text: '٢' } },
      four: { latin: '4', arabic: { key: '٤', code: 'Digit4', keyCode: 52, text: '٤' } },
      s: { latin: 's', arabic: { key: 'س', code: 'KeyS', keyCode: 83, text: 'س' } },
      bracketLeft: { latin: 'BracketLeft', arabic: { key: 'ج', code: 'BracketLeft', keyCode: 219, text: 'ج' } },
      enter: { latin: 'Enter', arabic: { key: 'Enter', code: 'Enter', keyCode: 13, text: '\r' } },
      d: { latin: 'd', arabic: { key: 'ي', code: 'KeyD', keyCode: 68, text: 'ي' } },
      a: { latin: 'a', arabic: { key: 'ش', code: 'KeyA', keyCode: 65, text: 'ش' } },
      undo: { latin: 'Control+z', arabic: { key: 'ئ', code: 'KeyZ', keyCode: 90, ctrl: true } },
      redo: { latin: 'Control+y', arabic: { key: 'غ', code: 'KeyY', keyCode: 89, ctrl: true } },
    } satisfies Record<string, Key>;

    async function session(layout: 'latin' | 'arabic') {
      const { page, context, errors } = await openWorkbench(browser);
      const cdp = await context.newCDPSession(page);
      const press = (k: Key) => (layout === 'latin' ? page.keyboard.press(k.latin) : pressPhysicalKey(cdp, k.arabic));
      await importFiles(page, [ARTICLE.path]);
      await openDocument(page, TITLE);

      await selectByDrag(page, SOURCE);
      await press(K.one);
      expect(await selectedSpan(page), layout).toMatchObject({ label: 'actor', text: SOURCE });
      await selectByDrag(page, 'أن الدفاعات الجوية اعترضت صاروخين فوق القاعدة');
      await press(K.four);
      expect(await selectedSpan(page), layout).toMatchObject({ label: 'claim' });
      await press(K.s);
      await press(K.bracketLeft);
      expect(await selectedSpan(page), layout).toMatchObject({ label: 'actor', text: SOURCE });
      await press(K.enter);
      expect(await selectedSpan(page), layout).toMatchObject({ label: 'claim' });
      expect(await page.getByTestId('claim-source').textContent(), layout).toBe(SOURCE);
      expect(await arcs(page).count(), layout).toBe(1);
      await press(K.d);
      expect(await page.getByRole('radio', { name: /Denied/ }).isChecked(), layout).toBe(true);
      await press(K.a);
      expect(await page.getByRole('radio', { name: /Asserted/ }).isChecked(), layout).toBe(true);

      // Tag as place, relabel as actor, undo the relabel, redo it.
      await selectByDrag(page, 'القوات الأميركية');
      await press(K.two);
      expect(await selectedSpan(page), layout).toMatchObject({ label: 'place', text: 'القوات الأميركية' });
      await press(K.one);
      expect(await selectedSpan(page), layout).toMatchObject({ label: 'actor' });
      await press(K.undo);
      expect(await selectedSpan(page), layout).toMatchObject({ label: 'place' });
      await press(K.redo);
      expect(await selectedSpan(page), layout).toMatchObject({ label: 'actor' });

      // No key typed a character into the article.
      expect(await editorText(page), layout).toBe(TEXT);
      const line = (await exportByButton(page))[0]!;
      expect(errors, layout).toEqual([]);
      await context.close();
      return shape(line);
    }

    const latin = await session('latin');
    expect(latin.spans.map((s) => [s.label, s.text, s.attrs?.stance])).toEqual([
      ['actor', 'القوات الأميركية', undefined],
      ['actor', SOURCE, undefined],
      ['claim', 'أن الدفاعات الجوية اعترضت صاروخين فوق القاعدة', 'asserted'],
    ]);
    expect(latin.relations).toEqual([{ head: 2, child: 1, label: 'source' }]);
    for (const s of latin.spans) expect(sliceCodePoints(TEXT, s.start, s.end)).toBe(s.text);
    expect(await session('arabic')).toEqual(latin);
  });

  // App bug: in link mode, a click on the actor at the spot where the caret already is (the
  // spot just clicked twice to reach the claim around it) does not pick the source.
  // ArticleEditor's handleClick sends such a click to cycleSelectedSpan, which knows nothing
  // of link mode, and syncSelectedSpan (which links) only runs when the selection moves.
  it('links the actor when the click that picks it lands where the caret already is', async () => {
    const { page, context } = await openWorkbench(browser);
    await importFiles(page, [ARTICLE.path]);
    await openDocument(page, TITLE);
    await selectByDrag(page, SOURCE);
    await page.keyboard.press('1');
    await selectByDrag(page, CLAIM);
    await page.keyboard.press('4');
    await page.keyboard.press('Escape');

    // Click the actor, click it again to reach the claim around it, as the span panel's hint says.
    const actor = page.locator('.hs-span[data-label="actor"]', { hasText: SOURCE });
    await actor.click();
    await expect.poll(() => selectedSpan(page)).toMatchObject({ label: 'actor' });
    await actor.click();
    await expect.poll(() => selectedSpan(page)).toMatchObject({ label: 'claim', text: CLAIM });
    // S, then click the actor: the same spot.
    await page.keyboard.press('s');
    await actor.click();
    const linked = await expect
      .poll(() => arcs(page).count(), { timeout: 500 })
      .toBe(1)
      .then(
        () => true,
        () => false,
      );
    // What happens instead: the actor is selected and the claim still waits for its source.
    const after = { selected: (await selectedSpan(page))?.label, linking: await page.locator('.hs-linking').count() };
    await context.close();
    expect({ linked, ...after }).toEqual({ linked: true, selected: 'claim', linking: 0 });
  });
});
