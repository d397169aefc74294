import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { utf16 } from '../../../shared/text/units';
import {
  builtEnd,
  layoutToDocJson,
  SECTION_CHARS,
  sectionsHolding,
  textLayout,
  toEditorPos,
  toTextOffset,
  type EditorPos,
} from '../../../renderer/editor/positions';
import { articleSchema } from '../../support/articleSchema';
import { ARTICLE_SETS } from '../../support/corpora';

const schema = articleSchema;

/** Checks every offset against ProseMirror's own idea of the text at a position. */
function checkAgainstProseMirror(text: string) {
  const layout = textLayout(text);
  const doc = schema.nodeFromJSON(layoutToDocJson(layout));
  const lines = text.split(/\r\n|\r|\n/);
  const paragraphs: string[] = [];
  doc.forEach((section) => section.forEach((p) => paragraphs.push(p.textContent)));
  expect(paragraphs).toEqual(lines);
  expect(doc.childCount).toBe(layout.sectionStarts.length);
  for (let o = 0; o <= text.length; o++) {
    const pos = toEditorPos(layout, utf16(o));
    const c = text[o];
    const onTerminator = c === '\n' || c === '\r';
    if (!onTerminator && o < text.length) {
      // The character at text offset o is the character right after pos.
      expect(doc.textBetween(pos, pos + 1)).toBe(c);
      expect(toTextOffset(layout, pos)).toBe(o);
    }
  }
}

for (const set of ARTICLE_SETS) {
  describe(`text offsets ↔ editor positions on ${set.name}`, set.options, () => {
    it('maps every character of every article to the same character in the editor', () => {
      for (const { text } of set.articles()) checkAgainstProseMirror(text);
    });
  });
}

describe('text offsets ↔ editor positions', () => {
  it('handles CRLF, lone CR, empty lines, and a text ending in a newline', () => {
    checkAgainstProseMirror('قال المرصد\r\n\r\nإن الهجوم\rفشل\n');
    const layout = textLayout('أ\r\nب');
    // The paragraph break is two positions in the editor and two code units in the text;
    // the text starts inside the first section's first paragraph.
    expect(toEditorPos(layout, utf16(0))).toBe(2);
    expect(toEditorPos(layout, utf16(1))).toBe(3);
    expect(toEditorPos(layout, utf16(2))).toBe(3); // between \r and \n: end of the line
    expect(toEditorPos(layout, utf16(3))).toBe(5);
    expect(toTextOffset(layout, 4 as EditorPos)).toBe(1); // between paragraphs: end of the first line
    expect(toTextOffset(layout, 5 as EditorPos)).toBe(3);
  });

  it('keeps emoji, marks and diacritics in UTF-16 units on both sides', () => {
    checkAgainstProseMirror('\u200Fقَالَ 🚀 SY24\u200E ٢٠٢٤\u061C\nأ👍🏽ب');
  });

  it('round-trips every offset that is not inside a line terminator (property)', () => {
    const chars = fc.constantFrom('ق', 'َ', 'ـ', '٣', 'S', ' ', '\n', '\r', '\r\n', '🚀', '\u200F', '\u200E');
    fc.assert(
      fc.property(
        fc.array(chars, { maxLength: 60 }).map((a) => a.join('')),
        (text) => {
          const layout = textLayout(text);
          for (let o = 0; o <= text.length; o++) {
            const insideTerminator = text[o - 1] === '\r' && text[o] === '\n';
            const back = toTextOffset(layout, toEditorPos(layout, utf16(o)));
            if (!insideTerminator) expect(back).toBe(o);
            else expect(back).toBe(o - 1);
          }
        },
      ),
    );
  });
});

describe('sections of a long text', () => {
  // Lines of 150–900 characters, some empty, some CRLF: many sections, of varying lengths.
  const long = Array.from({ length: 60 }, (_, k) => (k % 7 === 3 ? '' : `${'ق'.repeat(150 + ((k * 97) % 750))} ${k}`)).join(['\n', '\r\n', '\r'][0]);
  const mixed = long.replace(/\n/g, (m, at: number) => (at % 3 === 0 ? '\r\n' : m));

  it('groups whole lines into sections of about SECTION_CHARS characters, mapping every character', () => {
    const layout = textLayout(mixed);
    expect(layout.sectionStarts.length).toBeGreaterThan(5);
    expect(layout.sectionStarts[0]).toBe(0);
    for (let s = 1; s < layout.sectionStarts.length; s++) {
      const from = layout.lineStarts[layout.sectionStarts[s - 1]!]!;
      const to = layout.lineStarts[layout.sectionStarts[s]!]!;
      // A section closes at the first line break after it holds SECTION_CHARS.
      expect(to - from).toBeGreaterThanOrEqual(SECTION_CHARS);
      expect(to - from).toBeLessThan(SECTION_CHARS + 1000);
    }
    checkAgainstProseMirror(mixed);
  });

  it('builds the same document a run of sections at a time, and says how far each run reaches', () => {
    const layout = textLayout(mixed);
    const whole = schema.nodeFromJSON(layoutToDocJson(layout));
    let built = schema.nodeFromJSON(layoutToDocJson(layout, 0, sectionsHolding(layout, 0, 9000)));
    expect(builtEnd(layout, built.childCount)).toBeGreaterThanOrEqual(9000 - 1000);
    while (built.childCount < layout.sectionStarts.length) {
      const to = sectionsHolding(layout, built.childCount, 6000);
      const run = schema.nodeFromJSON(layoutToDocJson(layout, built.childCount, to));
      built = built.copy(built.content.append(run.content));
      // Every character up to builtEnd is in the document built so far, at its position.
      const end = builtEnd(layout, built.childCount);
      expect(built.textBetween(toEditorPos(layout, utf16(0)), toEditorPos(layout, end), '\n')).toBe(mixed.slice(0, end).replace(/\r\n|\r/g, '\n'));
    }
    expect(built.eq(whole)).toBe(true);
    expect(builtEnd(layout, layout.sectionStarts.length)).toBe(mixed.length);
    expect(builtEnd(layout, 0)).toBe(0);
  });

  it('tells each section the text line its first paragraph holds, for line numbers that content-visibility cannot count', () => {
    const layout = textLayout(mixed);
    const doc = schema.nodeFromJSON(layoutToDocJson(layout));
    let line = 0;
    doc.forEach((section) => {
      expect(section.attrs.firstLine).toBe(line);
      line += section.childCount;
    });
    expect(line).toBe(layout.lineStarts.length);
  });
});
