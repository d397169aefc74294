import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { AgreementReport } from '../../../shared/agreement/agreementReport';
import type { AgreementSpan } from '../../../shared/agreement/agreementSpan';
import { cohenKappaFromPairs } from '../../../shared/agreement/cohenKappa';
import { computeAgreement } from '../../../shared/agreement/computeAgreement';
import { fleissKappa } from '../../../shared/agreement/fleissKappa';
import type { AgreementDocument } from '../../../shared/agreement/agreementDocuments';
import { krippendorffAlphaNominal } from '../../../shared/agreement/krippendorffAlpha';
import { tokenize } from '../../../shared/text/tokenize';
import { fixtureArticle } from '../../support/fixtures';

const ARTICLE = fixtureArticle('konico-strikes').text;
const CLAIMS: ReadonlySet<string> = new Set(['claim']);
const SECOND = fixtureArticle('gas-field-attack').text;

function on(text: string, phrase: string, label: string, from = 0): AgreementSpan {
  const start = text.indexOf(phrase, from);
  if (start < 0) throw new Error(`"${phrase}" is not in the text`);
  return { start, end: start + phrase.length, label };
}

const document = (id: string, text: string, annotations: Record<string, AgreementSpan[]>, tokens?: [number, number][]): AgreementDocument => ({
  id,
  text,
  textSha256: id,
  annotations: new Map(Object.entries(annotations)),
  ...(tokens ? { tokens } : {}),
});

// ---- An oracle: every measure from its definition, token by token, with the one-shot functions ----

const compareStrings = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const overlaps = (s: { start: number; end: number }, t: { start: number; end: number }) => s.start < t.end && t.start < s.end;

/** Identical spans (range and label) once; the first in sorted order is kept, as `normalizeSpans` keeps it. */
function dedupe(spans: readonly AgreementSpan[]): AgreementSpan[] {
  const seen = new Map<string, AgreementSpan>();
  for (const s of [...spans].sort((x, y) => x.start - y.start || x.end - y.end || compareStrings(x.label, y.label))) {
    const k = `${s.start}:${s.end}:${s.label}`;
    if (!seen.has(k)) seen.set(k, s);
  }
  return [...seen.values()];
}

/**
 * Matched pairs by brute force: same range and label, then same range (B's by label), then
 * same-label overlaps, the largest first (ties: A's, then B's, in reading order).
 */
function matchedPairs(a: readonly AgreementSpan[], b: readonly AgreementSpan[]): [AgreementSpan, AgreementSpan, boolean][] {
  const order = (x: AgreementSpan, y: AgreementSpan) => x.start - y.start || x.end - y.end || compareStrings(x.label, y.label);
  const sa = [...a].sort(order);
  const sb = [...b].sort(order);
  const usedA = new Set<number>();
  const usedB = new Set<number>();
  const out: [AgreementSpan, AgreementSpan, boolean][] = [];
  const take = (i: number, j: number, sameLabel: boolean) => {
    usedA.add(i);
    usedB.add(j);
    out.push([sa[i]!, sb[j]!, sameLabel]);
  };
  sa.forEach((x, i) => {
    const j = sb.findIndex((y, k) => !usedB.has(k) && order(x, y) === 0);
    if (j >= 0) take(i, j, true);
  });
  sa.forEach((x, i) => {
    if (usedA.has(i)) return;
    const j = sb.findIndex((y, k) => !usedB.has(k) && x.start === y.start && x.end === y.end);
    if (j >= 0) take(i, j, false);
  });
  const candidates: [number, number, number][] = [];
  sa.forEach((x, i) =>
    sb.forEach((y, j) => {
      if (!usedA.has(i) && !usedB.has(j) && x.label === y.label && overlaps(x, y)) candidates.push([i, j, Math.min(x.end, y.end) - Math.max(x.start, y.start)]);
    }),
  );
  candidates.sort((x, y) => y[2] - x[2] || x[0] - y[0] || x[1] - y[1]);
  for (const [i, j] of candidates) if (!usedA.has(i) && !usedB.has(j)) take(i, j, true);
  return out;
}

