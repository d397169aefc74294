/**
 * Electron's main process: serves the built renderer on `app://hashiya`, answers the
 * IPC channels of the contract, builds the application menu, and refuses everything else
 * a page could ask for.
 * Everything decidable without Electron lives in the pure modules beside this file.
 */
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  app,
  BrowserWindow,
  dialog,
  ipcMain,
  Menu,
  net,
  protocol,
  safeStorage,
  session,
  type FileFilter,
  type IpcMainInvokeEvent,
  type OpenDialogOptions,
  type SaveDialogOptions,
} from 'electron';
import { atomicWrite } from '../../node/atomicWrite';
import type { MainEventChannel, MainEvents } from '../../shared/ipc/contract';
import { CONTENT_SECURITY_POLICY } from '../../shared/security/csp';
import { APP_ENTRY_URL, APP_SCHEME } from './appOrigin';
import { listBackupFiles, readBackupFile, writeBackupFile } from './backupFolder';
import { readModelFolderFiles } from './modelFolderFiles';
import { batchPieces } from './batchPieces';
import { checkSender } from './checkSender';
import { closeGate } from './closeGate';
import { contentType } from './contentType';
import { guardIpc } from './guardIpc';
import { preferredLanguage } from '../../shared/i18n/interfaceLanguage';
import { DIALOG_LABELS } from './dialogLabels';
import { MENU_LABELS } from './menuLabels';
import { menuTemplate, type MenuHandlers } from './menuTemplate';
import { mayRequest, NETWORK_URL_PATTERNS } from './networkPolicy';
import { readPickedFile } from './readPickedFile';
import { realFileInside } from './realFileInside';
import { addRecentFiles, removeRecentFile } from './recentFiles';
import { resolveAppPath } from './resolveAppPath';
import { SettingsFile, type Settings } from './settings';
import { syncConnectionKeeper, type SyncConnectionKeeper } from './syncConnectionKeeper';
import { windowOptions } from './windowOptions';

// The bundle is build/electron/main.cjs; the renderer is built into build/renderer.
const RENDERER_DIR = path.join(__dirname, '../renderer');
const PRELOAD_PATH = path.join(__dirname, 'preload.cjs');

// A dev server is a development convenience only; a packaged app never reads it.
const devServerUrl = app.isPackaged ? undefined : process.env.HASHIYA_DEV_URL || undefined;

// Must run before 'ready'. standard: real origin and relative URLs; secure: a secure
// context (IndexedDB, crypto.subtle); supportFetchAPI: same-origin fetch of assets.
protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } }]);

let mainWindow: BrowserWindow | null = null;
// Each window's close gate, by its page: 'app:ready-to-close' opens the sender's own gate.
const closeGates = new WeakMap<Electron.WebContents, ReturnType<typeof closeGate>>();
let settings: SettingsFile | null = null;
let syncKeeper: SyncConnectionKeeper | null = null;

/** The file dialogs' words in the language the interface last reported. */
const dialogLabels = () => DIALOG_LABELS[settings?.value.language ?? 'en'];

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.show();
    mainWindow.focus();
  });
  app.on('web-contents-created', (_event, contents) => {
    const limitNavigation = (event: { url: string; preventDefault(): void }) => {
      if (checkSender(event.url, devServerUrl)) return;
      console.warn(`[security] blocked navigation to ${JSON.stringify(event.url)}`);
      event.preventDefault();
    };
    contents.on('will-navigate', limitNavigation);
    contents.on('will-redirect', limitNavigation);
    contents.setWindowOpenHandler(({ url }) => {
      console.warn(`[security] blocked a new window for ${JSON.stringify(url)}`);
      return { action: 'deny' };
    });
    contents.on('will-attach-webview', (event) => event.preventDefault());
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) mainWindow = createWindow();
  });
  app
    .whenReady()
    .then(async () => {
      session.defaultSession.setPermissionRequestHandler((_contents, permission, callback) => {
        console.warn(`[security] denied permission ${JSON.stringify(permission)}`);
        callback(false);
      });
      // Checks too (navigator.permissions and the like): the workbench needs none.
      session.defaultSession.setPermissionCheckHandler(() => false);
      protocol.handle(APP_SCHEME, serveRendererFile);
      registerIpc();
      settings = await SettingsFile.load(path.join(app.getPath('userData'), 'settings.json'), {
        language: preferredLanguage(systemLanguages()),
        recentFiles: [],
      });
      syncKeeper = syncConnectionKeeper(safeStorage, settings);
      // The network, for the window: the kept connection's team server only (read at each
      // request, so a connection saved or forgotten holds at once), and the dev server in development.
      session.defaultSession.webRequest.onBeforeRequest({ urls: NETWORK_URL_PATTERNS }, (details, callback) => {
        const allowed = mayRequest(details.url, { teamServerUrl: settings?.value.sync?.connection.url ?? null, devServerUrl });
        if (!allowed) console.warn(`[security] blocked a request to ${JSON.stringify(details.url)}`);
        callback({ cancel: !allowed });
      });
      applyMenu();
      mainWindow = createWindow();
    })
    .catch((error: unknown) => {
      console.error('Hashiya could not start:', error);
      app.exit(1);
    });
}

