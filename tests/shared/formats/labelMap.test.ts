import { englishOf } from '../../../shared/i18n/englishOf';
import type { Phrase } from '../../../shared/i18n/phrase';
import { describe, expect, it } from 'vitest';
import type { ExchangeDocument } from '../../../shared/formats/exchange';
import { applyLabelMap, parseLabelMap } from '../../../shared/formats/labelMap';
import { utf16 } from '../../../shared/text/units';

/** Why `spec` is refused, in English. */
const said = (spec: string) => englishOf(parseLabelMap(spec) as Phrase);

describe('label mapping (--map PERS=actor,LOC=place,MISC=)', () => {
  it('reads the spec, and refuses malformed entries', () => {
    expect(parseLabelMap('PERS=actor, LOC=place,MISC=')).toEqual(
      new Map([
        ['PERS', 'actor'],
        ['LOC', 'place'],
        ['MISC', ''],
      ]),
    );
    expect(parseLabelMap('')).toEqual(new Map());
    expect(said('PERS')).toContain('FROM=TO');
    expect(said('=actor')).toContain('FROM=TO');
    expect(said('A=x,A=y')).toContain('twice');
  });

  it('refuses a label holding an unpaired surrogate, on either side', () => {
    expect(said('PERS=actor,LOC=\ud800')).toMatch(/^"LOC=\\ud800" holds an unpaired surrogate \(U\+D800\)/);
    expect(said('\udc00=actor')).toMatch(/unpaired surrogate \(U\+DC00\)/);
  });

  it('renames, drops labels mapped to nothing with their relations, and passes the rest through', () => {
    const doc: ExchangeDocument = {
      text: 'قال المرصد السوري إن الهجوم على كونيكو فشل',
      spans: [
        { id: 'T1', start: utf16(4), end: utf16(17), label: 'ORG' },
        { id: 'T2', start: utf16(18), end: utf16(42), label: 'CLAIM' },
        { id: 'T3', start: utf16(32), end: utf16(38), label: 'MISC' },
      ],
      relations: [
        { head: 'T2', child: 'T1', label: 'source' },
        { head: 'T2', child: 'T3', label: 'about' },
      ],
    };
    const { document, dropped } = applyLabelMap(doc, parseLabelMap('ORG=actor,CLAIM=claim,MISC=') as Map<string, string>);
    expect(dropped).toBe(1);
    expect(document.spans.map((s) => [s.id, s.label])).toEqual([
      ['T1', 'actor'],
      ['T2', 'claim'],
    ]);
    expect(document.relations).toEqual([{ head: 'T2', child: 'T1', label: 'source' }]);
    expect(applyLabelMap(doc, new Map()).document).toBe(doc);
  });
});
