import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixtureArticle } from '../support/fixtures';
import { exportJsonlBy, importFiles, launchBrowser, openDocument, openWorkbench, selectByDrag, selectedSpan, waitForOpenDocument } from './support/workbench';

const KONICO = fixtureArticle('konico-strikes');
const GAS = fixtureArticle('gas-field-attack');
const US = 'القوات الأميركية';
const BASE = 'القاعدة الأميركية';
const CLAIM = 'القوات الأميركية المنتشرة في قاعدة "كونيكو"';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** Tags the first occurrence of a phrase with a label's key; waits until it is the selected span. */
async function tag(page: Page, phrase: string, key: string, label: string) {
  await selectByDrag(page, phrase);
  await page.keyboard.press(key);
  await expect.poll(() => selectedSpan(page)).toMatchObject({ label, text: phrase });
}

const linked = (page: Page, text: string) => page.locator('.hs-span.hs-linked', { hasText: text });
const entityRows = (page: Page) => page.getByTestId('entity-row');

describe('entities across documents', () => {
  it('links mentions in two documents by key, merges and undoes, lists mentions on the entity page and opens one, and exports a claim’s target', async () => {
    const { page, errors } = await openWorkbench(browser);
    await importFiles(page, [KONICO.path, GAS.path]);

    // A new entity from a mention, in one key.
    await openDocument(page, 'konico-strikes');
    await tag(page, US, '1', 'actor');
    await page.keyboard.press('Shift+L');
    await expect.poll(() => page.getByTestId('mention-entity').textContent()).toContain(US);
    expect(await linked(page, US).count()).toBeGreaterThan(0);
    await page.screenshot({ path: '/tmp/entities-linked.png' });

    // The same name in another document: proposed, and accepted by L.
    await openDocument(page, 'gas-field-attack');
    await tag(page, US, '1', 'actor');
    await expect.poll(() => page.getByTestId('proposed-entity').textContent()).toContain(US);
    await page.keyboard.press('l');
    await expect.poll(() => page.getByTestId('mention-entity').textContent()).toContain(US);
    // Another mention makes an entity of its own.
    await tag(page, BASE, '1', 'actor');
    await page.keyboard.press('Shift+L');
    await expect.poll(() => page.getByTestId('mention-entity').textContent()).toContain(BASE);

    // Merge «القاعدة الأميركية» into «القوات الأميركية», then undo it with Ctrl+Z.
    await page.getByRole('button', { name: 'Entities', exact: true }).click();
    await expect.poll(() => entityRows(page).count()).toBe(2);
    await page.getByRole('combobox', { name: 'Entity to merge (it is deleted)' }).selectOption({ label: `${BASE} (actor)` });
    await page.getByRole('combobox', { name: 'Entity to merge into (it keeps its name)' }).selectOption({ label: `${US} (actor)` });
    await page.getByRole('button', { name: 'Merge', exact: true }).click();
    await expect.poll(() => entityRows(page).count()).toBe(1);
    await expect.poll(() => entityRows(page).first().textContent()).toContain(BASE);
    await page.keyboard.press('Control+z');
    await expect.poll(() => entityRows(page).count()).toBe(2);
    await page.keyboard.press('Control+Shift+z');
    await expect.poll(() => entityRows(page).count()).toBe(1);

    // The entity page lists every mention across documents; a click opens the document at it.
    await entityRows(page).getByRole('button', { name: US }).click();
    await expect.poll(() => page.getByTestId('mention-count').textContent()).toBe('3');
    await expect.poll(() => page.getByTestId('entity-other-names').textContent()).toContain(BASE);
    expect(await page.getByTestId('context-row').allTextContents()).toEqual([
      expect.stringContaining('konico-strikes'),
      expect.stringContaining('gas-field-attack'),
      expect.stringContaining('gas-field-attack'),
    ]);
    await page.screenshot({ path: '/tmp/entity-page.png', fullPage: true });
    await page.getByRole('button', { name: `Open gas-field-attack at «${BASE}»` }).click();
    await waitForOpenDocument(page, 'gas-field-attack');
    await expect.poll(() => selectedSpan(page)).toMatchObject({ label: 'actor', text: BASE });
    expect(await page.getByTestId('mention-entity').textContent()).toContain(US);

    // A claim about what is inside it: the place and the actor are proposed, G confirms them.
    await openDocument(page, 'konico-strikes');
    await tag(page, 'كونيكو', '2', 'place');
    await tag(page, CLAIM, '4', 'claim');
    expect(await page.getByTestId('claim-target').count()).toBe(2);
    await page.keyboard.press('g');
    await expect.poll(() => page.getByTestId('claim-target').evaluateAll((els) => els.map((e) => (e as HTMLInputElement).checked))).toEqual([true, true]);
    await page.screenshot({ path: '/tmp/claim-targets.png' });
    const lines = await exportJsonlBy(page, () => page.getByRole('button', { name: 'Export JSONL' }).click());
    const line = lines.find((l) => l.meta.title === 'konico-strikes')!;
    const claim = line.spans.find((s) => s.label === 'claim')!;
    const mention = line.spans.find((s) => s.text === US)!;
    const place = line.spans.find((s) => s.label === 'place')!;
    expect(line.meta.entities).toEqual([expect.objectContaining({ id: mention.entity, name: US, other_names: [BASE] })]);
    expect(line.relations?.filter((r) => r.label === 'about').map((r) => [r.head_id, r.child_id])).toEqual([
      [claim.id, mention.id],
      [claim.id, place.id],
    ]);
    expect(errors).toEqual([]);
  });
});
