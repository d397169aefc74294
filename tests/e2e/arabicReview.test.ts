import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixtureArticle } from '../support/fixtures';
import { importFiles, importJsonlFile, launchBrowser, openDocument, openWorkbench, selectByDrag } from './support/workbench';
import { jsonlSpan } from './support/jsonlSpan';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const NAME = 'konico-strikes';
const ARTICLE = fixtureArticle(NAME).text;

/** A span over the first `phrase` in the article. */
const at = (phrase: string, label: string, stance?: string) => jsonlSpan(ARTICLE, phrase, label, { stance });

const CLAIM = 'الميليشيات الإيرانية قصفت القاعدة من مواقعها';
/** Two annotators who agree once, differ on a label, and give one claim two stances. */
const layer = (annotator: string, second: string, stance: string) => ({
  text: ARTICLE,
  meta: { title: NAME, annotator },
  spans: [at('القوات الأميركية', 'actor'), at('الميليشيات الإيرانية', second), at(CLAIM, 'claim', stance)],
});

const ARABIC_INDIC = /[٠-٩]/;
const box = async (l: Locator) => (await l.boundingBox())!;

/** Whether `panel` lies wholly on the left of the article's text, as a side panel does in Arabic. */
async function leftOfText(page: Page, panel: Locator): Promise<boolean> {
  const [p, text] = [await box(panel), await box(page.locator('.article-frame'))];
  return p.x + p.width <= text.x + 1;
}

/** Switches the interface's language in the toolbar, whatever language it is in now. */
async function chooseLanguage(page: Page, language: 'ar' | 'en') {
  await page.locator('.interface-switch select').first().selectOption(language);
  await page.waitForFunction((l) => document.documentElement.lang === l, language);
}

