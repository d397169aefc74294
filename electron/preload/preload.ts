/**
 * The sandboxed preload: the renderer's only way into main. It exposes exactly
 * `HashiyaApi` as `window.hashiya`, one method per channel, and never hands the page an
 * IPC event, `ipcRenderer` itself or anything from `process`.
 */
import { contextBridge, ipcRenderer } from 'electron';
import type { Channel, HashiyaApi, IpcContract } from '../../shared/ipc/contract';

// Private and typed against the contract; the page never sees a channel name.
function invoke<C extends Channel>(
  channel: C,
  request: IpcContract[C]['request'],
): Promise<IpcContract[C]['response']> {
  return ipcRenderer.invoke(channel, request);
}

const api: HashiyaApi = {
  platform: 'electron',
  openTextFiles: (request) => invoke('files:open-text', request ?? null),
  saveTextFile: (request) => invoke('files:save-text', request),
};

contextBridge.exposeInMainWorld('hashiya', api);
