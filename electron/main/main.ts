/**
 * Electron's main process: serves the built renderer on `app://hashiya`, answers the
 * two IPC channels of the contract, and refuses everything else a page could ask for.
 * Everything decidable without Electron lives in the pure modules beside this file.
 */
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  app,
  BrowserWindow,
  dialog,
  ipcMain,
  net,
  protocol,
  session,
  type FileFilter,
  type IpcMainInvokeEvent,
  type OpenDialogOptions,
  type SaveDialogOptions,
} from 'electron';
import { APP_ENTRY_URL, APP_SCHEME } from './appOrigin';
import { atomicWrite } from './atomicWrite';
import { checkSender } from './checkSender';
import { contentType } from './contentType';
import { CONTENT_SECURITY_POLICY } from './csp';
import { guardIpc } from './guardIpc';
import { readPickedFile } from './readPickedFile';
import { resolveAppPath } from './resolveAppPath';
import { windowOptions } from './windowOptions';

// The bundle is build/electron/main.cjs; the renderer is built into build/renderer.
const RENDERER_DIR = path.join(__dirname, '../renderer');
const PRELOAD_PATH = path.join(__dirname, 'preload.cjs');

// A dev server is a development convenience only; a packaged app never reads it.
const devServerUrl = app.isPackaged ? undefined : process.env.HASHIYA_DEV_URL || undefined;

// Must run before 'ready'. standard: real origin and relative URLs; secure: a secure
// context (IndexedDB, crypto.subtle); supportFetchAPI: same-origin fetch of assets.
protocol.registerSchemesAsPrivileged([
  { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
]);

let mainWindow: BrowserWindow | null = null;

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
    contents.on('will-navigate', (event) => {
      if (checkSender(event.url, devServerUrl)) return;
      console.warn(`[security] blocked navigation to ${JSON.stringify(event.url)}`);
      event.preventDefault();
    });
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
    .then(() => {
      session.defaultSession.setPermissionRequestHandler((_contents, permission, callback) => {
        console.warn(`[security] denied permission ${JSON.stringify(permission)}`);
        callback(false);
      });
      protocol.handle(APP_SCHEME, serveRendererFile);
      registerIpc();
      mainWindow = createWindow();
    })
    .catch((error: unknown) => {
      console.error('Hashiya could not start:', error);
      app.exit(1);
    });
}

function createWindow(): BrowserWindow {
  // The audit cannot see into windowOptions(); tests/electron/audit.test.ts audits its
  // result as a literal instead, hence the exemption on this line.
  const window = new BrowserWindow(windowOptions(PRELOAD_PATH)); /* eng-disable AUXCLICK_JS_CHECK CONTEXT_ISOLATION_JS_CHECK SANDBOX_JS_CHECK NODE_INTEGRATION_JS_CHECK */
  window.once('ready-to-show', () => window.show());
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
  const filePath = resolveAppPath(request.url, RENDERER_DIR);
  if (filePath === null) {
    console.warn(`[app] refused ${JSON.stringify(request.url)}`);
    return plainResponse(404, 'Not found');
  }
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
        const dialogOptions: OpenDialogOptions = {
          title: 'Open files',
          properties: ['openFile', 'multiSelections'],
          filters: [
            request ? { name: request.filterName || 'Files', extensions: [...request.extensions] } : { name: 'Text', extensions: ['txt'] },
            { name: 'All files', extensions: ['*'] },
          ],
        };
        const parent = BrowserWindow.fromWebContents(event.sender);
        const result = parent
          ? await dialog.showOpenDialog(parent, dialogOptions)
          : await dialog.showOpenDialog(dialogOptions);
        if (result.canceled) return { files: [] };
        const files = [];
        // One at a time: each may be up to 64 MB.
        for (const filePath of result.filePaths) files.push(await readPickedFile(filePath));
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
        const filters: FileFilter[] = [];
        if (request.extensions.length > 0) {
          filters.push({ name: request.filterName || 'Files', extensions: [...request.extensions] });
        }
        filters.push({ name: 'All files', extensions: ['*'] });
        const dialogOptions: SaveDialogOptions = {
          defaultPath: defaultSavePath(request.suggestedName),
          filters,
        };
        const parent = BrowserWindow.fromWebContents(event.sender);
        const result = parent
          ? await dialog.showSaveDialog(parent, dialogOptions)
          : await dialog.showSaveDialog(dialogOptions);
        if (result.canceled || !result.filePath) return { saved: false };
        await atomicWrite(result.filePath, request.content);
        return { saved: true, path: result.filePath };
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
