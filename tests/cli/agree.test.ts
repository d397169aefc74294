import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../cli/main';
import { fleissKappa } from '../../shared/agreement/fleissKappa';
import { krippendorffAlphaNominal } from '../../shared/agreement/krippendorffAlpha';
import { tokenize } from '../../shared/text/tokenize';
import { fixtureArticle } from '../support/fixtures';

async function run(...argv: string[]) {
  let out = '';
  let err = '';
  const code = await main(argv, { out: (t) => void (out += t), err: (t) => void (err += t) });
  return { code, out, err };
}

const FIRST = fixtureArticle('konico-strikes').text;
const SECOND = fixtureArticle('gas-field-attack').text;
const THIRD = fixtureArticle('sy24-launcher').text;
const cp = (s: string) => Array.from(s).length;

/** A JSONL span (code points) of `label` over the first occurrence of `phrase` at or after `after`. */
function span(text: string, phrase: string, label: string, after = '') {
  const at = text.indexOf(phrase, after ? text.indexOf(after) : 0);
  if (at < 0) throw new Error(`"${phrase}" is not in the text`);
  return { start: cp(text.slice(0, at)), end: cp(text.slice(0, at)) + cp(phrase), label, text: phrase };
}

const line = (text: string, meta: Record<string, string>, spans: ReturnType<typeof span>[]) => JSON.stringify({ text, meta, spans });

/**
 * Rania and Omar annotate both articles, each file with its own ids and titles (the
 * texts match by hash), and Rania's file has a third article nobody else annotated (Omar's
 * file holds it with no spans, which is not annotating it).
 * Rania tags the whole observatory name, Omar only its first two words; Omar also tags the
 * American forces in the second article, which Rania missed.
 */
function files() {
  const d = mkdtempSync(join(tmpdir(), 'hashiya-agree-'));
  const omarSpans = [
    [span(FIRST, 'المرصد السوري', 'actor'), span(FIRST, 'القوات الأميركية', 'actor'), span(FIRST, 'ريف ديرالزور الشرقي', 'place')],
    [span(SECOND, 'دير الزور', 'place'), span(SECOND, 'القوات الأميركية', 'actor')],
  ];
  const rania = join(d, 'rania.jsonl');
  const omar = join(d, 'omar.jsonl');
  const layla = join(d, 'layla.jsonl');
  writeFileSync(
    rania,
    [
      line(FIRST, { id: 'r-1', title: 'كونيكو' }, [
        span(FIRST, 'المرصد السوري لحقوق الإنسان', 'actor'),
        span(FIRST, 'القوات الأميركية', 'actor'),
        span(FIRST, 'ريف ديرالزور الشرقي', 'place'),
      ]),
      line(SECOND, { id: 'r-2', title: 'هجوم' }, [span(SECOND, 'دير الزور', 'place')]),
      line(THIRD, { id: 'r-3' }, [span(THIRD, 'القيادة الوسطى', 'actor')]),
    ].join('\n') + '\n',
  );
  // Omar's file also holds the third article with no spans, as an export of every document writes one he never opened.
  writeFileSync(
    omar,
    [line(SECOND, { id: 'omar-b', title: 'other' }, omarSpans[1]!), line(FIRST, { id: 'omar-a' }, omarSpans[0]!), line(THIRD, { id: 'omar-c' }, [])].join(
      '\n',
    ) + '\n',
  );
  // Layla marks exactly what Omar marks; her file names her in meta.annotator.
  writeFileSync(layla, [line(FIRST, { annotator: 'layla' }, omarSpans[0]!), line(SECOND, { annotator: 'layla' }, omarSpans[1]!)].join('\n') + '\n');
  return { d, rania, omar, layla };
}

const units = (n: number, values: string[]) => Array.from({ length: n }, () => values);

