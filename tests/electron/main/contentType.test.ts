import { describe, expect, it } from 'vitest';
import { contentType } from '../../../electron/main/contentType';

describe('contentType', () => {
  it('gives module scripts, pages, styles and fonts their types', () => {
    expect(contentType('/r/assets/index-abc.js')).toBe('text/javascript; charset=utf-8');
    expect(contentType('/r/index.html')).toBe('text/html; charset=utf-8');
    expect(contentType('/r/assets/index.CSS')).toBe('text/css; charset=utf-8');
    expect(contentType('/r/assets/naskh.woff2')).toBe('font/woff2');
  });

  it('leaves unknown extensions to the file loader', () => {
    expect(contentType('/r/assets/data.bin')).toBeUndefined();
    expect(contentType('/r/LICENSE')).toBeUndefined();
  });
});
