import { englishOf } from '../i18n/englishOf';
import { phrase, type Phrase } from '../i18n/phrase';
import { cutUtf8Tail, firstInvalidUtf8, utf8SequenceLength } from './utf8';

/** The encodings Hashiya reads. */
export type TextEncodingName = 'utf-8' | 'utf-8 (BOM)' | 'utf-16le' | 'utf-16be' | 'windows-1256';

/** The result of reading a file's bytes as text. */
export type DecodeResult = { ok: true; text: string; encoding: TextEncodingName } | { ok: false; message: string; phrase: Phrase; line: number };

/** The decoder's answer when the bytes cannot be read as text: what is wrong (in English too) and on which line. */
const failure = (line: number, said: Phrase): DecodeResult => ({ ok: false, line, message: englishOf(said), phrase: said });

const UTF8_BOM = [0xef, 0xbb, 0xbf];

const hex = (b: number) => `0x${b.toString(16).toUpperCase().padStart(2, '0')}`;

/** 1-based line of byte `at`: one more than the LF bytes before it. */
function lineOfByte(bytes: Uint8Array, at: number): number {
  let line = 1;
  for (let i = 0; i < at; i++) if (bytes[i] === 0x0a) line++;
  return line;
}

/**
 * Decodes a text file's bytes, without guessing:
 * - UTF-8, with or without a byte-order mark (the BOM is an encoding signature and is
 *   dropped); with a UTF-8 BOM, invalid bytes are always an error;
 * - UTF-16 LE or BE, only with their byte-order mark (an odd byte count or an unpaired
 *   surrogate is an error);
 * - Windows-1256 (Arabic Windows), when the bytes plainly are not UTF-8 (invalid
 *   sequences, not just a character cut short at the end) and have no BOM, but only when
 *   the result looks like Arabic text: no NUL or C0 control bytes besides TAB, LF,
 *   FF and CR, and at least half of the non-ASCII characters are Arabic letters or harakat.
 *
 * Bytes that are UTF-8 but for a character cut short at the very end are a truncated
 * UTF-8 file; bytes that are mostly well-formed UTF-8 with a few broken sequences are
 * broken UTF-8. Neither is ever re-read as Windows-1256. A NUL byte is refused in every
 * encoding (it marks binary data or UTF-16 without a BOM). Everything else (CRLF, marks,
 * trailing space, a U+FEFF inside the text) is kept verbatim. Errors carry the 1-based
 * line of the first offending byte.
 */
export function decodeText(bytes: Uint8Array): DecodeResult {
  return decode(bytes, false);
}

/**
 * Decodes the first bytes of a longer file (a sample that decides its encoding) as
 * {@link decodeText} decodes a whole file, except that a character cut short at their end
 * continues past them, so it is left out rather than reported (as
 * `TextDecoder.decode(bytes, { stream: true })` holds it back).
 */
export function decodeTextStart(bytes: Uint8Array): DecodeResult {
  return decode(bytes, true);
}

function decode(bytes: Uint8Array, stream: boolean): DecodeResult {
  if (bytes.length === 0) return failure(1, phrase('decode.empty'));
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return decodeUtf16(bytes, 'utf-16le', stream);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return decodeUtf16(bytes, 'utf-16be', stream);
  const hasBom = UTF8_BOM.every((b, i) => bytes[i] === b);
  const whole = hasBom ? bytes.subarray(3) : bytes;
  const tail = cutUtf8Tail(whole);
  const body = stream ? whole.subarray(0, whole.length - tail) : whole;
  const skipped = hasBom ? 3 : 0;
  const bad = firstInvalidUtf8(body);
  if (bad < 0) {
    const nul = body.indexOf(0);
    if (nul >= 0) return nulError(body, nul, skipped);
    // ignoreBOM: true keeps a second U+FEFF that is really part of the text.
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(body);
    if (text.length === 0) return failure(1, phrase('decode.noText'));
    return { ok: true, text, encoding: hasBom ? 'utf-8 (BOM)' : 'utf-8' };
  }
  const utf8Problem = phrase('decode.byteAt', { byte: hex(body[bad]!), at: bad + skipped });
  // Valid up to a character the end cuts short: a UTF-8 file cut off (a download or copy
  // that stopped), even when the few bytes before it could also pass for Windows-1256.
  if (tail > 0 && bad === body.length - tail) {
    return failure(lineOfByte(body, bad), phrase('decode.cutShort', { problem: utf8Problem, count: tail }));
  }
  if (hasBom || looksLikeBrokenUtf8(body)) {
    return failure(lineOfByte(body, bad), phrase('decode.notUtf8', { problem: utf8Problem }));
  }
  return decodeWindows1256(body, bad, utf8Problem);
}