function systemLanguages(): string[] {
  const preferred = app.getPreferredSystemLanguages();
  return preferred.length ? preferred : [app.getLocale()];
}

const menuHandlers: MenuHandlers = {
  command: (command) => sendToRenderer('menu:command', command),
  openRecent: (filePath) => void openRecent(filePath),
  clearRecent: () => void changeSettings((s) => ({ ...s, recentFiles: [] })),
  // Chosen in the menu: the page follows, as it would its own switch.
  setLanguage: (language) => {
    void changeSettings((s) => ({ ...s, language }));
    sendToRenderer('menu:language', language);
  },
};

/** Builds the menu from the current settings; called again after each change. */
function applyMenu(): void {
  if (!settings) return;
  const { language, recentFiles } = settings.value;
  const template = menuTemplate({ language, platform: process.platform, recentFiles, handlers: menuHandlers });
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}

function changeSettings(change: (s: Settings) => Settings): Promise<void> {
  if (!settings) return Promise.resolve();
  const saved = settings.update(change);
  applyMenu();
  return saved;
}

function sendToRenderer<C extends MainEventChannel>(channel: C, payload: MainEvents[C]): void {
  mainWindow?.webContents.send(channel, payload);
}

/** File > Open Recent: reads the file as the open dialog would and hands it to the renderer. */
async function openRecent(filePath: string): Promise<void> {
  try {
    const file = await readPickedFile(filePath);
    sendToRenderer('files:opened', { files: [file] });
    await changeSettings((s) => ({ ...s, recentFiles: addRecentFiles(s.recentFiles, [filePath]) }));
  } catch (error) {
    // Gone, moved or grown too large: say so, and stop offering it.
    await changeSettings((s) => ({ ...s, recentFiles: removeRecentFile(s.recentFiles, filePath) }));
    const title = MENU_LABELS[settings?.value.language ?? 'en'].openRecent;
    dialog.showErrorBox(title, error instanceof Error ? error.message : String(error));
  }
}

function createWindow(): BrowserWindow {
  // The audit cannot see into windowOptions(); tests/electron/audit.test.ts audits its
  // result as a literal instead, hence the exemption on this line. An exemption holds for
  // the line it is on, so prettier must not break this one.
  // prettier-ignore
  const window = new BrowserWindow(windowOptions(PRELOAD_PATH)); /* eng-disable AUXCLICK_JS_CHECK CONTEXT_ISOLATION_JS_CHECK SANDBOX_JS_CHECK NODE_INTEGRATION_JS_CHECK */
  window.once('ready-to-show', () => window.show());
  // The page stores its queued changes and backs up before the window goes.
  const gate = closeGate({
    askPage: () => window.webContents.send('app:closing', null),
    close: () => window.close(),
  });
  window.on('close', (event) => {
    if (gate.onClose()) event.preventDefault();
  });
  window.on('unresponsive', gate.pageGone);
  window.webContents.on('render-process-gone', gate.pageGone);
  closeGates.set(window.webContents, gate);
  window.on('closed', () => {
    if (mainWindow === window) mainWindow = null;
  });
  window.loadURL(devServerUrl ?? APP_ENTRY_URL).catch((error: unknown) => {
    console.error(`could not load ${devServerUrl ?? APP_ENTRY_URL}:`, error);
  });
  return window;
}

async function serveRendererFile(request: Request): Promise<Response> {
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    return plainResponse(405, 'Method not allowed');
  }
  const requested = resolveAppPath(request.url, RENDERER_DIR);
  if (requested === null) {
    console.warn(`[app] refused ${JSON.stringify(request.url)}`);
    return plainResponse(404, 'Not found');
  }
  // Served by its real path, and only when that stays in the renderer folder: the string
  // check cannot see a link on disk that leads out of it.
  const filePath = await realFileInside(requested, RENDERER_DIR);
  if (filePath === null) return plainResponse(404, 'Not found');
  let file: Response;
  try {
    file = await net.fetch(pathToFileURL(filePath).toString());
  } catch {
    return plainResponse(404, 'Not found');
  }
  if (!file.ok) return plainResponse(404, 'Not found');
  const headers = new Headers(file.headers);
  const type = contentType(filePath);
  if (type) headers.set('Content-Type', type);
  headers.set('Content-Security-Policy', CONTENT_SECURITY_POLICY);
  headers.set('X-Content-Type-Options', 'nosniff');
  return new Response(request.method === 'HEAD' ? null : file.body, { status: 200, headers });
}

function plainResponse(status: number, text: string): Response {
  return new Response(text, {
    status,
    headers: {
      'Content-Type': 'text/plain; charset=utf-8',
      'Content-Security-Policy': CONTENT_SECURITY_POLICY,
      'X-Content-Type-Options': 'nosniff',
    },
  });
}

