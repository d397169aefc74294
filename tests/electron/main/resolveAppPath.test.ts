import fc from 'fast-check';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveAppPath } from '../../../electron/main/resolveAppPath';

const root = path.resolve('/opt/hashiya/build/renderer');

function inside(file: string): boolean {
  const relative = path.relative(root, file);
  return relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative);
}

describe('resolveAppPath', () => {
  it('maps the root to index.html', () => {
    expect(resolveAppPath('app://hashiya/', root)).toBe(path.join(root, 'index.html'));
    expect(resolveAppPath('app://hashiya', root)).toBe(path.join(root, 'index.html'));
    expect(resolveAppPath('app://hashiya/?v=1#top', root)).toBe(path.join(root, 'index.html'));
  });

  it('maps asset paths to files inside the folder', () => {
    const js = resolveAppPath('app://hashiya/assets/x.js', root);
    expect(js).toBe(path.join(root, 'assets', 'x.js'));
    expect(inside(js!)).toBe(true);
    expect(resolveAppPath('app://hashiya/index.html', root)).toBe(path.join(root, 'index.html'));
    expect(resolveAppPath('app://hashiya/assets/font.woff2?v=3', root)).toBe(path.join(root, 'assets', 'font.woff2'));
    expect(resolveAppPath('app://hashiya/assets/%D8%AD%D8%A7%D8%B4%D9%8A%D8%A9.png', root)).toBe(path.join(root, 'assets', 'حاشية.png'));
    expect(resolveAppPath('app://hashiya/assets/a%20b.css', root)).toBe(path.join(root, 'assets', 'a b.css'));
  });

  it.each([
    ['dot-dot', 'app://hashiya/../secret.txt'],
    ['nested dot-dot', 'app://hashiya/assets/../../secret.txt'],
    ['harmless dot-dot', 'app://hashiya/assets/../index.html'],
    ['dot', 'app://hashiya/./index.html'],
    ['encoded dot-dot', 'app://hashiya/%2e%2e/secret.txt'],
    ['upper-case encoded dot-dot', 'app://hashiya/%2E%2E/secret.txt'],
    ['half-encoded dot-dot', 'app://hashiya/.%2e/secret.txt'],
    ['encoded slash', 'app://hashiya/assets%2f..%2f..%2fsecret.txt'],
    ['encoded slash alone', 'app://hashiya/assets%2Fx.js'],
    ['encoded absolute path', 'app://hashiya/%2Fetc%2Fpasswd'],
    ['encoded backslash', 'app://hashiya/..%5csecret.txt'],
    ['backslash', 'app://hashiya/assets\\..\\..\\secret.txt'],
    ['leading backslash', 'app://hashiya/\\etc\\passwd'],
    ['absolute path', 'app://hashiya//etc/passwd'],
    ['drive letter', 'app://hashiya/C:/Windows/win.ini'],
    ['encoded drive letter', 'app://hashiya/C%3A%5CWindows%5Cwin.ini'],
    ['NUL', 'app://hashiya/index.html\0.js'],
    ['encoded NUL', 'app://hashiya/index.html%00.js'],
    ['malformed escape', 'app://hashiya/%zz.js'],
    ['directory', 'app://hashiya/assets/'],
    ['other host', 'app://other/index.html'],
    ['host with a suffix', 'app://hashiya.evil/index.html'],
    ['port', 'app://hashiya:80/index.html'],
    ['user info', 'app://x@hashiya/index.html'],
    ['no host', 'app:///index.html'],
    ['upper-case scheme', 'APP://hashiya/index.html'],
    ['file URL', 'file:///etc/passwd'],
    ['http URL', 'http://hashiya/index.html'],
    ['bare path', '/index.html'],
  ])('refuses %s', (_name, url) => {
    expect(resolveAppPath(url, root)).toBeNull();
  });

  it('never resolves outside the folder, whatever the path', () => {
    const pieces = fc.constantFrom('.', '..', '/', '\\', '%2e', '%2E', '%2f', '%5c', '%00', '%', 'a', 'x.js', ':', 'C:', '?', '#', '%2e%2e');
    fc.assert(
      fc.property(fc.array(pieces, { maxLength: 12 }), (parts) => {
        const resolved = resolveAppPath(`app://hashiya/${parts.join('')}`, root);
        return resolved === null || inside(resolved);
      }),
      { numRuns: 2000 },
    );
  });
});
