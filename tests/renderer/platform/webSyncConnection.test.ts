import { describe, expect, it } from 'vitest';
import { webSyncConnection } from '../../../renderer/platform/webSyncConnection';

/** Web storage in memory, as a browser's localStorage or sessionStorage behaves. */
class MemoryStorage implements Storage {
  private readonly items = new Map<string, string>();
  refuse = false;
  get length() {
    return this.items.size;
  }
  clear() {
    this.items.clear();
  }
  getItem(key: string) {
    return this.items.get(key) ?? null;
  }
  key(index: number) {
    return [...this.items.keys()][index] ?? null;
  }
  removeItem(key: string) {
    this.items.delete(key);
  }
  setItem(key: string, value: string) {
    if (this.refuse) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    this.items.set(key, value);
  }
  text() {
    return [...this.items.values()].join('\n');
  }
}

/** A storage as webApi hands it over: reached only when a call needs it. */
const at = (storage: Storage) => () => storage;

const connection = { url: 'https://couch.example.org/', project: 'newsroom', user: 'hind' };
const PASSWORD = 'كلمة-سر';

describe('webSyncConnection', () => {
  it('keeps the connection in localStorage and the password in sessionStorage only, and says it is not remembered', async () => {
    const local = new MemoryStorage();
    const session = new MemoryStorage();
    const web = webSyncConnection(at(local), at(session));
    await expect(web.loadSyncConnection()).resolves.toBeNull();
    await web.saveSyncConnection({ connection, password: PASSWORD, remembered: true });
    expect(local.text()).not.toContain(PASSWORD);
    expect(JSON.parse(local.getItem('hashiya.sync.connection')!)).toEqual(connection);
    expect(session.text()).toContain(PASSWORD);
    await expect(web.loadSyncConnection()).resolves.toEqual({ connection, password: PASSWORD, remembered: false });
  });

  it('offers the connection again in a new tab, whose session holds no password', async () => {
    const local = new MemoryStorage();
    await webSyncConnection(at(local), at(new MemoryStorage())).saveSyncConnection({ connection, password: PASSWORD });
    await expect(webSyncConnection(at(local), at(new MemoryStorage())).loadSyncConnection()).resolves.toEqual({ connection, password: '', remembered: false });
  });

  it("never gives one server's password for another connection, and ignores what it did not write", async () => {
    const local = new MemoryStorage();
    const session = new MemoryStorage();
    const web = webSyncConnection(at(local), at(session));
    await web.saveSyncConnection({ connection, password: PASSWORD });
    // Another tab connected elsewhere: this tab's session still holds the first password.
    local.setItem('hashiya.sync.connection', JSON.stringify({ ...connection, url: 'https://elsewhere.example/' }));
    await expect(web.loadSyncConnection()).resolves.toMatchObject({ password: '' });
    local.setItem('hashiya.sync.connection', '{"url":');
    await expect(web.loadSyncConnection()).resolves.toBeNull();
    local.setItem('hashiya.sync.connection', JSON.stringify({ url: 1, project: 'newsroom', user: 'hind' }));
    await expect(web.loadSyncConnection()).resolves.toBeNull();
  });

  it('forgets both, and rejects when the browser refuses to store', async () => {
    const local = new MemoryStorage();
    const session = new MemoryStorage();
    const web = webSyncConnection(at(local), at(session));
    await web.saveSyncConnection({ connection, password: PASSWORD });
    await web.forgetSyncConnection();
    expect([local.length, session.length]).toEqual([0, 0]);
    await expect(web.loadSyncConnection()).resolves.toBeNull();
    local.refuse = true;
    await expect(web.saveSyncConnection({ connection, password: PASSWORD })).rejects.toThrow(/quota/);
  });

  it('rejects, rather than failing the page, where the browser denies web storage altogether', async () => {
    const denied = () => {
      throw new DOMException('The operation is insecure.', 'SecurityError');
    };
    const web = webSyncConnection(denied, denied);
    await expect(web.loadSyncConnection()).rejects.toThrow(/insecure/);
    await expect(web.forgetSyncConnection()).rejects.toThrow(/insecure/);
  });
});
