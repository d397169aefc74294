import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixtureArticle } from '../support/fixtures';
import {
  charBox,
  importFiles,
  launchBrowser,
  openDocument,
  openWorkbench,
  selectByDrag,
  selectedSpan,
  waitForOpenDocument,
  waitUntilSaved,
} from './support/workbench';

const TITLE = 'konico-strikes';
const ARTICLE = fixtureArticle(TITLE);
const OBSERVATORY = 'المرصد السوري لحقوق الإنسان';
const INTERCEPTED = 'أن الدفاعات الجوية اعترضت صاروخين فوق القاعدة';
const ACTIVISTS = 'ناشطون';
const MILITIAS = 'الميليشيات الإيرانية';
const MOVED = 'أن الميليشيات الإيرانية نقلت عدداً من عناصرها إلى بلدة الحسينية';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const labelsDialog = (page: Page) => page.getByRole('dialog', { name: 'Labels and guidelines' });
const arcs = (page: Page) => page.locator('[data-testid="link-arcs"] path[data-claim]');
const role = (page: Page, n: number) => labelsDialog(page).getByRole('combobox', { name: `Role of label ${n}`, exact: true });

async function openLabels(page: Page) {
  await page.getByRole('button', { name: 'Labels…' }).click();
  await labelsDialog(page).waitFor();
  return labelsDialog(page);
}

/** Tags a phrase with a label's key; the new span is selected. */
async function tag(page: Page, phrase: string, digit: string, nth = 0) {
  await selectByDrag(page, phrase, nth);
  await page.keyboard.press(digit);
  await expect.poll(async () => (await selectedSpan(page))?.text).toBe(phrase);
}

/** Presses a key and waits until the span panel shows `text` selected. */
async function pressTo(page: Page, key: string, text: string) {
  await page.keyboard.press(key);
  await expect.poll(async () => (await selectedSpan(page))?.text).toBe(text);
}

/** Clicks a letter of a phrase (one that no inner span covers), selecting the innermost span there. */
async function clickLetter(page: Page, phrase: string, index: number) {
  const box = await charBox(page, phrase, index);
  await page.mouse.click(box.x, box.y);
}

