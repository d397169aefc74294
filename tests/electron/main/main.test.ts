import { mkdir, mkdtemp, readdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { OpenDialogOptions, SaveDialogOptions } from 'electron';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { CHANNELS } from '../../../shared/ipc/contract';
import { CONTENT_SECURITY_POLICY } from '../../../shared/security/csp';
import { backupPieces, sampleLibrary } from '../../support/library';
import { bundle, runBundle } from '../support/loadBundle';

// main.ts runs here for real, bundled as for Electron, against a fake 'electron' module
// that records what it was asked to do.

type Listener = (...args: unknown[]) => unknown;

/** The recent files a settings.json holds. */
const recentFilesIn = (settings: string) => (JSON.parse(settings) as { recentFiles: unknown }).recentFiles;

type MenuTemplate = MenuItem[];
interface MenuItem {
  label?: string;
  role?: string;
  type?: string;
  checked?: boolean;
  click?: () => void;
  submenu?: MenuItem[];
}

/** The item reached by following labels from the top of the last menu set. */
function menuItem(menus: MenuTemplate[], ...labels: string[]): MenuItem {
  let level: MenuItem[] | undefined = menus.at(-1);
  let item: MenuItem | undefined;
  for (const label of labels) {
    item = level?.find((i) => i.label === label);
    if (!item) throw new Error(`no menu item ${labels.join(' > ')}`);
    level = item.submenu;
  }
  return item!;
}

class FakeContents {
  readonly listeners = new Map<string, Listener>();
  readonly sent: [string, unknown][] = [];
  windowOpenHandler: Listener | null = null;
  send(channel: string, payload: unknown) {
    this.sent.push([channel, payload]);
  }
  on(event: string, listener: Listener) {
    this.listeners.set(event, listener);
    return this;
  }
  setWindowOpenHandler(handler: Listener) {
    this.windowOpenHandler = handler;
  }
}

function fakeElectron(options: { lock?: boolean; packaged?: boolean; documents: string; userData: string; languages?: string[]; keychain?: boolean }) {
  const appListeners = new Map<string, Listener>();
  const ipcHandlers = new Map<string, Listener>();
  const protocolHandlers = new Map<string, Listener>();
  const windows: FakeWindow[] = [];
  const order: string[] = [];
  let permissionHandler: Listener | null = null;
  let permissionCheckHandler: Listener | null = null;
  let beforeRequest: { filter: { urls: string[] }; listener: Listener } | null = null;
  const menus: MenuTemplate[] = [];

  class FakeWindow {
    readonly webContents = new FakeContents();
    loadedUrl = '';
    restored = false;
    focused = false;
    constructor(readonly options: Record<string, unknown>) {
      windows.push(this);
    }
    once() {}
    on() {}
    loadURL(url: string) {
      this.loadedUrl = url;
      return Promise.resolve();
    }
    isMinimized() {
      return true;
    }
    restore() {
      this.restored = true;
    }
    show() {}
    focus() {
      this.focused = true;
    }
    static fromWebContents() {
      return windows[0] ?? null;
    }
    static getAllWindows() {
      return windows;
    }
  }

  const electron = {
    app: {
      isPackaged: options.packaged ?? false,
      requestSingleInstanceLock: vi.fn(() => {
        order.push('requestSingleInstanceLock');
        return options.lock ?? true;
      }),
      quit: vi.fn(),
      exit: vi.fn(),
      on: (event: string, listener: Listener) => appListeners.set(event, listener),
      whenReady: () => {
        order.push('whenReady');
        return Promise.resolve();
      },
      getPath: (name: string) => {
        if (name === 'documents') return options.documents;
        if (name === 'userData') return options.userData;
        throw new Error(`unexpected getPath(${name})`);
      },
      getPreferredSystemLanguages: () => options.languages ?? ['en-US'],
      getLocale: () => 'en-US',
    },
    BrowserWindow: FakeWindow,
    Menu: {
      buildFromTemplate: (template: MenuTemplate) => template,
      setApplicationMenu: (menu: MenuTemplate) => menus.push(menu),
    },
    protocol: {
      registerSchemesAsPrivileged: vi.fn(() => order.push('registerSchemesAsPrivileged')),
      handle: (scheme: string, handler: Listener) => {
        order.push('protocol.handle');
        protocolHandlers.set(scheme, handler);
      },
    },
    // Electron's net.fetch of a file: URL, without Chromium.
    net: {
      fetch: async (url: string) => new Response(await readFile(fileURLToPath(url))),
    },
    ipcMain: { handle: (channel: string, handler: Listener) => ipcHandlers.set(channel, handler) },
    session: {
      defaultSession: {
        setPermissionRequestHandler: (handler: Listener) => {
          permissionHandler = handler;
        },
        setPermissionCheckHandler: (handler: Listener) => {
          permissionCheckHandler = handler;
        },
        webRequest: {
          onBeforeRequest: (filter: { urls: string[] }, listener: Listener) => {
            beforeRequest = { filter, listener };
          },
        },
      },
    },
    dialog: { showOpenDialog: vi.fn(), showSaveDialog: vi.fn(), showErrorBox: vi.fn() },
    // The keychain's encryption, reversible only here.
    safeStorage: {
      isEncryptionAvailable: () => options.keychain ?? true,
      encryptString: (text: string) => Buffer.from(`sealed:${Buffer.from(text).toString('hex')}`),
      decryptString: (sealed: Buffer) => Buffer.from(sealed.toString().slice('sealed:'.length), 'hex').toString(),
    },
  };
  return {
    electron,
    appListeners,
    ipcHandlers,
    protocolHandlers,
    windows,
    order,
    menus,
    permission: () => permissionHandler,
    permissionCheck: () => permissionCheckHandler,
    beforeRequest: () => beforeRequest,
  };
}

let code = '';
let work = '';
let electronDir = '';
let rendererDir = '';

beforeAll(async () => {
  code = await bundle('electron/main/main.ts');
});

beforeEach(async () => {
  work = await mkdtemp(path.join(tmpdir(), 'hashiya-main-'));
  electronDir = path.join(work, 'build', 'electron');
  rendererDir = path.join(work, 'build', 'renderer');
  await mkdir(electronDir, { recursive: true });
  await mkdir(path.join(work, 'userData'), { recursive: true });
  await mkdir(path.join(rendererDir, 'assets'), { recursive: true });
  await writeFile(path.join(rendererDir, 'index.html'), '<!doctype html><title>حاشية</title>');
  await writeFile(path.join(rendererDir, 'assets', 'index-abc.js'), 'export {};');
  await writeFile(path.join(work, 'build', 'secret.txt'), 'outside the renderer');
  vi.stubEnv('HASHIYA_DEV_URL', '');
  vi.spyOn(console, 'warn').mockImplementation(() => {}); // refusals are logged
});

afterEach(async () => {
  vi.unstubAllEnvs();
  vi.restoreAllMocks();
  // Main may still be writing its settings (Open Recent) as the test ends: retry while it does.
  await rm(work, { recursive: true, force: true, maxRetries: 10 });
});

async function startMain(options: { lock?: boolean; packaged?: boolean; languages?: string[]; keychain?: boolean } = {}) {
  const fake = fakeElectron({ ...options, documents: work, userData: path.join(work, 'userData') });
  runBundle(code, { electron: fake.electron, dirname: electronDir });
  // Let whenReady().then run to its end (it reads the settings file).
  await vi.waitFor(() => expect(fake.windows.length).toBe(options.lock === false ? 0 : 1));
  return fake;
}

/** Resolves once `check` passes: settings are saved in the background. */
const eventually = (check: () => Promise<void> | void) => vi.waitFor(check, { timeout: 5000 });

function appRequest(url: string, method = 'GET') {
  return { url, method } as Request;
}

type Picked = { name: string; path: string; bytes: Uint8Array };
const described = (files: Picked[]) => files.map((f) => [f.name, f.path, new TextDecoder().decode(f.bytes)]);

/** Picks a.txt and ب.txt in the (fake) open dialog; returns their paths and what main answered. */
async function openTwoFiles(fake: Awaited<ReturnType<typeof startMain>>) {
  const a = path.join(work, 'a.txt');
  const b = path.join(work, 'ب.txt');
  await writeFile(a, 'alpha');
  await writeFile(b, 'باء');
  fake.electron.dialog.showOpenDialog.mockResolvedValueOnce({ canceled: false, filePaths: [a, b] });
  const result = (await fake.ipcHandlers.get('files:open-text')!(fromApp, null)) as { files: Picked[] };
  return { a, b, result };
}

const fromApp = { senderFrame: { url: 'app://hashiya/index.html' }, sender: {} };
const fromElsewhere = { senderFrame: { url: 'https://evil.example/' }, sender: {} };

describe('main process', () => {
  it('registers the app scheme as privileged before ready, and handles it after', async () => {
    const fake = await startMain();
    expect(fake.electron.protocol.registerSchemesAsPrivileged).toHaveBeenCalledWith([
      { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } },
    ]);
    expect(fake.order.indexOf('registerSchemesAsPrivileged')).toBeLessThan(fake.order.indexOf('whenReady'));
    expect(fake.order.indexOf('protocol.handle')).toBeGreaterThan(fake.order.indexOf('whenReady'));
  });

  it('opens one sandboxed window on app://hashiya/index.html with the bundled preload', async () => {
    const fake = await startMain();
    expect(fake.windows).toHaveLength(1);
    const window = fake.windows[0]!;
    expect(window.loadedUrl).toBe('app://hashiya/index.html');
    const web = window.options.webPreferences as Record<string, unknown>;
    expect(web.preload).toBe(path.join(electronDir, 'preload.cjs'));
    expect(web).toMatchObject({ sandbox: true, contextIsolation: true, nodeIntegration: false });
  });

  it('quits when another instance holds the lock, and focuses the window on a second launch', async () => {
    const second = await startMain({ lock: false });
    expect(second.electron.app.quit).toHaveBeenCalled();
    expect(second.windows).toHaveLength(0);

    const first = await startMain();
    first.appListeners.get('second-instance')!();
    expect(first.windows[0]).toMatchObject({ restored: true, focused: true });
  });

  it('serves the built renderer with the CSP and refuses paths outside it', async () => {
    const fake = await startMain();
    const serve = fake.protocolHandlers.get('app')!;

    const index = (await serve(appRequest('app://hashiya/'))) as Response;
    expect(index.status).toBe(200);
    expect(await index.text()).toBe('<!doctype html><title>حاشية</title>');
    expect(index.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(index.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(index.headers.get('x-content-type-options')).toBe('nosniff');

    const script = (await serve(appRequest('app://hashiya/assets/index-abc.js'))) as Response;
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');

    for (const url of [
      'app://hashiya/../secret.txt',
      'app://hashiya/%2e%2e/secret.txt',
      'app://hashiya/..%2fsecret.txt',
      'app://hashiya/missing.js',
      'app://other/index.html',
    ]) {
      const response = (await serve(appRequest(url))) as Response;
      expect(response.status, url).toBe(404);
      expect(await response.text()).not.toContain('outside the renderer');
      expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    }
    expect(((await serve(appRequest('app://hashiya/', 'POST'))) as Response).status).toBe(405);
  });

  it.skipIf(process.platform === 'win32')('serves a link only when its real target is inside the renderer folder', async () => {
    await symlink(path.join(work, 'build', 'secret.txt'), path.join(rendererDir, 'assets', 'leak.js'));
    await symlink(path.join(work, 'build'), path.join(rendererDir, 'up'));
    await symlink(path.join(rendererDir, 'assets', 'index-abc.js'), path.join(rendererDir, 'alias.js'));
    const fake = await startMain();
    const serve = fake.protocolHandlers.get('app')!;
    for (const url of ['app://hashiya/assets/leak.js', 'app://hashiya/up/secret.txt']) {
      const response = (await serve(appRequest(url))) as Response;
      expect(response.status, url).toBe(404);
      expect(await response.text(), url).not.toContain('outside the renderer');
    }
    const alias = (await serve(appRequest('app://hashiya/alias.js'))) as Response;
    expect(alias.status).toBe(200);
    expect(await alias.text()).toBe('export {};');
  });

  it('handles exactly the channels of the contract', async () => {
    const fake = await startMain();
    expect([...fake.ipcHandlers.keys()].sort()).toEqual([...CHANNELS].sort());
  });

  it('refuses IPC from other origins and invalid payloads before showing a dialog', async () => {
    const fake = await startMain();
    const save = fake.ipcHandlers.get('files:save-text')!;
    const open = fake.ipcHandlers.get('files:open-text')!;
    const request = { suggestedName: 'x.jsonl', content: 'x', filterName: 'JSONL', extensions: ['jsonl'] };
    await expect(save(fromElsewhere, request)).rejects.toThrow(/sender/);
    await expect(open({ senderFrame: null, sender: {} }, null)).rejects.toThrow(/sender/);
    await expect(save(fromApp, { ...request, suggestedName: '/etc/passwd' })).rejects.toThrow(/invalid/);
    await expect(open(fromApp, { path: '/etc' })).rejects.toThrow(/invalid/);
    expect(fake.electron.dialog.showSaveDialog).not.toHaveBeenCalled();
    expect(fake.electron.dialog.showOpenDialog).not.toHaveBeenCalled();
  });

  it('saves through the save dialog, atomically, and reports where', async () => {
    const fake = await startMain();
    const save = fake.ipcHandlers.get('files:save-text')!;
    const target = path.join(work, 'chosen.jsonl');
    await writeFile(target, 'old');
    fake.electron.dialog.showSaveDialog.mockResolvedValueOnce({ canceled: false, filePath: target });
    const request = { suggestedName: 'spans.jsonl', content: '{"t":"حاشية"}\n', filterName: 'JSON Lines', extensions: ['jsonl'] };
    await expect(save(fromApp, request)).resolves.toEqual({ saved: true, path: target });
    expect(await readFile(target, 'utf8')).toBe('{"t":"حاشية"}\n');
    const dialogOptions = fake.electron.dialog.showSaveDialog.mock.calls[0]!.at(-1) as SaveDialogOptions;
    expect(dialogOptions).toMatchObject({
      defaultPath: path.join(work, 'spans.jsonl'),
      filters: [
        { name: 'JSON Lines', extensions: ['jsonl'] },
        { name: 'All files', extensions: ['*'] },
      ],
    });

    fake.electron.dialog.showSaveDialog.mockResolvedValueOnce({ canceled: true, filePath: '' });
    await expect(save(fromApp, request)).resolves.toEqual({ saved: false });
  });

  it('writes an export given in pieces whole, through one temporary file', async () => {
    const fake = await startMain();
    const save = fake.ipcHandlers.get('files:save-text')!;
    const target = path.join(work, 'export.jsonl');
    await writeFile(target, 'old');
    const pieces = Array.from({ length: 20_000 }, (_, i) => `{"id":${i},"text":"حاشية"}\n`);
    fake.electron.dialog.showSaveDialog.mockResolvedValueOnce({ canceled: false, filePath: target });
    await expect(save(fromApp, { suggestedName: 'export.jsonl', content: pieces, filterName: 'JSON Lines', extensions: ['jsonl'] })).resolves.toEqual({
      saved: true,
      path: target,
    });
    expect(await readFile(target, 'utf8')).toBe(pieces.join(''));
    expect((await readdir(work)).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('keeps backups in <userData>/backups, lists them newest first and reads one by name only', async () => {
    const fake = await startMain();
    const write = fake.ipcHandlers.get('backup:write')!;
    const list = fake.ipcHandlers.get('backup:list')!;
    const read = fake.ipcHandlers.get('backup:read')!;
    const pieces = await backupPieces(sampleLibrary());
    const written = (await write(fromApp, { content: pieces })) as { ok: true; name: string; path: string };
    expect(written.ok).toBe(true);
    expect(written.name).toMatch(/^hashiya-backup-\d{8}-\d{6}\.jsonl$/);
    expect(written.path).toBe(path.join(work, 'userData', 'backups', written.name));
    expect(await readFile(written.path, 'utf8')).toBe(pieces.join(''));
    const listed = (await list(fromApp, null)) as { ok: true; backups: { name: string; size: number }[] };
    expect(listed.backups.map((b) => [b.name, b.size])).toEqual([[written.name, Buffer.byteLength(pieces.join(''))]]);
    const got = (await read(fromApp, { name: written.name })) as { bytes: Uint8Array };
    expect(new TextDecoder().decode(got.bytes)).toBe(pieces.join(''));

    await expect(read(fromApp, { name: '../settings.json' })).rejects.toThrow(/invalid/);
    await expect(write(fromElsewhere, { content: pieces })).rejects.toThrow(/sender/);
    await expect(write(fromApp, { content: pieces.slice(0, -1) })).rejects.toThrow(/not written/);
    expect(await readdir(path.join(work, 'userData', 'backups'))).toEqual([written.name]);
  });

  it('builds the menu in the system language and sends its commands to the window', async () => {
    const fake = await startMain({ languages: ['ar-SY', 'en-US'] });
    const window = fake.windows[0]!;
    menuItem(fake.menus, 'ملف', 'استيراد ملفات نصية…').click!();
    menuItem(fake.menus, 'تحرير', 'تراجع').click!();
    expect(window.webContents.sent).toEqual([
      ['menu:command', 'import-text'],
      ['menu:command', 'undo'],
    ]);
    expect(menuItem(fake.menus, 'عرض', 'تكبير').role).toBe('zoomIn');
  });

  it('switches the interface language, rebuilding the menu and remembering the choice', async () => {
    const fake = await startMain({ languages: ['ar'] });
    menuItem(fake.menus, 'عرض', 'لغة الواجهة', 'English').click!();
    expect(menuItem(fake.menus, 'View', 'Interface Language', 'English').checked).toBe(true);
    const file = path.join(work, 'userData', 'settings.json');
    await eventually(async () => expect(JSON.parse(await readFile(file, 'utf8'))).toMatchObject({ language: 'en' }));

    const again = await startMain({ languages: ['ar'] });
    expect(menuItem(again.menus, 'File').label).toBe('File');
  });

  it('follows the language chosen in the page, and tells the page the one chosen in the menu', async () => {
    const fake = await startMain({ languages: ['en-US'] });
    const window = fake.windows[0]!;
    const setLanguage = fake.ipcHandlers.get('menu:set-language')!;
    await expect(setLanguage(fromApp, { language: 'ar' })).resolves.toBeNull();
    expect(menuItem(fake.menus, 'عرض', 'لغة الواجهة', 'العربية').checked).toBe(true);
    const file = path.join(work, 'userData', 'settings.json');
    await eventually(async () => expect(JSON.parse(await readFile(file, 'utf8'))).toMatchObject({ language: 'ar' }));
    // The page never hears back about its own choice.
    expect(window.webContents.sent).toEqual([]);
    await expect(setLanguage(fromApp, { language: 'fr' })).rejects.toThrow(/invalid/);
    await expect(setLanguage(fromElsewhere, { language: 'en' })).rejects.toThrow(/sender/);
    expect(menuItem(fake.menus, 'عرض').label).toBe('عرض');

    menuItem(fake.menus, 'عرض', 'لغة الواجهة', 'English').click!();
    expect(window.webContents.sent).toEqual([['menu:language', 'en']]);
    expect(menuItem(fake.menus, 'View', 'Interface Language', 'English').checked).toBe(true);
  });

  it('keeps opened files in File > Open Recent and opens them from there', async () => {
    const fake = await startMain();
    const { a, b } = await openTwoFiles(fake);
    const recent = () => menuItem(fake.menus, 'File', 'Open Recent').submenu!.map((i) => i.label ?? i.type);
    expect(recent()).toEqual([`ب.txt — ${work}`, `a.txt — ${work}`, 'separator', 'Clear Recent']);
    const file = path.join(work, 'userData', 'settings.json');
    await eventually(async () => expect(recentFilesIn(await readFile(file, 'utf8'))).toEqual([b, a]));

    menuItem(fake.menus, 'File', 'Open Recent', `a.txt — ${work}`).click!();
    const window = fake.windows[0]!;
    await eventually(() => expect(window.webContents.sent).toHaveLength(1));
    const [channel, payload] = window.webContents.sent[0]! as [string, { files: Picked[] }];
    expect(channel).toBe('files:opened');
    expect(described(payload.files)).toEqual([['a.txt', a, 'alpha']]);
    await eventually(() => expect(recent()[0]).toBe(`a.txt — ${work}`));

    // A file that has gone is reported and no longer offered.
    await rm(b);
    menuItem(fake.menus, 'File', 'Open Recent', `ب.txt — ${work}`).click!();
    await eventually(() => expect(fake.electron.dialog.showErrorBox).toHaveBeenCalled());
    expect(recent()).toEqual([`a.txt — ${work}`, 'separator', 'Clear Recent']);
    expect(window.webContents.sent).toHaveLength(1);

    menuItem(fake.menus, 'File', 'Open Recent', 'Clear Recent').click!();
    expect(recent()).toEqual(['No Recent Files']);
    await eventually(async () => expect(recentFilesIn(await readFile(file, 'utf8'))).toEqual([]));
  });

  it('opens the picked text files as bytes, refusing one over 64 MB by name', async () => {
    const fake = await startMain();
    const open = fake.ipcHandlers.get('files:open-text')!;
    const { a, b, result } = await openTwoFiles(fake);
    expect(described(result.files)).toEqual([
      ['a.txt', a, 'alpha'],
      ['ب.txt', b, 'باء'],
    ]);
    const dialogOptions = fake.electron.dialog.showOpenDialog.mock.calls[0]!.at(-1) as OpenDialogOptions;
    expect(dialogOptions.properties).toEqual(expect.arrayContaining(['openFile', 'multiSelections']));
    expect(dialogOptions.filters).toEqual([
      { name: 'Text', extensions: ['txt'] },
      { name: 'All files', extensions: ['*'] },
    ]);

    fake.electron.dialog.showOpenDialog.mockResolvedValueOnce({ canceled: true, filePaths: [] });
    await expect(open(fromApp, null)).resolves.toEqual({ files: [] });

    const big = path.join(work, 'huge.txt');
    await writeFile(big, '');
    await (await import('node:fs/promises')).truncate(big, 64 * 1024 * 1024 + 1);
    fake.electron.dialog.showOpenDialog.mockResolvedValueOnce({ canceled: false, filePaths: [a, big] });
    await expect(open(fromApp, null)).rejects.toThrow(/"huge\.txt" is 65 MB/);
  });

  it('denies navigation away, new windows, webviews and permission requests', async () => {
    const fake = await startMain();
    const contents = new FakeContents();
    fake.appListeners.get('web-contents-created')!({}, contents);

    const navigate = (url: string) => {
      const event = { url, preventDefault: vi.fn() };
      contents.listeners.get('will-navigate')!(event);
      return event.preventDefault.mock.calls.length > 0;
    };
    expect(navigate('https://example.com/')).toBe(true);
    expect(navigate('file:///etc/passwd')).toBe(true);
    expect(navigate('http://localhost:5173/')).toBe(true);
    expect(navigate('app://hashiya/index.html')).toBe(false);
    const redirect = { url: 'https://example.com/', preventDefault: vi.fn() };
    contents.listeners.get('will-redirect')!(redirect);
    expect(redirect.preventDefault).toHaveBeenCalled();

    expect(contents.windowOpenHandler!({ url: 'https://example.com/' })).toEqual({ action: 'deny' });
    const attach = { preventDefault: vi.fn() };
    contents.listeners.get('will-attach-webview')!(attach);
    expect(attach.preventDefault).toHaveBeenCalled();

    const callback = vi.fn();
    fake.permission()!({}, 'media', callback);
    fake.permission()!({}, 'clipboard-read', callback);
    expect(callback.mock.calls).toEqual([[false], [false]]);
    expect(fake.permissionCheck()!({}, 'clipboard-read', 'app://hashiya')).toBe(false);
  });

  it('lets the window reach the network only at the kept team server, from the moment it is saved until it is forgotten', async () => {
    const fake = await startMain();
    const { filter, listener } = fake.beforeRequest()!;
    expect(filter.urls).toEqual(['http://*/*', 'https://*/*', 'ws://*/*', 'wss://*/*']);
    const cancelled = (url: string) => {
      const callback = vi.fn();
      listener({ url }, callback);
      return (callback.mock.calls[0]![0] as { cancel: boolean }).cancel;
    };
    expect(cancelled('https://couch.example.org:6984/newsroom/_changes')).toBe(true);
    const saved = { connection: { url: 'https://couch.example.org:6984/', project: 'newsroom', user: 'amina' }, password: 'pw' };
    await fake.ipcHandlers.get('sync:save-connection')!(fromApp, saved);
    expect(cancelled('https://couch.example.org:6984/newsroom/_changes')).toBe(false);
    expect(cancelled('http://couch.example.org:6984/newsroom')).toBe(true);
    expect(cancelled('https://couch.example.org/newsroom')).toBe(true);
    expect(cancelled('https://evil.example/?library=…')).toBe(true);
    expect(cancelled('wss://couch.example.org:6984/')).toBe(true);
    await fake.ipcHandlers.get('sync:forget-connection')!(fromApp, null);
    expect(cancelled('https://couch.example.org:6984/newsroom/_changes')).toBe(true);
  });

  it('uses HASHIYA_DEV_URL in development only', async () => {
    vi.stubEnv('HASHIYA_DEV_URL', 'http://localhost:5173/');
    const dev = await startMain();
    expect(dev.windows[0]!.loadedUrl).toBe('http://localhost:5173/');
    const open = dev.ipcHandlers.get('files:open-text')!;
    dev.electron.dialog.showOpenDialog.mockResolvedValueOnce({ canceled: true, filePaths: [] });
    await expect(open({ senderFrame: { url: 'http://localhost:5173/' }, sender: {} }, null)).resolves.toEqual({
      files: [],
    });

    const packaged = await startMain({ packaged: true });
    expect(packaged.windows[0]!.loadedUrl).toBe('app://hashiya/index.html');
    await expect(packaged.ipcHandlers.get('files:open-text')!({ senderFrame: { url: 'http://localhost:5173/' }, sender: {} }, null)).rejects.toThrow(/sender/);
  });

  it('keeps the team-server connection in settings.json with the password sealed by the keychain, across a restart', async () => {
    const fake = await startMain();
    const saved = { connection: { url: 'https://couch.example.org/', project: 'newsroom', user: 'hind' }, password: 'سر-هند' };
    await expect(fake.ipcHandlers.get('sync:load-connection')!(fromApp, null)).resolves.toBeNull();
    await expect(fake.ipcHandlers.get('sync:save-connection')!(fromApp, saved)).resolves.toBeNull();
    const file = path.join(work, 'userData', 'settings.json');
    const text = await readFile(file, 'utf8');
    expect(text).not.toContain('سر-هند');
    expect(JSON.parse(text)).toMatchObject({ sync: { connection: saved.connection, encryptedPassword: expect.any(String) as unknown } });

    const again = await startMain();
    await expect(again.ipcHandlers.get('sync:load-connection')!(fromApp, null)).resolves.toEqual({ ...saved, remembered: true });
    await expect(again.ipcHandlers.get('sync:forget-connection')!(fromApp, null)).resolves.toBeNull();
    await expect(again.ipcHandlers.get('sync:load-connection')!(fromApp, null)).resolves.toBeNull();
    expect(JSON.parse(await readFile(file, 'utf8'))).not.toHaveProperty('sync');
  });

  it('refuses a connection with credentials in its URL, or from another page, before keeping anything', async () => {
    const fake = await startMain({ keychain: false });
    const save = fake.ipcHandlers.get('sync:save-connection')!;
    const connection = { url: 'https://hind:pw@couch.example.org/', project: 'newsroom', user: 'hind' };
    await expect(save(fromApp, { connection, password: 'pw' })).rejects.toThrow(/invalid request: connection\.url: must not hold a user or password/);
    await expect(save(fromElsewhere, { connection: { ...connection, url: 'https://couch.example.org/' }, password: 'pw' })).rejects.toThrow(/sender/);
    await expect(fake.ipcHandlers.get('sync:load-connection')!(fromApp, null)).resolves.toBeNull();
    // With no keychain, the password stays in memory and the page is told.
    await save(fromApp, { connection: { ...connection, url: 'https://couch.example.org/' }, password: 'pw' });
    await expect(fake.ipcHandlers.get('sync:load-connection')!(fromApp, null)).resolves.toMatchObject({ password: 'pw', remembered: false });
    expect(await readFile(path.join(work, 'userData', 'settings.json'), 'utf8')).not.toContain('pw"');
  });
});
