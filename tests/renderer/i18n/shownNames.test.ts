import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_LABELS } from '../../../shared/model/label';
import { ACTIONS } from '../../../renderer/actions/actions';
import { followPrefs, t } from '../../../renderer/i18n/i18n';
import { labelTitle } from '../../../renderer/i18n/labelTitle';

afterEach(() => followPrefs({ language: 'en', digits: 'latn' }));

describe('names and counts as the interface shows them', () => {
  it('counts in Arabic words and Arabic-Indic digits, or Latin digits when chosen', () => {
    followPrefs({ language: 'ar', digits: 'arab' });
    expect(t('msg.allSettled', { count: 1 })).toBe('حُسم الاختلاف الوحيد.');
    expect(t('msg.allSettled', { count: 4 })).toBe('حُسمت الاختلافات الـ٤ كلها.');
    expect(t('msg.agreementsAccepted', { count: 12 })).toBe('قُبل ١٢ اتفاقًا في المرجع.');
    followPrefs({ language: 'ar', digits: 'latn' });
    expect(t('msg.agreementsAccepted', { count: 12 })).toBe('قُبل 12 اتفاقًا في المرجع.');
    followPrefs({ language: 'en', digits: 'latn' });
    expect(t('msg.allSettled', { count: 4 })).toBe('All 4 differences are settled.');
  });

  it('names a label by its Arabic title in Arabic and by its stored name in English', () => {
    expect(labelTitle(DEFAULT_LABELS, 'actor', 'ar')).toBe('فاعل');
    expect(labelTitle(DEFAULT_LABELS, 'actor', 'en')).toBe('actor');
    // An imported label the set does not have keeps its name.
    expect(labelTitle(DEFAULT_LABELS, 'vehicle', 'ar')).toBe('vehicle');
  });

  it('describes every action of the keys overlay, and every group, in both languages', () => {
    for (const language of ['en', 'ar'] as const) {
      followPrefs({ language, digits: 'latn' });
      for (const a of ACTIONS) {
        expect(t(`actions.title.${a.title}`), a.name).not.toMatch(/^actions\./);
        expect(t(`actions.group.${a.group}`), a.group).not.toMatch(/^actions\./);
      }
    }
  });
});
