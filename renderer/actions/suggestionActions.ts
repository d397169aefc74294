import type { HashiyaStore } from '../store/createStore';
import { currentSuggestion, offeredSuggestions } from '../store/offeredSuggestions';
import { keyMatch, type KeyEventLike } from './keyMatch';

/** What a suggestion key reads and changes: the store alone. */
interface SuggestionActionContext {
  readonly store: HashiyaStore;
}

const offered = (ctx: SuggestionActionContext) => offeredSuggestions(ctx.store.getState()).length > 0;

/**
 * Keys of the suggestions layer and of tag-all, listed in the registry (`ACTIONS`) with the
 * others. J, Y and X act only while suggestions are offered (never while reviewing, where
 * none are: X then settles a difference); T needs a selected span or a search query.
 */
export const SUGGESTION_ACTIONS = [
  {
    name: 'tagEveryOccurrence',
    group: 'Suggestions',
    title: 'tagEveryOccurrence',
    keys: ['T', 'Shift+T'],
    needsDocument: true,
    keyTest: (e: KeyEventLike) => keyMatch(e, 'KeyT') || keyMatch(e, 'KeyT', { shift: true }),
    perform: (ctx: SuggestionActionContext, e: KeyEventLike) => ctx.store.getState().suggestOccurrences(e.shiftKey ? 'library' : 'document'),
  },
  {
    name: 'nextSuggestion',
    group: 'Suggestions',
    title: 'nextSuggestion',
    keys: ['J', 'Shift+J'],
    needsDocument: true,
    keyTest: (e: KeyEventLike, ctx: SuggestionActionContext) => offered(ctx) && (keyMatch(e, 'KeyJ') || keyMatch(e, 'KeyJ', { shift: true })),
    perform: (ctx: SuggestionActionContext, e: KeyEventLike) => ctx.store.getState().moveSuggestion(e.shiftKey ? -1 : 1),
  },
  {
    name: 'acceptSuggestion',
    group: 'Suggestions',
    title: 'acceptSuggestion',
    keys: ['Y'],
    needsDocument: true,
    keyTest: (e: KeyEventLike, ctx: SuggestionActionContext) => offered(ctx) && keyMatch(e, 'KeyY'),
    perform: (ctx: SuggestionActionContext) => ctx.store.getState().acceptSuggestion(),
  },
  {
    name: 'rejectSuggestion',
    group: 'Suggestions',
    title: 'rejectSuggestion',
    keys: ['X'],
    needsDocument: true,
    keyTest: (e: KeyEventLike, ctx: SuggestionActionContext) => offered(ctx) && keyMatch(e, 'KeyX'),
    perform: (ctx: SuggestionActionContext) => ctx.store.getState().rejectSuggestion(),
  },
  {
    name: 'acceptLabelSuggestions',
    group: 'Suggestions',
    title: 'acceptLabelSuggestions',
    keys: ['Ctrl+Shift+Y'],
    needsDocument: true,
    keyTest: (e: KeyEventLike, ctx: SuggestionActionContext) => offered(ctx) && keyMatch(e, 'KeyY', { ctrl: true, shift: true }),
    perform: (ctx: SuggestionActionContext) => {
      const st = ctx.store.getState();
      const p = offeredSuggestions(st)[currentSuggestion(st)];
      if (p) st.acceptSuggestionsOf(p.label);
    },
  },
] as const;
