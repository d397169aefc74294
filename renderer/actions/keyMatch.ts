/** Modifiers a key binding needs; unlisted ones must be up. Ctrl also matches ⌘ on a Mac. */
export interface Mods {
  readonly ctrl?: boolean;
  readonly shift?: boolean;
  readonly alt?: boolean;
}

/** What key bindings read of a key press: the physical key and the modifiers held. */
export type KeyEventLike = Pick<KeyboardEvent, 'code' | 'ctrlKey' | 'metaKey' | 'shiftKey' | 'altKey'>;

/**
 * True when the event is the physical key `code` with exactly these modifiers. Physical
 * codes keep bindings on the same keys on Arabic and Latin layouts.
 */
export function keyMatch(e: KeyEventLike, codes: string | readonly string[], mods: Mods = {}): boolean {
  const list = typeof codes === 'string' ? [codes] : codes;
  return list.includes(e.code) && (e.ctrlKey || e.metaKey) === !!mods.ctrl && e.shiftKey === !!mods.shift && e.altKey === !!mods.alt;
}
