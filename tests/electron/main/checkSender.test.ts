import { describe, expect, it } from 'vitest';
import { checkSender } from '../../../electron/main/checkSender';

const refusedAlways = [
  undefined,
  null,
  '',
  'not a url',
  'about:blank',
  'about:srcdoc',
  'data:text/html,<p>hi</p>',
  'file:///index.html',
  'file:///C:/Hashiya/index.html',
  'http://localhost:5173/',
  'https://hashiya/',
  'https://example.com/',
  'app://evil/index.html',
  'app://hashiya.evil.com/index.html',
  'app://hashiya:8080/index.html',
  'app://user@hashiya/index.html',
  'app://user:pw@hashiya/',
  'app:///index.html',
  'app:hashiya/index.html',
  'chrome-extension://hashiya/index.html',
  'blob:app://hashiya/1234',
];

describe('checkSender', () => {
  it("accepts the app's own origin, whatever the path", () => {
    expect(checkSender('app://hashiya/index.html')).toBe(true);
    expect(checkSender('app://hashiya/')).toBe(true);
    expect(checkSender('app://hashiya/index.html?doc=1#span-2')).toBe(true);
  });

  it('refuses every other origin when no dev server is configured', () => {
    for (const url of refusedAlways) expect(checkSender(url), String(url)).toBe(false);
  });

  it('accepts exactly the configured dev server origin', () => {
    const dev = 'http://localhost:5173';
    expect(checkSender('http://localhost:5173/', dev)).toBe(true);
    expect(checkSender('http://localhost:5173/src/main.tsx', `${dev}/`)).toBe(true);
    expect(checkSender('app://hashiya/index.html', dev)).toBe(true);
    for (const url of [
      'http://localhost:5174/',
      'https://localhost:5173/',
      'http://127.0.0.1:5173/',
      'http://localhost.evil.com:5173/',
      'http://user@localhost:5173/',
    ]) {
      expect(checkSender(url, dev), url).toBe(false);
    }
    for (const url of refusedAlways.filter((u) => u !== 'http://localhost:5173/')) {
      expect(checkSender(url, dev), String(url)).toBe(false);
    }
  });

  it('ignores a dev server setting that is not an http(s) URL', () => {
    expect(checkSender('file:///index.html', 'file:///index.html')).toBe(false);
    expect(checkSender('about:blank', 'about:blank')).toBe(false);
    expect(checkSender('http://localhost:5173/', 'localhost:5173')).toBe(false);
    expect(checkSender('http://localhost:5173/', '')).toBe(false);
  });
});
