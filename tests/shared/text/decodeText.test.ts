import { spawnSync } from 'node:child_process';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeText, decodeTextStart } from '../../../shared/text/decodeText';
import { ARTICLE_SETS } from '../../support/corpora';
import { fixtureArticle } from '../../support/fixtures';
import { mixedText } from '../support/arbitraries';
import { encodeUtf16, encodeWindows1256, fitsWindows1256, windows1256Table } from '../support/encodings';
import { stringMatching } from '../../support/matchers';

const enc = (s: string) => new TextEncoder().encode(s);
const concat = (...parts: (Uint8Array | number[])[]) => {
  const all = parts.flatMap((p) => [...p]);
  return new Uint8Array(all);
};
const BOM = [0xef, 0xbb, 0xbf];

for (const set of ARTICLE_SETS) {
  describe(`decodeText on ${set.name}`, set.options, () => {
    it('reads every article as the same text Node reads, a BOM dropped and named', () => {
      for (const { name, bytes, text, bom } of set.articles()) {
        expect(decodeText(bytes), name).toEqual({ ok: true, text, encoding: bom ? 'utf-8 (BOM)' : 'utf-8' });
      }
    });

    it('reads every article written in Windows-1256 as the same text as its UTF-8 original', () => {
      const fitting = set.articles().filter((a) => fitsWindows1256(a.text));
      // One article of each set holds ● and Arabic-Indic digits, which the code page lacks; the other four fit.
      expect(fitting).toHaveLength(4);
      for (const { name, text } of fitting) {
        expect(decodeText(encodeWindows1256(text)), name).toEqual({ ok: true, text, encoding: 'windows-1256' });
        const crlf = text.replace(/\r?\n/g, '\r\n');
        expect(decodeText(encodeWindows1256(crlf)), name).toEqual({ ok: true, text: crlf, encoding: 'windows-1256' });
      }
    });
  });
}