function oracle(documents: readonly AgreementDocument[], claimLabels: ReadonlySet<string> = CLAIMS) {
  const compared = documents.filter((d) => d.annotations.size >= 2);
  const annotators = [...new Set(compared.flatMap((d) => [...d.annotations.keys()]))];
  const labels = [...new Set(compared.flatMap((d) => [...d.annotations.values()].flat().map((s) => s.label)))].sort(compareStrings);
  const units: (string | null)[][] = [];
  const labelUnits = new Map(labels.map((l) => [l, [] as (string | null)[][]]));
  const fleissItems: number[][] = [];
  const pairCounts = new Map<string, { sa: number; sb: number; exact: number; ma: number; mb: number }>();
  const confusion = new Map<string, number>();
  const perDocument = new Map<string, { exact: number | null; partial: number | null }>();
  const claimPairs = new Map<string, Map<string, [AgreementSpan, AgreementSpan][]>>();
  const f1 = (c: { sa: number; sb: number; exact: number; ma: number; mb: number }) => {
    if (c.sa + c.sb === 0) return { exact: null, partial: null };
    const p = c.sa ? c.ma / c.sa : 0;
    const r = c.sb ? c.mb / c.sb : 0;
    return { exact: (2 * c.exact) / (c.sa + c.sb), partial: p + r ? (2 * p * r) / (p + r) : 0 };
  };
  const mean = (xs: (number | null)[]) => {
    const ok = xs.filter((x): x is number => x !== null);
    return ok.length ? ok.reduce((a, b) => a + b, 0) / ok.length : null;
  };
  for (const d of compared) {
    const tokens = d.tokens ? d.tokens.map(([start, end]) => ({ start, end })) : tokenize(d.text);
    const spansOf = (who: string) => (d.annotations.has(who) ? dedupe(d.annotations.get(who)!) : null);
    for (const t of tokens) {
      const values = annotators.map((who) => {
        const spans = spansOf(who);
        if (!spans) return null;
        const best = spans
          .filter((s) => overlaps(s, t))
          .sort((a, b) => a.end - a.start - (b.end - b.start) || a.start - b.start || compareStrings(a.label, b.label))[0];
        return best ? best.label : 'O';
      });
      units.push(values);
      if (values.every((v) => v !== null)) fleissItems.push(['O', ...labels].map((c) => values.filter((v) => v === c).length));
      for (const l of labels) {
        labelUnits.get(l)!.push(
          annotators.map((who) => {
            const spans = spansOf(who);
            return spans ? (spans.some((s) => s.label === l && overlaps(s, t)) ? '1' : '0') : null;
          }),
        );
      }
    }
    const documentPairs: { sa: number; sb: number; exact: number; ma: number; mb: number }[] = [];
    annotators.forEach((x, i) =>
      annotators.slice(i + 1).forEach((y) => {
        const a = spansOf(x);
        const b = spansOf(y);
        if (!a || !b) return;
        const total = { sa: 0, sb: 0, exact: 0, ma: 0, mb: 0 };
        for (const l of ['', ...labels]) {
          const la = l ? a.filter((s) => s.label === l) : [];
          const lb = l ? b.filter((s) => s.label === l) : [];
          const c = {
            sa: la.length,
            sb: lb.length,
            exact: la.filter((s) => lb.some((t) => t.start === s.start && t.end === s.end)).length,
            ma: la.filter((s) => lb.some((t) => overlaps(s, t))).length,
            mb: lb.filter((t) => la.some((s) => overlaps(s, t))).length,
          };
          const key = `${x}|${y}|${l}`;
          const sum = pairCounts.get(key) ?? { sa: 0, sb: 0, exact: 0, ma: 0, mb: 0 };
          for (const k of ['sa', 'sb', 'exact', 'ma', 'mb'] as const) {
            sum[k] += c[k];
            total[k] += c[k];
          }
          pairCounts.set(key, sum);
        }
        documentPairs.push(total);
        for (const [s, t, sameLabel] of matchedPairs(a, b)) {
          confusion.set(`${s.label}|${t.label}`, (confusion.get(`${s.label}|${t.label}`) ?? 0) + 1);
          if (annotators.length >= 3) confusion.set(`${t.label}|${s.label}`, (confusion.get(`${t.label}|${s.label}`) ?? 0) + 1);
          if (sameLabel && claimLabels.has(s.label)) {
            const byPair = claimPairs.get(s.label) ?? new Map<string, [AgreementSpan, AgreementSpan][]>();
            claimPairs.set(s.label, byPair);
            byPair.set(`${x}|${y}`, [...(byPair.get(`${x}|${y}`) ?? []), [s, t]]);
          }
        }
      }),
    );
    perDocument.set(d.id, { exact: mean(documentPairs.map((c) => f1(c).exact)), partial: mean(documentPairs.map((c) => f1(c).partial)) });
  }
  const pairF1 = (label: string | null, which: 'exact' | 'partial') => {
    const values: (number | null)[] = [];
    annotators.forEach((x, i) =>
      annotators.slice(i + 1).forEach((y) => {
        const sum = { sa: 0, sb: 0, exact: 0, ma: 0, mb: 0 };
        for (const l of label === null ? labels : [label]) {
          const c = pairCounts.get(`${x}|${y}|${l}`);
          if (c) for (const k of ['sa', 'sb', 'exact', 'ma', 'mb'] as const) sum[k] += c[k];
        }
        values.push(f1(sum)[which]);
      }),
    );
    return mean(values);
  };
  const cohen = (rows: (string | null)[][]) => (annotators.length === 2 ? cohenKappaFromPairs(rows.map((v) => [v[0]!, v[1]!])) : null);
  const claimsOf = (label: string) => {
    const byPair = [...(claimPairs.get(label)?.values() ?? [])];
    const all = byPair.flat();
    const stance = (s: AgreementSpan) => s.stance ?? 'none';
    const sourceKey = (s: AgreementSpan) => (s.source ? `${s.source.start}-${s.source.end}` : '');
    return {
      matched: all.length,
      stance_agreement: all.length ? all.filter(([s, t]) => stance(s) === stance(t)).length / all.length : null,
      stance_kappa: mean(byPair.map((list) => cohenKappaFromPairs(list.map(([s, t]) => [stance(s), stance(t)])))),
      source_agreement: all.length ? all.filter(([s, t]) => sourceKey(s) === sourceKey(t)).length / all.length : null,
    };
  };
  return {
    annotators,
    documents: compared.length,
    documents_left_out: documents.length - compared.length,
    tokens: units.length,
    overall: {
      exact_f1: pairF1(null, 'exact'),
      partial_f1: pairF1(null, 'partial'),
      cohen_kappa: cohen(units),
      fleiss_kappa: annotators.length >= 3 ? fleissKappa(fleissItems) : null,
      krippendorff_alpha: krippendorffAlphaNominal(units),
    },
    labels: Object.fromEntries(
      labels.map((l) => [
        l,
        {
          exact_f1: pairF1(l, 'exact'),
          partial_f1: pairF1(l, 'partial'),
          cohen_kappa: cohen(labelUnits.get(l)!),
          krippendorff_alpha: krippendorffAlphaNominal(labelUnits.get(l)!),
          counts: Object.fromEntries(
            annotators.map((who) => [
              who,
              compared.reduce((n, d) => n + (d.annotations.has(who) ? dedupe(d.annotations.get(who)!).filter((s) => s.label === l).length : 0), 0),
            ]),
          ),
          ...(claimLabels.has(l) ? { claims: claimsOf(l) } : {}),
        },
      ]),
    ),
    confusion: Object.fromEntries(labels.map((r) => [r, Object.fromEntries(labels.map((c) => [c, confusion.get(`${r}|${c}`) ?? 0]))])),
    perDocument,
  };
}

