import type { Span } from './span';

/**
 * A document's spans by id, never changed once made, that a change copies in a few
 * microseconds: the map it was made from is shared, and only the spans the change touched
 * are held beside it. A tag among 11,000 spans copied all of them (a millisecond, and as
 * much garbage) when the store held a plain `Map`.
 *
 * Looking a span up reads the change's own spans, then the shared map. Walking every span
 * (`values()`, `for … of`, `forEach`) first folds the two into one plain map, kept for the
 * next walk and as the shared map of the changes made from this one; so a walk costs what
 * it did, once per change at most. It reads exactly as a `Map` would after the same `set`
 * and `delete` calls, in the same order.
 */
export class SpanMap implements ReadonlyMap<string, Span> {
  readonly size: number;
  /** Shared with the maps made from the same one; never changed. */
  private readonly base: ReadonlyMap<string, Span>;
  /** Spans of `base` replaced in place (a span) or removed (null). */
  private readonly over: ReadonlyMap<string, Span | null>;
  /** Spans after `base`'s, in the order they were added (new ones, or ones removed and added again). */
  private readonly tail: ReadonlyMap<string, Span>;
  /** `base`, `over` and `tail` as one plain map, once something walked them. */
  private folded: ReadonlyMap<string, Span> | null;

  private constructor(base: ReadonlyMap<string, Span>, over: ReadonlyMap<string, Span | null>, tail: ReadonlyMap<string, Span>, size: number) {
    this.base = base;
    this.over = over;
    this.tail = tail;
    this.size = size;
    this.folded = over.size === 0 && tail.size === 0 ? base : null;
  }

  /** `spans` as a span map: itself if it is one; a plain map is taken as it is, never to be changed after. */
  static of(spans: ReadonlyMap<string, Span>): SpanMap {
    return spans instanceof SpanMap ? spans : new SpanMap(spans, new Map(), new Map(), spans.size);
  }

  /**
   * This map after `steps`, in order: a span sets it under its id, null removes `id` (as
   * `Map.set` and `Map.delete` would).
   */
  with(steps: Iterable<readonly [id: string, span: Span | null]>): SpanMap {
    // A long run of changes is folded into a new shared map now and then: every ~√n changes,
    // so a change copies about √n entries of its own and, spread over the run, √n of the fold.
    const limit = Math.max(32, Math.ceil(Math.sqrt(this.size)));
    const start = this.folded ?? (this.over.size + this.tail.size > limit ? this.fold() : null);
    const base = start ?? this.base;
    const over = new Map(start ? [] : this.over);
    const tail = new Map(start ? [] : this.tail);
    let size = this.size;
    for (const [id, span] of steps) {
      const inTail = tail.has(id);
      const inBase = !inTail && base.has(id) && over.get(id) !== null;
      if (span === null) {
        if (inTail) tail.delete(id);
        else if (inBase) over.set(id, null);
        else continue;
        size--;
      } else if (inTail) tail.set(id, span);
      else if (inBase) over.set(id, span);
      else {
        tail.set(id, span);
        size++;
      }
    }
    return new SpanMap(base, over, tail, size);
  }

  get(key: string): Span | undefined {
    const added = this.tail.get(key);
    if (added) return added;
    const replaced = this.over.get(key);
    return replaced === undefined ? this.base.get(key) : (replaced ?? undefined);
  }

  has(key: string): boolean {
    return this.get(key) !== undefined;
  }

  forEach(callback: (value: Span, key: string, map: ReadonlyMap<string, Span>) => void, thisArg?: unknown): void {
    this.fold().forEach((value, key) => callback.call(thisArg, value, key, this));
  }

  entries(): MapIterator<[string, Span]> {
    return this.fold().entries();
  }

  keys(): MapIterator<string> {
    return this.fold().keys();
  }

  values(): MapIterator<Span> {
    return this.fold().values();
  }

  [Symbol.iterator](): MapIterator<[string, Span]> {
    return this.fold().entries();
  }

  /** The spans as one plain map, in `Map` order: made once, then kept. */
  private fold(): ReadonlyMap<string, Span> {
    if (this.folded) return this.folded;
    const all = new Map<string, Span>();
    for (const [key, span] of this.base) {
      const replaced = this.over.get(key);
      if (replaced !== null) all.set(key, replaced ?? span);
    }
    for (const [key, span] of this.tail) all.set(key, span);
    this.folded = all;
    return all;
  }
}