describe('labels have roles', () => {
  it('renames the claim label ادعاء, adds a second claim label, links and sets stances by key, and keeps them over a reload', async () => {
    const { page, context, errors } = await openWorkbench(browser);
    await importFiles(page, [ARTICLE.path]);
    await openDocument(page, TITLE);

    // The label editor: the claim label becomes ادعاء; a new label is an entity until told otherwise.
    let dialog = await openLabels(page);
    expect(await role(page, 1).inputValue()).toBe('entity');
    expect(await role(page, 4).inputValue()).toBe('claim');
    await dialog.getByRole('textbox', { name: 'Name of label 4', exact: true }).fill('ادعاء');
    await dialog.getByRole('button', { name: 'Add label' }).click();
    await dialog.getByRole('textbox', { name: 'Name of label 5', exact: true }).fill('تصريح');
    expect(await role(page, 5).inputValue()).toBe('entity');
    await role(page, 5).selectOption('claim');
    expect(await dialog.getByRole('combobox', { name: 'Key of label 5', exact: true }).inputValue()).toBe('5');
    await page.screenshot({ path: '/tmp/label-roles-editor.png' });
    await dialog.getByRole('button', { name: 'Save labels' }).click();
    await dialog.waitFor({ state: 'detached' });
    expect(await page.getByRole('button', { name: 'Tag as ادعاء (key 4)' }).count()).toBe(1);
    expect(await page.getByRole('button', { name: 'Tag as تصريح (key 5)' }).count()).toBe(1);

    // A claim under each: S, ] to the actor nearest before it, Enter; then a stance.
    await tag(page, OBSERVATORY, '1');
    await tag(page, INTERCEPTED, '4');
    await page.keyboard.press('s');
    await expect.poll(() => page.locator('.hs-linking').count()).toBeGreaterThan(0);
    await pressTo(page, 'BracketRight', OBSERVATORY);
    await pressTo(page, 'Enter', INTERCEPTED);
    await expect.poll(() => page.getByTestId('claim-source').textContent()).toBe(OBSERVATORY);
    await page.keyboard.press('r');
    await expect.poll(() => page.getByRole('radio', { name: /Reported/ }).isChecked()).toBe(true);

    await tag(page, ACTIVISTS, '1');
    await tag(page, MILITIAS, '1', 2);
    await tag(page, MOVED, '5');
    expect(await selectedSpan(page)).toMatchObject({ label: 'تصريح' });
    await page.keyboard.press('s');
    // ناشطون ends right before the claim; the militias inside it come next, outward; [ goes back.
    await pressTo(page, 'BracketRight', ACTIVISTS);
    await pressTo(page, 'BracketRight', MILITIAS);
    await pressTo(page, 'BracketLeft', ACTIVISTS);
    await pressTo(page, 'Enter', MOVED);
    await expect.poll(() => page.getByTestId('claim-source').textContent()).toBe(ACTIVISTS);
    await page.keyboard.press('a');
    await expect.poll(() => page.getByRole('radio', { name: /Asserted/ }).isChecked()).toBe(true);
    await expect.poll(() => arcs(page).count()).toBe(2);

    // The role cannot change under the links: the editor says why, in the dialog, in place of
    // the error it showed before.
    dialog = await openLabels(page);
    await dialog.getByRole('button', { name: 'Remove label actor' }).click();
    await expect.poll(() => dialog.getByRole('alert').textContent()).toContain('“actor” is used by 3 spans');
    await role(page, 4).selectOption('entity');
    await dialog.getByRole('button', { name: 'Save labels' }).click();
    await expect
      .poll(() => dialog.getByRole('alert').textContent())
      .toBe(
        'The labels were not saved.label "ادعاء" cannot take the entity role: 1 span of it has a source or a stance, which only a claim may have. Unlink those claims and clear their stances first, or keep its role',
      );
    await page.screenshot({ path: '/tmp/label-roles-refused.png' });
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.waitFor({ state: 'detached' });

    // After a reload: both claims, their sources and stances, and the roles.
    await waitUntilSaved(page);
    await page.reload();
    await waitForOpenDocument(page, TITLE);
    await expect.poll(() => arcs(page).count()).toBe(2);
    await clickLetter(page, INTERCEPTED, 6);
    await expect.poll(() => selectedSpan(page)).toMatchObject({ label: 'ادعاء', text: INTERCEPTED });
    expect(await page.getByTestId('claim-source').textContent()).toBe(OBSERVATORY);
    expect(await page.getByRole('radio', { name: /Reported/ }).isChecked()).toBe(true);
    await clickLetter(page, MOVED, MOVED.indexOf('نقلت') + 1);
    await expect.poll(() => selectedSpan(page)).toMatchObject({ label: 'تصريح', text: MOVED });
    expect(await page.getByTestId('claim-source').textContent()).toBe(ACTIVISTS);
    expect(await page.getByRole('radio', { name: /Asserted/ }).isChecked()).toBe(true);
    dialog = await openLabels(page);
    expect([await role(page, 4).inputValue(), await role(page, 5).inputValue()]).toEqual(['claim', 'claim']);
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    expect(errors).toEqual([]);
    await context.close();
  });

  it('[ and ] start from the nearest actor before the claim and walk outward over entity spans only', async () => {
    const { page, context, errors } = await openWorkbench(browser);
    await importFiles(page, [ARTICLE.path]);
    await openDocument(page, TITLE);
    const FORCES = 'القوات الأميركية'; // in the first paragraph, far before the claim
    const FIELD = 'حقل العمر'; // a place, in the claim's sentence after it
    const FIRE = 'أن القصف أشعل حريقاً كبيراً'; // another claim, before it
    await tag(page, FORCES, '1');
    await tag(page, FIRE, '4');
    await tag(page, OBSERVATORY, '1');
    await tag(page, FIELD, '2', 1);
    await tag(page, ACTIVISTS, '1');
    await tag(page, INTERCEPTED, '4');

    await page.keyboard.press('s');
    await expect.poll(() => page.locator('.hs-linking').count()).toBeGreaterThan(0);
    // [ and ] alike start at the actor just before the claim (not at the top of the document).
    await pressTo(page, 'BracketLeft', OBSERVATORY);
    // ] goes outward: the place after it, the activists after that, the forces far back, round again.
    await pressTo(page, 'BracketRight', FIELD);
    await pressTo(page, 'BracketRight', ACTIVISTS);
    await pressTo(page, 'BracketRight', FORCES);
    await pressTo(page, 'BracketRight', OBSERVATORY);
    await pressTo(page, 'BracketLeft', FORCES);
    // A click on the other claim cannot pick it, and says why; link mode stays on.
    await clickLetter(page, FIRE, 4);
    await expect.poll(() => page.getByRole('status').textContent()).toContain('That span cannot be the source: a claim’s source must be an entity span');
    expect(await page.locator('.hs-linking').count()).toBeGreaterThan(0);
    expect(await arcs(page).count()).toBe(0);
    await pressTo(page, 'BracketRight', OBSERVATORY);
    await pressTo(page, 'Enter', INTERCEPTED);
    await expect.poll(() => page.getByTestId('claim-source').textContent()).toBe(OBSERVATORY);
    expect(await arcs(page).count()).toBe(1);
    expect(errors).toEqual([]);
    await context.close();
  });
});
