import { roleOf } from '../../shared/model/label';
import { targetCandidates } from '../../shared/entities/targetCandidates';
import { t } from '../i18n/i18n';
import type { HashiyaStore } from '../store/createStore';
import { proposedEntity } from '../store/proposedEntity';
import { keyMatch, type KeyEventLike } from './keyMatch';

/** What an entity key reads and changes: the store alone. */
interface EntityActionContext {
  readonly store: HashiyaStore;
}

const selectedWithRole = (ctx: EntityActionContext, role: 'entity' | 'claim') => {
  const st = ctx.store.getState();
  const span = st.selectedSpanId ? st.spans.get(st.selectedSpanId) : undefined;
  return span && roleOf(st.labels, span.label) === role ? span : undefined;
};

/**
 * Keys of entities and of what claims are about, listed in the registry (`ACTIONS`). L,
 * Shift+L and Alt+L act on a selected mention (an entity-role span); G and Shift+G on a
 * selected claim; Ctrl+Z / Ctrl+Shift+Z on the entities pages, where no document is open,
 * undo and redo the library's steps (merges, splits, edits).
 */
export const ENTITY_ACTIONS = [
  {
    name: 'linkProposedEntity',
    group: 'Entities',
    title: 'linkProposedEntity',
    keys: ['L'],
    needsDocument: true,
    keyTest: (e: KeyEventLike, ctx: EntityActionContext) => keyMatch(e, 'KeyL') && !!selectedWithRole(ctx, 'entity'),
    perform: (ctx: EntityActionContext) => {
      const st = ctx.store.getState();
      const mention = selectedWithRole(ctx, 'entity');
      const entity = proposedEntity(st);
      if (!mention) return;
      if (!entity) st.notify({ kind: 'info', text: t('msg.noEntityYet') });
      else st.linkEntity(mention.id, entity.id);
    },
  },
  {
    name: 'newEntityFromMention',
    group: 'Entities',
    title: 'newEntityFromMention',
    keys: ['Shift+L'],
    needsDocument: true,
    keyTest: (e: KeyEventLike, ctx: EntityActionContext) => keyMatch(e, 'KeyL', { shift: true }) && !!selectedWithRole(ctx, 'entity'),
    perform: (ctx: EntityActionContext) => {
      const mention = selectedWithRole(ctx, 'entity');
      if (mention) ctx.store.getState().newEntityFrom(mention.id);
    },
  },
  {
    name: 'unlinkEntity',
    group: 'Entities',
    title: 'unlinkEntity',
    keys: ['Alt+L'],
    needsDocument: true,
    keyTest: (e: KeyEventLike, ctx: EntityActionContext) => keyMatch(e, 'KeyL', { alt: true }) && !!selectedWithRole(ctx, 'entity'),
    perform: (ctx: EntityActionContext) => {
      const mention = selectedWithRole(ctx, 'entity');
      if (mention) ctx.store.getState().linkEntity(mention.id, null);
    },
  },
  {
    name: 'confirmTargets',
    group: 'Claims',
    title: 'confirmTargets',
    keys: ['G'],
    needsDocument: true,
    keyTest: (e: KeyEventLike, ctx: EntityActionContext) => keyMatch(e, 'KeyG') && !!selectedWithRole(ctx, 'claim'),
    perform: (ctx: EntityActionContext) => {
      const st = ctx.store.getState();
      const claim = selectedWithRole(ctx, 'claim');
      if (!claim) return;
      const proposed = targetCandidates(st.labels, claim, st.spans.values()).map((s) => s.id);
      if (!proposed.length) st.notify({ kind: 'info', text: t('msg.noTargetInside') });
      else st.setTargets(claim.id, [...new Set([...(claim.targetIds ?? []), ...proposed])]);
    },
  },
  {
    name: 'clearTargets',
    group: 'Claims',
    title: 'clearTargets',
    keys: ['Shift+G'],
    needsDocument: true,
    keyTest: (e: KeyEventLike, ctx: EntityActionContext) => keyMatch(e, 'KeyG', { shift: true }) && !!selectedWithRole(ctx, 'claim'),
    perform: (ctx: EntityActionContext) => {
      const claim = selectedWithRole(ctx, 'claim');
      if (claim) ctx.store.getState().setTargets(claim.id, []);
    },
  },
] as const;
