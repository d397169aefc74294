import { tokenIndex } from '../text/tokenIndex';
import { tokenize, type Token } from '../text/tokenize';
import { utf16 } from '../text/units';
import type { AgreementReport, DocumentAgreement, LabelAgreement } from './agreementReport';
import { normalizeSpans, type AgreementSpan } from './agreementSpan';
import { cohenKappa } from './cohenKappa';
import { exactF1, meanOfDefined, partialF1 } from './f1';
import { FleissTally } from './fleissKappa';
import type { AgreementDocument } from './agreementDocuments';
import { ClaimTally } from './claimAgreement';
import { AlphaTally } from './krippendorffAlpha';
import { addPairCounts, countPair, emptyPairCounts, type PairCounts } from './pairCounts';
import { pairSpans } from './pairSpans';
import { categorizeTokens, type TokenCategories } from './tokenCategories';

const compareStrings = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** A square table of zeros. */
const zeros = (k: number): number[][] => Array.from({ length: k }, () => new Array<number>(k).fill(0));

/** Sums per-label counts into one. */
function total(perLabel: ReadonlyMap<string, PairCounts>): PairCounts {
  const sum = emptyPairCounts();
  for (const c of perLabel.values()) addPairCounts(sum, c);
  return sum;
}

/** Worst first: lower exact F1, then lower partial F1 (null, nothing to compare, last), then id. */
function worstFirst(a: DocumentAgreement, b: DocumentAgreement): number {
  const rank = (x: number | null) => (x === null ? Infinity : x);
  return rank(a.exact_f1) - rank(b.exact_f1) || rank(a.partial_f1) - rank(b.partial_f1) || compareStrings(a.id, b.id);
}

/**
 * Agreement between annotators over documents, each holding every annotator's spans of one
 * text, as `agreementDocuments` gathers them (from parsed files through `groupByText`, from
 * the library through the repository). `claimLabels` names the labels with the claim role.
 *
 * - Documents with fewer than two annotators are left out and counted (`documents_left_out`).
 *   Annotators are listed in the order first seen; annotator A of a pair is the earlier one.
 * - Spans: exact F1 = 2 × matches / (spans of A + spans of B), matches sharing start, end and
 *   label; partial F1 from spans overlapping a same-label span of the other (see `partialF1`).
 *   Counts are pooled over the documents both annotators annotated, then F1 is taken; with
 *   three or more annotators, F1 is the mean over the pairs where it is defined. Null when no
 *   pair made a span (of that label). Identical spans by one annotator count once.
 * - Tokens: the document's own tokens when it has them, else the project tokenizer's. Per
 *   label a token is 1 when a span of the label covers any of its characters, else 0; overall
 *   its category is the label of the shortest covering span, or `O` (`categorizeTokens`).
 *   Krippendorff's alpha (nominal) takes every token of every document as a unit coded by the
 *   annotators who annotated that document, so partial coverage is handled as missing values.
 *   Cohen's kappa applies with exactly two annotators, Fleiss' kappa with three or more and is
 *   computed over the documents every annotator annotated (it needs the same number of
 *   ratings per item). Kappa is null where expected agreement is 1 and alpha where expected
 *   disagreement is 0 — no variation at all (e.g. a label nobody used), where both are 0/0.
 * - Confusion: every matched pair of spans of annotators A and B adds 1 at [A's label][B's
 *   label], matched one to one as review pairs them (`pairSpans`: same range and label, then
 *   same range, then the largest same-label overlap); a span nested in another of another
 *   label is no confusion. With two annotators rows are the first annotator's labels and
 *   columns the second's; with three or more, the matrix sums over ordered pairs (A, B) and
 *   (B, A), so it is symmetric.
 * - Claims (labels in `claimLabels`): over the matched claims of the label (pairs of the same
 *   label, same range or overlapping), stance agreement (raw and Cohen's kappa) and source
 *   agreement (`ClaimTally`).
 * - Per document: exact and partial F1 (mean over the annotator pairs present), worst first.
 */