/** Deep equality with numbers compared to 9 places and nulls exactly. */
function expectClose(actual: unknown, expected: unknown, path = 'report'): void {
  if (typeof expected === 'number') {
    expect(typeof actual, path).toBe('number');
    expect(actual as number, path).toBeCloseTo(expected, 9);
  } else if (expected === null || typeof expected !== 'object') {
    expect(actual, path).toBe(expected);
  } else {
    expect(Object.keys(actual as object).sort(), path).toEqual(Object.keys(expected).sort());
    for (const [k, v] of Object.entries(expected)) expectClose((actual as Record<string, unknown>)[k], v, `${path}.${k}`);
  }
}

function expectMatchesOracle(report: AgreementReport, documents: readonly AgreementDocument[]) {
  const { perDocument, ...expected } = oracle(documents);
  const { per_document, ...rest } = report;
  expectClose(rest, expected);
  expect(per_document.map((d) => d.id).sort()).toEqual([...perDocument.keys()].sort());
  for (const d of per_document) expectClose({ exact: d.exact_f1, partial: d.partial_f1 }, perDocument.get(d.id), d.id);
  const rank = (x: number | null) => (x === null ? Infinity : x);
  for (let k = 1; k < per_document.length; k++) expect(rank(per_document[k - 1]!.exact_f1)).toBeLessThanOrEqual(rank(per_document[k]!.exact_f1));
}

