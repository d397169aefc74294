import { describe, expect, it } from 'vitest';
import { mayRequest } from '../../../electron/main/networkPolicy';

const team = 'https://couch.example.org:6984/';

describe('mayRequest', () => {
  it('allows nothing on the network without a kept connection or a dev server', () => {
    for (const url of ['https://couch.example.org:6984/', 'http://127.0.0.1:5984/', 'https://example.com/', 'ws://localhost:5173/', 'not a url'])
      expect(mayRequest(url, {}), url).toBe(false);
  });

  it("allows the team server's exact origin, any path, and nothing beside it", () => {
    expect(mayRequest('https://couch.example.org:6984/newsroom/_changes?feed=longpoll', { teamServerUrl: team })).toBe(true);
    expect(mayRequest('https://couch.example.org:6984', { teamServerUrl: team })).toBe(true);
    for (const url of [
      'http://couch.example.org:6984/newsroom',
      'https://couch.example.org/newsroom',
      'https://couch.example.org:6985/',
      'https://other.couch.example.org:6984/',
      'https://couch.example.org.evil.example:6984/',
      'https://user:pw@couch.example.org:6984/',
      'wss://couch.example.org:6984/',
    ])
      expect(mayRequest(url, { teamServerUrl: team }), url).toBe(false);
  });

  it('ignores a kept address that is no http(s) server', () => {
    expect(mayRequest('https://x/', { teamServerUrl: 'not a url' })).toBe(false);
    expect(mayRequest('ws://x/', { teamServerUrl: 'ws://x/' })).toBe(false);
  });

  it('allows the dev server, its websocket included, in development', () => {
    const allowed = { devServerUrl: 'http://localhost:5173/' };
    expect(mayRequest('http://localhost:5173/src/main.tsx', allowed)).toBe(true);
    expect(mayRequest('ws://localhost:5173/', allowed)).toBe(true);
    expect(mayRequest('http://localhost:5174/', allowed)).toBe(false);
    expect(mayRequest('http://127.0.0.1:5173/', allowed)).toBe(false);
  });
});
