import { describe, expect, it } from 'vitest';
import { validatePayload } from '../../../electron/main/validatePayload';
import { CHANNELS, MAX_TEXT_PAYLOAD, type Channel, type SaveTextRequest } from '../../../shared/ipc/contract';

const good: SaveTextRequest = {
  suggestedName: 'أخبار-2024.jsonl',
  content: '{"text":"حاشية"}\n',
  filterName: 'JSON Lines',
  extensions: ['jsonl', 'txt'],
};

function rejected(channel: Channel, payload: unknown): string {
  const result = validatePayload(channel, payload);
  if (result.ok) throw new Error(`accepted ${JSON.stringify(payload)?.slice(0, 200)}`);
  return result.reason;
}

describe('validatePayload', () => {
  it('has a schema for every channel of the contract', () => {
    for (const channel of CHANNELS) {
      expect(validatePayload(channel, Symbol('never valid')).ok).toBe(false);
    }
  });

  it('refuses a channel that is not in the contract', () => {
    expect(rejected('files:delete' as Channel, null)).toMatch(/unknown channel/);
    expect(rejected('toString' as Channel, null)).toMatch(/unknown channel/);
  });

  describe('files:open-text', () => {
    it('accepts null or a filter of short extensions, nothing else', () => {
      expect(validatePayload('files:open-text', null)).toEqual({ ok: true, value: null });
      expect(validatePayload('files:open-text', { filterName: 'brat', extensions: ['txt', 'ann'] }).ok).toBe(true);
      for (const payload of [
        undefined,
        {},
        [],
        '',
        0,
        false,
        'null',
        { filterName: 'x', extensions: ['../etc'] },
        { filterName: 'x', extensions: ['txt'], path: '/etc' },
        { filterName: 'x', extensions: Array(17).fill('a') },
      ]) {
        expect(validatePayload('files:open-text', payload).ok).toBe(false);
      }
    });
  });

  describe('files:save-text', () => {
    it('accepts a well-formed request and returns it', () => {
      expect(validatePayload('files:save-text', good)).toEqual({ ok: true, value: good });
      expect(validatePayload('files:save-text', { ...good, extensions: [], content: '' }).ok).toBe(true);
    });

    it('refuses malformed requests', () => {
      expect(rejected('files:save-text', null)).toBeTruthy();
      expect(rejected('files:save-text', 'spans.jsonl')).toBeTruthy();
      expect(rejected('files:save-text', [good])).toBeTruthy();
      const { content: _content, ...noContent } = good;
      expect(rejected('files:save-text', noContent)).toMatch(/content/);
      expect(rejected('files:save-text', { ...good, path: '/etc/passwd' })).toMatch(/path/);
    });

    it('accepts bytes as content (a zip of several files)', () => {
      expect(validatePayload('files:save-text', { ...good, content: new Uint8Array([0x50, 0x4b, 3, 4]) }).ok).toBe(true);
    });

    it('refuses wrongly typed fields', () => {
      expect(rejected('files:save-text', { ...good, suggestedName: 42 })).toMatch(/suggestedName/);
      expect(rejected('files:save-text', { ...good, content: [1, 2, 3] })).toMatch(/content/);
      expect(rejected('files:save-text', { ...good, content: new Uint16Array(3) })).toMatch(/content/);
      expect(rejected('files:save-text', { ...good, filterName: null })).toMatch(/filterName/);
      expect(rejected('files:save-text', { ...good, extensions: 'jsonl' })).toMatch(/extensions/);
      expect(rejected('files:save-text', { ...good, extensions: [1] })).toMatch(/extensions/);
    });

    it('refuses file names that are empty, too long or carry a path', () => {
      for (const suggestedName of ['', 'a'.repeat(256), '../x.jsonl', 'dir/x.jsonl', 'dir\\x.jsonl', '..', '.', 'x\0.jsonl', 'x\n.jsonl']) {
        expect(rejected('files:save-text', { ...good, suggestedName })).toMatch(/suggestedName/);
      }
      expect(validatePayload('files:save-text', { ...good, suggestedName: 'a'.repeat(255) }).ok).toBe(true);
    });

    it('refuses extensions that are not short and alphanumeric', () => {
      for (const extension of ['', '.jsonl', 'js on', '../x', '*', 'a'.repeat(17), 'جسن']) {
        expect(rejected('files:save-text', { ...good, extensions: [extension] })).toMatch(/extensions/);
      }
      expect(rejected('files:save-text', { ...good, extensions: Array(17).fill('txt') })).toMatch(/extensions/);
    });

    it('refuses content over MAX_TEXT_PAYLOAD without echoing it', () => {
      const huge = 'x'.repeat(MAX_TEXT_PAYLOAD + 1);
      const reason = rejected('files:save-text', { ...good, content: huge });
      expect(reason).toMatch(/content/);
      expect(reason.length).toBeLessThan(500);
      expect(validatePayload('files:save-text', { ...good, content: huge.slice(1) }).ok).toBe(true);
    });
  });

  describe('model:open-folder', () => {
    it('takes no request: the page never names the folder', () => {
      expect(validatePayload('model:open-folder', null)).toEqual({ ok: true, value: null });
      expect(rejected('model:open-folder', { path: '/home/analyst/models/ner' })).toBeTruthy();
      expect(rejected('model:open-folder', '/etc')).toBeTruthy();
    });
  });

  describe('menu:set-language', () => {
    it('takes one of the interface languages, and nothing else', () => {
      expect(validatePayload('menu:set-language', { language: 'ar' })).toEqual({ ok: true, value: { language: 'ar' } });
      expect(validatePayload('menu:set-language', { language: 'en' })).toEqual({ ok: true, value: { language: 'en' } });
      for (const bad of [
        null,
        'ar',
        {},
        { language: 'fr' },
        { language: 'AR' },
        { language: 'ar-SY' },
        { language: 1 },
        { language: 'ar', menu: 'File' },
        ['ar'],
      ]) {
        expect(rejected('menu:set-language', bad)).toBeTruthy();
      }
      expect(rejected('menu:set-language', { language: 'de' })).toMatch(/^language: /);
    });
  });

  describe('backup:write, backup:list, backup:read', () => {
    it('takes a backup as text in pieces, and nothing else', () => {
      const pieces = ['{"hashiya_backup":1}\n', '{"t":"spans","r":{}}\n'];
      expect(validatePayload('backup:write', { content: pieces })).toEqual({ ok: true, value: { content: pieces } });
      expect(rejected('backup:write', { content: 'one string' })).toMatch(/content/);
      expect(rejected('backup:write', { content: pieces, name: 'x.jsonl' })).toMatch(/name/);
      expect(rejected('backup:write', { content: pieces, path: '/tmp' })).toMatch(/path/);
      expect(rejected('backup:write', null)).toBeTruthy();
    });

    it('lists with no request at all', () => {
      expect(validatePayload('backup:list', null)).toEqual({ ok: true, value: null });
      expect(rejected('backup:list', { dir: '/etc' })).toBeTruthy();
    });

    it('reads a backup by its name only, never by a path or another file’s name', () => {
      const name = 'hashiya-backup-20261121-093005.jsonl';
      expect(validatePayload('backup:read', { name })).toEqual({ ok: true, value: { name } });
      for (const bad of ['../settings.json', '/home/u/.config/Hashiya/backups/' + name, `..\\${name}`, 'settings.json', `${name}.tmp`, '']) {
        expect(rejected('backup:read', { name: bad }), bad).toMatch(/name/);
      }
      expect(rejected('backup:read', { name, dir: '/' })).toMatch(/dir/);
    });
  });

  describe('sync:load-connection, sync:save-connection, sync:forget-connection', () => {
    const connection = { url: 'https://couch.example.org:6984/', project: 'newsroom', user: 'hind' };

    it('saves a connection to an http(s) server, a project CouchDB can name and a user, with a password', () => {
      expect(validatePayload('sync:save-connection', { connection, password: 'سر' })).toEqual({ ok: true, value: { connection, password: 'سر' } });
      const local = { connection: { ...connection, url: 'http://127.0.0.1:5984' }, password: 'x', remembered: false };
      expect(validatePayload('sync:save-connection', local)).toEqual({ ok: true, value: local });
    });

    it('refuses credentials in the URL, another scheme, a bad project or user, and anything more', () => {
      const bad = (change: Partial<typeof connection>) => rejected('sync:save-connection', { connection: { ...connection, ...change }, password: 'x' });
      expect(bad({ url: 'https://hind:secret@couch.example.org/' })).toBe('connection.url: must not hold a user or password');
      expect(bad({ url: 'ftp://couch.example.org/' })).toBe('connection.url: must start with https:// or http://');
      expect(bad({ url: 'couch.example.org' })).toBe('connection.url: must be a URL');
      expect(bad({ project: 'News Room' })).toMatch(/^connection\.project: must name a CouchDB database/);
      expect(bad({ user: '' })).toBe('connection.user: must name a CouchDB user');
      expect(bad({ user: '_admin' })).toBe('connection.user: must name a CouchDB user');
      expect(bad({ user: 'hind:x' })).toBe('connection.user: must name a CouchDB user');
      // The reason never echoes what was sent: not the URL's password, not the password.
      expect(bad({ url: 'https://hind:secret@couch.example.org/' })).not.toContain('secret');
      expect(rejected('sync:save-connection', { connection, password: '' })).toMatch(/^password: /);
      expect(rejected('sync:save-connection', { connection })).toMatch(/^password: /);
      expect(rejected('sync:save-connection', { connection, password: 'x', encryptedPassword: 'x' })).toMatch(/encryptedPassword/);
      expect(rejected('sync:save-connection', { connection: { ...connection, admin: true }, password: 'x' })).toMatch(/admin/);
      expect(rejected('sync:save-connection', null)).toBeTruthy();
    });

    it('loads and forgets with no request at all', () => {
      expect(validatePayload('sync:load-connection', null)).toEqual({ ok: true, value: null });
      expect(validatePayload('sync:forget-connection', null)).toEqual({ ok: true, value: null });
      expect(rejected('sync:load-connection', { user: 'hind' })).toBeTruthy();
      expect(rejected('sync:forget-connection', connection)).toBeTruthy();
    });
  });
});
