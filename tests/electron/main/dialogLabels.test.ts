import { describe, expect, it } from 'vitest';
import { DIALOG_LABELS } from '../../../electron/main/dialogLabels';

describe('the file dialogs’ words', () => {
  it('are said in both languages, the Arabic in Arabic', () => {
    expect(Object.keys(DIALOG_LABELS.ar).sort()).toEqual(Object.keys(DIALOG_LABELS.en).sort());
    for (const word of Object.values<string>({ ...DIALOG_LABELS.ar })) expect(word).toMatch(/^[\u0600-\u06ff ]+$/);
    for (const word of Object.values<string>({ ...DIALOG_LABELS.en })) expect(word.trim()).not.toBe('');
  });
});
