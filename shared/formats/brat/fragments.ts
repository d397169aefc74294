import { PYTHON_LINE_BREAK, PYTHON_WHITESPACE } from './lineBreaks';

/**
 * The pieces brat's own annotator makes of a span `[start, end)` of `text` (UTF-16
 * offsets): cut at every line break (brat's reader ends an `.ann` line at each), each piece
 * stripped of the whitespace beside a cut, and pieces left with nothing dropped. A span
 * without a line break is one piece, as it is; a span of nothing but line breaks and
 * whitespace has none. brat writes the pieces as `S1 E1;S2 E2` with their texts joined by
 * one space.
 */
export function bratFragments(text: string, start: number, end: number): [number, number][] {
  const out: [number, number][] = [];
  let from = start;
  const push = (s: number, e: number, trimStart: boolean, trimEnd: boolean) => {
    if (trimStart) while (s < e && PYTHON_WHITESPACE.test(text[s]!)) s++;
    if (trimEnd) while (e > s && PYTHON_WHITESPACE.test(text[e - 1]!)) e--;
    if (s < e) out.push([s, e]);
  };
  for (let k = start; k < end; k++) {
    if (!PYTHON_LINE_BREAK.test(text[k]!)) continue;
    push(from, k, from !== start, true);
    from = k + 1;
  }
  push(from, end, from !== start, false);
  return out;
}
