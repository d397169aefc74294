import type { HashiyaApi, PickedFile } from '../../shared/ipc/contract';
import { t } from '../i18n/i18n';
import { openBackupFolder, rememberedFolder } from './backupFolder';
import { folderPicker } from './fileSystemAccess';
import { folderBackups } from './folderBackups';
import { webSyncConnection } from './webSyncConnection';

// One memory of the picked folder for the page's lifetime, opened only when backups are used.
let memory: ReturnType<typeof rememberedFolder> | null = null;
const backups = folderBackups((pick) => openBackupFolder(folderPicker(), (memory ??= rememberedFolder()), pick));

/**
 * Stands in for the Electron preload when the workbench runs as a web page: a file
 * input for opening, a download for saving, and backups in a folder the user picks where
 * the browser allows it (elsewhere they are `unavailable`, and the UI offers a download), and
 * the team-server connection in web storage (see webSyncConnection.ts).
 */
export const webApi: HashiyaApi = {
  platform: 'web',

  openTextFiles(request) {
    return new Promise((resolve, reject) => {
      const input = document.createElement('input');
      input.type = 'file';
      input.multiple = true;
      input.accept = request ? request.extensions.map((e) => `.${e}`).join(',') : '.txt,text/plain';
      input.setAttribute('aria-label', t('imports.filesInput'));
      input.style.display = 'none';
      document.body.append(input);
      const done = (files: PickedFile[]) => {
        input.remove();
        resolve({ files });
      };
      input.addEventListener('cancel', () => done([]));
      input.addEventListener('change', () => {
        const picked = Promise.all([...(input.files ?? [])].map(async (f) => ({ name: f.name, path: f.name, bytes: new Uint8Array(await f.arrayBuffer()) })));
        // A file the browser cannot read fails the request, which would otherwise never be answered.
        picked.then(done, (error: unknown) => {
          input.remove();
          reject(error instanceof Error ? error : new Error(String(error)));
        });
      });
      input.click();
    });
  },

  ...backups,

  ...webSyncConnection(
    () => localStorage,
    () => sessionStorage,
  ),

  async saveTextFile(request) {
    // A copy into a plain ArrayBuffer: Blob does not take views of shared memory.
    const c = request.content;
    const parts: BlobPart[] = typeof c === 'string' ? [c] : c instanceof Uint8Array ? [new Uint8Array(c)] : [...c];
    const blob = new Blob(parts, { type: 'application/octet-stream' });
    // A browser starts a download only from a recent click. A long export outlives that
    // moment, so it is offered behind a button of its own.
    const active = navigator.userActivation?.isActive ?? true;
    if (!active && !(await confirmSave(request.suggestedName, blob.size))) return { saved: false };
    const url = URL.createObjectURL(blob);
    const a = document.createElement('a');
    a.href = url;
    a.download = request.suggestedName;
    document.body.append(a);
    a.click();
    a.remove();
    // The page cannot know when the browser has finished saving; a large file takes a while.
    setTimeout(() => URL.revokeObjectURL(url), 5 * 60_000);
    return { saved: true, path: request.suggestedName };
  },
};

/** Asks, in a small dialog of its own, to save a file that is ready; resolves with the answer. */
function confirmSave(name: string, bytes: number): Promise<boolean> {
  return new Promise((resolve) => {
    const dialog = document.createElement('dialog');
    dialog.className = 'small-dialog';
    dialog.setAttribute('aria-label', t('export.ready'));
    const p = document.createElement('p');
    p.textContent = t('export.readyText', { name, size: (bytes / 1048576).toFixed(1) });
    const save = document.createElement('button');
    save.type = 'button';
    save.className = 'primary';
    save.textContent = t('export.save', { name });
    const cancel = document.createElement('button');
    cancel.type = 'button';
    cancel.textContent = t('common.cancel');
    const row = document.createElement('div');
    row.className = 'dialog-buttons';
    row.append(cancel, save);
    dialog.append(p, row);
    document.body.append(dialog);
    const done = (ok: boolean) => {
      dialog.close();
      dialog.remove();
      resolve(ok);
    };
    save.addEventListener('click', () => done(true));
    cancel.addEventListener('click', () => done(false));
    dialog.addEventListener('cancel', () => done(false));
    dialog.showModal();
  });
}
