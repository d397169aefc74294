import type { Utf16Offset } from '../../shared/text/units';
import { utf16 } from '../../shared/text/units';

declare const unit: unique symbol;

/** A ProseMirror document position; never mix with text offsets. */
export type EditorPos = number & { readonly [unit]: 'editor' };

/**
 * How a text is laid out in the editor: one paragraph per line, line terminators
 * (CRLF, LF, CR) kept in the text but not in the document, and the paragraphs grouped in
 * sections of about {@link SECTION_CHARS} characters (whole lines). This module is the only
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
  /** The first line of each section; the first is 0. */
  readonly sectionStarts: readonly number[];
}

/**
 * A section closes once its lines hold this many characters. ProseMirror redraws by walking
 * a node's children, so a change walks the document's sections and then one section's
 * paragraphs, never every paragraph of a long text; and sections are what a long document
 * is built and laid out by.
 */
export const SECTION_CHARS = 4000;

/** Splits the text into lines and sections and computes where each paragraph starts. */
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
  const sectionStarts: number[] = [];
  // Positions count a node's opening and closing: a section's paragraphs start one position in.
  let pos = 0;
  let inSection = SECTION_CHARS;
  for (let k = 0; k < lineStarts.length; k++) {
    if (inSection >= SECTION_CHARS) {
      pos += k === 0 ? 1 : 2;
      sectionStarts.push(k);
      inSection = 0;
    }
    const length = lineEnds[k]! - lineStarts[k]!;
    posStarts.push(pos + 1);
    pos += length + 2;
    inSection += length + 1;
  }
  return { text, lineStarts, lineEnds, posStarts, sectionStarts };
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

/** The line after the last of section `section` (the line count for the last section). */
function sectionEnd(layout: TextLayout, section: number): number {
  return layout.sectionStarts[section + 1] ?? layout.lineStarts.length;
}

/**
 * Sections `from` up to `to` (not included) of the editor document, as TipTap JSON: one
 * paragraph per line. The whole document is `layoutToDocJson(layout)`; a long one is built
 * a run of sections at a time, each appended after the last.
 */
export function layoutToDocJson(layout: TextLayout, from = 0, to = layout.sectionStarts.length) {
  const sections = [];
  for (let s = from; s < to; s++) {
    const content = [];
    for (let k = layout.sectionStarts[s]!; k < sectionEnd(layout, s); k++) {
      const line = layout.text.slice(layout.lineStarts[k], layout.lineEnds[k]);
      content.push(line ? { type: 'paragraph', content: [{ type: 'text', text: line }] } : { type: 'paragraph' });
    }
    sections.push({ type: 'section', attrs: { firstLine: layout.sectionStarts[s]! }, content });
  }
  return { type: 'doc', content: sections };
}

/**
 * The text offset where the first `sections` sections end: the end of their last line.
 * A range ending there or before can be drawn in a document built that far.
 */
export function builtEnd(layout: TextLayout, sections: number): Utf16Offset {
  if (sections <= 0) return utf16(0);
  return utf16(layout.lineEnds[sectionEnd(layout, Math.min(sections, layout.sectionStarts.length) - 1) - 1]!);
}

/** The section after `from` where a run of sections holding at least `chars` characters ends. */
export function sectionsHolding(layout: TextLayout, from: number, chars: number): number {
  const start = layout.lineStarts[layout.sectionStarts[from] ?? layout.lineStarts.length - 1]!;
  let to = from + 1;
  while (to < layout.sectionStarts.length && layout.lineStarts[layout.sectionStarts[to]!]! - start < chars) to++;
  return Math.min(to, layout.sectionStarts.length);
}
