// Draws the app icon (electron/resources/icon.png, 512×512) without any image library:
// a page with a margin note — حاشية is the note in a book's margin. Run it again only
// to change the icon; the PNG is committed. Usage: node scripts/makeIcon.mjs
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateSync } from 'node:zlib';

const SIZE = 512;
const SAMPLES = 4; // per axis, for smooth edges

const TEAL = [23, 92, 88];
const PAPER = [250, 244, 228];
const INK = [60, 72, 80];
const NOTE = [214, 120, 40];

/** The colour at a point (0..SIZE), or null outside the icon. Later shapes paint over earlier ones. */
function colourAt(x, y) {
  const inRounded = (x0, y0, x1, y1, r) => {
    const cx = Math.min(Math.max(x, x0 + r), x1 - r);
    const cy = Math.min(Math.max(y, y0 + r), y1 - r);
    return x >= x0 && x <= x1 && y >= y0 && y <= y1 && (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
  };
  if (!inRounded(16, 16, 496, 496, 96)) return null;
  let colour = TEAL;
  if (inRounded(96, 72, 416, 440, 20)) colour = PAPER;
  // Lines of text, right-aligned as Arabic is, ragged on the left.
  const lines = [
    [150, 380],
    [194, 380],
    [238, 380],
    [282, 380],
    [326, 380],
  ];
  const starts = [176, 150, 200, 164, 236];
  lines.forEach(([top], i) => {
    if (inRounded(starts[i], top, 300, top + 16, 8)) colour = INK;
  });
  // The margin: a rule and a note beside the text.
  if (x >= 322 && x <= 328 && y >= 120 && y <= 392) colour = NOTE;
  if (inRounded(344, 180, 392, 196, 8) || inRounded(352, 214, 392, 230, 8)) colour = NOTE;
  return colour;
}

function render() {
  const raw = Buffer.alloc(SIZE * (1 + SIZE * 4));
  for (let y = 0; y < SIZE; y++) {
    const row = y * (1 + SIZE * 4);
    raw[row] = 0; // filter: none
    for (let x = 0; x < SIZE; x++) {
      let r = 0,
        g = 0,
        b = 0,
        a = 0;
      for (let sy = 0; sy < SAMPLES; sy++) {
        for (let sx = 0; sx < SAMPLES; sx++) {
          const c = colourAt(x + (sx + 0.5) / SAMPLES, y + (sy + 0.5) / SAMPLES);
          if (!c) continue;
          r += c[0];
          g += c[1];
          b += c[2];
          a++;
        }
      }
      const o = row + 1 + x * 4;
      if (a) {
        raw[o] = Math.round(r / a);
        raw[o + 1] = Math.round(g / a);
        raw[o + 2] = Math.round(b / a);
      }
      raw[o + 3] = Math.round((255 * a) / (SAMPLES * SAMPLES));
    }
  }
  return raw;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(buffer) {
  let c = 0xffffffff;
  for (const byte of buffer) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** The icon as PNG bytes (8-bit RGBA). */
export function iconPng() {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(SIZE, 0);
  header.writeUInt32BE(SIZE, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // RGBA
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(render(), { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const out = fileURLToPath(new URL('../electron/resources/icon.png', import.meta.url));
  writeFileSync(out, iconPng());
  console.log(`wrote ${path.relative(process.cwd(), out)}`);
}