describe('the document view, the review and the agreement dashboard in Arabic', () => {
  it('names every control in Arabic, writes counts and measures in Arabic-Indic digits, and lays the panels out right to left', async () => {
    const { page, context, errors } = await openWorkbench(browser, 'analyst');
    const d = mkdtempSync(join(tmpdir(), 'hashiya-arabic-'));
    writeFileSync(join(d, 'layla.jsonl'), JSON.stringify(layer('layla', 'actor', 'reported')) + '\n');
    writeFileSync(join(d, 'omar.jsonl'), JSON.stringify(layer('omar', 'place', 'asserted')) + '\n');
    await importFiles(page, [fixtureArticle(NAME).path]);
    await importJsonlFile(page, join(d, 'layla.jsonl'));
    await importJsonlFile(page, join(d, 'omar.jsonl'));
    await openDocument(page, NAME);
    await chooseLanguage(page, 'ar');

    // The document view: its toolbar and the layers line, a count in Arabic words.
    const controls = page.getByRole('toolbar', { name: 'المستند' });
    await controls.getByRole('button', { name: 'تراجع (Ctrl+Z)' }).waitFor();
    expect(await controls.getByRole('button', { name: 'دقة الحرف (\\)' }).textContent()).toBe('المحاذاة: كلمات كاملة');
    expect(await page.getByRole('toolbar', { name: 'الطبقات' }).textContent()).toContain('٦ مقاطع لغيرك أو للمرجع مخفية');

    // The keys overlay: groups and descriptions in Arabic.
    await page.keyboard.press('Shift+Slash');
    const keys = page.getByRole('dialog', { name: 'اختصارات لوحة المفاتيح' });
    await keys.getByRole('heading', { name: 'الادعاءات' }).waitFor();
    expect(await keys.textContent()).toContain('اختر مصدر الادعاء المحدد');
    await page.keyboard.press('Escape');
    await keys.waitFor({ state: 'detached' });

    // The review: the start dialog, the panel, the differences with stances in Arabic.
    await page.getByRole('button', { name: 'مراجعة المُعلِّقين…' }).click();
    const start = page.getByRole('dialog', { name: 'مراجعة المُعلِّقين' });
    await start.getByRole('button', { name: 'ابدأ المراجعة' }).click();
    const list = page.getByRole('list', { name: 'قائمة الاختلافات' });
    await list.waitFor();
    const review = page.getByRole('complementary', { name: 'الاختلافات' });
    expect(await review.getByTestId('review-summary').textContent()).toMatch(/^حُسم ٠ من ٣ · /);
    expect(await list.locator('li[data-kind="label"] .diff-kind').textContent()).toBe('تعارض في التسمية');
    expect(await list.locator('li[data-kind="attribute"]').textContent()).toContain('(منقول)');
    expect(await list.locator('li[data-kind="attribute"]').textContent()).toContain('(مؤكَّد)');
    // The panel sits on the left of the text in Arabic, the start of the line being on the right.
    expect(await leftOfText(page, review)).toBe(true);
    await page.keyboard.press('Control+Shift+A');
    await expect.poll(() => review.getByTestId('review-summary').textContent()).toMatch(/^حُسم ١ من ٣/);
    await page.getByRole('status').filter({ hasText: 'قُبل اتفاق واحد في المرجع.' }).waitFor();
    await page.screenshot({ path: join(tmpdir(), 'hashiya-review-ar.png') });
    await page.getByRole('button', { name: 'إنهاء المراجعة' }).click();

    // The agreement dashboard: headings, label titles, measures with Arabic digits and separator.
    await page.getByRole('button', { name: 'الاتفاق', exact: true }).click();
    const dash = page.getByRole('region', { name: 'لوحة الاتفاق' });
    await dash.getByRole('button', { name: 'احسب الاتفاق' }).click();
    const table = dash.getByRole('table', { name: 'الاتفاق لكل تسمية' });
    await table.waitFor();
    expect(await dash.getByTestId('agreement-summary').textContent()).toMatch(/^قورن مستند واحد، /);
    const overall = table.locator('tr[data-label="overall"] td[data-measure="exact_f1"]');
    expect(await overall.textContent()).toMatch(/^[٠-٩]٫[٠-٩]{3}$/);
    const actor = table.locator('tr[data-label="actor"]');
    expect(await actor.locator('th').textContent()).toBe('فاعل');
    // Right to left: the row's name is on the right of its measures.
    expect((await box(actor.locator('th'))).x).toBeGreaterThan((await box(actor.locator('td').first())).x);
    await dash.getByRole('table', { name: 'الاتفاق على الادعاءات' }).waitFor();
    await page.screenshot({ path: join(tmpdir(), 'hashiya-agreement-ar.png'), fullPage: true });

    // Latin digits when chosen, the Arabic words kept; then Arabic-Indic again.
    const digits = page.getByRole('combobox', { name: 'الأرقام' });
    await digits.selectOption('latn');
    await expect.poll(() => overall.textContent()).toMatch(/^\d\.\d{3}$/);
    expect(await dash.getByTestId('agreement-summary').textContent()).not.toMatch(ARABIC_INDIC);
    await digits.selectOption('arab');

    // Back to the document from the worst-first list, out of the review, into the span panel.
    await dash.getByRole('button', { name: `راجع ${NAME}` }).click();
    await page.getByRole('button', { name: 'إنهاء المراجعة' }).click();
    await page.getByRole('toolbar', { name: 'الطبقات' }).waitFor();
    await selectByDrag(page, 'القوات الأميركية');
    await page.keyboard.press('1');
    const panel = page.getByRole('complementary', { name: 'المقطع المحدد' });
    await expect.poll(() => panel.getByTestId('selected-label').textContent()).toBe('فاعل');
    expect(await panel.textContent()).toMatch(/المواضع \(نقاط الترميز\)من [٠-٩]+ إلى [٠-٩]+/);
    expect(await leftOfText(page, panel)).toBe(true);
    await page.getByRole('button', { name: 'ظلّل بتسمية فاعل (المفتاح 1)' }).waitFor();
    await page.screenshot({ path: join(tmpdir(), 'hashiya-document-ar.png') });

    // And back in English, every name as it was.
    await chooseLanguage(page, 'en');
    await page.getByRole('complementary', { name: 'Selected span' }).getByRole('button', { name: 'Delete span' }).waitFor();
    expect(errors).toEqual([]);
    await context.close();
  });
});