function nulError(bytes: Uint8Array, at: number, skipped: number): DecodeResult {
  return failure(lineOfByte(bytes, at), phrase('decode.nul', { at: at + skipped }));
}

/**
 * True when the well-formed multi-byte UTF-8 sequences outnumber the broken ones three to
 * one (a broken sequence counted once, as its maximal invalid subpart): a UTF-8 article
 * with a bad byte has hundreds of good sequences, while a short Windows-1256 text may form
 * one good sequence by chance (ءظ؟ is C1 D9 BF, and D9 BF is UTF-8 for U+067F). Windows-1256
 * Arabic almost never forms a valid UTF-8 sequence (its letters are 0xC1–0xFE, rarely
 * followed by a byte in 0x80–0xBF), while UTF-8 with one bad byte is nearly all valid.
 */
function looksLikeBrokenUtf8(bytes: Uint8Array): boolean {
  let valid = 0;
  let broken = 0;
  let i = 0;
  while (i < bytes.length) {
    if (bytes[i]! < 0x80) {
      i++;
      continue;
    }
    const n = utf8SequenceLength(bytes, i);
    if (n > 0) {
      valid++;
      i += n;
    } else {
      broken++;
      i += Math.max(1, -n);
    }
  }
  return valid >= 3 * broken;
}

// C0 control bytes that text files do hold: TAB, LF, FF, CR.
const TEXT_CONTROLS = new Set([0x09, 0x0a, 0x0c, 0x0d]);

/** Arabic letters, tatweel and harakat (U+0621–U+0652): what Arabic text in Windows-1256 is made of. */
const isArabic = (c: number) => c >= 0x0621 && c <= 0x0652;

function decodeWindows1256(bytes: Uint8Array, badUtf8: number, utf8Problem: Phrase): DecodeResult {
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i]!;
    if (b < 0x20 && !TEXT_CONTROLS.has(b)) {
      if (b === 0) return nulError(bytes, i, 0);
      return failure(lineOfByte(bytes, i), phrase('decode.controlByte', { problem: utf8Problem, byte: hex(b), at: i }));
    }
  }
  const text = new TextDecoder('windows-1256').decode(bytes);
  let nonAscii = 0;
  let arabic = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) continue;
    nonAscii++;
    if (isArabic(c)) arabic++;
  }
  if (arabic * 2 < nonAscii) {
    return failure(lineOfByte(bytes, badUtf8), phrase('decode.notArabic', { problem: utf8Problem, arabic, nonAscii }));
  }
  return { ok: true, text, encoding: 'windows-1256' };
}

function decodeUtf16(bytes: Uint8Array, encoding: 'utf-16le' | 'utf-16be', stream: boolean): DecodeResult {
  let body = bytes.subarray(2);
  const le = encoding === 'utf-16le';
  const unitAt = (k: number) => (le ? body[2 * k]! | (body[2 * k + 1]! << 8) : (body[2 * k]! << 8) | body[2 * k + 1]!);
  let units = body.length >> 1;
  if (stream) {
    // Half a code unit, or the first half of a surrogate pair, continues past the sample.
    if (units > 0 && unitAt(units - 1) >= 0xd800 && unitAt(units - 1) <= 0xdbff) units--;
    body = body.subarray(0, 2 * units);
  }
  let line = 1;
  for (let k = 0; k < units; k++) {
    const u = unitAt(k);
    if (u === 0x0a) line++;
    else if (u === 0) {
      return failure(line, phrase('decode.utf16Nul', { at: 2 + 2 * k, encoding: encoding.toUpperCase() }));
    } else if (u >= 0xd800 && u <= 0xdbff) {
      const next = k + 1 < units ? unitAt(k + 1) : -1;
      if (next >= 0xdc00 && next <= 0xdfff) k++;
      else return failure(line, phrase('decode.utf16Surrogate', { at: 2 + 2 * k, encoding: encoding.toUpperCase() }));
    } else if (u >= 0xdc00 && u <= 0xdfff) {
      return failure(line, phrase('decode.utf16Surrogate', { at: 2 + 2 * k, encoding: encoding.toUpperCase() }));
    }
  }
  if (body.length % 2 === 1) {
    return failure(line, phrase('decode.utf16Odd', { bytes: bytes.length, encoding: encoding.toUpperCase() }));
  }
  // The checks above already found every error; fatal stays as a second guard.
  const text = new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(body);
  if (text.length === 0) return failure(1, phrase('decode.noText'));
  return { ok: true, text, encoding };
}
