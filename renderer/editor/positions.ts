import type { Utf16Offset } from '../../shared/text/units';
import { utf16 } from '../../shared/text/units';

declare const unit: unique symbol;

/** A ProseMirror document position; never mix with text offsets. */
export type EditorPos = number & { readonly [unit]: 'editor' };

/**
 * How a text is laid out in the editor: one paragraph per line, line terminators
 * (CRLF, LF, CR) kept in the text but not in the document. This module is the only
 * place that converts text offsets to editor positions and back.
 */
export interface TextLayout {
  readonly text: string;
  /** Text offset where each line's content starts. */
  readonly lineStarts: readonly number[];
  /** Text offset where each line's content ends (before its terminator). */
  readonly lineEnds: readonly number[];
  /** Editor position of the first character of each line's paragraph. */
  readonly posStarts: readonly number[];
}

/** Splits the text into lines and computes where each paragraph starts. */
export function textLayout(text: string): TextLayout {
  const lineStarts: number[] = [0];
  const lineEnds: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) {
      lineEnds.push(i);
      if (c === 13 && text.charCodeAt(i + 1) === 10) i++;
      lineStarts.push(i + 1);
    }
  }
  lineEnds.push(text.length);
  const posStarts: number[] = [];
  let pos = 1;
  for (let k = 0; k < lineStarts.length; k++) {
    posStarts.push(pos);
    pos += lineEnds[k]! - lineStarts[k]! + 2;
  }
  return { text, lineStarts, lineEnds, posStarts };
}

/** Index of the last entry ≤ value (0 when all are greater). */
function lastAtMost(sorted: readonly number[], value: number): number {
  let lo = 0;
  let hi = sorted.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >>> 1;
    if (sorted[mid]! <= value) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/**
 * The editor position of a text offset. An offset on a line terminator maps to the
 * end of that line's paragraph.
 */
export function toEditorPos(layout: TextLayout, offset: Utf16Offset): EditorPos {
  const o = Math.max(0, Math.min(offset, layout.text.length));
  const line = lastAtMost(layout.lineStarts, o);
  const col = Math.min(o, layout.lineEnds[line]!) - layout.lineStarts[line]!;
  return (layout.posStarts[line]! + col) as EditorPos;
}

/** The text offset of an editor position; positions between paragraphs map to a line's end. */
export function toTextOffset(layout: TextLayout, pos: EditorPos): Utf16Offset {
  const line = lastAtMost(layout.posStarts, pos);
  const len = layout.lineEnds[line]! - layout.lineStarts[line]!;
  const col = Math.max(0, Math.min(pos - layout.posStarts[line]!, len));
  return utf16(layout.lineStarts[line]! + col);
}

/** The editor document for the layout, as TipTap JSON: one paragraph per line. */
export function layoutToDocJson(layout: TextLayout) {
  return {
    type: 'doc',
    content: layout.lineStarts.map((start, k) => {
      const line = layout.text.slice(start, layout.lineEnds[k]);
      return line ? { type: 'paragraph', content: [{ type: 'text', text: line }] } : { type: 'paragraph' };
    }),
  };
}
