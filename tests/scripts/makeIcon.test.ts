import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { iconPng } from '../../scripts/makeIcon.mjs';

describe('makeIcon', () => {
  const png = iconPng();

  it('draws a 512×512 RGBA PNG', () => {
    expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    expect(png.subarray(12, 16).toString('ascii')).toBe('IHDR');
    expect([png.readUInt32BE(16), png.readUInt32BE(20), png[24], png[25]]).toEqual([512, 512, 8, 6]);
    expect(png.length).toBeLessThan(32 * 1024); // flat shapes compress to a few kilobytes
  });

  it('is the icon committed in electron/resources (run the script after changing it)', () => {
    const committed = readFileSync(new URL('../../electron/resources/icon.png', import.meta.url));
    expect(Buffer.compare(committed, png)).toBe(0);
  });
});
