import { roleOf } from '../../shared/model/label';
import { targetCandidates } from '../../shared/entities/targetCandidates';
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
    title: 'Link the selected mention to the entity proposed for it (its names match the text)',
    keys: ['L'],
    needsDocument: true,
    keyTest: (e: KeyEventLike, ctx: EntityActionContext) => keyMatch(e, 'KeyL') && !!selectedWithRole(ctx, 'entity'),
    perform: (ctx: EntityActionContext) => {
      const st = ctx.store.getState();
      const mention = selectedWithRole(ctx, 'entity');
      const entity = proposedEntity(st);
      if (!mention) return;
      if (!entity) st.notify({ kind: 'info', text: 'No entity has this name yet: Shift+L makes one from the mention.' });
      else st.linkEntity(mention.id, entity.id);
    },
  },
  {
    name: 'newEntityFromMention',
    group: 'Entities',
    title: 'Make a new entity from the selected mention (named as its text, typed as its label) and link it',
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
    title: 'Unlink the selected mention from its entity',
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
    title: 'The selected claim is about the places, weapons and actors inside it (confirms every proposed target)',
    keys: ['G'],
    needsDocument: true,
    keyTest: (e: KeyEventLike, ctx: EntityActionContext) => keyMatch(e, 'KeyG') && !!selectedWithRole(ctx, 'claim'),
    perform: (ctx: EntityActionContext) => {
      const st = ctx.store.getState();
      const claim = selectedWithRole(ctx, 'claim');
      if (!claim) return;
      const proposed = targetCandidates(st.labels, claim, st.spans.values()).map((s) => s.id);
      if (!proposed.length) st.notify({ kind: 'info', text: 'No place, weapon or actor is tagged inside this claim.' });
      else st.setTargets(claim.id, [...new Set([...(claim.targetIds ?? []), ...proposed])]);
    },
  },
  {
    name: 'clearTargets',
    group: 'Claims',
    title: 'Clear what the selected claim is about',
    keys: ['Shift+G'],
    needsDocument: true,
    keyTest: (e: KeyEventLike, ctx: EntityActionContext) => keyMatch(e, 'KeyG', { shift: true }) && !!selectedWithRole(ctx, 'claim'),
    perform: (ctx: EntityActionContext) => {
      const claim = selectedWithRole(ctx, 'claim');
      if (claim) ctx.store.getState().setTargets(claim.id, []);
    },
  },
] as const;
