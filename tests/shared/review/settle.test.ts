import { describe, expect, it } from 'vitest';
import { applySpanChanges } from '../../../shared/model/change';
import { createSpan, type Span } from '../../../shared/model/span';
import { GOLD, type Decision, type Verdict } from '../../../shared/review/decision';
import { differences, type Difference } from '../../../shared/review/differences';
import { settle, type SettleContext } from '../../../shared/review/settle';
import { utf16 } from '../../../shared/text/units';
import { fixtureArticle } from '../../support/fixtures';

const TEXT = fixtureArticle('konico-strikes').text;
const CLAIM = 'الميليشيات الإيرانية قصفت القاعدة من مواقعها';
let n = 0;
function span(who: string, phrase: string, label: string, extra: Partial<Span> = {}, skip = 0): Span {
  const i = TEXT.indexOf(phrase);
  return { ...createSpan({ id: `${who}${++n}`, docId: 'd', start: utf16(i + skip), end: utf16(i + phrase.length), label, annotator: who }, 1), ...extra };
}

function setup() {
  const srcA = span('a', 'مصادر محلية', 'actor');
  const srcB = span('b', 'مصادر محلية', 'actor');
  const layerA = [span('a', 'ريف ديرالزور الشرقي', 'place'), srcA, span('a', CLAIM, 'claim', { sourceId: srcA.id, stance: 'reported' })];
  const layerB = [span('b', 'ريف ديرالزور الشرقي', 'place', {}, 4), srcB, span('b', CLAIM, 'claim', { sourceId: srcB.id, stance: 'asserted' })];
  let id = 0;
  let gold: ReadonlyMap<string, Span> = new Map<string, Span>();
  const decisions = new Map<string, Decision>();
  const ctx = (): SettleContext => ({
    docId: 'd',
    a: 'layla',
    b: 'omar',
    layerA: new Map(layerA.map((s) => [s.id, s])),
    layerB: new Map(layerB.map((s) => [s.id, s])),
    gold,
    decisions,
    reviewer: 'sara',
    now: 5,
    newId: () => `g${++id}`,
  });
  const diffs = differences(layerA, layerB, new Set(['claim']));
  const run = (diff: Difference, verdict: Verdict) => {
    const s = settle(ctx(), [{ diff, verdict }]);
    gold = applySpanChanges(gold, { docId: 'd', title: '', spans: s.spans });
    for (const d of s.decisions) if (d.after) decisions.set(d.after.key, d.after);
    return s;
  };
  return { diffs, run, gold: () => gold, decisions };
}
const texts = (gold: ReadonlyMap<string, Span>) => [...gold.values()].map((s) => [s.label, TEXT.slice(s.start, s.end), s.stance ?? null]).sort();

describe('settling differences into gold', () => {
  it('copies the chosen side into the gold layer and records the decision', () => {
    const { diffs, run, gold, decisions } = setup();
    const boundary = diffs.find((d) => d.kind === 'boundary')!;
    const s = run(boundary, 'b');
    expect(texts(gold())).toEqual([['place', 'ديرالزور الشرقي', null]]);
    expect([...gold().values()][0]!.annotator).toBe(GOLD);
    expect(s.decisions).toEqual([{ before: null, after: expect.objectContaining({ verdict: 'b', reviewer: 'sara', a: 'layla', b: 'omar', goldIds: ['g1'] }) }]);
    // Settling again replaces what the first verdict put in.
    run(boundary, 'both');
    expect(texts(gold())).toEqual([
      ['place', 'ديرالزور الشرقي', null],
      ['place', 'ريف ديرالزور الشرقي', null],
    ]);
    run(boundary, 'reject');
    expect(texts(gold())).toEqual([]);
    expect(decisions.get(boundary.key)!.verdict).toBe('reject');
  });

  it('links a copied claim to the gold copy of its source, whichever is settled first', () => {
    for (const order of [
      ['claim', 'source'],
      ['source', 'claim'],
    ]) {
      const { diffs, run, gold } = setup();
      const claim = diffs.find((d) => d.a?.label === 'claim')!;
      const source = diffs.find((d) => d.a?.label === 'actor')!;
      expect(claim.kind).toBe('attribute');
      for (const which of order) run(which === 'claim' ? claim : source, which === 'claim' ? 'a' : 'a');
      const g = [...gold().values()];
      const goldClaim = g.find((s) => s.label === 'claim')!;
      const goldSource = g.find((s) => s.label === 'actor')!;
      expect(goldClaim.stance).toBe('reported');
      expect(goldClaim.sourceId).toBe(goldSource.id);
    }
  });

  it('edits by hand from A’s span, selects the copy, and never doubles a span gold already has', () => {
    const { diffs, run, gold } = setup();
    const source = diffs.find((d) => d.a?.label === 'actor')!;
    const s = run(source, 'edit');
    expect(s.focusId).toBe([...gold().keys()][0]);
    const again = settle(
      {
        docId: 'd',
        a: 'layla',
        b: 'omar',
        layerA: new Map(),
        layerB: new Map(),
        gold: gold(),
        decisions: new Map(),
        reviewer: 'sara',
        now: 6,
        newId: () => 'x',
      },
      [{ diff: source, verdict: 'a' }],
    );
    expect(again.spans).toEqual([]);
    expect(again.decisions[0]!.after!.goldIds).toEqual([s.focusId]);
  });
});
