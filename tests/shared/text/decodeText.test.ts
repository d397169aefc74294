import { describe, expect, it } from 'vitest';
import { decodeText } from '../../../shared/text/decodeText';
import { loadSeeds, seed } from '../../support/seeds';

const enc = (s: string) => new TextEncoder().encode(s);
const concat = (...parts: (Uint8Array | number[])[]) => {
  const all = parts.flatMap((p) => [...p]);
  return new Uint8Array(all);
};
const BOM = [0xef, 0xbb, 0xbf];

describe('decodeText: valid UTF-8', () => {
  it('reads every seed article as the same text Node reads', () => {
    for (const { name, bytes, text } of loadSeeds()) {
      expect(decodeText(bytes), name).toEqual({ ok: true, text, encoding: 'utf-8' });
    }
  });

  it('gives the same text with and without a BOM', () => {
    const { text } = seed('000');
    const plain = decodeText(enc(text));
    const withBom = decodeText(concat(BOM, enc(text)));
    expect(plain).toEqual({ ok: true, text, encoding: 'utf-8' });
    expect(withBom).toEqual({ ok: true, text, encoding: 'utf-8 (BOM)' });
    if (!withBom.ok) throw new Error('unreachable');
    expect(withBom.text.charCodeAt(0)).not.toBe(0xfeff);
    expect(withBom.text.startsWith('ردّت')).toBe(true);
  });

  it('keeps CRLF, trailing spaces, tabs and blank lines verbatim', () => {
    const lines = seed('001').text.split('\n');
    const text = lines.map((l, i) => (i % 2 ? l + '  \t' : l)).join('\r\n') + '\r\n\r\n   ';
    const result = decodeText(concat(BOM, enc(text)));
    expect(result).toEqual({ ok: true, text, encoding: 'utf-8 (BOM)' });
    if (!result.ok) throw new Error('unreachable');
    expect(result.text.split('\r\n').length).toBe(lines.length + 2);
  });

  it('keeps a U+FEFF that is part of the text, after a BOM', () => {
    const text = '\ufeffحاشية\ufeff';
    expect(decodeText(concat(BOM, enc(text)))).toEqual({ ok: true, text, encoding: 'utf-8 (BOM)' });
    // A double BOM: the first is the signature, the second is text.
    expect(decodeText(new Uint8Array([...BOM, ...BOM, 0x41]))).toEqual({ ok: true, text: '\ufeffA', encoding: 'utf-8 (BOM)' });
    // Without a leading BOM, a U+FEFF in the middle is kept too.
    expect(decodeText(enc('أ\ufeffب'))).toEqual({ ok: true, text: 'أ\ufeffب', encoding: 'utf-8' });
  });

  it('keeps direction marks, harakat, emoji and astral characters', () => {
    const text = '\u200eقَالَ\u200f \u061c🚀👍🏽🇸🇾 ٢٠٢٤ ـــ';
    expect(decodeText(enc(text))).toEqual({ ok: true, text, encoding: 'utf-8' });
  });

  it('treats only EF BB BF as a BOM (not a UTF-16 BOM, not a partial one)', () => {
    // "\u00ef\u00bb" as UTF-8 is C3 AF C2 BB, a valid text that merely looks like a BOM
    expect(decodeText(enc('\u00ef\u00bb'))).toEqual({ ok: true, text: '\u00ef\u00bb', encoding: 'utf-8' });
    const partial = decodeText(new Uint8Array([0xef, 0xbb]));
    expect(partial.ok).toBe(false);
    const utf16le = decodeText(new Uint8Array([0xff, 0xfe, 0x41, 0x00]));
    expect(utf16le).toMatchObject({ ok: false, line: 1 });
  });
});

describe('decodeText: errors', () => {
  it('reports an invalid byte on line 3', () => {
    const bytes = concat(enc('السطر الأول\nالسطر الثاني\nالسطر '), [0xff], enc(' الثالث\nالرابع'));
    const result = decodeText(bytes);
    expect(result.ok).toBe(false);
    if (result.ok) throw new Error('unreachable');
    expect(result.line).toBe(3);
    expect(result.message).toContain('0xFF');
    const at = enc('السطر الأول\nالسطر الثاني\nالسطر ').length;
    expect(result.message).toContain(`byte ${at}`);
  });

  it('reports line 3 with CRLF endings and a BOM, counting the BOM in the byte offset', () => {
    const head = enc('أ\r\nب\r\nج');
    const result = decodeText(concat(BOM, head, [0xc0, 0xaf], enc('\r\n')));
    expect(result).toMatchObject({ ok: false, line: 3 });
    if (result.ok) throw new Error('unreachable');
    expect(result.message).toContain('0xC0');
    expect(result.message).toContain(`byte ${3 + head.length}`);
  });

  it('reports an invalid byte in a real article on the line it sits on', () => {
    const { text } = seed('003');
    const lines = text.split('\n');
    expect(lines.length).toBeGreaterThan(10);
    const before = lines.slice(0, 9).join('\n') + '\n' + (lines[9] ?? '').slice(0, 5);
    const result = decodeText(concat(enc(before), [0x80], enc('بقية')));
    expect(result).toMatchObject({ ok: false, line: 10 });
  });

  it('reports an invalid byte on the first line as line 1', () => {
    expect(decodeText(new Uint8Array([0xff]))).toMatchObject({ ok: false, line: 1 });
    expect(decodeText(concat(BOM, [0x80]))).toMatchObject({ ok: false, line: 1 });
  });

  it('rejects a multi-byte sequence truncated at the end of the file', () => {
    const text = 'سطر\nسطر';
    const arabic = decodeText(concat(enc(text), [0xd8]));
    expect(arabic).toMatchObject({ ok: false, line: 2 });
    const emoji = decodeText(concat(enc('🚀\n\n'), [0xf0, 0x9f, 0x9a]));
    expect(emoji).toMatchObject({ ok: false, line: 3 });
    if (emoji.ok) throw new Error('unreachable');
    expect(emoji.message).toContain('0xF0');
    expect(emoji.message).toContain('byte 6');
  });

  it('rejects overlong encodings and encoded surrogates', () => {
    for (const bad of [
      [0xc0, 0xaf],
      [0xe0, 0x80, 0xaf],
      [0xf0, 0x80, 0x80, 0xaf],
      [0xed, 0xa0, 0x80],
      [0xed, 0xb0, 0x80],
      [0xed, 0xa0, 0xbd, 0xed, 0xb8, 0x80], // CESU-8 style pair
      [0xf4, 0x90, 0x80, 0x80],
    ]) {
      const result = decodeText(concat(enc('نص '), bad));
      expect(result, bad.map((b) => b.toString(16)).join(' ')).toMatchObject({ ok: false, line: 1 });
    }
  });

  it('rejects an empty file and a file holding only a BOM', () => {
    expect(decodeText(new Uint8Array(0))).toEqual({ ok: false, message: 'the file is empty', line: 1 });
    const onlyBom = decodeText(new Uint8Array(BOM));
    expect(onlyBom).toMatchObject({ ok: false, line: 1 });
    if (onlyBom.ok) throw new Error('unreachable');
    expect(onlyBom.message).toMatch(/no text/);
  });

  it('accepts a file of whitespace only: it is text, kept verbatim', () => {
    expect(decodeText(enc('\r\n'))).toEqual({ ok: true, text: '\r\n', encoding: 'utf-8' });
  });
});
