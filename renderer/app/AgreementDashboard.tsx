import { useEffect, useState } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import type { Measure } from '../../shared/agreement/agreementReport';
import { GOLD } from '../../shared/review/decision';
import { useLabelTitle } from '../i18n/useLabelTitle';
import { useFormat } from '../i18n/useFormat';
import { useNumberFormat } from '../i18n/useNumberFormat';
import { appStore, useHashiya } from '../store/appStore';
import { openReview } from './navigation';

/** How many documents the worst-first list shows: a library of thousands would bury the worst. */
const WORST_SHOWN = 200;

/** Measures are shown with three decimals. */
const THREE_DECIMALS: Intl.NumberFormatOptions = { minimumFractionDigits: 3, maximumFractionDigits: 3 };

/** A measure as shown: three decimals in the interface's digits, or a dash where it does not apply. */
function useMeasureFormat(): (m: Measure) => string {
  const decimals = useNumberFormat(THREE_DECIMALS);
  // Rounded as the CLI's report rounds (toFixed), so both show the same third decimal.
  return (m) => (m === null ? '—' : decimals(Number(m.toFixed(3))));
}

function MeasureCell({ value, name }: { value: Measure; name: string }) {
  const { t } = useTranslation();
  const formatMeasure = useMeasureFormat();
  return (
    <td data-measure={name} title={value === null ? t('agreement.notApplicable') : String(value)}>
      {formatMeasure(value)}
    </td>
  );
}