describe('decodeText: valid UTF-8', () => {
  it('gives the same text with and without a BOM', () => {
    const { text } = fixtureArticle('konico-strikes');
    const plain = decodeText(enc(text));
    const withBom = decodeText(concat(BOM, enc(text)));
    expect(plain).toEqual({ ok: true, text, encoding: 'utf-8' });
    expect(withBom).toEqual({ ok: true, text, encoding: 'utf-8 (BOM)' });
    if (!withBom.ok) throw new Error('unreachable');
    expect(withBom.text.charCodeAt(0)).not.toBe(0xfeff);
    expect(withBom.text.startsWith('شنّت')).toBe(true);
  });

  it('keeps CRLF, trailing spaces, tabs and blank lines verbatim', () => {
    const lines = fixtureArticle('gas-field-attack').text.split('\n');
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

  it('treats only EF BB BF as a UTF-8 BOM (not a partial one); FF FE is a UTF-16 BOM', () => {
    // "\u00ef\u00bb" as UTF-8 is C3 AF C2 BB, a valid text that merely looks like a BOM
    expect(decodeText(enc('\u00ef\u00bb'))).toEqual({ ok: true, text: '\u00ef\u00bb', encoding: 'utf-8' });
    const partial = decodeText(new Uint8Array([0xef, 0xbb]));
    expect(partial.ok).toBe(false);
    // Before UTF-16 support this was refused; FF FE is now read as the UTF-16 LE signature.
    expect(decodeText(new Uint8Array([0xff, 0xfe, 0x41, 0x00]))).toEqual({ ok: true, text: 'A', encoding: 'utf-16le' });
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
    const { text } = fixtureArticle('weekly-digest');
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
    expect(decodeText(new Uint8Array(0))).toMatchObject({ ok: false, message: 'the file is empty', line: 1 });
    const onlyBom = decodeText(new Uint8Array(BOM));
    expect(onlyBom).toMatchObject({ ok: false, line: 1 });
    if (onlyBom.ok) throw new Error('unreachable');
    expect(onlyBom.message).toMatch(/no text/);
  });

  it('accepts a file of whitespace only: it is text, kept verbatim', () => {
    expect(decodeText(enc('\r\n'))).toEqual({ ok: true, text: '\r\n', encoding: 'utf-8' });
  });
});

// ---- Encodings other than UTF-8 --------------------------------------------------------

const python = spawnSync('python3', ['--version'], { encoding: 'utf8' });
const hasPython = !python.error && python.status === 0;

/** 1-based line of UTF-16 offset `at` in `text`, counted independently of decodeText. */
const lineOf = (text: string, at: number) => text.slice(0, at).split('\n').length;

describe('decodeText: Windows-1256', () => {
  it('the test table maps 128 distinct characters, Arabic letters among them', () => {
    const table = windows1256Table();
    expect(table.size).toBe(128);
    expect(table.get('ا')).toBe(0xc7);
    expect(table.get('ل')).toBe(0xe1);
    expect(table.get('،')).toBe(0xa1);
  });

  it.skipIf(!hasPython)('the test table encodes an article exactly as Python cp1256 does', () => {
    const { text } = fixtureArticle('vocalised-report');
    const run = spawnSync('python3', ['-c', 'import sys; sys.stdout.buffer.write(sys.stdin.buffer.read().decode("utf-8").encode("cp1256"))'], {
      input: Buffer.from(text, 'utf8'),
    });
    expect(run.status, String(run.stderr)).toBe(0);
    expect([...new Uint8Array(run.stdout)]).toEqual([...encodeWindows1256(text)]);
  });

  it('reads generated Arabic text with harakat, tatweel, punctuation and CRLF written in Windows-1256', () => {
    const letter = fc.constantFrom(...'ءآأؤإئابةتثجحخدذرزسشصضطظعغفقكلمنهوىي');
    const haraka = fc.constantFrom('\u064b', '\u064c', '\u064d', '\u064e', '\u064f', '\u0650', '\u0651', '\u0652', '\u0640');
    const word = fc.array(fc.tuple(letter, fc.option(haraka, { nil: '' })), { minLength: 2, maxLength: 7 }).map((p) => p.map(([l, h]) => l + h).join(''));
    const between = fc.constantFrom(' ', ' ', '\r\n', '\n', '، ', '؛ ', '؟ ', ' «', '» ', '. ', ' 2024 ', '\t', ' - ');
    const text = fc.array(fc.tuple(word, between), { minLength: 1, maxLength: 30 }).map((p) => p.map(([w, b]) => w + b).join(''));
    fc.assert(
      fc.property(text, (t) => {
        expect(decodeText(encodeWindows1256(t))).toEqual({ ok: true, text: t, encoding: 'windows-1256' });
      }),
      { numRuns: 300 },
    );
  });

  it('reports UTF-8 with one broken byte as broken UTF-8 on its line, never as Windows-1256', () => {
    const { bytes } = fixtureArticle('sy24-launcher');
    fc.assert(
      fc.property(fc.nat(bytes.length - 1), fc.integer({ min: 0x80, max: 0xff }), (at, b) => {
        const broken = bytes.slice();
        broken[at] = b;
        if (!firstBad(broken)) return; // still valid UTF-8 (the byte was replaced by itself or by a valid one)
        if (cutShort(broken)) return; // the last byte became a lead byte: a cut file, tested apart below
        const result = decodeText(broken);
        expect(result.ok).toBe(false);
        if (result.ok) return;
        expect(result.message).toMatch(/^not valid UTF-8: byte 0x[0-9A-F]{2} at byte \d+$/);
        const firstBadByte = Number(/at byte (\d+)/.exec(result.message)![1]);
        const prefix = new TextDecoder().decode(broken.subarray(0, firstBadByte));
        expect(result.line).toBe(lineOf(prefix, prefix.length));
      }),
      { numRuns: 300 },
    );
  });

  it('refuses a Latin-1 French file as an unknown encoding, naming the line of its first non-ASCII byte', () => {
    const latin1 = Buffer.from('Le ministre a dit\nque la situation\nest très grave à Deir ez-Zor.\n', 'latin1');
    const result = decodeText(new Uint8Array(latin1));
    expect(result).toMatchObject({ ok: false, line: 3 });
    if (result.ok) throw new Error('unreachable');
    expect(result.message).toMatch(/^unknown encoding: byte 0xE8 at byte \d+ is not valid UTF-8/);
    expect(result.message).toMatch(/0 of 2 non-ASCII characters/);
  });

  it('refuses Windows-1256 text holding a control byte, at the line of that byte', () => {
    const bytes = encodeWindows1256('قال المرصد\r\nإن القاعدة\r\nتعرضت لهجوم');
    const at = encodeWindows1256('قال المرصد\r\nإن القاعدة\r\nتعرضت').length;
    const withControl = new Uint8Array([...bytes.subarray(0, at), 0x1b, ...bytes.subarray(at)]);
    const result = decodeText(withControl);
    expect(result).toMatchObject({ ok: false, line: 3 });
    if (result.ok) throw new Error('unreachable');
    expect(result.message).toMatch(/^unknown encoding: .*control byte 0x1B at byte \d+/);
    // TAB, FF and the line ends are text
    const withTabs = encodeWindows1256('قال\tالمرصد\f\r\nإن');
    expect(decodeText(withTabs)).toMatchObject({ ok: true, encoding: 'windows-1256' });
  });

  it('refuses a NUL byte, in Windows-1256 and in otherwise valid UTF-8 (UTF-16 without a BOM)', () => {
    const nul1256 = new Uint8Array([...encodeWindows1256('قال\nالمرصد'), 0x00]);
    expect(decodeText(nul1256)).toMatchObject({ ok: false, line: 2 });
    // "قال المرصد" as UTF-16 LE without a BOM: 42 06 27 06 44 06 are all ASCII; the space is 20 00
    const bomless = encodeUtf16('قال المرصد', 'le', false);
    const result = decodeText(bomless);
    expect(result).toMatchObject({ ok: false, line: 1 });
    if (result.ok) throw new Error('unreachable');
    expect(result.message).toMatch(/NUL byte at byte 7 .*UTF-16 without a byte-order mark/);
    expect(decodeText(enc('سطر\nسطر\u0000'))).toMatchObject({ ok: false, line: 2 });
  });

  it('never reads random binary data as text', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 256, maxLength: 1024 }), (bytes) => {
        expect(decodeText(bytes).ok).toBe(false);
      }),
      { numRuns: 300 },
    );
  });
});

