import type { PROBLEM_MESSAGES } from './problemMessages';
import type { ListFormat } from './listFormat';

type Catalogue = typeof PROBLEM_MESSAGES;
type Area = keyof Catalogue;
/** A key without its plural form. */
type Base<K> = K extends `${infer B}_${'one' | 'other'}` ? B : K;

/** Every phrase's code, `area.key`. */
export type PhraseCode = { [A in Area]: `${A}.${Base<keyof Catalogue[A] & string>}` }[Area];

/** The English sentences of a code (both forms of a counted one). */
type SentencesOf<C> = C extends `${infer A extends Area}.${infer K}` ? Catalogue[A][(K | `${K}_one` | `${K}_other`) & keyof Catalogue[A]] : never;

/** The `{{…}}` slots of a sentence. */
type Slots<S> = S extends `${string}{{${infer Slot}}}${infer Rest}` ? Slot | Slots<Rest> : never;
type NameOf<Slot> = Slot extends `${infer N}, ${string}` ? N : Slot;
type ValueOf<Slot> = Slot extends `${string}, d`
  ? number
  : Slot extends `${string}, said`
    ? Phrase | string
    : Slot extends `${string}, ${ListFormat}`
      ? readonly (Phrase | string)[]
      : string | number;

/** The values a code's sentence names, by name. */
export type PhraseParams<C extends PhraseCode> = { readonly [Slot in Slots<SentencesOf<C>> as NameOf<Slot>]: ValueOf<Slot> };

/** A value a phrase's sentence takes: a name or number as written, another phrase said within it, or a list of them. */
export type PhraseValue = string | number | Phrase | readonly (Phrase | string)[];

/**
 * A sentence of a problem as data: its code in the catalogue (`problemMessages.ts`) and the
 * values it names. The command line writes it in English (`englishOf`); the interface in
 * its own language, so the same problem reads in Arabic there.
 */
export interface Phrase {
  readonly code: PhraseCode;
  readonly params: Readonly<Record<string, PhraseValue>>;
}

/** The phrase `code` says of `params`; the params a code's sentence names are checked by type. */
export function phrase<C extends PhraseCode>(code: C, ...params: keyof PhraseParams<C> extends never ? [] : [PhraseParams<C>]): Phrase {
  return { code, params: params[0] ?? {} };
}

/** Whether a value is a list (`{{files, commas}}`), which `Array.isArray` cannot tell of a readonly array by type. */
export function isPhraseList(value: PhraseValue): value is readonly (Phrase | string)[] {
  return Array.isArray(value);
}
