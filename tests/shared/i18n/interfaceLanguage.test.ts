import { describe, expect, it } from 'vitest';
import { preferredLanguage } from '../../../shared/i18n/interfaceLanguage';

describe('preferredLanguage', () => {
  it('is Arabic when the first preferred language is Arabic, in any region', () => {
    expect(preferredLanguage(['ar'])).toBe('ar');
    expect(preferredLanguage(['ar-SY', 'en-US'])).toBe('ar');
    expect(preferredLanguage(['AR_eg'])).toBe('ar');
  });

  it('is English otherwise, and for nothing at all', () => {
    expect(preferredLanguage(['en-GB', 'ar-SY'])).toBe('en');
    expect(preferredLanguage(['fr-FR'])).toBe('en');
    expect(preferredLanguage(['arn-CL'])).toBe('en'); // Mapudungun, not Arabic
    expect(preferredLanguage([])).toBe('en');
    expect(preferredLanguage(['', 'ar'])).toBe('ar');
  });
});
