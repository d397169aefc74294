/** LRM, RLM, ALM and the bidi embeddings, overrides and isolates: marks that show nothing and only steer direction. */
const DIRECTION_MARK = /[\u200e\u200f\u061c\u202a-\u202e\u2066-\u2069]/;

/** True for a direction mark (U+200E, U+200F, U+061C, U+202A–U+202E, U+2066–U+2069). */
const isDirectionMark = (c: string) => DIRECTION_MARK.test(c);

/**
 * A token `[start, end)` of `text` without the direction marks at its edges (NewsFANE
 * puts U+200E before every token: the text keeps it, a span does not begin with it); the
 * token as it is when it holds nothing else.
 */
export function withoutEdgeMarks(text: string, start: number, end: number): [number, number] {
  let s = start;
  let e = end;
  while (s < e && isDirectionMark(text[s]!)) s++;
  while (e > s && isDirectionMark(text[e - 1]!)) e--;
  return s < e ? [s, e] : [start, end];
}
