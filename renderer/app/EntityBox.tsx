import { useTranslation } from 'react-i18next';
import type { Span } from '../../shared/model/span';
import { useLabelTitle } from '../i18n/useLabelTitle';
import { appStore, useHashiya } from '../store/appStore';
import { proposedEntity } from '../store/proposedEntity';
import { showEntity } from './navigation';

/** The selected mention's entity: the one it names, or the one proposed for it, and the keys to link. */
export function EntityBox({ mention }: { readonly mention: Span }) {
  const linked = useHashiya((s) => (mention.entityId ? s.entities.get(mention.entityId) : undefined));
  const proposed = useHashiya((s) => proposedEntity(s));
  const { t } = useTranslation();
  const titleOf = useLabelTitle();
  const st = appStore.getState();
  const keep = (e: React.MouseEvent) => e.preventDefault();
  return (
    <section className="entity-box" aria-label={t('entities.entity')}>
      <h3>{t('entities.entity')}</h3>
      {linked ? (
        <p data-testid="mention-entity">
          <button
            type="button"
            className="link"
            onMouseDown={keep}
            onClick={() => showEntity(linked.id)}
            aria-label={t('entities.pageLink', { name: linked.name })}
          >
            <bdi>{linked.name}</bdi>
          </button>{' '}
          ({titleOf(linked.type)})
        </p>
      ) : (
        <p className="hint" data-testid="mention-entity">
          {t('entities.notLinked')}
        </p>
      )}
      {proposed && proposed.id !== linked?.id && (
        <p data-testid="proposed-entity">
          {t('entities.proposed')} <bdi>{proposed.name}</bdi> ({titleOf(proposed.type)})
        </p>
      )}
      <div className="row">
        {proposed && proposed.id !== linked?.id && (
          <button type="button" onMouseDown={keep} onClick={() => st.linkEntity(mention.id, proposed.id)}>
            {t('entities.linkProposed')}
          </button>
        )}
        <button type="button" onMouseDown={keep} onClick={() => st.newEntityFrom(mention.id)}>
          {t('entities.newFromMention')}
        </button>
        {linked && (
          <button type="button" onMouseDown={keep} onClick={() => st.linkEntity(mention.id, null)}>
            {t('entities.unlink')}
          </button>
        )}
      </div>
    </section>
  );
}