export function computeAgreement(documents: readonly AgreementDocument[], claimLabels: ReadonlySet<string>): AgreementReport {
  const compared = documents.filter((d) => d.annotations.size >= 2);
  const annotatorIndex = new Map<string, number>();
  const labelSet = new Set<string>();
  for (const d of compared) {
    for (const [who, spans] of d.annotations) {
      if (!annotatorIndex.has(who)) annotatorIndex.set(who, annotatorIndex.size);
      for (const s of spans) labelSet.add(s.label);
    }
  }
  const annotators = [...annotatorIndex.keys()];
  const labels = [...labelSet].sort(compareStrings);
  const labelIndex = new Map(labels.map((l, i) => [l, i]));
  const A = annotators.length;
  const L = labels.length;

  // Spans: pooled counts per annotator pair (p < q, key p·A + q) per label.
  const pairs = new Map<number, Map<string, PairCounts>>();
  const confusion = zeros(L);
  const claims = new Map(labels.filter((l) => claimLabels.has(l)).map((l) => [l, new ClaimTally()]));
  const spanCounts = labels.map(() => new Array<number>(A).fill(0));
  // Tokens: categories 0 = O, 1 + label index.
  const overallAlpha = new AlphaTally();
  const overallCohen = zeros(L + 1);
  const overallFleiss = A >= 3 ? new FleissTally(A) : null;
  const labelAlpha = labels.map(() => new AlphaTally());
  const labelCohen = labels.map(() => zeros(2));
  let tokenCount = 0;
  const perDocument: DocumentAgreement[] = [];

  // Scratch, reused across documents (grown as needed) and cleared after each use.
  let hits = new Int32Array(0);
  let hitByFirst = new Uint8Array(0);
  const categoryCounts = new Int32Array(L + 1);

  for (const d of compared) {
    const tokens: readonly Token[] = d.tokens
      ? d.tokens.map(([start, end]) => ({ start: utf16(start), end: utf16(end), kind: 'word' as const }))
      : tokenize(d.text);
    const index = tokenIndex(tokens);
    const T = tokens.length;
    tokenCount += T;
    if (hits.length < T) {
      hits = new Int32Array(T);
      hitByFirst = new Uint8Array(T);
    }
    const present = [...d.annotations.keys()].map((who) => annotatorIndex.get(who)!).sort((a, b) => a - b);
    const spans = new Map<number, AgreementSpan[]>();
    for (const [who, list] of d.annotations) spans.set(annotatorIndex.get(who)!, normalizeSpans(list));
    const m = present.length;
    const complete = m === A;

    // Span agreement, per pair present here.
    const documentPairs: PairCounts[] = [];
    for (let x = 0; x < m; x++) {
      for (let y = x + 1; y < m; y++) {
        const p = present[x]!;
        const q = present[y]!;
        const perLabel = countPair(spans.get(p)!, spans.get(q)!);
        for (const { a, b, kind } of pairSpans(spans.get(p)!, spans.get(q)!).pairs) {
          const r = labelIndex.get(a.label)!;
          const c = labelIndex.get(b.label)!;
          confusion[r]![c]!++;
          if (A >= 3) confusion[c]![r]!++;
          if (kind !== 'label') claims.get(a.label)?.add(p * A + q, a, b);
        }
        let pooled = pairs.get(p * A + q);
        if (!pooled) pairs.set(p * A + q, (pooled = new Map<string, PairCounts>()));
        for (const [label, c] of perLabel) {
          let sum = pooled.get(label);
          if (!sum) pooled.set(label, (sum = emptyPairCounts()));
          addPairCounts(sum, c);
        }
        documentPairs.push(total(perLabel));
      }
    }
    perDocument.push({
      id: d.id,
      exact_f1: meanOfDefined(documentPairs.map(exactF1)),
      partial_f1: meanOfDefined(documentPairs.map(partialF1)),
    });
    for (const p of present) for (const s of spans.get(p)!) spanCounts[labelIndex.get(s.label)!]![p]!++;

    // Token agreement.
    const categories: TokenCategories[] = present.map((p) => categorizeTokens(index, spans.get(p)!, labelIndex));
    let allO = 0;
    for (let t = 0; t < T; t++) {
      let labelled = false;
      for (const c of categories) if (c.overall[t] !== 0) labelled = true;
      if (!labelled) {
        allO++;
        continue;
      }
      for (const c of categories) categoryCounts[c.overall[t]!]!++;
      overallAlpha.add(categoryCounts);
      if (complete) overallFleiss?.add(categoryCounts);
      if (A === 2) overallCohen[categories[0]!.overall[t]!]![categories[1]!.overall[t]!]!++;
      for (const c of categories) categoryCounts[c.overall[t]!] = 0;
    }
    overallAlpha.addAgreeing(0, m, allO);
    if (complete) overallFleiss?.addAgreeing(0, allO);
    overallCohen[0]![0]! += allO;

    for (let l = 0; l < L; l++) {
      // Only tokens some annotator covered are looked at; the rest are units all coded 0.
      const touched: number[] = [];
      categories.forEach((c, position) => {
        for (const t of c.covered.get(l) ?? []) {
          if (hits[t]!++ === 0) touched.push(t);
          if (position === 0) hitByFirst[t] = 1;
        }
      });
      for (const t of touched) {
        const covering = hits[t]!;
        labelAlpha[l]!.add([m - covering, covering]);
        // With two annotators in all, both are present in every compared document.
        if (A === 2) labelCohen[l]![hitByFirst[t]!]![covering - hitByFirst[t]!]!++;
        hits[t] = 0;
        hitByFirst[t] = 0;
      }
      labelAlpha[l]!.addAgreeing(0, m, T - touched.length);
      labelCohen[l]![0]![0]! += T - touched.length;
    }
  }

  const pairTotals = [...pairs.values()].map(total);
  const forLabel = (label: string) => [...pairs.values()].map((perLabel) => perLabel.get(label) ?? emptyPairCounts());
  const labelReports = labels.map((label, l): [string, LabelAgreement] => {
    const counts = forLabel(label);
    return [
      label,
      {
        exact_f1: meanOfDefined(counts.map(exactF1)),
        partial_f1: meanOfDefined(counts.map(partialF1)),
        cohen_kappa: A === 2 ? cohenKappa(labelCohen[l]!) : null,
        krippendorff_alpha: labelAlpha[l]!.value(),
        counts: Object.fromEntries(annotators.map((who, p) => [who, spanCounts[l]![p]!])),
        ...(claims.has(label) ? { claims: claims.get(label)!.value() } : {}),
      },
    ];
  });
  return {
    annotators,
    documents: compared.length,
    documents_left_out: documents.length - compared.length,
    tokens: tokenCount,
    overall: {
      exact_f1: meanOfDefined(pairTotals.map(exactF1)),
      partial_f1: meanOfDefined(pairTotals.map(partialF1)),
      cohen_kappa: A === 2 ? cohenKappa(overallCohen) : null,
      fleiss_kappa: overallFleiss ? overallFleiss.value() : null,
      krippendorff_alpha: overallAlpha.value(),
    },
    labels: Object.fromEntries(labelReports),
    confusion: Object.fromEntries(labels.map((row, r) => [row, Object.fromEntries(labels.map((column, c) => [column, confusion[r]![c]!]))])),
    per_document: perDocument.sort(worstFirst),
  };
}
