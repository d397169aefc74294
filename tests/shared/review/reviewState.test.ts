import { describe, expect, it } from 'vitest';
import { createSpan, type Span } from '../../../shared/model/span';
import type { Decision } from '../../../shared/review/decision';
import { differences } from '../../../shared/review/differences';
import { reviewState } from '../../../shared/review/reviewState';
import { settle } from '../../../shared/review/settle';
import { utf16 } from '../../../shared/text/units';

const CLAIMS: ReadonlySet<string> = new Set(['claim']);
const span = (id: string, annotator: string, start: number, end: number, label: string) =>
  createSpan({ id, docId: 'd1', start: utf16(start), end: utf16(end), label, annotator }, 1);

describe('a document’s review state', () => {
  it('is not started without decisions, in review with some, reviewed when every current difference is decided', () => {
    const a = [span('a1', 'rania', 0, 6, 'actor'), span('a2', 'rania', 10, 14, 'place')];
    const b = [span('b1', 'omar', 0, 6, 'place'), span('b2', 'omar', 20, 24, 'weapon')];
    const diffs = differences(a, b, CLAIMS);
    let n = 0;
    const ctx = {
      docId: 'd1',
      a: 'rania',
      b: 'omar',
      layerA: new Map(a.map((s) => [s.id, s])),
      layerB: new Map(b.map((s) => [s.id, s])),
      gold: new Map<string, Span>(),
      decisions: new Map<string, Decision>(),
      reviewer: 'layla',
      now: 5,
      newId: () => `g${++n}`,
    };
    const half = settle(ctx, [{ diff: diffs[0]!, verdict: 'a' }]);
    const whole = settle(
      ctx,
      diffs.map((diff) => ({ diff, verdict: 'a' as const })),
    );
    const gold = (s: typeof whole) => s.spans.flatMap((c) => (c.after ? [c.after] : []));
    const decided = (s: typeof whole) => s.decisions.flatMap((d) => (d.after ? [d.after] : []));
    expect(reviewState([...a, ...b], [], CLAIMS)).toBe('not-started');
    expect(reviewState([...a, ...b, ...gold(half)], decided(half), CLAIMS)).toBe('in-review');
    expect(reviewState([...a, ...b, ...gold(whole)], decided(whole), CLAIMS)).toBe('reviewed');
    // A layer changed after the review brings a difference back: in review again.
    expect(reviewState([...a, ...b.slice(1), ...gold(whole)], decided(whole), CLAIMS)).toBe('in-review');
  });
});
