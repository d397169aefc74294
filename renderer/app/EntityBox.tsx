import type { Span } from '../../shared/model/span';
import { appStore, useHashiya } from '../store/appStore';
import { proposedEntity } from '../store/proposedEntity';
import { showEntity } from './navigation';

/** The selected mention's entity: the one it names, or the one proposed for it, and the keys to link. */
export function EntityBox({ mention }: { readonly mention: Span }) {
  const linked = useHashiya((s) => (mention.entityId ? s.entities.get(mention.entityId) : undefined));
  const proposed = useHashiya((s) => proposedEntity(s));
  const st = appStore.getState();
  const keep = (e: React.MouseEvent) => e.preventDefault();
  return (
    <section className="entity-box" aria-label="Entity">
      <h3>Entity</h3>
      {linked ? (
        <p data-testid="mention-entity">
          <button type="button" className="link" onMouseDown={keep} onClick={() => showEntity(linked.id)} aria-label={`Entity page of ${linked.name}`}>
            <bdi>{linked.name}</bdi>
          </button>{' '}
          ({linked.type})
        </p>
      ) : (
        <p className="hint" data-testid="mention-entity">
          Not linked.
        </p>
      )}
      {proposed && proposed.id !== linked?.id && (
        <p data-testid="proposed-entity">
          Proposed: <bdi>{proposed.name}</bdi> ({proposed.type})
        </p>
      )}
      <div className="row">
        {proposed && proposed.id !== linked?.id && (
          <button type="button" onMouseDown={keep} onClick={() => st.linkEntity(mention.id, proposed.id)}>
            Link to proposed (L)
          </button>
        )}
        <button type="button" onMouseDown={keep} onClick={() => st.newEntityFrom(mention.id)}>
          New entity from this mention (Shift+L)
        </button>
        {linked && (
          <button type="button" onMouseDown={keep} onClick={() => st.linkEntity(mention.id, null)}>
            Unlink entity (Alt+L)
          </button>
        )}
      </div>
    </section>
  );
}
