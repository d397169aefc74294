import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { appStore, useHashiya } from '../store/appStore';
import { MAX_SCALE, MIN_SCALE, SCALE_STEP, type Palette, type Theme } from '../store/viewPrefs';
import { paletteCss } from './paletteCss';

/**
 * The View menu in the toolbar: label badges, line numbers, the palette, the theme and the
 * text's size. The choices act on the page's root (data attributes and `--text-scale`, read
 * by app.css) and, for the palette, a style sheet of their own: display only, nothing redrawn
 * but what CSS draws, nothing stored beyond the choice itself.
 */
export function ViewMenu() {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const panelId = useId();
  const badges = useHashiya((s) => s.badges);
  const lineNumbers = useHashiya((s) => s.lineNumbers);
  const palette = useHashiya((s) => s.palette);
  const theme = useHashiya((s) => s.theme);
  const textScale = useHashiya((s) => s.textScale);
  const digits = useHashiya((s) => s.digits);
  const labels = useHashiya((s) => s.labels);
  const st = appStore.getState();

  useEffect(() => {
    const root = document.documentElement;
    if (theme === 'system') delete root.dataset.theme;
    else root.dataset.theme = theme;
    root.toggleAttribute('data-line-numbers', lineNumbers);
    root.dataset.digits = digits;
    root.style.setProperty('--text-scale', String(textScale));
  }, [theme, lineNumbers, digits, textScale]);

  return (
    <span className="view-menu">
      <style>
        {paletteCss(
          palette,
          labels.map((l) => l.name),
        )}
      </style>
      <button type="button" aria-expanded={open} aria-controls={panelId} aria-label={t('view.menuLabel')} onClick={() => setOpen(!open)}>
        {t('view.menu')}
      </button>
      <div id={panelId} className="view-panel" role="group" aria-label={t('view.panel')} hidden={!open}>
        <label className="check">
          <input type="checkbox" checked={badges} onChange={(e) => st.setView({ badges: e.target.checked })} /> {t('view.badges')}
        </label>
        <label className="check">
          <input type="checkbox" checked={lineNumbers} onChange={(e) => st.setView({ lineNumbers: e.target.checked })} /> {t('view.lineNumbers')}
        </label>
        <label>
          {t('view.palette')}
          <select value={palette} onChange={(e) => st.setView({ palette: e.target.value as Palette })}>
            <option value="standard">{t('view.paletteStandard')}</option>
            <option value="colourBlind">{t('view.paletteColourBlind')}</option>
          </select>
        </label>
        <label>
          {t('view.theme')}
          <select value={theme} onChange={(e) => st.setView({ theme: e.target.value as Theme })}>
            <option value="system">{t('view.themeSystem')}</option>
            <option value="light">{t('view.themeLight')}</option>
            <option value="dark">{t('view.themeDark')}</option>
          </select>
        </label>
        <div className="view-size" role="group" aria-label={t('view.textSize')}>
          <span aria-hidden="true">{t('view.textSize')}</span>
          <button
            type="button"
            aria-label={t('view.smaller')}
            disabled={textScale <= MIN_SCALE}
            onClick={() => st.setView({ textScale: textScale - SCALE_STEP })}
          >
            –
          </button>
          <output aria-live="polite">{t('view.percent', { value: Math.round(textScale * 100) })}</output>
          <button
            type="button"
            aria-label={t('view.larger')}
            disabled={textScale >= MAX_SCALE}
            onClick={() => st.setView({ textScale: textScale + SCALE_STEP })}
          >
            +
          </button>
          <button type="button" aria-label={t('view.reset')} disabled={textScale === 1} onClick={() => st.setView({ textScale: 1 })}>
            {t('view.resetShort')}
          </button>
        </div>
      </div>
    </span>
  );
}