/** True when the bytes are not valid UTF-8, by Node's fatal decoder (an oracle independent of utf8.ts). */
function firstBad(bytes: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return false;
  } catch {
    return true;
  }
}

describe('decodeText: UTF-16 with a byte-order mark', () => {
  const article = fixtureArticle('gas-field-attack').text;
  // Emoji (surrogate pairs), CRLF, marks and a U+FEFF inside the text.
  const text = '🚀 ' + article.slice(0, 300).replace(/\n/g, '\r\n') + ' \u200f👍🏽\ufeff🇸🇾 ' + article.slice(300);

  it.each([
    ['le', 'utf-16le'],
    ['be', 'utf-16be'],
  ] as const)('reads an article in UTF-16 %s as the same text as the UTF-8 original', (order, encoding) => {
    expect(decodeText(encodeUtf16(article, order))).toEqual({ ok: true, text: article, encoding });
    expect(decodeText(encodeUtf16(text, order))).toEqual({ ok: true, text, encoding });
  });

  it('gives the same text from UTF-8, UTF-8 with BOM, UTF-16 LE, UTF-16 BE and Windows-1256', () => {
    const { text: t } = fixtureArticle('vocalised-report');
    const all = [enc(t), concat(BOM, enc(t)), encodeUtf16(t, 'le'), encodeUtf16(t, 'be'), encodeWindows1256(t)].map(decodeText);
    expect(all.map((r) => (r.ok ? r.encoding : r.message))).toEqual(['utf-8', 'utf-8 (BOM)', 'utf-16le', 'utf-16be', 'windows-1256']);
    for (const r of all) expect(r.ok && r.text).toBe(t);
  });

  it('reads any well-formed generated text in both byte orders', () => {
    fc.assert(
      fc.property(mixedText({ minLength: 1 }), (t) => {
        expect(decodeText(encodeUtf16(t, 'le'))).toEqual({ ok: true, text: t, encoding: 'utf-16le' });
        expect(decodeText(encodeUtf16(t, 'be'))).toEqual({ ok: true, text: t, encoding: 'utf-16be' });
      }),
      { numRuns: 200 },
    );
  });

  it.each(['le', 'be'] as const)('reports an odd byte count (%s) on the last line', (order) => {
    const bytes = encodeUtf16('سطر\nسطر\nسطر', order);
    const result = decodeText(concat(bytes, [0x41]));
    expect(result).toMatchObject({ ok: false, line: 3 });
    if (result.ok) throw new Error('unreachable');
    expect(result.message).toMatch(/odd number of bytes/);
  });

  it.each(['le', 'be'] as const)('reports an unpaired surrogate (%s) on its line', (order) => {
    for (const lone of ['\ud83d', '\ude80']) {
      const result = decodeText(encodeUtf16(`أول\r\nثان ${lone} بقية\nثالث`, order));
      expect(result, JSON.stringify(lone)).toMatchObject({ ok: false, line: 2 });
      if (result.ok) throw new Error('unreachable');
      expect(result.message).toMatch(/unpaired surrogate at byte 20/);
    }
    // a high surrogate as the very last unit
    expect(decodeText(encodeUtf16('أ\nب\ud83d', order))).toMatchObject({ ok: false, line: 2 });
  });

  it('refuses a file holding only a UTF-16 BOM, and a NUL character', () => {
    expect(decodeText(new Uint8Array([0xff, 0xfe]))).toMatchObject({ ok: false, message: 'the file holds no text', line: 1 });
    expect(decodeText(new Uint8Array([0xfe, 0xff]))).toMatchObject({ ok: false, message: 'the file holds no text', line: 1 });
    expect(decodeText(encodeUtf16('أ\nب\u0000', 'be'))).toMatchObject({ ok: false, line: 2 });
  });
});