describe('hashiya agree', () => {
  it('prints the agreement of two annotators as JSON, matching documents by text hash across different ids', async () => {
    const { rania, omar } = files();
    const r = await run('agree', rania, omar, '--json');
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const report = JSON.parse(r.out);
    expect(Object.keys(report)).toEqual(['annotators', 'documents', 'documents_left_out', 'tokens', 'overall', 'labels', 'confusion', 'per_document']);
    expect(Object.keys(report.overall)).toEqual(['exact_f1', 'partial_f1', 'cohen_kappa', 'fleiss_kappa', 'krippendorff_alpha']);
    expect(Object.keys(report.labels.actor)).toEqual(['exact_f1', 'partial_f1', 'cohen_kappa', 'krippendorff_alpha', 'counts']);
    const n = tokenize(FIRST).length + tokenize(SECOND).length;
    expect(report).toMatchObject({ annotators: [rania, omar], documents: 2, documents_left_out: 1, tokens: n });

    // Spans pooled over both articles: rania 4, omar 5, 3 exact; every span of rania's overlaps
    // one of omar's with its label, and 4 of omar's 5 overlap one of rania's.
    expect(report.overall.exact_f1).toBeCloseTo(6 / 9, 12);
    expect(report.overall.partial_f1).toBeCloseTo((2 * 1 * 0.8) / 1.8, 12);
    expect(report.overall.fleiss_kappa).toBeNull();
    expect(report.labels.actor).toMatchObject({ exact_f1: 0.4, counts: { [rania]: 2, [omar]: 3 } });
    expect(report.labels.actor.partial_f1).toBeCloseTo(0.8, 12);
    expect(report.labels.place).toMatchObject({ exact_f1: 1, partial_f1: 1, cohen_kappa: 1, krippendorff_alpha: 1, counts: { [rania]: 2, [omar]: 2 } });
    expect(report.confusion).toEqual({ actor: { actor: 2, place: 0 }, place: { actor: 0, place: 2 } });

    // Tokens: both actor 4, both place 5; rania actor / omar O 2 (لحقوق الإنسان); rania O / omar actor 2 (القوات الأميركية).
    const tokenUnits = [
      ...units(n - 13, ['O', 'O']),
      ...units(4, ['actor', 'actor']),
      ...units(5, ['place', 'place']),
      ...units(2, ['actor', 'O']),
      ...units(2, ['O', 'actor']),
    ];
    const chance = 6 * 6 + 5 * 5 + (n - 11) * (n - 11);
    expect(report.overall.cohen_kappa).toBeCloseTo((n * (n - 4) - chance) / (n * n - chance), 12);
    expect(report.overall.krippendorff_alpha).toBeCloseTo(krippendorffAlphaNominal(tokenUnits)!, 12);

    // Both articles have exact F1 2/3; the second is worse on partial F1 (omar's extra actor). Ids are rania's, the first file's.
    expect(report.per_document).toHaveLength(2);
    expect(report.per_document.map((d: { id: string }) => d.id)).toEqual(['r-2', 'r-1']);
    expect(report.per_document[0].exact_f1).toBeCloseTo(2 / 3, 12);
    expect(report.per_document[0].partial_f1).toBeCloseTo(2 / 3, 12);
    expect(report.per_document[1]).toMatchObject({ id: 'r-1', partial_f1: 1 });
  });

  it("gives Fleiss' kappa and no Cohen's kappa with a third annotator, and averages F1 over the three pairs", async () => {
    const { rania, omar, layla } = files();
    const r = await run('agree', rania, omar, layla, '--format', 'jsonl', '--json');
    expect(r.code).toBe(0);
    const report = JSON.parse(r.out);
    expect(report.annotators).toEqual([rania, omar, 'layla']);
    expect(report.overall.cohen_kappa).toBeNull();
    expect(report.labels.actor.cohen_kappa).toBeNull();
    // Pairs: rania–omar and rania–layla as above, omar–layla perfect.
    expect(report.overall.exact_f1).toBeCloseTo((6 / 9 + 6 / 9 + 1) / 3, 12);
    expect(report.overall.partial_f1).toBeCloseTo(((2 * 0.8) / 1.8 + (2 * 0.8) / 1.8 + 1) / 3, 12);
    const n = report.tokens;
    // Per token, raters per category [O, actor, place]: 2 tokens rania actor / others O, 2 the other way.
    const items = [
      ...units(n - 13, ['3', '0', '0']),
      ...units(4, ['0', '3', '0']),
      ...units(5, ['0', '0', '3']),
      ...units(2, ['2', '1', '0']),
      ...units(2, ['1', '2', '0']),
    ].map((u) => u.map(Number));
    expect(report.overall.fleiss_kappa).toBeCloseTo(fleissKappa(items)!, 12);
    // Summed over ordered pairs: symmetric. rania–omar 2 + 2, rania–layla 2 + 2, omar–layla 3 + 2, each both ways.
    expect(report.confusion).toEqual({ actor: { actor: 14, place: 0 }, place: { actor: 0, place: 12 } });
  });

  it('prints a readable table: overall, per label with counts, the confusion matrix, documents worst first', async () => {
    const { rania, omar } = files();
    const r = await run('agree', rania, omar);
    expect(r.code).toBe(0);
    expect(r.out).toContain(`  A   ${rania}\n  B   ${omar}`);
    expect(r.out).toContain('documents   2 compared, 1 left out');
    expect(r.out).toMatch(/exact F1 +0\.667\n {2}partial F1 +0\.889\n/);
    expect(r.out).toContain("Fleiss' kappa          n/a");
    expect(r.out).toMatch(/\n {2}actor +0\.400 +0\.800 +\S+ +\S+ +2 +3\n/);
    expect(r.out).toContain("confusion of labels on matched spans (rows: A's label, columns: B's)");
    // No label has the claim role here: no claims section.
    expect(r.out).not.toContain('claims:');
    expect(r.out).toMatch(/documents, worst first\n.*\n {2}r-2 .*\n {2}r-1 /);
  });

  it("gives each claim label's stance and source agreement over matched claims, in JSON and text", async () => {
    const d = mkdtempSync(join(tmpdir(), 'hashiya-agree-claims-'));
    // The claim role comes from the file's label set when it carries one, else from the default set's roles (tests/shared/agreement/claimAgreement.test.ts).
    const CLAIM_LABEL = 'claim';
    const labels = [
      { name: 'actor', role: 'entity' },
      { name: CLAIM_LABEL, role: 'claim' },
    ];
    /** Three claims over the same words; `stances` and the third claim's source differ by annotator. */
    const record = (who: string, stances: string[], thirdSource: string) => {
      const spans = [
        { id: 'a1', ...span(FIRST, 'مصادر محلية', 'actor') },
        { id: 'a2', ...span(FIRST, 'المرصد السوري لحقوق الإنسان', 'actor') },
        { id: 'a3', ...span(FIRST, 'ناشطون', 'actor') },
        { id: 'c1', ...span(FIRST, 'الميليشيات الإيرانية قصفت القاعدة من مواقعها', CLAIM_LABEL), attrs: { stance: stances[0] } },
        { id: 'c2', ...span(FIRST, 'الدفاعات الجوية اعترضت صاروخين فوق القاعدة', CLAIM_LABEL), attrs: { stance: stances[1] } },
        { id: 'c3', ...span(FIRST, 'الميليشيات الإيرانية نقلت عدداً من عناصرها إلى بلدة الحسينية', CLAIM_LABEL), attrs: { stance: stances[2] } },
      ];
      const relations = [
        { head: 'c1', child: 'a1', label: 'source' },
        { head: 'c2', child: 'a2', label: 'source' },
        { head: 'c3', child: thirdSource, label: 'source' },
      ];
      return JSON.stringify({ text: FIRST, meta: { annotator: who, labels }, spans, relations }) + '\n';
    };
    writeFileSync(join(d, 'layla.jsonl'), record('layla', ['reported', 'reported', 'reported'], 'a3'));
    writeFileSync(join(d, 'omar.jsonl'), record('omar', ['reported', 'asserted', 'reported'], 'a2'));
    const json = await run('agree', join(d, 'layla.jsonl'), join(d, 'omar.jsonl'), '--json');
    expect(json.err).toBe('');
    const report = JSON.parse(json.out);
    // Span F1 and kappa see three perfect claims; stance and source tell two of three apart.
    expect([report.labels[CLAIM_LABEL].exact_f1, report.labels[CLAIM_LABEL].cohen_kappa]).toEqual([1, 1]);
    expect(report.labels[CLAIM_LABEL].claims).toEqual({ matched: 3, stance_agreement: 2 / 3, stance_kappa: 0, source_agreement: 2 / 3 });
    expect(report.labels.actor.claims).toBeUndefined();
    const text = await run('agree', join(d, 'layla.jsonl'), join(d, 'omar.jsonl'));
    expect(text.out).toContain('claims: stance and source over matched claims');
    expect(text.out).toMatch(new RegExp(`\\n {2}${CLAIM_LABEL} +3 +0\\.667 +0\\.000 +0\\.667\\n`));
  });

  it('prints problems as FILE:LINE and exits 1, computing nothing', async () => {
    const { d, rania } = files();
    const broken = join(d, 'broken.jsonl');
    writeFileSync(broken, `${line(FIRST, {}, [])}\n{"text": "قال", "spans": [{"start": 0, "end": 9, "label": "actor"}]}\n`);
    const r = await run('agree', rania, broken, '--json');
    expect(r.code).toBe(1);
    expect(r.out).toBe('');
    expect(r.err).toContain(`${broken}:2: `);
  });

  it('exits 1 with fewer than two annotators or no text in common, and 2 for an unknown format', async () => {
    const { d, rania } = files();
    const one = await run('agree', rania);
    expect(one.code).toBe(1);
    expect(one.err).toContain('found 1 annotator');
    const other = join(d, 'other.jsonl');
    writeFileSync(other, `${line(`${FIRST} `, {}, [span(FIRST, 'القوات الأميركية', 'actor')])}\n`);
    const apart = await run('agree', rania, other);
    expect(apart.code).toBe(1);
    expect(apart.err).toContain('no text was annotated by two or more annotators');
    expect((await run('agree', rania, other, '--format', 'xml')).code).toBe(2);
  });

  it('is listed in the usage text', async () => {
    expect((await run('help')).out).toContain('hashiya agree FILE FILE [FILE...] [--format FMT] [--json]');
  });
});
