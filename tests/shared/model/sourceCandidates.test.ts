import { describe, expect, it } from 'vitest';
import { DEFAULT_LABELS, type LabelDef } from '../../../shared/model/label';
import { sourceCandidates } from '../../../shared/model/sourceCandidates';
import { sourceProblem } from '../../../shared/model/sourceProblem';
import { createSpan, type Span } from '../../../shared/model/span';
import { utf16 } from '../../../shared/text/units';

// A set whose claim labels are named otherwise: the role decides, never the name.
const LABELS: readonly LabelDef[] = [
  ...DEFAULT_LABELS.map((l) => (l.name === 'claim' ? { ...l, name: 'ادعاء' } : l)),
  { ...DEFAULT_LABELS[3]!, name: 'نفي', key: '5' },
  { ...DEFAULT_LABELS[0]!, name: 'source-org', key: '6' },
];
const TEXT = 'قال المرصد السوري لحقوق الإنسان إن القوات الأميركية قصفت ريف ديرالزور، ونفت وكالة مهر ذلك بحسب ناشطين.';

function span(id: string, phrase: string, label: string, docId = 'd'): Span {
  const start = TEXT.indexOf(phrase);
  if (start < 0) throw new Error(phrase);
  return createSpan({ id, docId, start: utf16(start), end: utf16(start + phrase.length), label, annotator: 'a' }, 1);
}

const observatory = span('obs', 'المرصد السوري لحقوق الإنسان', 'actor');
const forces = span('us', 'القوات الأميركية', 'actor');
const place = span('pl', 'ريف ديرالزور', 'place');
const agency = span('mehr', 'وكالة مهر', 'source-org');
const activists = span('act', 'ناشطين', 'actor');
const claim = span('c1', 'إن القوات الأميركية قصفت ريف ديرالزور', 'ادعاء');
const denial = span('c2', 'ذلك', 'نفي');
const elsewhere = span('x', 'قال', 'actor', 'other-doc');
const ALL = [observatory, forces, place, agency, activists, claim, denial, elsewhere];

describe('the spans that may be a claim’s source', () => {
  it('starts from the entity span nearest before the claim, then goes outward, and leaves out claims, the claim itself and other documents', () => {
    // Before the claim: the observatory (1 character away). Inside it (0): the forces, then
    // the place. After it: the agency (7), the activists (26).
    expect(sourceCandidates(ALL, LABELS, claim).map((s) => s.id)).toEqual(['obs', 'us', 'pl', 'mehr', 'act']);
  });

  it('starts before the claim even when a span after it is nearer', () => {
    // بحسب: the agency ends 5 characters before it (ذلك between is a claim), the activists
    // begin 1 after it; then the place (21 before), the forces, the observatory.
    const reported = span('c4', 'بحسب', 'نفي');
    expect(sourceCandidates([...ALL, reported], LABELS, reported).map((s) => s.id)).toEqual(['mehr', 'act', 'pl', 'us', 'obs']);
    // With nothing before the claim, the nearest after it comes first.
    const opening = span('c3', 'قال', 'ادعاء');
    expect(sourceCandidates([opening, place, observatory], LABELS, opening).map((s) => s.id)).toEqual(['obs', 'pl']);
  });

  it('is empty when the document has no entity span but the claim', () => {
    expect(sourceCandidates([claim, denial, elsewhere], LABELS, claim)).toEqual([]);
  });
});

describe('why a span cannot be a claim’s source', () => {
  it('accepts an entity span of any entity label, whatever the claim label is named', () => {
    expect(sourceProblem(LABELS, claim, observatory)).toBeNull();
    expect(sourceProblem(LABELS, denial, agency)).toBeNull();
  });

  it('refuses another claim, the claim itself, a span of another document, and a claim whose label is no claim label', () => {
    expect(sourceProblem(LABELS, claim, denial)).toBe('a claim’s source must be an entity span (an actor, say), and “نفي” is a claim label');
    expect(sourceProblem(LABELS, claim, claim)).toBe('a claim cannot be its own source');
    expect(sourceProblem(LABELS, claim, elsewhere)).toBe('a claim’s source must be a span of the same document');
    expect(sourceProblem(LABELS, forces, observatory)).toBe('“actor” is not a claim label, so its spans have no source');
    expect(sourceProblem(LABELS, claim, { ...observatory, label: 'gone' })).toBe('a claim’s source must be an entity span, and “gone” is not in the label set');
  });
});
