import type { Span } from '../model/span';
import type { Decision } from '../review/decision';
import { differences } from '../review/differences';

/**
 * Whether a document is reviewed: for some pair of annotators a reviewer compared in it,
 * every difference between their layers as they stand now has a decision. A layer changed
 * after the review has differences no decision names, and the document is not reviewed.
 * `claimLabels` names the claim-role labels, whose sources and stances are differences too.
 */
export function isReviewed(spans: readonly Span[], decisions: readonly Decision[], claimLabels: ReadonlySet<string>): boolean {
  const pairs = new Map<string, { a: string; b: string; keys: Set<string> }>();
  for (const d of decisions) {
    const id = JSON.stringify([d.a, d.b]);
    const pair = pairs.get(id) ?? { a: d.a, b: d.b, keys: new Set<string>() };
    pair.keys.add(d.key);
    pairs.set(id, pair);
  }
  for (const { a, b, keys } of pairs.values()) {
    const diffs = differences(
      spans.filter((s) => s.annotator === a),
      spans.filter((s) => s.annotator === b),
      claimLabels,
    );
    if (diffs.every((d) => keys.has(d.key))) return true;
  }
  return false;
}
