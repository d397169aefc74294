import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AgreementReport } from '../../shared/agreement/agreementReport';
import { fixtureArticle } from '../support/fixtures';
import { importFiles, launchBrowser, openDocument, openWorkbench, importJsonlFile } from './support/workbench';
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

/** A JSONL span over `phrase`, with an id and, for a claim, a stance. */
const at = (id: string, phrase: string, label: string, stance?: string) => jsonlSpan(ARTICLE, phrase, label, { id, stance });

const MOVED = 'الميليشيات الإيرانية نقلت عدداً من عناصرها إلى بلدة الحسينية';
/**
 * Three claims both annotators tagged over the same words: the first alike, the second with
 * another stance, the third linked to another source (layla: the activists; omar: the observatory).
 */
function annotator(who: string, stances: [string, string, string], thirdSource: 'a2' | 'a3') {
  return {
    text: ARTICLE,
    meta: { title: NAME, annotator: who },
    spans: [
      at('a1', 'مصادر محلية', 'actor'),
      at('a2', 'المرصد السوري لحقوق الإنسان', 'actor'),
      at('a3', 'ناشطون', 'actor'),
      at('c1', 'الميليشيات الإيرانية قصفت القاعدة من مواقعها', 'claim', stances[0]),
      at('c2', 'الدفاعات الجوية اعترضت صاروخين فوق القاعدة', 'claim', stances[1]),
      at('c3', MOVED, 'claim', stances[2]),
    ],
    relations: [
      { head: 'c1', child: 'a1', label: 'source' },
      { head: 'c2', child: 'a2', label: 'source' },
      { head: 'c3', child: thirdSource, label: 'source' },
    ],
  };
}

