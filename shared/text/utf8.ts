/**
 * Length of the well-formed UTF-8 sequence starting at `i` (1 for ASCII), or minus the
 * length of its maximal invalid subpart (the lead byte and the continuation bytes that
 * were still acceptable), as the WHATWG decoder counts one replacement per subpart.
 * Overlong forms, surrogates and values past U+10FFFF are invalid.
 */
export function utf8SequenceLength(bytes: Uint8Array, i: number): number {
  const b = bytes[i]!;
  if (b < 0x80) return 1;
  let need: number;
  let lo = 0x80;
  let hi = 0xbf;
  if (b >= 0xc2 && b <= 0xdf) need = 1;
  else if (b >= 0xe0 && b <= 0xef) {
    need = 2;
    if (b === 0xe0) lo = 0xa0;
    if (b === 0xed) hi = 0x9f;
  } else if (b >= 0xf0 && b <= 0xf4) {
    need = 3;
    if (b === 0xf0) lo = 0x90;
    if (b === 0xf4) hi = 0x8f;
  } else return -1;
  for (let k = 1; k <= need; k++) {
    const c = bytes[i + k];
    const ok = c !== undefined && (k === 1 ? c >= lo && c <= hi : c >= 0x80 && c <= 0xbf);
    if (!ok) return -k;
  }
  return need + 1;
}

/**
 * Byte offset of the first byte that is not part of well-formed UTF-8, or -1 when the
 * whole buffer is valid.
 */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const n = utf8SequenceLength(bytes, i);
    if (n < 0) return i;
    i += n;
  }
  return -1;
}

/**
 * How many bytes at the end of `bytes` begin a UTF-8 character that is not finished: a
 * lead byte and the continuation bytes it allows, cut short by the end (0 to 3). Zero when
 * the last character is whole, or when the last bytes are invalid anyway.
 */
export function cutUtf8Tail(bytes: Uint8Array): number {
  for (let k = 1; k <= 3 && k <= bytes.length; k++) {
    const i = bytes.length - k;
    const b = bytes[i]!;
    if (b < 0x80) return 0;
    if (b >= 0xc0) return b >= 0xc2 && b <= 0xf4 && utf8SequenceLength(bytes, i) === -k ? k : 0;
  }
  return 0;
}
