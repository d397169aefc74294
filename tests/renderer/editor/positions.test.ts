import fc from 'fast-check';
import { Schema } from '@tiptap/pm/model';
import { describe, expect, it } from 'vitest';
import { utf16 } from '../../../shared/text/units';
import { layoutToDocJson, textLayout, toEditorPos, toTextOffset, type EditorPos } from '../../../renderer/editor/positions';
import { ARTICLE_SETS } from '../../support/corpora';

// The same document shape the editor uses: paragraphs of plain text.
const schema = new Schema({
  nodes: { doc: { content: 'paragraph+' }, paragraph: { content: 'text*' }, text: {} },
});

/** Checks every offset against ProseMirror's own idea of the text at a position. */
function checkAgainstProseMirror(text: string) {
  const layout = textLayout(text);
  const doc = schema.nodeFromJSON(layoutToDocJson(layout));
  const lines = text.split(/\r\n|\r|\n/);
  expect(doc.childCount).toBe(lines.length);
  doc.forEach((p, _o, i) => expect(p.textContent).toBe(lines[i]));
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
    // The paragraph break is two positions in the editor and two code units in the text.
    expect(toEditorPos(layout, utf16(0))).toBe(1);
    expect(toEditorPos(layout, utf16(1))).toBe(2);
    expect(toEditorPos(layout, utf16(2))).toBe(2); // between \r and \n: end of the line
    expect(toEditorPos(layout, utf16(3))).toBe(4);
    expect(toTextOffset(layout, 3 as EditorPos)).toBe(1); // between paragraphs: end of the first line
    expect(toTextOffset(layout, 4 as EditorPos)).toBe(3);
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
