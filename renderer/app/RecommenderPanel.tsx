import { useTranslation } from 'react-i18next';
import { useFormat } from '../i18n/useFormat';
import { useNumberFormat } from '../i18n/useNumberFormat';
import { appStore, useHashiya } from '../store/appStore';

/** The recommenders the interface has a name for; another one is shown by its own name. */
const NAMED = ['matcher', 'tagger', 'model'] as const;
const isNamed = (name: string): name is (typeof NAMED)[number] => (NAMED as readonly string[]).includes(name);
const PERCENT: Intl.NumberFormatOptions = { style: 'percent', maximumFractionDigits: 0 };

/** How each recommender has done on this analyst's decisions, with a switch to turn it off. */
export function RecommenderPanel() {
  const r = useHashiya((s) => s.recommenders);
  const { t } = useTranslation();
  const format = useFormat();
  const percent = useNumberFormat(PERCENT);
  const st = appStore.getState();
  if (!r.names.length) return null;
  const titleOf = (name: string) => (isNamed(name) ? t(`recommenders.name.${name}`) : name);
  return (
    <details className="recommender-panel">
      <summary>
        {t('recommenders.title')} {r.training ? t('recommenders.learning') : r.trainedOn === null ? '' : t('recommenders.learnt', { count: r.trainedOn })}
      </summary>
      <table className="recommender-stats" aria-label={t('recommenders.title')}>
        <thead>
          <tr>
            <th scope="col">{t('recommenders.recommender')}</th>
            <th scope="col">{t('recommenders.accepted')}</th>
            <th scope="col">{t('recommenders.rejected')}</th>
            <th scope="col">{t('recommenders.precision')}</th>
            <th scope="col">{t('recommenders.on')}</th>
          </tr>
        </thead>
        <tbody>
          {r.names.map((name) => {
            const s = r.stats.get(name) ?? { accepted: 0, rejected: 0 };
            const decided = s.accepted + s.rejected;
            return (
              <tr key={name}>
                <th scope="row">{titleOf(name)}</th>
                <td className="num">{format.number(s.accepted)}</td>
                <td className="num">{format.number(s.rejected)}</td>
                <td className="num">{decided ? percent(s.accepted / decided) : '—'}</td>
                <td>
                  <input
                    type="checkbox"
                    aria-label={t('recommenders.use', { name: titleOf(name) })}
                    checked={!r.off.has(name)}
                    onChange={(e) => void st.setRecommenderOn(name, e.target.checked)}
                  />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <button type="button" disabled={r.training} onClick={() => void st.retrainRecommenders()}>
        {t('recommenders.retrain')}
      </button>
    </details>
  );
}
