import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixtureArticle } from '../support/fixtures';
import { importFiles, importJsonlFile, launchBrowser, openWorkbench } from './support/workbench';
import { jsonlSpan } from './support/jsonlSpan';

const require = createRequire(import.meta.url);
/**
 * axe-core's bundled source, read from disk (the audit needs no network) and evaluated through
 * the debugging protocol: the page's CSP rightly refuses an inline script tag.
 */
const AXE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const NAME = 'konico-strikes';
const ARTICLE = fixtureArticle(NAME).text;

/** A span over the first occurrence of `phrase`. */
const at = (phrase: string, label: string, id?: string) => jsonlSpan(ARTICLE, phrase, label, { id });

const CLAIM = 'الميليشيات الإيرانية قصفت القاعدة من مواقعها';
/** One annotator's spans: the claim holds an actor (nested spans) and names its source. */
const layer = (annotator: string, extra: ReturnType<typeof at>[]) => ({
  text: ARTICLE,
  meta: { title: NAME, annotator },
  spans: [at('القوات الأميركية', 'actor'), at('مصادر محلية', 'actor', 'src'), at('الميليشيات الإيرانية', 'actor'), at(CLAIM, 'claim', 'c1'), ...extra],
  relations: [{ head: 'c1', child: 'src', label: 'source' }],
});

/** The library: the article, with the analyst's own spans and two colleagues' layers that differ. */
async function library(page: Page): Promise<void> {
  const d = mkdtempSync(join(tmpdir(), 'hashiya-a11y-'));
  const files = {
    analyst: layer('analyst', [at('ريف ديرالزور الشرقي', 'place')]),
    layla: layer('layla', [at('المسيّرات', 'weapon')]),
    omar: layer('omar', [at('ريف ديرالزور الشرقي', 'place')]),
  };
  await importFiles(page, [fixtureArticle(NAME).path]);
  await page.getByRole('button', { name: `Open ${NAME}` }).waitFor();
  for (const [who, record] of Object.entries(files)) {
    writeFileSync(join(d, `${who}.jsonl`), JSON.stringify(record) + '\n');
    await importJsonlFile(page, join(d, `${who}.jsonl`));
  }
}

interface Violation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: unknown[]; failureSummary?: string }[];
}

/** Runs axe over the whole page and fails on any serious or critical violation, naming rule, element and why. */
async function audit(page: Page, screen: string): Promise<void> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE);
  // The editor and panels draw after a frame; audit what a reader would meet.
  await page.evaluate(() => new Promise<void>((resolve) => requestAnimationFrame(() => resolve())));
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: Document) => Promise<{ violations: Violation[] }> } }).axe;
    return (await axe.run(document)).violations;
  });
  const bad = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  const report = bad.flatMap((v) => v.nodes.map((n) => `${v.id} (${v.impact}) at ${JSON.stringify(n.target)}: ${v.help}\n    ${n.failureSummary ?? ''}`));
  expect(report, `${screen}:\n${report.join('\n')}`).toEqual([]);
}

/** The selected span as Chromium's accessibility tree gives it to a screen reader: role, description and words. */
async function spanAsSeen(page: Page): Promise<{ role: unknown; description: unknown; text: string }> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { root } = await cdp.send('DOM.getDocument');
    const { nodeId } = await cdp.send('DOM.querySelector', { nodeId: root.nodeId, selector: '[aria-label] .hs-span.hs-selected' });
    const { nodes } = await cdp.send('Accessibility.getPartialAXTree', { nodeId, fetchRelatives: false });
    const node = nodes[0]!;
    const text = await page.locator('.hs-span.hs-selected').first().textContent();
    return { role: node.role?.value, description: node.description?.value, text: text ?? '' };
  } finally {
    await cdp.detach();
  }
}

/** The four screens, in whichever language the interface speaks: `names` are the controls' names in it. */
async function auditScreens(
  page: Page,
  lang: string,
  names: Record<'library' | 'open' | 'review' | 'start' | 'agreement' | 'compute' | 'endReview' | 'actor' | 'announced', string>,
) {
  await page.getByRole('button', { name: names.library, exact: true }).click();
  await page.getByRole('button', { name: names.open }).waitFor();
  await audit(page, `library (${lang})`);

  await page.getByRole('button', { name: names.open }).click();
  await page.getByRole('textbox').first().waitFor();
  await page.locator('.hs-span').first().waitFor();
  // ] steps to the first span: its highlight is described by its label, and the step is announced.
  await page.keyboard.press('BracketRight');
  await page.locator('.hs-selected').first().waitFor();
  expect(await page.getByTestId('span-announcement').textContent()).toBe(names.announced);
  expect(await page.getByTestId('span-announcement').getAttribute('aria-live')).toBe('polite');
  expect(await spanAsSeen(page)).toEqual({ role: 'mark', description: names.actor, text: 'القوات الأميركية' });
  await audit(page, `editor (${lang})`);

  await page.getByRole('button', { name: names.review }).click();
  await page.getByRole('dialog').getByRole('button', { name: names.start }).click();
  await page.locator('li[data-kind]').first().waitFor();
  await audit(page, `review (${lang})`);
  await page.getByRole('button', { name: names.endReview }).click();

  await page.getByRole('button', { name: names.agreement, exact: true }).click();
  await page.getByRole('button', { name: names.compute }).click();
  await page.locator('tr[data-label="overall"]').waitFor();
  await audit(page, `agreement dashboard (${lang})`);
}

/** The English names of the controls each audit walks through. */
const ENGLISH_NAMES = {
  library: 'Library',
  open: `Open ${NAME}`,
  review: 'Review annotators…',
  start: 'Start review',
  endReview: 'End review',
  agreement: 'Agreement',
  compute: 'Compute agreement',
  actor: 'Actor',
  announced: 'Actor: القوات الأميركية',
};

describe('accessibility', () => {
  it('the library, the editor, review and the dashboard have no serious or critical axe violation, in English and in Arabic', async () => {
    const { page, context, errors } = await openWorkbench(browser, 'analyst');
    await library(page);
    await auditScreens(page, 'en', ENGLISH_NAMES);

    await page.getByRole('combobox', { name: 'Interface language' }).selectOption('ar');
    await page.getByRole('button', { name: 'المكتبة' }).waitFor();
    await auditScreens(page, 'ar', {
      library: 'المكتبة',
      open: `افتح ${NAME}`,
      review: 'مراجعة المُعلِّقين…',
      start: 'ابدأ المراجعة',
      endReview: 'إنهاء المراجعة',
      agreement: 'الاتفاق',
      compute: 'احسب الاتفاق',
      actor: 'فاعل',
      announced: 'مقطع فاعل: القوات الأميركية',
    });
    expect(errors).toEqual([]);
    await context.close();
  });

  it('in the dark theme the system asks for, the same screens and the claims view have no serious or critical axe violation', async () => {
    const { page, context, errors } = await openWorkbench(browser, 'analyst');
    await page.emulateMedia({ colorScheme: 'dark' });
    await library(page);
    expect(await page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor)).toBe('rgb(24, 24, 27)');
    await auditScreens(page, 'en, dark', ENGLISH_NAMES);
    await page.getByRole('button', { name: 'Claims', exact: true }).click();
    await page.locator('.claims-matrix button').first().waitFor();
    await audit(page, 'claims view (en, dark)');
    expect(errors).toEqual([]);
    await context.close();
  });
});
