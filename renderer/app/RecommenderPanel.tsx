import { appStore, useHashiya } from '../store/appStore';

const TITLE: Record<string, string> = { matcher: 'String matcher', tagger: 'Sequence tagger', model: 'Model on disk' };

/** How each recommender has done on this analyst's decisions, with a switch to turn it off. */
export function RecommenderPanel() {
  const r = useHashiya((s) => s.recommenders);
  const st = appStore.getState();
  if (!r.names.length) return null;
  return (
    <details className="recommender-panel">
      <summary>Recommenders {r.training ? '(learning…)' : r.trainedOn === null ? '' : `(learnt from ${r.trainedOn} spans)`}</summary>
      <table className="recommender-stats" aria-label="Recommenders">
        <thead>
          <tr>
            <th scope="col">Recommender</th>
            <th scope="col">Accepted</th>
            <th scope="col">Rejected</th>
            <th scope="col">Precision</th>
            <th scope="col">On</th>
          </tr>
        </thead>
        <tbody>
          {r.names.map((name) => {
            const s = r.stats.get(name) ?? { accepted: 0, rejected: 0 };
            const decided = s.accepted + s.rejected;
            return (
              <tr key={name}>
                <th scope="row">{TITLE[name] ?? name}</th>
                <td className="num">{s.accepted}</td>
                <td className="num">{s.rejected}</td>
                <td className="num">{decided ? `${Math.round((100 * s.accepted) / decided)}%` : '—'}</td>
                <td>
                  <input
                    type="checkbox"
                    aria-label={`Use the ${TITLE[name] ?? name}`}
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
        Learn again now
      </button>
    </details>
  );
}
