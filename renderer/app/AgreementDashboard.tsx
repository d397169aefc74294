import { useEffect, useState } from 'react';
import type { Measure } from '../../shared/agreement/agreementReport';
import { GOLD } from '../../shared/review/decision';
import { appStore, useHashiya } from '../store/appStore';
import { openReview } from './navigation';

/** How many documents the worst-first list shows: a library of thousands would bury the worst. */
const WORST_SHOWN = 200;

/** A measure as shown: three decimals, or a dash where it does not apply. */
const formatMeasure = (m: Measure): string => (m === null ? '—' : m.toFixed(3));

function MeasureCell({ value, name }: { value: Measure; name: string }) {
  return (
    <td data-measure={name} title={value === null ? 'does not apply here' : String(value)}>
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
    <section className="agreement" aria-label="Agreement dashboard">
      <h1>Agreement</h1>
      <form
        className="agreement-controls"
        onSubmit={(e) => {
          e.preventDefault();
          void compute();
        }}
      >
        <fieldset>
          <legend>Annotators compared</legend>
          {all === null && <span>Looking for annotators…</span>}
          {all?.length === 0 && <span>No spans in the library yet.</span>}
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
          Documents whose title contains
          <input value={filter} onChange={(e) => setFilter(e.target.value)} dir="auto" placeholder="(every document)" />
        </label>
        <button type="submit" className="primary" disabled={busy || working || chosen.length < 2}>
          {working ? 'Computing…' : 'Compute agreement'}
        </button>
      </form>
      {report && (
        <>
          <p className="hint" data-testid="agreement-summary">
            {report.documents} document{report.documents === 1 ? '' : 's'} compared, {report.tokens} tokens
            {report.documents_left_out ? `; ${report.documents_left_out} annotated by only one of them left out` : ''}
            {view.computedMs !== null ? ` · computed in ${Math.round(view.computedMs)} ms` : ''}.
          </p>
          <table className="measures" aria-label="Agreement per label">
            <thead>
              <tr>
                <th scope="col">Label</th>
                <th scope="col">Exact F1</th>
                <th scope="col">Partial F1</th>
                <th scope="col">Cohen’s κ</th>
                <th scope="col">Fleiss’ κ</th>
                <th scope="col">Krippendorff’s α</th>
                {report.annotators.map((a) => (
                  <th key={a} scope="col">
                    Spans by <bdi>{a}</bdi>
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              <tr data-label="overall" className="overall">
                <th scope="row">Overall</th>
                <MeasureCell name="exact_f1" value={report.overall.exact_f1} />
                <MeasureCell name="partial_f1" value={report.overall.partial_f1} />
                <MeasureCell name="cohen_kappa" value={report.overall.cohen_kappa} />
                <MeasureCell name="fleiss_kappa" value={report.overall.fleiss_kappa} />
                <MeasureCell name="krippendorff_alpha" value={report.overall.krippendorff_alpha} />
                {report.annotators.map((a) => (
                  <td key={a}>{labels.reduce((n, l) => n + (report.labels[l]!.counts[a] ?? 0), 0)}</td>
                ))}
              </tr>
              {labels.map((l) => {
                const m = report.labels[l]!;
                return (
                  <tr key={l} data-label={l}>
                    <th scope="row">{l}</th>
                    <MeasureCell name="exact_f1" value={m.exact_f1} />
                    <MeasureCell name="partial_f1" value={m.partial_f1} />
                    <MeasureCell name="cohen_kappa" value={m.cohen_kappa} />
                    <td title="Fleiss’ kappa is reported overall only">—</td>
                    <MeasureCell name="krippendorff_alpha" value={m.krippendorff_alpha} />
                    {report.annotators.map((a) => (
                      <td key={a} data-count={a}>
                        {m.counts[a] ?? 0}
                      </td>
                    ))}
                  </tr>
                );
              })}
            </tbody>
          </table>
          {claimLabels.length > 0 && (
            <>
              <h2>Claims: stance and source</h2>
              <p className="hint">
                Over the claims both annotators made (the same words, or overlapping ones): how often they gave the same stance, Cohen’s κ of the stances, and
                how often they linked the same source (a span over the same words, or none on both sides).
              </p>
              <table className="measures" aria-label="Claim agreement">
                <thead>
                  <tr>
                    <th scope="col">Claim label</th>
                    <th scope="col">Matched claims</th>
                    <th scope="col">Same stance</th>
                    <th scope="col">Stance κ</th>
                    <th scope="col">Same source</th>
                  </tr>
                </thead>
                <tbody>
                  {claimLabels.map((l) => {
                    const c = report.labels[l]!.claims!;
                    return (
                      <tr key={l} data-label={l}>
                        <th scope="row">{l}</th>
                        <td data-measure="matched">{c.matched}</td>
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
          <h2>Confusion of labels on matched spans</h2>
          <p className="hint">
            Rows: {report.annotators.length === 2 ? <bdi>{a0}</bdi> : 'either annotator'}; columns:{' '}
            {report.annotators.length === 2 ? <bdi>{a1}</bdi> : 'the other'}. Each pair of spans matched as review pairs them counts once (a span inside another
            of another label is no pair). Darker cells hold more pairs; the diagonal is agreement on the label.
          </p>
          {confusionLabels.length === 0 ? (
            <p>No overlapping spans.</p>
          ) : (
            <table className="heatmap" aria-label="Confusion matrix">
              <thead>
                <tr>
                  <th scope="col" />
                  {confusionLabels.map((c) => (
                    <th key={c} scope="col">
                      {c}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {confusionLabels.map((r) => (
                  <tr key={r}>
                    <th scope="row">{r}</th>
                    {confusionLabels.map((c) => {
                      const n = report.confusion[r]?.[c] ?? 0;
                      return (
                        <td
                          key={c}
                          className={r === c ? 'diagonal' : undefined}
                          style={{ backgroundColor: `color-mix(in srgb, ${r === c ? '#2f7d3a' : '#b3412e'} ${Math.round((n / maxCell) * 85)}%, white)` }}
                          aria-label={`${r} against ${c}: ${n}`}
                          data-row={r}
                          data-col={c}
                        >
                          {n}
                        </td>
                      );
                    })}
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          <h2>Documents, worst first</h2>
          <ol className="worst-documents" aria-label="Documents by agreement, worst first">
            {report.per_document.slice(0, WORST_SHOWN).map((d) => {
              const who = view.docAnnotators.get(d.id) ?? [];
              return (
                <li key={d.id} data-doc-id={d.id}>
                  <button
                    type="button"
                    className="link"
                    disabled={who.length < 2}
                    onClick={() => openReview(d.id, who[0]!, who[1]!)}
                    aria-label={`Review ${view.titles.get(d.id) ?? d.id}`}
                  >
                    <bdi>{view.titles.get(d.id) ?? d.id}</bdi>
                  </button>{' '}
                  exact F1 {formatMeasure(d.exact_f1)}, partial F1 {formatMeasure(d.partial_f1)}
                </li>
              );
            })}
          </ol>
          {report.per_document.length > WORST_SHOWN && (
            <p className="hint">
              The {WORST_SHOWN} worst of {report.per_document.length} documents are listed; narrow the documents by title to see others.
            </p>
          )}
        </>
      )}
    </section>
  );
}
