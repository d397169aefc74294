import type { ClaimAgreement } from './agreementReport';
import type { AgreementSpan, SpanRange } from './agreementSpan';
import { cohenKappaFromPairs } from './cohenKappa';
import { meanOfDefined } from './f1';

/**
 * Whether two annotators gave a claim the same source: both linked it to a span over the
 * same range (whatever that span's label: a label conflict on the source is a difference of
 * its own), or neither linked it.
 */
export function sameSource(a: SpanRange | undefined, b: SpanRange | undefined): boolean {
  if (!a || !b) return !a && !b;
  return a.start === b.start && a.end === b.end;
}

/** The stance as a category, `none` for a claim given none. */
const stanceOf = (s: AgreementSpan): string => s.stance ?? 'none';

/**
 * Stance and source agreement on the matched claims of one label: the pairs `pairSpans`
 * made of two annotators' claims with that label (same range, or overlapping). Add each
 * annotator pair's matched claims under its own key.
 */
export class ClaimTally {
  /** Per annotator pair, the stances of each matched claim. */
  private readonly stances = new Map<number, [string, string][]>();
  private matched = 0;
  private sameStance = 0;
  private sameSources = 0;

  add(pairKey: number, a: AgreementSpan, b: AgreementSpan): void {
    let list = this.stances.get(pairKey);
    if (!list) this.stances.set(pairKey, (list = []));
    list.push([stanceOf(a), stanceOf(b)]);
    this.matched++;
    if (stanceOf(a) === stanceOf(b)) this.sameStance++;
    if (sameSource(a.source, b.source)) this.sameSources++;
  }

  /**
   * Raw agreements pooled over the annotator pairs; Cohen's kappa per pair (stances as
   * categories, `none` among them), averaged over the pairs where it is defined (Light's
   * kappa with three or more annotators). Null where no claim was matched.
   */
  value(): ClaimAgreement {
    const m = this.matched;
    return {
      matched: m,
      stance_agreement: m ? this.sameStance / m : null,
      stance_kappa: meanOfDefined([...this.stances.values()].map(cohenKappaFromPairs)),
      source_agreement: m ? this.sameSources / m : null,
    };
  }
}