function registerIpc(): void {
  const options = { devServerUrl };

  ipcMain.handle(
    'files:open-text',
    guardIpc(
      'files:open-text',
      async (request, event: IpcMainInvokeEvent) => {
        const words = dialogLabels();
        const dialogOptions: OpenDialogOptions = {
          title: words.openFiles,
          properties: ['openFile', 'multiSelections'],
          filters: [
            request ? { name: request.filterName || words.files, extensions: [...request.extensions] } : { name: words.text, extensions: ['txt'] },
            { name: words.allFiles, extensions: ['*'] },
          ],
        };
        const parent = BrowserWindow.fromWebContents(event.sender);
        const result = parent ? await dialog.showOpenDialog(parent, dialogOptions) : await dialog.showOpenDialog(dialogOptions);
        if (result.canceled) return { files: [] };
        const files = [];
        // One at a time: each may be up to 64 MB.
        for (const filePath of result.filePaths) files.push(await readPickedFile(filePath));
        void changeSettings((s) => ({ ...s, recentFiles: addRecentFiles(s.recentFiles, result.filePaths) }));
        return { files };
      },
      options,
    ),
  );

  ipcMain.handle(
    'files:save-text',
    guardIpc(
      'files:save-text',
      async (request, event: IpcMainInvokeEvent) => {
        const words = dialogLabels();
        const filters: FileFilter[] = [];
        if (request.extensions.length > 0) {
          filters.push({ name: request.filterName || words.files, extensions: [...request.extensions] });
        }
        filters.push({ name: words.allFiles, extensions: ['*'] });
        const dialogOptions: SaveDialogOptions = {
          defaultPath: defaultSavePath(request.suggestedName),
          filters,
        };
        const parent = BrowserWindow.fromWebContents(event.sender);
        const result = parent ? await dialog.showSaveDialog(parent, dialogOptions) : await dialog.showSaveDialog(dialogOptions);
        if (result.canceled || !result.filePath) return { saved: false };
        const { content } = request;
        // Pieces (a large export) are written a batch at a time into the temporary file.
        await atomicWrite(result.filePath, typeof content === 'string' || content instanceof Uint8Array ? content : batchPieces(content));
        return { saved: true, path: result.filePath };
      },
      options,
    ),
  );

  // Backups live in the user-data folder; the page names a backup only by its file name.
  const backups = () => path.join(app.getPath('userData'), 'backups');
  ipcMain.handle(
    'backup:write',
    guardIpc('backup:write', async (request) => ({ ok: true as const, ...(await writeBackupFile(backups(), request.content, new Date())) }), options),
  );
  ipcMain.handle(
    'backup:list',
    guardIpc('backup:list', async () => ({ ok: true as const, backups: await listBackupFiles(backups()) }), options),
  );
  ipcMain.handle(
    'backup:read',
    guardIpc('backup:read', async (request) => ({ ok: true as const, name: request.name, bytes: await readBackupFile(backups(), request.name) }), options),
  );
  // The page never names a path: main asks the user for the folder and reads only the model's files.
  ipcMain.handle(
    'model:open-folder',
    guardIpc(
      'model:open-folder',
      async (_request, event: IpcMainInvokeEvent) => {
        const dialogOptions: OpenDialogOptions = { title: dialogLabels().chooseModelFolder, properties: ['openDirectory'] };
        const parent = BrowserWindow.fromWebContents(event.sender);
        const result = parent ? await dialog.showOpenDialog(parent, dialogOptions) : await dialog.showOpenDialog(dialogOptions);
        const dir = result.filePaths[0];
        if (result.canceled || !dir) return { ok: false as const, reason: 'cancelled' as const };
        return { ok: true as const, name: path.basename(dir), files: await readModelFolderFiles(dir) };
      },
      options,
    ),
  );
  // Chosen in the page: the menu speaks it too, and it is remembered for the next start.
  ipcMain.handle(
    'menu:set-language',
    guardIpc(
      'menu:set-language',
      async ({ language }) => {
        if (settings && settings.value.language !== language) await changeSettings((s) => ({ ...s, language }));
        return null;
      },
      options,
    ),
  );
  // The team server's connection: in settings.json, its password only as the keychain encrypted it.
  const sync = () => {
    if (!syncKeeper) throw new Error('the settings are not loaded yet');
    return syncKeeper;
  };
  ipcMain.handle(
    'sync:load-connection',
    guardIpc('sync:load-connection', () => Promise.resolve(sync().load()), options),
  );
  ipcMain.handle(
    'sync:save-connection',
    guardIpc(
      'sync:save-connection',
      async (request) => {
        await sync().save(request);
        return null;
      },
      options,
    ),
  );
  ipcMain.handle(
    'sync:forget-connection',
    guardIpc(
      'sync:forget-connection',
      async () => {
        await sync().forget();
        return null;
      },
      options,
    ),
  );
  ipcMain.handle(
    'app:ready-to-close',
    guardIpc(
      'app:ready-to-close',
      (_request, event: IpcMainInvokeEvent) => {
        closeGates.get(event.sender)?.ready();
        return Promise.resolve(null);
      },
      options,
    ),
  );
}

function defaultSavePath(name: string): string {
  try {
    return path.join(app.getPath('documents'), name);
  } catch {
    return name; // some Linux desktops define no documents folder
  }
}
