import { describe, expect, it } from 'vitest';
import { englishOf } from '../../../shared/i18n/englishOf';
import { phrase } from '../../../shared/i18n/phrase';

describe('englishOf', () => {
  it('writes the values into the sentence, numbers as plain digits', () => {
    expect(englishOf(phrase('brat.idReused', { id: 'T1', first: 12345 }))).toBe('the id T1 is used again (first on line 12345)');
    expect(englishOf(phrase('labels.none'))).toBe('there must be at least one label');
  });

  it('says a phrase within a phrase, and a plain string within one as it is', () => {
    const lone = phrase('text.unpaired', { unit: 'D800', at: 3 });
    expect(englishOf(phrase('doc.spanLabel', { span: '"c"', problem: lone }))).toBe(
      'span "c": the label holds an unpaired surrogate (U+D800) at code point 3, which is not text',
    );
    expect(englishOf(phrase('doc.ownSource', { name: 'T1' }))).toBe("T1 is its own source: a claim's source must be another span");
    expect(englishOf('already English')).toBe('already English');
  });

  it('checks by type that a phrase names the values its sentence takes', () => {
    // @ts-expect-error the sentence names `first` too
    const short = phrase('brat.idReused', { id: 'T1' });
    // @ts-expect-error a line is a number
    const wrong = phrase('brat.idReused', { id: 'T1', first: 'one' });
    // @ts-expect-error no such code
    const unknown = phrase('brat.nothing');
    expect([short, wrong, unknown].map((p) => p.code)).toEqual(['brat.idReused', 'brat.idReused', 'brat.nothing']);
  });

  it('picks the counted form by count', () => {
    const byte = phrase('decode.byteAt', { byte: '0xD8', at: 9 });
    expect(englishOf(phrase('decode.cutShort', { problem: byte, count: 1 }))).toMatch(/only 1 byte is there$/);
    expect(englishOf(phrase('decode.cutShort', { problem: byte, count: 2 }))).toMatch(/only 2 bytes are there$/);
  });
});
