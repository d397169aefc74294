import { describe, expect, it } from 'vitest';
import { typedDate } from '../../../renderer/i18n/typedDate';

describe('typedDate', () => {
  it('reads YYYY-MM-DD in Latin, Arabic-Indic or Eastern Arabic-Indic digits', () => {
    expect(typedDate('2024-03-07')).toBe('2024-03-07');
    expect(typedDate(' ٢٠٢٤-٠٣-٠٧ ')).toBe('2024-03-07');
    expect(typedDate('۲۰۲۴-۰۳-۰۷')).toBe('2024-03-07');
    expect(typedDate('٢٠٢٤/٠٣/٠٧')).toBe('2024-03-07');
  });

  it('answers empty for an empty field and null for what is not a calendar date', () => {
    expect(typedDate('')).toBe('');
    expect(typedDate('2024-02-30')).toBeNull();
    expect(typedDate('٢٠٢٤-٣')).toBeNull();
    expect(typedDate('March 7')).toBeNull();
  });
});
