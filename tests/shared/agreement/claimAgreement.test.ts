import { describe, expect, it } from 'vitest';
import { sameSource } from '../../../shared/agreement/claimAgreement';
import { computeAgreement } from '../../../shared/agreement/computeAgreement';
import { claimLabelsOf, groupByText } from '../../../shared/agreement/groupByText';
import type { ExchangeDocument, ExchangeRelation, ExchangeSpan } from '../../../shared/formats/exchange';
import type { Stance } from '../../../shared/model/span';
import { utf16 } from '../../../shared/text/units';
import { fixtureArticle } from '../../support/fixtures';

const ARTICLE = fixtureArticle('konico-strikes').text;

/** A span over `phrase` (its first occurrence at or after `after`). */
function on(id: string, phrase: string, label: string, extra: { stance?: Stance; after?: string } = {}): ExchangeSpan {
  const start = ARTICLE.indexOf(phrase, extra.after ? ARTICLE.indexOf(extra.after) : 0);
  if (start < 0) throw new Error(`not in the article: ${phrase}`);
  return { id, start: utf16(start), end: utf16(start + phrase.length), label, ...(extra.stance ? { stance: extra.stance } : {}) };
}

const CLAIMS = {
  shelling: 'الميليشيات الإيرانية قصفت القاعدة من مواقعها',
  intercepted: 'الدفاعات الجوية اعترضت صاروخين فوق القاعدة',
  moved: 'الميليشيات الإيرانية نقلت عدداً من عناصرها إلى بلدة الحسينية',
};
const SOURCES = { local: 'مصادر محلية', observatory: 'المرصد السوري لحقوق الإنسان', activists: 'ناشطون' };

/**
 * Three claims both annotators tagged over the same words: the first alike; the second with
 * another stance; the third linked to another source. Layla also tags the town inside the
 * third claim, which Omar leaves out.
 */
function annotator(who: string, claimLabel: string, stances: [Stance, Stance, Stance], thirdSource: keyof typeof SOURCES): ExchangeDocument {
  const spans = [
    on('a1', SOURCES.local, 'actor'),
    on('a2', SOURCES.observatory, 'actor'),
    on('a3', SOURCES.activists, 'actor'),
    on('c1', CLAIMS.shelling, claimLabel, { stance: stances[0] }),
    on('c2', CLAIMS.intercepted, claimLabel, { stance: stances[1] }),
    on('c3', CLAIMS.moved, claimLabel, { stance: stances[2] }),
  ];
  const sourceIds = { local: 'a1', observatory: 'a2', activists: 'a3' };
  const relations: ExchangeRelation[] = [
    { head: 'c1', child: 'a1', label: 'source' },
    { head: 'c2', child: 'a2', label: 'source' },
    { head: 'c3', child: sourceIds[thirdSource], label: 'source' },
  ];
  return { text: ARTICLE, id: `${who}-1`, annotator: who, spans, relations };
}

const layla = (claimLabel = 'claim') => {
  const d = annotator('layla', claimLabel, ['reported', 'reported', 'reported'], 'activists');
  return { ...d, spans: [...d.spans, on('p1', 'بلدة الحسينية', 'place')] };
};
const omar = (claimLabel = 'claim') => annotator('omar', claimLabel, ['reported', 'asserted', 'reported'], 'observatory');

describe('agreement on claims', () => {
  it('scores stance and source over matched claims, where span F1 and kappa alone say the claims agree perfectly', () => {
    const files = [layla(), omar()];
    const r = computeAgreement(groupByText(files), claimLabelsOf(files));
    const claim = r.labels.claim!;
    expect([claim.exact_f1, claim.partial_f1, claim.cohen_kappa]).toEqual([1, 1, 1]);
    // Stances: reported/reported twice, reported/asserted once — κ over [[2, 1], [0, 0]] is 0.
    expect(claim.claims).toEqual({ matched: 3, stance_agreement: 2 / 3, stance_kappa: 0, source_agreement: 2 / 3 });
    // Only labels with the claim role get these figures.
    expect(r.labels.actor!.claims).toBeUndefined();
  });

  it('knows claims by role, not by name: an Arabic claim label from the file’s label set', () => {
    const labelSet = [
      { name: 'actor', role: 'entity' as const },
      { name: 'place', role: 'entity' as const },
      { name: 'ادعاء', role: 'claim' as const },
    ];
    const files = [
      { ...layla('ادعاء'), labelSet },
      { ...omar('ادعاء'), labelSet },
    ];
    const r = computeAgreement(groupByText(files), claimLabelsOf(files));
    expect(r.labels['ادعاء']!.claims).toMatchObject({ matched: 3, stance_agreement: 2 / 3, source_agreement: 2 / 3 });
    // Without its label set the name means nothing: the default set has no label ادعاء.
    const bare = [layla('ادعاء'), omar('ادعاء')];
    expect(computeAgreement(groupByText(bare), claimLabelsOf(bare)).labels['ادعاء']!.claims).toBeUndefined();
  });

  it('the confusion map counts matched pairs only: a place nested in a claim is no confusion of place with claim', () => {
    const files = [layla(), omar()];
    const r = computeAgreement(groupByText(files), claimLabelsOf(files));
    expect(r.confusion.place!.claim).toBe(0);
    expect(r.confusion.claim!.claim).toBe(3);
    expect(r.confusion.actor!.actor).toBe(3);
    // Omar tags the town under another label over the same words: that is a confusion.
    const relabelled = { ...omar(), spans: [...omar().spans, on('x', 'بلدة الحسينية', 'actor')] };
    const again = computeAgreement(groupByText([layla(), relabelled]), new Set(['claim']));
    expect(again.confusion.place!.actor).toBe(1);
    expect(again.confusion.place!.claim).toBe(0);
  });

  it('matches claims whose boundaries differ by their overlap, and counts a claim neither linked as the same source', () => {
    const a: ExchangeDocument = { text: ARTICLE, annotator: 'a', spans: [on('c', CLAIMS.shelling, 'claim', { stance: 'denied' })] };
    const shorter = CLAIMS.shelling.slice(0, CLAIMS.shelling.indexOf(' من مواقعها'));
    const b: ExchangeDocument = { text: ARTICLE, annotator: 'b', spans: [on('c', shorter, 'claim', { stance: 'denied' })] };
    const r = computeAgreement(groupByText([a, b]), new Set(['claim']));
    expect(r.labels.claim!.exact_f1).toBe(0);
    // One matched claim, one stance on both sides: raw agreement 1, kappa undefined (no variation).
    expect(r.labels.claim!.claims).toEqual({ matched: 1, stance_agreement: 1, stance_kappa: null, source_agreement: 1 });
  });

  it('sources match by range, whatever their labels; a source on one side only does not match', () => {
    expect(sameSource({ start: 1, end: 4 }, { start: 1, end: 4 })).toBe(true);
    expect(sameSource(undefined, undefined)).toBe(true);
    expect(sameSource({ start: 1, end: 4 }, { start: 1, end: 5 })).toBe(false);
    expect(sameSource({ start: 1, end: 4 }, undefined)).toBe(false);
  });
});
