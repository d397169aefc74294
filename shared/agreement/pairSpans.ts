import { compareAgreementSpans, type AgreementSpan } from './agreementSpan';
import { overlapJoin } from './overlapJoin';

type Labelled = Pick<AgreementSpan, 'start' | 'end' | 'label'>;

/** How a pair matched: same range and label, same range with another label, or overlapping with the same label. */
export type PairKind = 'same' | 'label' | 'boundary';

/** Two annotators' spans of one text, paired one to one. */
export interface SpanPairing<T> {
  readonly pairs: readonly { readonly a: T; readonly b: T; readonly kind: PairKind }[];
  readonly onlyA: readonly T[];
  readonly onlyB: readonly T[];
}

const overlapLength = (a: Labelled, b: Labelled) => Math.min(a.end, b.end) - Math.max(a.start, b.start);

/**
 * Pairs annotator A's spans with B's, each span used once, from the closest match to the
 * loosest: same range and label first, then same range with another label, then
 * overlapping spans of the same label, the largest overlap first (ties: A's span, then B's,
 * in reading order). What is left is only in A or only in B. Review lists these pairs as its
 * differences and agreement counts them as matched (confusion, claims), so both mean the
 * same by "matched". Both lists must be sorted by start, then end, then label, without two
 * spans of one range and label (`normalizeSpans`).
 */
export function pairSpans<T extends Labelled>(a: readonly T[], b: readonly T[]): SpanPairing<T> {
  const pairs: { a: T; b: T; kind: PairKind }[] = [];
  const usedA = new Uint8Array(a.length);
  const usedB = new Uint8Array(b.length);
  const pair = (i: number, j: number, kind: PairKind) => {
    pairs.push({ a: a[i]!, b: b[j]!, kind });
    usedA[i] = usedB[j] = 1;
  };

  // Same range and label: a merge of the two sorted lists.
  for (let i = 0, j = 0; i < a.length && j < b.length;) {
    const order = compareAgreementSpans(a[i]!, b[j]!);
    if (order === 0) pair(i++, j++, 'same');
    else if (order < 0) i++;
    else j++;
  }
  // Same range, another label: B's leftovers by range, the first in label order taken first.
  const byRange = new Map<string, number[]>();
  b.forEach((s, j) => {
    if (usedB[j]) return;
    const k = `${s.start}-${s.end}`;
    const list = byRange.get(k);
    if (list) list.push(j);
    else byRange.set(k, [j]);
  });
  a.forEach((s, i) => {
    if (usedA[i]) return;
    const j = byRange.get(`${s.start}-${s.end}`)?.find((x) => !usedB[x]);
    if (j !== undefined) pair(i, j, 'label');
  });
  // Overlapping, same label, largest overlap first, so the closest boundaries pair up.
  const restA = a.flatMap((_, i) => (usedA[i] ? [] : [i]));
  const restB = b.flatMap((_, j) => (usedB[j] ? [] : [j]));
  const candidates: [number, number, number][] = [];
  overlapJoin(
    restA.map((i) => a[i]!),
    restB.map((j) => b[j]!),
    (x, y) => {
      const i = restA[x]!;
      const j = restB[y]!;
      if (a[i]!.label === b[j]!.label) candidates.push([i, j, overlapLength(a[i]!, b[j]!)]);
    },
  );
  candidates.sort((x, y) => y[2] - x[2] || x[0] - y[0] || x[1] - y[1]);
  for (const [i, j] of candidates) if (!usedA[i] && !usedB[j]) pair(i, j, 'boundary');

  return { pairs, onlyA: a.filter((_, i) => !usedA[i]), onlyB: b.filter((_, j) => !usedB[j]) };
}
