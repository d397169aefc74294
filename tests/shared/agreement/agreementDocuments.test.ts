import { describe, expect, it } from 'vitest';
import { agreementDocuments, type LayerSpan } from '../../../shared/agreement/agreementDocuments';
import { pairSpans } from '../../../shared/agreement/pairSpans';
import { fixtureArticle } from '../../support/fixtures';

const TEXT = fixtureArticle('gas-field-attack').text;
const text = (id: string, spans: LayerSpan[]) => ({ id, text: TEXT, textSha256: id, spans });

describe('agreementDocuments: who annotated which document', () => {
  it('counts an annotator on a document when they made a span in it; a document nobody annotated is none', () => {
    const docs = agreementDocuments([
      text('both', [
        { start: 0, end: 4, label: 'actor', annotator: 'omar' },
        { start: 0, end: 4, label: 'actor', annotator: 'layla' },
      ]),
      text('layla only', [{ start: 5, end: 9, label: 'place', annotator: 'layla' }]),
      text('nobody', []),
    ]);
    expect(docs.map((d) => [d.id, [...d.annotations.keys()]])).toEqual([
      ['both', ['omar', 'layla']],
      ['layla only', ['layla']],
    ]);
  });

  it('keeps the chosen annotators only, in the order given, and finds each claim’s source in its own layer', () => {
    const [d] = agreementDocuments(
      [
        text('x', [
          { id: 's', start: 0, end: 4, label: 'actor', annotator: 'omar' },
          { id: 'c', start: 10, end: 30, label: 'claim', annotator: 'omar', sourceId: 's', stance: 'denied' },
          { id: 'c2', start: 10, end: 30, label: 'claim', annotator: 'layla', sourceId: 's' },
          { start: 1, end: 3, label: 'actor', annotator: 'gold' },
        ]),
      ],
      ['layla', 'omar'],
    );
    expect([...d!.annotations.keys()]).toEqual(['layla', 'omar']);
    expect(d!.annotations.get('omar')![1]).toEqual({ start: 10, end: 30, label: 'claim', stance: 'denied', source: { start: 0, end: 4 } });
    // Layla's claim names omar's span: not hers, so no source.
    expect(d!.annotations.get('layla')).toEqual([{ start: 10, end: 30, label: 'claim' }]);
  });
});

describe('pairSpans', () => {
  const s = (start: number, end: number, label: string) => ({ start, end, label });
  it('pairs closest first, each span once: same range and label, same range, then the largest same-label overlap', () => {
    const a = [s(0, 10, 'actor'), s(0, 10, 'claim'), s(20, 30, 'place'), s(40, 50, 'place')];
    const b = [s(0, 10, 'claim'), s(0, 10, 'place'), s(22, 30, 'place'), s(25, 45, 'place'), s(60, 70, 'actor')];
    const { pairs, onlyA, onlyB } = pairSpans(a, b);
    expect(pairs.map((p) => [p.a, p.b, p.kind])).toEqual([
      [s(0, 10, 'claim'), s(0, 10, 'claim'), 'same'],
      [s(0, 10, 'actor'), s(0, 10, 'place'), 'label'],
      // 20–30 overlaps 22–30 by 8 and 25–45 by 5: the larger wins; 40–50 then takes 25–45.
      [s(20, 30, 'place'), s(22, 30, 'place'), 'boundary'],
      [s(40, 50, 'place'), s(25, 45, 'place'), 'boundary'],
    ]);
    expect([onlyA, onlyB]).toEqual([[], [s(60, 70, 'actor')]]);
  });

  it('does not pair spans of other labels that merely overlap (a place inside a claim)', () => {
    const { pairs, onlyA, onlyB } = pairSpans([s(5, 9, 'place')], [s(0, 30, 'claim')]);
    expect(pairs).toEqual([]);
    expect([onlyA.length, onlyB.length]).toEqual([1, 1]);
  });
});
