import { describe, expect, it } from 'vitest';
import { englishOf } from '../../../../shared/i18n/englishOf';
import type { Phrase } from '../../../../shared/i18n/phrase';
import { entityTypes, parseModelLabel, readId2Label } from '../../../../shared/suggest/model/labelScheme';

describe('parseModelLabel', () => {
  it('reads BIO, BIOES and BILOU prefixes with - or _', () => {
    expect(parseModelLabel('B-PER')).toEqual({ name: 'B-PER', tag: 'B', type: 'PER' });
    expect(parseModelLabel('I_LOC')).toEqual({ name: 'I_LOC', tag: 'I', type: 'LOC' });
    expect(parseModelLabel('E-ORG')).toMatchObject({ tag: 'E', type: 'ORG' });
    expect(parseModelLabel('S-ORG')).toMatchObject({ tag: 'S', type: 'ORG' });
    expect(parseModelLabel('L-GPE')).toMatchObject({ tag: 'E', type: 'GPE' });
    expect(parseModelLabel('U-GPE')).toMatchObject({ tag: 'S', type: 'GPE' });
  });

  it('reads O as outside and a label with no prefix as a plain type', () => {
    expect(parseModelLabel('O')).toEqual({ name: 'O', tag: 'O', type: null });
    expect(parseModelLabel('MISC')).toEqual({ name: 'MISC', tag: null, type: 'MISC' });
    expect(parseModelLabel('LABEL_3')).toMatchObject({ tag: null, type: 'LABEL_3' });
    // A word that merely starts with B is no prefix.
    expect(parseModelLabel('BORDER')).toMatchObject({ tag: null, type: 'BORDER' });
  });
});

describe('readId2Label', () => {
  it('orders labels by id', () => {
    const labels = readId2Label({ '1': 'B-PER', '0': 'O', '2': 'I-PER' });
    expect(Array.isArray(labels) && labels.map((l) => l.name)).toEqual(['O', 'B-PER', 'I-PER']);
  });

  it('says what is wrong with an id2label', () => {
    expect(englishOf(readId2Label(undefined) as Phrase)).toMatch(/no "id2label"/);
    expect(englishOf(readId2Label({}) as Phrase)).toMatch(/empty/);
    expect(englishOf(readId2Label({ '0': 'O', '2': 'B-PER' }) as Phrase)).toMatch(/ids do not run 0…1 \(found "2"\)/);
    expect(englishOf(readId2Label({ '0': 'O', '1': 7 }) as Phrase)).toMatch(/label 1 is not a string/);
  });
});

describe('entityTypes', () => {
  it('lists each type once in the order of its first label, without O', () => {
    const labels = readId2Label({ '0': 'O', '1': 'B-PER', '2': 'I-PER', '3': 'B-LOC', '4': 'I-LOC', '5': 'MISC' });
    expect(Array.isArray(labels) && entityTypes(labels)).toEqual(['PER', 'LOC', 'MISC']);
  });
});
