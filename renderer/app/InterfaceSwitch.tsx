import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { INTERFACE_LANGUAGES } from '../../shared/i18n/interfaceLanguage';
import type { Digits } from '../i18n/interfacePrefs';
import { appStore, useHashiya } from '../store/appStore';

/** Each language's name in itself, as language menus write them. */
const NAMES = { ar: 'العربية', en: 'English' } as const;

/**
 * The interface's language and digits, in the toolbar. The page's `lang` and `dir` follow
 * the language, so in Arabic the whole chrome is laid out right to left.
 */
export function InterfaceSwitch() {
  const { t } = useTranslation();
  const language = useHashiya((s) => s.language);
  const digits = useHashiya((s) => s.digits);
  useEffect(() => {
    document.documentElement.lang = language;
    document.documentElement.dir = language === 'ar' ? 'rtl' : 'ltr';
  }, [language]);
  const st = appStore.getState();
  return (
    <span className="interface-switch">
      <select aria-label={t('interface.language')} value={language} onChange={(e) => st.setLanguage(e.target.value as typeof language)}>
        {INTERFACE_LANGUAGES.map((l) => (
          <option key={l} value={l} lang={l}>
            {NAMES[l]}
          </option>
        ))}
      </select>
      <select aria-label={t('interface.digits')} value={digits} onChange={(e) => st.setDigits(e.target.value as Digits)}>
        <option value="arab">{t('interface.digitsArab')}</option>
        <option value="latn">{t('interface.digitsLatn')}</option>
      </select>
    </span>
  );
}
