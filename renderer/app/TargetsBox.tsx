import { useMemo } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import type { Span } from '../../shared/model/span';
import { targetCandidates } from '../../shared/entities/targetCandidates';
import { useLabelTitle } from '../i18n/useLabelTitle';
import { appStore, useHashiya } from '../store/appStore';

/** What the selected claim is about: its confirmed targets, and the entity spans inside it proposed as more. */
export function TargetsBox({ claim }: { readonly claim: Span }) {
  const spans = useHashiya((s) => s.spans);
  const labels = useHashiya((s) => s.labels);
  const text = useHashiya((s) => s.open?.text ?? '');
  const { t } = useTranslation();
  const titleOf = useLabelTitle();
  const st = appStore.getState();
  const targets = useMemo(() => claim.targetIds ?? [], [claim.targetIds]);
  const shown = useMemo(() => {
    const inside = targetCandidates(labels, claim, spans.values());
    const extra = targets.flatMap((id) => (inside.some((s) => s.id === id) ? [] : spans.get(id) ? [spans.get(id)!] : []));
    return [...inside, ...extra];
  }, [labels, claim, spans, targets]);
  const toggle = (id: string, on: boolean) => st.setTargets(claim.id, on ? [...targets, id] : targets.filter((t) => t !== id));
  return (
    <fieldset className="targets-box">
      <legend>{t('targets.about')}</legend>
      {shown.length === 0 ? (
        <p className="hint">{t('targets.none')}</p>
      ) : (
        shown.map((s) => (
          <label key={s.id}>
            <input type="checkbox" checked={targets.includes(s.id)} onChange={(e) => toggle(s.id, e.target.checked)} data-testid="claim-target" />
            <bdi lang="ar">{text.slice(s.start, s.end)}</bdi> ({titleOf(s.label)})
          </label>
        ))
      )}
      <p className="hint">
        <Trans i18nKey="targets.keys" components={{ kbd: <kbd /> }} />
      </p>
    </fieldset>
  );
}