describe('computeAgreement', () => {
  const OBSERVATORY = 'المرصد السوري لحقوق الإنسان';
  const PLACE = 'ريف ديرالزور الشرقي';
  const rania = [on(ARTICLE, OBSERVATORY, 'actor'), on(ARTICLE, 'القوات الأميركية', 'actor'), on(ARTICLE, PLACE, 'place')];
  const omar = [on(ARTICLE, 'المرصد السوري', 'actor'), on(ARTICLE, 'القوات الأميركية', 'actor'), on(ARTICLE, 'ديرالزور', 'actor', ARTICLE.indexOf(PLACE))];

  it('two annotators on a real article: F1, counts, confusion and kappa, with documents of one annotator left out', () => {
    const documents = [document('000', ARTICLE, { rania, omar }), document('001', SECOND, { rania: [on(SECOND, 'دير الزور', 'place')] })];
    const r = computeAgreement(documents, CLAIMS);
    expect(r.annotators).toEqual(['rania', 'omar']);
    expect(r).toMatchObject({ documents: 1, documents_left_out: 1, tokens: tokenize(ARTICLE).length });
    expect(r.overall.exact_f1).toBeCloseTo(1 / 3, 12);
    expect(r.overall.partial_f1).toBeCloseTo(2 / 3, 12);
    expect(r.overall.fleiss_kappa).toBeNull();
    expect(r.labels.actor).toMatchObject({ exact_f1: 0.4, counts: { rania: 2, omar: 3 } });
    expect(r.labels.actor!.partial_f1).toBeCloseTo(0.8, 12);
    expect(r.labels.place).toMatchObject({ exact_f1: 0, partial_f1: 0, counts: { rania: 1, omar: 0 } });
    // Rows are rania's labels, columns omar's.
    // Only matched pairs: omar's actor ديرالزور inside rania's place (another range, another label) is none.
    expect(r.confusion).toEqual({ actor: { actor: 2, place: 0 }, place: { actor: 0, place: 0 } });
    expect(r.per_document).toEqual([{ id: '000', exact_f1: r.overall.exact_f1, partial_f1: r.overall.partial_f1 }]);
    // Token table: rania/omar — actor/actor 4, actor/O 2 (لحقوق الإنسان), place/actor 1 (ديرالزور),
    // place/O 2 (ريف, الشرقي), O/O the rest.
    const n = r.tokens;
    const table = [
      [n - 9, 0, 0],
      [2, 4, 0],
      [2, 1, 0],
    ];
    const rows = table.map((row) => row.reduce((a, b) => a + b, 0));
    const cols = [0, 1, 2].map((j) => table.reduce((a, row) => a + row[j]!, 0));
    const chance = rows.reduce((s, x, i) => s + x * cols[i]!, 0);
    expect(r.overall.cohen_kappa).toBeCloseTo((n * (n - 9 + 4) - chance) / (n * n - chance), 12);
    expectMatchesOracle(r, documents);
  });

  it('three annotators: Fleiss over the documents all three annotated, no Cohen, a symmetric confusion matrix', () => {
    const documents = [
      document('000', ARTICLE, { rania, omar, layla: omar }),
      document('001', SECOND, { rania: [on(SECOND, 'دير الزور', 'place')], omar: [on(SECOND, 'دير الزور', 'place'), on(SECOND, 'القوات الأميركية', 'actor')] }),
    ];
    const r = computeAgreement(documents, CLAIMS);
    expect(r.annotators).toEqual(['rania', 'omar', 'layla']);
    expect(r.overall.cohen_kappa).toBeNull();
    expect(r.labels.actor!.cohen_kappa).toBeNull();
    expect(r.overall.fleiss_kappa).not.toBeNull();
    for (const a of Object.keys(r.confusion)) for (const b of Object.keys(r.confusion)) expect(r.confusion[a]![b]).toBe(r.confusion[b]![a]);
    expectMatchesOracle(r, documents);
    // Fleiss on the first document's tokens alone: the second lacks layla.
    const alone = computeAgreement([documents[0]!], CLAIMS);
    expect(r.overall.fleiss_kappa).toBeCloseTo(alone.overall.fleiss_kappa!, 12);
  });

  it('is null where nothing applies: no spans anywhere (no variation), and no documents at all', () => {
    const r = computeAgreement([document('000', ARTICLE, { rania: [], omar: [] })], CLAIMS);
    expect(r.tokens).toBeGreaterThan(300);
    expect(r.overall).toEqual({ exact_f1: null, partial_f1: null, cohen_kappa: null, fleiss_kappa: null, krippendorff_alpha: null });
    expect(r.labels).toEqual({});
    expect(r.per_document).toEqual([{ id: '000', exact_f1: null, partial_f1: null }]);
    const empty = computeAgreement([], CLAIMS);
    expect(empty).toMatchObject({ annotators: [], documents: 0, documents_left_out: 0, tokens: 0, per_document: [] });
  });

  it('perfect agreement: every measure is 1', () => {
    const r = computeAgreement([document('000', ARTICLE, { rania, omar: rania, layla: [...rania].reverse() })], CLAIMS);
    expect(r.overall).toEqual({ exact_f1: 1, partial_f1: 1, cohen_kappa: null, fleiss_kappa: 1, krippendorff_alpha: 1 });
    for (const l of Object.values(r.labels)) expect(l).toMatchObject({ exact_f1: 1, partial_f1: 1, krippendorff_alpha: 1 });
  });

  it("uses the document's own tokens when it has them", () => {
    const text = 'المرصد السوري لحقوق الإنسان';
    // One token for the whole text: the annotators agree on it whatever their span boundaries.
    const r = computeAgreement(
      [document('x', text, { a: [{ start: 0, end: 6, label: 'actor' }], b: [{ start: 7, end: 13, label: 'actor' }] }, [[0, text.length]])],
      CLAIMS,
    );
    expect(r.tokens).toBe(1);
    expect(r.overall.exact_f1).toBe(0);
    expect(r.overall.krippendorff_alpha).toBeNull();
  });

  it('sorts documents worst first: exact F1, then partial F1, then id; documents with no spans last', () => {
    const same = [on(ARTICLE, 'القوات الأميركية', 'actor')];
    const r = computeAgreement(
      [
        document('perfect', ARTICLE, { a: same, b: same }),
        document('nothing', SECOND, { a: [], b: [] }),
        document('partial', ARTICLE + '\n', { a: [on(ARTICLE, OBSERVATORY, 'actor')], b: [on(ARTICLE, 'المرصد السوري', 'actor')] }),
        document('missed', SECOND + '\n', { a: same, b: [] }),
      ],
      CLAIMS,
    );
    expect(r.per_document.map((d) => d.id)).toEqual(['missed', 'partial', 'perfect', 'nothing']);
  });

  it('agrees with the definitions, token by token, on random annotations by 2–4 annotators with missing documents', () => {
    const texts = [ARTICLE.slice(0, 220), SECOND.slice(0, 180), fixtureArticle('sy24-launcher').text.slice(0, 160)];
    const labels = ['actor', 'place', 'claim'];
    const spanIn = (length: number) =>
      fc
        .tuple(
          fc.integer({ min: 0, max: length - 1 }),
          fc.integer({ min: 1, max: 40 }),
          fc.constantFrom(...labels),
          fc.option(fc.constantFrom('asserted' as const, 'denied' as const, 'reported' as const), { nil: undefined }),
          fc.option(fc.constantFrom({ start: 0, end: 5 }, { start: 10, end: 20 }), { nil: undefined }),
        )
        .map(([start, n, label, stance, source]): AgreementSpan => ({
          start,
          end: Math.min(length, start + n),
          label,
          // Claims carry a stance and a source, at random.
          ...(label === 'claim' && stance ? { stance } : {}),
          ...(label === 'claim' && source ? { source } : {}),
        }));
    const annotation = (length: number) => fc.option(fc.array(spanIn(length), { maxLength: 6 }), { nil: null, freq: 4 });
    const corpus = fc.integer({ min: 2, max: 4 }).chain((n) => fc.tuple(...texts.map((t) => fc.array(annotation(t.length), { minLength: n, maxLength: n }))));
    fc.assert(
      fc.property(corpus, (perText) => {
        const documents = perText.map((byAnnotator, k) => {
          const annotations: Record<string, AgreementSpan[]> = {};
          byAnnotator.forEach((spans, i) => {
            if (spans) annotations[`annotator-${i}`] = spans;
          });
          // The last text brings its own tokens (whitespace-separated words).
          const tokens = k === 2 ? [...texts[k]!.matchAll(/\S+/g)].map((m): [number, number] => [m.index, m.index + m[0].length]) : undefined;
          return document(`doc-${k}`, texts[k]!, annotations, tokens);
        });
        expectMatchesOracle(computeAgreement(documents, CLAIMS), documents);
      }),
      { numRuns: 60 },
    );
  });
});
