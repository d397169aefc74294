import type { StateCreator, StoreApi, StoreMutatorIdentifier } from 'zustand';

type Listener<T> = (state: T, previous: T) => void;

// The listeners heard first, per store made with `listenFirst`.
const firstOf = new WeakMap<object, Set<Listener<never>>>();

/**
 * Store middleware: the listeners given to {@link subscribeFirst} hear of every change
 * before all others. React's subscribers queue their re-render (a microtask) when they hear
 * of a change; the editor, heard first, has drawn the change into the article by then, so
 * a key's span is in the page and laid out before the panels around it re-render.
 */
export function listenFirst<T, Mps extends [StoreMutatorIdentifier, unknown][] = [], Mcs extends [StoreMutatorIdentifier, unknown][] = []>(
  create: StateCreator<T, Mps, Mcs>,
): StateCreator<T, Mps, Mcs> {
  return (set, get, api) => {
    const plain = api as unknown as StoreApi<T>;
    const first = new Set<Listener<T>>();
    const rest = new Set<Listener<T>>();
    plain.subscribe((state, previous) => {
      for (const l of first) l(state, previous);
      for (const l of rest) l(state, previous);
    });
    plain.subscribe = (listener) => {
      rest.add(listener);
      return () => rest.delete(listener);
    };
    firstOf.set(api, first);
    return create(set, get, api);
  };
}

/**
 * Like `subscribeWithSelector`'s `subscribe(selector, listener, { equalityFn })`, heard before
 * every other listener of a store made with {@link listenFirst} (an ordinary subscription on
 * any other store). Returns the unsubscribe.
 */
export function subscribeFirst<T, S>(
  store: StoreApi<T>,
  selector: (state: T) => S,
  listener: (slice: S, previous: S) => void,
  equalityFn: (a: S, b: S) => boolean = Object.is,
): () => void {
  let current = selector(store.getState());
  const heard = (state: T) => {
    const next = selector(state);
    if (equalityFn(current, next)) return;
    const previous = current;
    current = next;
    listener(next, previous);
  };
  const first = firstOf.get(store) as Set<Listener<T>> | undefined;
  if (!first) return store.subscribe(heard);
  first.add(heard);
  return () => first.delete(heard);
}
