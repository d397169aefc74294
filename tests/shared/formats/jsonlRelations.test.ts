import { describe, expect, it } from 'vitest';
import { parseJsonl, serializeJsonlLine, toJsonlRecord } from '../../../shared/formats/jsonl';
import { newDocument } from '../../../shared/model/newDocument';
import { createSpan, linkSource, setStance } from '../../../shared/model/span';
import { utf16 } from '../../../shared/text/units';

const TEXT = '🚀 وأكد المرصد السوري لحقوق الإنسان أن القاعدة شهدت استنفاراً.';

function spanOn(id: string, phrase: string, label: string) {
  const start = TEXT.indexOf(phrase);
  return createSpan({ id, docId: 'd', start: utf16(start), end: utf16(start + phrase.length), label, annotator: 'rania' }, 1);
}

describe('JSONL claims: span ids, stance attrs, source relations, annotator', () => {
  const doc = newDocument({ id: 'd', title: 'خبر', source: 'a.txt', text: TEXT }, 1).record;
  const source = spanOn('a1', 'المرصد السوري لحقوق الإنسان', 'actor');
  const claim = setStance(linkSource(spanOn('c1', 'أن القاعدة شهدت استنفاراً', 'claim'), 'a1', 2), 'asserted', 3);

  it('exports the claim with its stance and a relation from the claim (head) to its source (child)', () => {
    const rec = toJsonlRecord(doc, TEXT, [claim, source], 'rania');
    expect(rec.meta.annotator).toBe('rania');
    expect(rec.spans.map((s) => s.id)).toEqual(['a1', 'c1']);
    expect(rec.spans[1]!.attrs).toEqual({ stance: 'asserted' });
    expect(rec.spans[0]!.attrs).toBeUndefined();
    expect(rec.relations).toEqual([{ head: 'c1', child: 'a1', label: 'source' }]);
    const line = serializeJsonlLine(rec);
    expect(line).toContain('"relations":[{"head":"c1","child":"a1","label":"source"}]');
    const back = parseJsonl(line);
    expect(back.problems).toEqual([]);
    expect(back.records[0]).toEqual(rec);
    expect(serializeJsonlLine(back.records[0]!)).toBe(line);
  });

  it('leaves out a link whose source span is not exported', () => {
    expect(toJsonlRecord(doc, TEXT, [claim]).relations).toEqual([]);
  });

  it('reports a bad stance, a relation to an unknown span and a malformed relation, by line', () => {
    const good = serializeJsonlLine(toJsonlRecord(doc, TEXT, [claim, source]));
    const badStance = good.replace('"stance":"asserted"', '"stance":"maybe"');
    const unknown = good.replace('"child":"a1"', '"child":"zz"');
    const malformed = good.replace('"label":"source"}]', '"label":""}]');
    const { records, problems } = parseJsonl([good, badStance, unknown, malformed].join('\n'));
    expect(records).toHaveLength(1);
    expect(problems.map((p) => p.line)).toEqual([2, 3, 4]);
    expect(problems[0]!.message).toContain('stance');
    expect(problems[1]!.message).toContain('not in "spans"');
    expect(problems[2]!.message).toContain('non-empty "label"');
  });
});
