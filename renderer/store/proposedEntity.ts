import type { Entity } from '../../shared/model/entity';
import { roleOf } from '../../shared/model/label';
import { entityNameIndex, proposeEntity, type EntityNameIndex } from '../../shared/entities/entityNames';
import type { HashiyaState } from './types';

// The name index follows the store's entities map: rebuilt only when that map is replaced.
let indexed: { readonly entities: ReadonlyMap<string, Entity>; readonly index: EntityNameIndex } | null = null;

/**
 * The entity proposed for the selected mention — one whose names match its text after
 * Arabic folding, behind clitics too — or null: none selected, not an entity label, or no
 * name matches. A mention already linked gets its own entity back only when nothing else
 * matches better; the caller shows the link then.
 */
export function proposedEntity(st: Pick<HashiyaState, 'selectedSpanId' | 'spans' | 'open' | 'labels' | 'entities'>): Entity | null {
  const span = st.selectedSpanId ? st.spans.get(st.selectedSpanId) : undefined;
  if (!span || !st.open || roleOf(st.labels, span.label) !== 'entity') return null;
  if (indexed?.entities !== st.entities) indexed = { entities: st.entities, index: entityNameIndex(st.entities.values()) };
  return proposeEntity(indexed.index, st.open.text.slice(span.start, span.end), span.label);
}
