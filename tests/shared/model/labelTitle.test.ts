import { describe, expect, it } from 'vitest';
import { checkLabels } from '../../../shared/model/checkLabels';
import { DEFAULT_LABELS, type LabelDef } from '../../../shared/model/label';
import { labelGuideline, labelTitle } from '../../../shared/model/labelTitle';
import { withLabelTexts } from '../../../shared/model/withLabelTexts';

const actor = DEFAULT_LABELS[0]!;

describe('a label in the interface’s language', () => {
  it('shows the default labels’ display names in Arabic and English, never changing the name', () => {
    expect(DEFAULT_LABELS.map((l) => labelTitle(l, 'ar'))).toEqual(['فاعل', 'مكان', 'سلاح', 'ادعاء']);
    expect(DEFAULT_LABELS.map((l) => labelTitle(l, 'en'))).toEqual(['Actor', 'Place', 'Weapon', 'Claim']);
    expect(DEFAULT_LABELS.map((l) => l.name)).toEqual(['actor', 'place', 'weapon', 'claim']);
  });

  it('falls back to the name where a language has no display name (blank counts as none)', () => {
    const munition: LabelDef = { ...actor, name: 'munition', title: { en: '  ', ar: 'ذخيرة' } };
    expect(labelTitle(munition, 'en')).toBe('munition');
    expect(labelTitle(munition, 'ar')).toBe('ذخيرة');
    expect(labelTitle({ ...munition, title: { en: '', ar: '' } }, 'ar')).toBe('munition');
  });

  it('gives the guideline in the language asked, else in the other one, else none', () => {
    expect(labelGuideline(actor, 'ar')).toBe(actor.guideline.ar);
    expect(labelGuideline(actor, 'en')).toBe(actor.guideline.en);
    expect(labelGuideline({ guideline: { en: 'Any name.', ar: '' } }, 'ar')).toBe('Any name.');
    expect(labelGuideline({ guideline: { en: '', ar: 'أي اسم.' } }, 'en')).toBe('أي اسم.');
    expect(labelGuideline({ guideline: { en: '', ar: ' ' } }, 'en')).toBe('');
  });
});

describe('withLabelTexts', () => {
  it('gives a stored set without display names or guidelines empty ones in both languages, keeping what is there', () => {
    const old = [
      { name: 'actor', role: 'entity', key: '1', color: '#1f77b4', title: { en: 'Actor', ar: 'فاعل' } },
      { name: 'claim', role: 'claim', key: '4', color: '#9467bd', title: { ar: 'ادعاء' }, guideline: { en: 7 } },
    ];
    const filled = withLabelTexts(old) as LabelDef[];
    expect(filled).toEqual([
      { ...old[0], guideline: { en: '', ar: '' } },
      { ...old[1], title: { en: '', ar: 'ادعاء' }, guideline: { en: '', ar: '' } },
    ]);
    expect(checkLabels(filled)).toEqual([]);
    expect(filled.map((l) => labelTitle(l, 'en'))).toEqual(['Actor', 'claim']);
  });

  it('leaves the defaults as they are, and what is not a list of labels for checkLabels to refuse', () => {
    expect(withLabelTexts(DEFAULT_LABELS)).toEqual(DEFAULT_LABELS);
    expect(withLabelTexts('not a list')).toBe('not a list');
    expect(withLabelTexts([null, 3])).toEqual([null, 3]);
  });
});