describe('claims in agreement and review', () => {
  it('the dashboard shows stance and source agreement as the CLI computes them, and a link conflict names and draws both sources', async () => {
    const { page, context, errors } = await openWorkbench(browser, 'analyst');
    const d = mkdtempSync(join(tmpdir(), 'hashiya-claims-'));
    // Layla also tags the town inside the third claim, which omar leaves out.
    const layla = annotator('layla', ['reported', 'reported', 'reported'], 'a3');
    layla.spans.push(at('p1', 'بلدة الحسينية', 'place'));
    writeFileSync(join(d, 'layla.jsonl'), JSON.stringify(layla) + '\n');
    writeFileSync(join(d, 'omar.jsonl'), JSON.stringify(annotator('omar', ['reported', 'asserted', 'reported'], 'a2')) + '\n');
    await importFiles(page, [fixtureArticle(NAME).path]);
    await importJsonlFile(page, join(d, 'layla.jsonl'));
    await importJsonlFile(page, join(d, 'omar.jsonl'));

    // The dashboard: claims score F1 1 on their spans, and 2 of 3 on stance and on source.
    await page.getByRole('button', { name: 'Agreement', exact: true }).click();
    const dash = page.getByRole('region', { name: 'Agreement dashboard' });
    await expect.poll(() => dash.getByRole('checkbox', { name: 'omar' }).isChecked()).toBe(true);
    await dash.getByRole('button', { name: 'Compute agreement' }).click();
    const claims = dash.getByRole('table', { name: 'Claim agreement' });
    await claims.waitFor();
    const cli = spawnSync(process.execPath, ['cli/bin.mjs', 'agree', join(d, 'layla.jsonl'), join(d, 'omar.jsonl'), '--json'], { encoding: 'utf8' });
    expect(cli.status, cli.stderr).toBe(0);
    const report = JSON.parse(cli.stdout) as AgreementReport;
    const fromCli = report.labels.claim!.claims!;
    expect(fromCli).toEqual({ matched: 3, stance_agreement: 2 / 3, stance_kappa: 0, source_agreement: 2 / 3 });
    const cell = (measure: string) => claims.locator(`tr[data-label="claim"] td[data-measure="${measure}"]`).textContent();
    expect(await cell('matched')).toBe('3');
    expect(await cell('stance_agreement')).toBe('0.667');
    expect(await cell('stance_kappa')).toBe('0.000');
    expect(await cell('source_agreement')).toBe('0.667');
    const perLabel = dash.getByRole('table', { name: 'Agreement per label' });
    expect(await perLabel.locator('tr[data-label="claim"] td[data-measure="exact_f1"]').textContent()).toBe(report.labels.claim!.exact_f1!.toFixed(3));
    expect(await dash.getByTestId('agreement-summary').textContent()).toContain(`${report.documents} document compared, ${report.tokens} tokens`);
    // The place inside a claim is no confusion: nested spans are not pairs.
    const heat = dash.getByRole('table', { name: 'Confusion matrix' });
    expect(await heat.locator('td[data-row="place"][data-col="claim"]').textContent()).toBe('0');
    expect(report.confusion.place!.claim).toBe(0);
    expect(await heat.locator('td[data-row="claim"][data-col="claim"]').textContent()).toBe('3');
    await page.screenshot({ path: join(d, 'dashboard.png'), fullPage: true });

    // Review: the two link/stance conflicts; the one over the third claim names both sources.
    await openDocument(page, NAME);
    await page.getByRole('button', { name: 'Review annotators…' }).click();
    await page.getByRole('dialog', { name: 'Review annotators' }).getByRole('button', { name: 'Start review' }).click();
    const list = page.getByRole('list', { name: 'Differences list' });
    await list.waitFor();
    const conflicts = list.locator('li[data-kind="attribute"]');
    await expect.poll(() => conflicts.count()).toBe(2);
    const sourceConflict = conflicts.filter({ hasText: '(source)' });
    expect(await sourceConflict.count()).toBe(1);
    expect(await sourceConflict.locator('.diff-source[data-side="a"]').textContent()).toContain('actor: ناشطون');
    expect(await sourceConflict.locator('.diff-source[data-side="b"]').textContent()).toContain('actor: المرصد السوري لحقوق الإنسان');
    expect(await conflicts.filter({ hasText: '(stance)' }).textContent()).toContain('actor: المرصد السوري لحقوق الإنسان');

    // Both layers' arrows are drawn, A's solid and B's dashed: three each, the third claim's to different sources.
    const arcs = page.getByTestId('link-arcs');
    await expect.poll(() => arcs.locator('path[data-layer="a"]').count()).toBe(3);
    expect(await arcs.locator('path[data-layer="b"]').count()).toBe(3);
    const style = (layer: string) =>
      arcs
        .locator(`path[data-layer="${layer}"]`)
        .first()
        .evaluate((el) => getComputedStyle(el).strokeDasharray);
    expect(await style('a')).toBe('none');
    expect(await style('b')).not.toBe('none');
    const titles = await arcs.locator('path title').allTextContents();
    expect(titles).toContain('A (layla): ناشطون → claim');
    expect(titles).toContain('B (omar): المرصد السوري لحقوق الإنسان → claim');
    // The arrows are really there: each has a length on screen.
    const lengths = await arcs.locator('path[data-layer]').evaluateAll((els) => els.map((e) => (e as SVGPathElement).getTotalLength()));
    for (const l of lengths) expect(l).toBeGreaterThan(10);

    await sourceConflict.getByRole('button').click();
    await expect.poll(() => list.locator('li[aria-current="true"]').getAttribute('data-kind')).toBe('attribute');
    await page.screenshot({ path: join(d, 'review.png'), fullPage: true });
    // Hiding B takes its arrows away with its spans.
    await page.keyboard.press('Shift+B');
    await expect.poll(() => arcs.locator('path[data-layer="b"]').count()).toBe(0);
    expect(await arcs.locator('path[data-layer="a"]').count()).toBe(3);

    expect(errors).toEqual([]);
    console.log(`screenshots in ${d}`);
    await context.close();
  });
});
