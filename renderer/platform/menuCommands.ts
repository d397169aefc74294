import type { HashiyaApi, MenuCommand } from '../../shared/ipc/contract';
import type { HashiyaStore } from '../store/createStore';
import { inTextField } from '../actions/inTextField';

// Typing in a form field keeps the field's own undo history, as the keyboard does.

/** Does what an application-menu command asks, with the same store actions as the toolbar and keys. */
export async function runMenuCommand(command: MenuCommand, api: HashiyaApi, store: HashiyaStore): Promise<void> {
  const st = store.getState();
  switch (command) {
    case 'import-text': {
      const { files } = await api.openTextFiles();
      if (files.length) await st.importFiles(files);
      return;
    }
    case 'import':
    case 'export':
      st.setOverlay(command);
      return;
    case 'backup':
      // The whole library, every table, into the backup folder (see BackupsDialog).
      await st.backUpNow('manual');
      return;
    case 'undo':
    case 'redo':
      if (inTextField(document.activeElement)) document.execCommand(command);
      else if (st.open && (st.overlay === null || st.overlay === 'keys')) st[command]();
      return;
  }
}

/**
 * Wires the application menu (Electron only) to the store: menu commands, and files
 * opened from File > Open Recent, which are imported like picked ones. Returns a
 * function that disconnects; does nothing where the platform has no menu.
 */
export function connectMenu(api: HashiyaApi, store: HashiyaStore): () => void {
  const stopCommands = api.onMenuCommand?.((command) => void runMenuCommand(command, api, store));
  const stopFiles = api.onFilesOpened?.((opened) => void store.getState().importFiles(opened.files));
  return () => {
    stopCommands?.();
    stopFiles?.();
  };
}
