import { toCodePoints } from './workbench';

/** Where a JSONL span lies over a phrase, and what else it carries. */
export interface PhraseSpanOptions {
  /** Which occurrence of the phrase (0: the first). */
  readonly nth?: number;
  /** Characters into the phrase where the span starts. */
  readonly skip?: number;
  readonly id?: string;
  /** A claim's stance, written as `attrs.stance`. */
  readonly stance?: string;
}

/** A JSONL span (code-point offsets, as exported files count) over `phrase` in `text`. */
export function jsonlSpan(text: string, phrase: string, label: string, opts: PhraseSpanOptions = {}) {
  let i = -1;
  for (let k = 0; k <= (opts.nth ?? 0); k++) i = text.indexOf(phrase, i + 1);
  if (i < 0) throw new Error(`not in the article: ${phrase}`);
  return {
    ...(opts.id ? { id: opts.id } : {}),
    start: toCodePoints(text, i + (opts.skip ?? 0)),
    end: toCodePoints(text, i + phrase.length),
    label,
    ...(opts.stance ? { attrs: { stance: opts.stance } } : {}),
  };
}
