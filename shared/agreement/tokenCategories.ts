import { tokensInRange, type TokenIndex } from '../text/tokenIndex';
import type { AgreementSpan } from './agreementSpan';

/** One annotator's view of the tokens of one document. */
export interface TokenCategories {
  /**
   * Per token, its overall category: 0 for `O` (no span covers any of its characters),
   * else 1 + the index in `labels` of the label of the shortest covering span.
   */
  readonly overall: Int32Array;
  /** Per label index the annotator used here: the tokens a span of that label covers, ascending, each once. */
  readonly covered: ReadonlyMap<number, readonly number[]>;
}

/** Orders spans by priority for a token: shorter first, then earlier start, then label name. */
function byPriority(a: AgreementSpan, b: AgreementSpan): number {
  return a.end - a.start - (b.end - b.start) || a.start - b.start || (a.label < b.label ? -1 : a.label > b.label ? 1 : 0);
}

/**
 * Categorises the tokens of one document for one annotator's spans.
 *
 * Per label, a token's value is 1 when a span of that label covers any of its characters
 * (`covered`). Overall, a token's category is the label of the shortest span covering any of
 * its characters (length in UTF-16 code units; ties go to the earlier start, then to the
 * label whose name sorts first), or `O` when none does (`overall`). A span over whitespace
 * only covers no token. `labels` names every label that may occur (their index is the
 * category); a span with a label not in it is a programming error and throws.
 */
export function categorizeTokens(index: TokenIndex, spans: readonly AgreementSpan[], labels: ReadonlyMap<string, number>): TokenCategories {
  const overall = new Int32Array(index.tokens.length);
  const ranges = new Map<number, [number, number][]>();
  // Painting in priority order, each token keeps the first (best) span that reaches it.
  for (const s of [...spans].sort(byPriority)) {
    const label = labels.get(s.label);
    if (label === undefined) throw new RangeError(`categorizeTokens: label ${JSON.stringify(s.label)} is not in the label list`);
    const range = tokensInRange(index, s.start, s.end);
    if (!range) continue;
    for (let t = range[0]; t <= range[1]; t++) if (overall[t] === 0) overall[t] = label + 1;
    let list = ranges.get(label);
    if (!list) ranges.set(label, (list = []));
    list.push(range);
  }
  const covered = new Map<number, number[]>();
  for (const [label, list] of ranges) {
    list.sort((x, y) => x[0] - y[0]);
    const tokens: number[] = [];
    let next = 0; // first token not yet listed
    for (const [first, last] of list) {
      for (let t = Math.max(first, next); t <= last; t++) tokens.push(t);
      next = Math.max(next, last + 1);
    }
    covered.set(label, tokens);
  }
  return { overall, covered };
}
