/**
 * Encoders for the test side only (TextEncoder writes UTF-8 alone): Windows-1256 from an
 * explicit table built by decoding bytes 0x80–0xFF with TextDecoder, and UTF-16 LE/BE by
 * hand from the string's code units.
 */

let table: Map<string, number> | undefined;

/** Character → byte for Windows-1256's upper half (0x80–0xFF); ASCII maps to itself. */
export function windows1256Table(): ReadonlyMap<string, number> {
  if (table) return table;
  const upper = new Uint8Array(128).map((_, i) => 0x80 + i);
  const chars = Array.from(new TextDecoder('windows-1256').decode(upper));
  if (chars.length !== 128) throw new Error(`windows-1256 decoded 128 bytes to ${chars.length} characters`);
  table = new Map(chars.map((c, i) => [c, 0x80 + i]));
  if (table.size !== 128) throw new Error('windows-1256: two bytes decode to the same character');
  return table;
}

/** True when every character of `text` has a Windows-1256 byte. */
export function fitsWindows1256(text: string): boolean {
  const t = windows1256Table();
  for (const c of text) if (c.charCodeAt(0) >= 0x80 && !t.has(c)) return false;
  return true;
}

/** `text` in Windows-1256; throws on a character the code page lacks. */
export function encodeWindows1256(text: string): Uint8Array {
  const t = windows1256Table();
  const out: number[] = [];
  for (const c of text) {
    const code = c.codePointAt(0)!;
    if (code < 0x80) out.push(code);
    else {
      const b = t.get(c);
      if (b === undefined) throw new Error(`U+${code.toString(16).toUpperCase()} is not in Windows-1256`);
      out.push(b);
    }
  }
  return new Uint8Array(out);
}

/** `text` as UTF-16 in the given byte order, with its byte-order mark unless `bom` is false. */
export function encodeUtf16(text: string, order: 'le' | 'be', bom = true): Uint8Array {
  const units = (bom ? '\ufeff' : '') + text;
  const out = new Uint8Array(units.length * 2);
  for (let i = 0; i < units.length; i++) {
    const u = units.charCodeAt(i);
    const [first, second] = order === 'le' ? [u & 0xff, u >> 8] : [u >> 8, u & 0xff];
    out[2 * i] = first;
    out[2 * i + 1] = second;
  }
  return out;
}
