/**
 * The sandboxed preload: the renderer's only way into main. It exposes exactly
 * `HashiyaApi` as `window.hashiya`, one method per channel, and never hands the page an
 * IPC event, `ipcRenderer` itself or anything from `process`.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { isInterfaceLanguage } from '../../shared/i18n/interfaceLanguage';
import {
  isMenuCommand,
  isOpenedFiles,
  type Channel,
  type HashiyaApi,
  type IpcContract,
  type MainEventChannel,
  type MainEvents,
} from '../../shared/ipc/contract';

// Private and typed against the contract; the page never sees a channel name.
function invoke<C extends Channel>(channel: C, request: IpcContract[C]['request']): Promise<IpcContract[C]['response']> {
  return ipcRenderer.invoke(channel, request);
}

/**
 * Subscribes the page to one main-to-renderer channel. The page gets only a payload
 * that passes `valid` (never the event, whose `sender` reaches back into IPC); the
 * returned function unsubscribes.
 */
function listen<C extends MainEventChannel>(
  channel: C,
  valid: (payload: unknown) => payload is MainEvents[C],
  callback: (payload: MainEvents[C]) => void,
): () => void {
  const listener = (_event: unknown, payload: unknown) => {
    if (valid(payload)) callback(payload);
  };
  ipcRenderer.on(channel, listener);
  return () => {
    ipcRenderer.removeListener(channel, listener);
  };
}

const api: HashiyaApi = {
  platform: 'electron',
  openTextFiles: (request) => invoke('files:open-text', request ?? null),
  saveTextFile: (request) => invoke('files:save-text', request),
  writeBackup: (request) => invoke('backup:write', request),
  listBackups: () => invoke('backup:list', null),
  readBackup: (request) => invoke('backup:read', request),
  onMenuCommand: (callback) => listen('menu:command', isMenuCommand, callback),
  onFilesOpened: (callback) => listen('files:opened', isOpenedFiles, callback),
  onClosing: (callback) =>
    listen(
      'app:closing',
      (p): p is null => p === null,
      () => callback(),
    ),
  readyToClose: () => invoke('app:ready-to-close', null),
  openModelFolder: () => invoke('model:open-folder', null),
  setMenuLanguage: (request) => invoke('menu:set-language', request),
  onMenuLanguage: (callback) => listen('menu:language', isInterfaceLanguage, callback),
  loadSyncConnection: () => invoke('sync:load-connection', null),
  saveSyncConnection: async (saved) => void (await invoke('sync:save-connection', saved)),
  forgetSyncConnection: async () => void (await invoke('sync:forget-connection', null)),
};

contextBridge.exposeInMainWorld('hashiya', api);