// ---- A file cut in the middle of a UTF-8 character --------------------------------------

describe('decodeText: UTF-8 cut at the end, and what is left for Windows-1256', () => {
  const TRUNCATED = /^the file ends in the middle of a UTF-8 character/;

  it('reports the first 1–3 bytes of a multi-byte Arabic character as a truncated UTF-8 file, not Windows-1256', () => {
    // ب (2 bytes), the lam-alef ligature ﻻ (3 bytes), Arabic mathematical alef 𞸀 (4 bytes)
    for (const ch of ['ب', 'ﻻ', '𞸀']) {
      const whole = enc(ch);
      for (let n = 1; n < whole.length; n++) {
        const result = decodeText(whole.subarray(0, n));
        expect(result, `${ch}: ${n} of ${whole.length} bytes`).toMatchObject({ ok: false, line: 1, message: stringMatching(TRUNCATED) });
      }
    }
  });

  it('reports a short UTF-8 file cut mid-character as truncated at the line of the cut, with or without a BOM', () => {
    const text = 'قال\nالمرصد';
    const bytes = enc(text);
    for (let cut = 1; cut < bytes.length; cut++) {
      const head = bytes.subarray(0, cut);
      if (!firstBad(head)) continue; // cut between two characters: a whole, shorter file
      const line = new TextDecoder().decode(head).split('\n').length;
      expect(decodeText(head), `cut at ${cut}`).toMatchObject({ ok: false, line, message: stringMatching(TRUNCATED) });
      expect(decodeText(concat(BOM, head)), `BOM, cut at ${cut}`).toMatchObject({ ok: false, line, message: stringMatching(TRUNCATED) });
    }
  });

  it('reports any UTF-8 text cut inside its last character as truncated at the line of that character', () => {
    fc.assert(
      fc.property(mixedText({ minLength: 1 }), fc.nat(), (t, pick) => {
        const bytes = enc(t);
        const cuts = [...Array(bytes.length).keys()].filter((i) => i > 0 && (bytes[i]! & 0xc0) === 0x80);
        if (cuts.length === 0) return;
        const cut = cuts[pick % cuts.length]!;
        let start = cut;
        while ((bytes[start]! & 0xc0) === 0x80) start--;
        const line = new TextDecoder().decode(bytes.subarray(0, start)).split('\n').length;
        const result = decodeText(bytes.subarray(0, cut));
        expect(result).toMatchObject({ ok: false, line, message: stringMatching(TRUNCATED) });
        if (result.ok) return;
        expect(result.message).toContain(`at byte ${start}`);
      }),
      { numRuns: 300 },
    );
  });

  it('reads a four-letter Windows-1256 word, whose bytes are plainly not UTF-8, as Windows-1256', () => {
    for (const word of ['قالت', 'نفذت', 'حلب،', 'غزة؟', 'ريف.']) {
      const bytes = encodeWindows1256(word);
      expect(bytes.length).toBe(4);
      expect(decodeText(bytes), word).toEqual({ ok: true, text: word, encoding: 'windows-1256' });
    }
  });

  it('reads a Windows-1256 file ending in ء (C1), a byte that begins no UTF-8 character, as Windows-1256', () => {
    expect(decodeText(new Uint8Array([0xc1]))).toEqual({ ok: true, text: 'ء', encoding: 'windows-1256' });
    expect(decodeText(encodeWindows1256('سماء'))).toEqual({ ok: true, text: 'سماء', encoding: 'windows-1256' });
  });

  it('reads any short Arabic Windows-1256 text as Windows-1256 when its bytes are not UTF-8 before their last character', () => {
    const letter = fc.constantFrom(...'ءآأؤإئابةتثجحخدذرزسشصضطظعغفقكلمنهوىي');
    // Words of two letters or more, as news has: a text of one-letter words each followed by
    // ؟ (a letter and BF can be a UTF-8 pair) is mostly UTF-8 by chance, and is left to the
    // broken-UTF-8 ratio (see looksLikeBrokenUtf8).
    const word = fc.array(letter, { minLength: 2, maxLength: 4 }).map((l) => l.join(''));
    const words = fc.array(fc.tuple(word, fc.constantFrom(' ', '، ', '؟', '\r\n', '')), { minLength: 1, maxLength: 3 });
    fc.assert(
      fc.property(words, (parts) => {
        const t = parts.map(([w, after]) => w + after).join('');
        const bytes = encodeWindows1256(t);
        // Bytes that are UTF-8 but for a character cut short at the end could be either: a cut UTF-8 file wins.
        if (!firstBad(bytes) || cutShort(bytes)) return;
        expect(decodeText(bytes)).toEqual({ ok: true, text: t, encoding: 'windows-1256' });
      }),
      { numRuns: 300 },
    );
  });
});