/** Agreement over the library: per label and overall, the confusion heat map, worst documents first. */
export function AgreementDashboard() {
  const view = useHashiya((s) => s.agreement);
  const busy = useHashiya((s) => s.busy);
  const [all, setAll] = useState<string[] | null>(null);
  const [chosen, setChosen] = useState<string[]>([]);
  const [filter, setFilter] = useState(view.titleFilter);
  const [working, setWorking] = useState(false);
  const { t } = useTranslation();
  const format = useFormat();
  const formatMeasure = useMeasureFormat();
  const titleOf = useLabelTitle();
  const st = appStore.getState();

  useEffect(() => {
    void appStore
      .getState()
      .listAnnotators()
      .then((names) => {
        setAll(names);
        const previous = appStore.getState().agreement.annotators;
        setChosen(previous.length ? previous.filter((n) => names.includes(n)) : names.filter((n) => n !== GOLD));
      });
  }, []);

  const compute = async () => {
    setWorking(true);
    try {
      await st.computeAgreement(chosen, filter);
    } finally {
      setWorking(false);
    }
  };
  const report = view.report;
  const labels = report ? Object.keys(report.labels) : [];
  const claimLabels = labels.filter((l) => report?.labels[l]?.claims);
  const confusionLabels = report ? Object.keys(report.confusion) : [];
  const maxCell = report ? Math.max(1, ...confusionLabels.flatMap((r) => confusionLabels.map((c) => report.confusion[r]?.[c] ?? 0))) : 1;
  const a0 = report?.annotators[0] ?? '';
  const a1 = report?.annotators[1] ?? '';

  return (
    <section className="agreement" aria-label={t('agreement.dashboard')}>
      <h1>{t('agreement.heading')}</h1>
      <form
        className="agreement-controls"
        onSubmit={(e) => {
          e.preventDefault();
          void compute();
        }}
      >
        <fieldset>
          <legend>{t('agreement.annotators')}</legend>
          {all === null && <span>{t('agreement.looking')}</span>}
          {all?.length === 0 && <span>{t('agreement.noSpans')}</span>}
          {all?.map((n) => (
            <label key={n} className="inline">
              <input
                type="checkbox"
                checked={chosen.includes(n)}
                onChange={(e) => setChosen(e.target.checked ? all.filter((x) => x === n || chosen.includes(x)) : chosen.filter((x) => x !== n))}
              />
              <bdi>{n}</bdi>
            </label>
          ))}
        </fieldset>
        <label>
          {t('agreement.titleFilter')}
          <input value={filter} onChange={(e) => setFilter(e.target.value)} dir="auto" placeholder={t('agreement.everyDocument')} />
        </label>
        <button type="submit" className="primary" disabled={busy || working || chosen.length < 2}>
          {working ? t('agreement.computing') : t('agreement.compute')}
        </button>
      </form>
      {report && (
        <>
          <p className="hint" data-testid="agreement-summary">
            {t('agreement.summary', {
              documents: t('agreement.documents', { count: report.documents }),
              tokens: t('agreement.tokens', { count: report.tokens }),
              leftOut: report.documents_left_out ? t('agreement.leftOut', { count: report.documents_left_out }) : '',
              took: view.computedMs !== null ? t('agreement.took', { ms: Math.round(view.computedMs) }) : '',
            })}
          </p>
          <table className="measures" aria-label={t('agreement.perLabel')}>
            <thead>
              <tr>
                <th scope="col">{t('agreement.label')}</th>
                <th scope="col">{t('agreement.exactF1')}</th>
                <th scope="col">{t('agreement.partialF1')}</th>
                <th scope="col">{t('agreement.cohen')}</th>
                <th scope="col">{t('agreement.fleiss')}</th>
                <th scope="col">{t('agreement.krippendorff')}</th>
                {report.annotators.map((a) => (
                  <th key={a} scope="col">
                    <Trans i18nKey="agreement.spansBy" values={{ name: a }} components={{ bdi: <bdi /> }} />
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              <tr data-label="overall" className="overall">
                <th scope="row">{t('agreement.overall')}</th>
                <MeasureCell name="exact_f1" value={report.overall.exact_f1} />
                <MeasureCell name="partial_f1" value={report.overall.partial_f1} />
                <MeasureCell name="cohen_kappa" value={report.overall.cohen_kappa} />
                <MeasureCell name="fleiss_kappa" value={report.overall.fleiss_kappa} />
                <MeasureCell name="krippendorff_alpha" value={report.overall.krippendorff_alpha} />
                {report.annotators.map((a) => (
                  <td key={a}>{format.number(labels.reduce((n, l) => n + (report.labels[l]!.counts[a] ?? 0), 0))}</td>
                ))}
              </tr>
              {labels.map((l) => {
                const m = report.labels[l]!;
                return (
                  <tr key={l} data-label={l}>
                    <th scope="row">{titleOf(l)}</th>
                    <MeasureCell name="exact_f1" value={m.exact_f1} />
                    <MeasureCell name="partial_f1" value={m.partial_f1} />
                    <MeasureCell name="cohen_kappa" value={m.cohen_kappa} />
                    <td title={t('agreement.fleissOverallOnly')}>—</td>
                    <MeasureCell name="krippendorff_alpha" value={m.krippendorff_alpha} />
                    {report.annotators.map((a) => (
                      <td key={a} data-count={a}>
                        {format.number(m.counts[a] ?? 0)}
                      </td>
                    ))}
                  </tr>
                );
              })}
            </tbody>
          </table>
          {claimLabels.length > 0 && (
            <>
              <h2>{t('agreement.claimsHeading')}</h2>
              <p className="hint">{t('agreement.claimsHint')}</p>
              <table className="measures" aria-label={t('agreement.claimAgreement')}>
                <thead>
                  <tr>
                    <th scope="col">{t('agreement.claimLabel')}</th>
                    <th scope="col">{t('agreement.matched')}</th>
                    <th scope="col">{t('agreement.sameStance')}</th>
                    <th scope="col">{t('agreement.stanceKappa')}</th>
                    <th scope="col">{t('agreement.sameSource')}</th>
                  </tr>
                </thead>
                <tbody>
                  {claimLabels.map((l) => {
                    const c = report.labels[l]!.claims!;
                    return (
                      <tr key={l} data-label={l}>
                        <th scope="row">{titleOf(l)}</th>
                        <td data-measure="matched">{format.number(c.matched)}</td>
                        <MeasureCell name="stance_agreement" value={c.stance_agreement} />
                        <MeasureCell name="stance_kappa" value={c.stance_kappa} />
                        <MeasureCell name="source_agreement" value={c.source_agreement} />
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </>
          )}
          <h2>{t('agreement.confusionHeading')}</h2>
          <p className="hint">
            {report.annotators.length === 2 ? (
              <Trans i18nKey="agreement.confusionHintTwo" values={{ a: a0, b: a1 }} components={{ bdi: <bdi /> }} />
            ) : (
              t('agreement.confusionHintMany')
            )}
          </p>
          {confusionLabels.length === 0 ? (
            <p>{t('agreement.noOverlap')}</p>
          ) : (
            <table className="heatmap" aria-label={t('agreement.confusion')}>
              <thead>
                <tr>
                  <th scope="col" />
                  {confusionLabels.map((c) => (
                    <th key={c} scope="col">
                      {titleOf(c)}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {confusionLabels.map((r) => (
                  <tr key={r}>
                    <th scope="row">{titleOf(r)}</th>
                    {confusionLabels.map((c) => {
                      const n = report.confusion[r]?.[c] ?? 0;
                      return (
                        <td
                          key={c}
                          className={r === c ? 'diagonal' : undefined}
                          // At most 70% of the colour: the darkest cell keeps its number at 4.5:1 against the text colour.
                          style={{ backgroundColor: `color-mix(in srgb, ${r === c ? '#2f7d3a' : '#b3412e'} ${Math.round((n / maxCell) * 70)}%, var(--paper))` }}
                          aria-label={t('agreement.cell', { row: titleOf(r), col: titleOf(c), n })}
                          data-row={r}
                          data-col={c}
                        >
                          {format.number(n)}
                        </td>
                      );
                    })}
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          <h2>{t('agreement.worstHeading')}</h2>
          <ol className="worst-documents" aria-label={t('agreement.worst')}>
            {report.per_document.slice(0, WORST_SHOWN).map((d) => {
              const who = view.docAnnotators.get(d.id) ?? [];
              return (
                <li key={d.id} data-doc-id={d.id}>
                  <button
                    type="button"
                    className="link"
                    disabled={who.length < 2}
                    onClick={() => openReview(d.id, who[0]!, who[1]!)}
                    aria-label={t('agreement.reviewDocument', { title: view.titles.get(d.id) ?? d.id })}
                  >
                    <bdi>{view.titles.get(d.id) ?? d.id}</bdi>
                  </button>{' '}
                  {t('agreement.documentMeasures', { exact: formatMeasure(d.exact_f1), partial: formatMeasure(d.partial_f1) })}
                </li>
              );
            })}
          </ol>
          {report.per_document.length > WORST_SHOWN && (
            <p className="hint">{t('agreement.worstShown', { shown: WORST_SHOWN, total: report.per_document.length })}</p>
          )}
        </>
      )}
    </section>
  );
}
