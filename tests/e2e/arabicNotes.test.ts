import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkImportInArabic, openInArabic } from './support/arabicImport';
import { launchBrowser } from './support/workbench';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const dir = () => mkdtempSync(join(tmpdir(), 'hashiya-arabic-notes-'));
// Screenshots go to HASHIYA_SHOTS when it names a folder, for a person to look at.
const shot = (page: Page, name: string) => page.screenshot({ path: join(process.env.HASHIYA_SHOTS ?? tmpdir(), `hashiya-arabic-notes-${name}.png`) });

/** Checks the files in a format in the import dialog; returns the dialog and the review's notes. */
async function reviewInArabic(page: Page, format: string, paths: string[]) {
  const dialog = await checkImportInArabic(page, format, paths);
  return { dialog, notes: await dialog.getByTestId('import-note').allTextContents() };
}

/** What of a line is neither isolated (a name, a file) nor quoted: the words the interface wrote. */
const ownWords = (line: string) => line.replace(/\u2068[^\u2069]*\u2069/g, '').replace(/"[^"]*"/g, '');

const T = 'قال المرصد السوري إن الطائرات قصفت حقل كونيكو';

describe('import notes in the Arabic interface', () => {
  it('say what each reader read another way or left out in Arabic, counted with Arabic plurals and digits', async () => {
    const { page, close, errors } = await openInArabic(browser);
    const d = dir();
    writeFileSync(join(d, 'old.iob'), 'قال I-ORG\nالمرصد I-ORG\n\nالسوري I-ORG\n');
    const conll = await reviewInArabic(page, 'conll', [join(d, 'old.iob')]);
    expect(conll.notes).toEqual([
      '\u2068old.iob\u2069: قُرئ بنظام IOB1 (بالكشف التلقائي): تبدأ قطعتان بالوسم \u2068I-\u2069، ولا يفصل \u2068B-\u2069 إلا بين قطعتين متتاليتين من النوع نفسه',
    ]);
    expect(
      await conll.dialog
        .getByTestId('import-note')
        .first()
        .evaluate((li) => getComputedStyle(li).direction),
    ).toBe('rtl');
    await shot(page, 'conll');
    await conll.dialog.getByRole('button', { name: 'إلغاء' }).click();

    const answers = ['reject', 'reject', 'reject', 'ignore', 'accept'];
    writeFileSync(join(d, 'ner.jsonl'), answers.map((answer) => JSON.stringify({ text: T, answer })).join('\n'));
    const jsonl = await reviewInArabic(page, 'jsonl', [join(d, 'ner.jsonl')]);
    expect(jsonl.notes).toEqual([
      '\u2068ner.jsonl\u2069: تُركت ٣ مهام ذات الجواب \u2068"reject"\u2069 (لا تُقرأ إلا المهام المقبولة)',
      '\u2068ner.jsonl\u2069: تُركت مهمة واحدة ذات الجواب \u2068"ignore"\u2069 (لا تُقرأ إلا المهام المقبولة)',
    ]);
    await jsonl.dialog.getByRole('button', { name: 'إلغاء' }).click();

    writeFileSync(join(d, 'annotation.conf'), '[entities]\nactor\n');
    writeFileSync(join(d, 'a.txt'), T);
    writeFileSync(join(d, 'a.ann'), 'T1\tactor 4 17\tالمرصد السوري\n#1\tAnnotatorNotes T1\tx\nE1\tattack:T1\nA1\tNegated T1\n');
    const brat = await reviewInArabic(page, 'brat', [join(d, 'annotation.conf'), join(d, 'a.txt'), join(d, 'a.ann')]);
    expect(brat.notes).toHaveLength(3);
    expect(brat.notes).toContain('تُركت أسطر brat التي لا تحملها حاشية: \u2068الملاحظات (#): ١\u2069، \u2068الأحداث (E): ١\u2069');
    await shot(page, 'brat');
    for (const note of [...conll.notes, ...jsonl.notes, ...brat.notes]) {
      expect(note).toMatch(/[\u0621-\u064a]/);
      expect(ownWords(note).replace(/\b(?:IOB1|brat)\b/g, ''), note).not.toMatch(/[A-Za-z]{2,}|[0-9]/);
    }
    expect(errors).toEqual([]);
    await close();
  });
  it('say what an export left out in Arabic, in the saved notice’s details', async () => {
    const { page, close, errors } = await openInArabic(browser);
    const d = dir();
    const spans = [
      { start: 4, end: 17, label: 'actor' },
      { start: 5, end: 10, label: 'place' },
      { start: 3, end: 4, label: 'place' },
    ];
    writeFileSync(join(d, 'news.jsonl'), JSON.stringify({ text: T, spans }) + '\n');
    const { dialog } = await reviewInArabic(page, 'jsonl', [join(d, 'news.jsonl')]);
    await dialog.getByRole('button', { name: 'استورد' }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.getByRole('button', { name: 'تصدير…' }).click();
    const exporting = page.getByRole('dialog', { name: 'تصدير التعليقات' });
    await exporting.getByRole('combobox', { name: 'الصيغة' }).selectOption('conll');
    await Promise.all([page.waitForEvent('download'), exporting.getByRole('button', { name: 'صدّر conll' }).click()]);
    const notice = page.getByRole('status');
    await expect.poll(() => notice.textContent()).toContain('صُدِّر');
    const details = await notice.innerText();
    expect(details).toContain('تُرك مقطع واحد مما لا يغطي أي وحدة (مسافات فقط)');
    expect(details).toContain('تُرك مقطع واحد مما يتداخل مع مقطع سابق أو أطول');
    expect(ownWords(details).replace(/\b(?:conll|CoNLL|actor|place|hashiya-export)\b/g, '')).not.toMatch(/[A-Za-z]{2,}|[0-9]/);
    await shot(page, 'export');
    expect(errors).toEqual([]);
    await close();
  });
});
