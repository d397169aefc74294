import { firstInvalidUtf8 } from './utf8';

/** The result of reading a file's bytes as text. */
export type DecodeResult =
  | { ok: true; text: string; encoding: 'utf-8' | 'utf-8 (BOM)' }
  | { ok: false; message: string; line: number };

const BOM = [0xef, 0xbb, 0xbf];

/**
 * Decodes a text file's bytes as UTF-8, with or without a byte-order mark. The BOM is
 * an encoding signature and is dropped; everything else (CRLF, marks, trailing space) is
 * kept verbatim. Invalid bytes are reported with the 1-based line they sit on.
 */
export function decodeText(bytes: Uint8Array): DecodeResult {
  if (bytes.length === 0) return { ok: false, message: 'the file is empty', line: 1 };
  const hasBom = BOM.every((b, i) => bytes[i] === b);
  const body = hasBom ? bytes.subarray(3) : bytes;
  const bad = firstInvalidUtf8(body);
  if (bad >= 0) {
    let line = 1;
    for (let i = 0; i < bad; i++) if (body[i] === 0x0a) line++;
    const hex = body[bad]!.toString(16).toUpperCase().padStart(2, '0');
    return {
      ok: false,
      line,
      message: `not valid UTF-8: byte 0x${hex} at byte ${bad + (hasBom ? 3 : 0)}`,
    };
  }
  // ignoreBOM: true keeps a second U+FEFF that is really part of the text.
  const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(body);
  if (text.length === 0) return { ok: false, message: 'the file holds no text', line: 1 };
  return { ok: true, text, encoding: hasBom ? 'utf-8 (BOM)' : 'utf-8' };
}
