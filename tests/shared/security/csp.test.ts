import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY, cspMetaTag, META_CONTENT_SECURITY_POLICY } from '../../../shared/security/csp';

const CSP_META_TAG = cspMetaTag();

function directives(policy: string): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const part of policy.split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (name) map.set(name, sources);
  }
  return map;
}

describe('CONTENT_SECURITY_POLICY', () => {
  const policy = directives(CONTENT_SECURITY_POLICY);

  it('has exactly the agreed directives', () => {
    expect(Object.fromEntries(policy)).toEqual({
      'default-src': ["'self'"],
      'script-src': ["'self'", "'wasm-unsafe-eval'"],
      'style-src': ["'self'", "'unsafe-inline'"],
      'font-src': ["'self'"],
      'img-src': ["'self'", 'data:', 'blob:'],
      'connect-src': ["'self'", 'https:', 'http://127.0.0.1:*', 'http://localhost:*'],
      'object-src': ["'none'"],
      'base-uri': ["'none'"],
      'frame-ancestors': ["'none'"],
      'form-action': ["'none'"],
    });
  });

  it('never lets scripts run inline or through eval; WebAssembly (the model on disk) may compile', () => {
    expect(policy.get('script-src')!.filter((s) => s.includes('unsafe'))).toEqual(["'wasm-unsafe-eval'"]);
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/'unsafe-eval'|script-src[^;]*'unsafe-inline'/);
  });

  it('is a valid single header value', () => {
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/[\r\n]/);
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/;\s*;|;\s*$/);
  });
});

describe('META_CONTENT_SECURITY_POLICY', () => {
  it('is the header policy without what a <meta> element cannot carry', () => {
    const header = directives(CONTENT_SECURITY_POLICY);
    header.delete('frame-ancestors');
    expect(directives(META_CONTENT_SECURITY_POLICY)).toEqual(header);
  });

  it('goes into a meta element whose attribute it cannot break out of', () => {
    expect(META_CONTENT_SECURITY_POLICY).not.toMatch(/["<>&]/);
    expect(CSP_META_TAG).toContain(`<meta http-equiv="Content-Security-Policy" content="${META_CONTENT_SECURITY_POLICY}" />`);
    // The audit exemption must sit on the same line as the element it exempts.
    expect(CSP_META_TAG).not.toMatch(/\n/);
    expect(CSP_META_TAG).toMatch(/<!-- eng-disable CSP_GLOBAL_CHECK -->/);
  });
});

describe('cspMetaTag with the team server a build names', () => {
  it('lets the page reach that origin alone', () => {
    const tag = cspMetaTag('https://couch.example.org:6984');
    const connect = /connect-src ([^;]*);/.exec(tag)![1];
    expect(connect).toBe("'self' https://couch.example.org:6984");
    expect(cspMetaTag('https://couch.example.org/')).toContain("connect-src 'self' https://couch.example.org;");
  });

  it('refuses anything but an http(s) origin, naming the variable', () => {
    for (const wrong of ['couch.example.org', 'ftp://couch.example.org', 'https://couch.example.org/newsroom', 'https://u:p@couch.example.org', '*'])
      expect(() => cspMetaTag(wrong), wrong).toThrow(/HASHIYA_TEAM_SERVER must be the team server's origin/);
  });
});