/**
 * True when invalid `bytes` become valid UTF-8 with a few continuation bytes added: they
 * are UTF-8 cut short inside their last character (by Node's decoder, independent of utf8.ts).
 */
function cutShort(bytes: Uint8Array): boolean {
  if (!firstBad(bytes)) return false;
  for (let n = 1; n <= 3; n++) {
    for (const c of [0x80, 0x90, 0xa0, 0xbf]) if (!firstBad(concat(bytes, new Array<number>(n).fill(c)))) return true;
  }
  return false;
}

describe('decodeTextStart: the start of a longer file', () => {
  it('leaves out a character cut by the end of a UTF-8 sample, with or without a BOM', () => {
    const bytes = enc('قال المرصد');
    const cut = bytes.subarray(0, 5); // ق ا and the first byte of ل
    expect(decodeTextStart(cut)).toEqual({ ok: true, text: 'قا', encoding: 'utf-8' });
    expect(decodeTextStart(concat(BOM, cut))).toEqual({ ok: true, text: 'قا', encoding: 'utf-8 (BOM)' });
    // as a whole file, the same bytes are a cut file
    expect(decodeText(cut)).toMatchObject({ ok: false, line: 1 });
  });

  it.each(['le', 'be'] as const)('leaves out half a UTF-16 %s unit or half a surrogate pair at the end of a sample', (order) => {
    const bytes = encodeUtf16('أ🚀ب', order);
    expect(decodeTextStart(bytes.subarray(0, bytes.length - 1))).toEqual({ ok: true, text: 'أ🚀', encoding: `utf-16${order}` });
    // BOM, أ and the high surrogate of 🚀
    expect(decodeTextStart(bytes.subarray(0, 6))).toEqual({ ok: true, text: 'أ', encoding: `utf-16${order}` });
  });

  it('still reports a broken byte inside the sample', () => {
    expect(decodeTextStart(concat(enc('قال\nالمرصد'), [0xff], enc('قال')))).toMatchObject({ ok: false, line: 2 });
  });
});
