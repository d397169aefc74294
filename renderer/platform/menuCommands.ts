import type { InterfaceLanguage } from '../../shared/i18n/interfaceLanguage';
import type { MenuCommand } from '../../shared/ipc/contract';
import { runAction, type ActionContext, type CommandName } from '../actions/actions';
import { inTextField } from '../actions/inTextField';

/** The registered command each application-menu item runs: the same as its keys and buttons. */
const MENU_ACTIONS: Record<MenuCommand, CommandName> = {
  'import-text': 'importFiles',
  import: 'openImport',
  export: 'openExport',
  backup: 'backUp',
  undo: 'undo',
  redo: 'redo',
};

/** Does what an application-menu command asks, by running its registered command; resolves once it is done. */
export async function runMenuCommand(command: MenuCommand, ctx: ActionContext): Promise<void> {
  // Typing in a form field keeps the field's own undo history, as the keyboard does.
  if ((command === 'undo' || command === 'redo') && inTextField(document.activeElement)) {
    document.execCommand(command);
    return;
  }
  await runAction(MENU_ACTIONS[command], ctx);
}

/**
 * Wires the application menu (Electron only) to the app: menu commands, files opened
 * from File > Open Recent, which are imported like picked ones, and the interface language,
 * which the menu and the page's switch share (either one chosen, both follow). `context`
 * gives what the commands run with at the moment one is chosen. Returns a function that
 * disconnects; does nothing where the platform has no menu.
 */
export function connectMenu(context: () => ActionContext): () => void {
  const { api, store } = context();
  const stopCommands = api.onMenuCommand?.((command) => void runMenuCommand(command, context()));
  const stopFiles = api.onFilesOpened?.((opened) => void store.getState().importFiles(opened.files));
  const stopLanguage = api.onMenuLanguage?.((language) => store.getState().setLanguage(language));
  // A menu that cannot follow keeps its language; the page goes on in the chosen one.
  const tellMenu = (language: InterfaceLanguage) => void api.setMenuLanguage?.({ language }).catch(() => null);
  let unfollow: (() => void) | undefined;
  if (api.setMenuLanguage) {
    // The page's remembered choice is the one both start in.
    tellMenu(store.getState().language);
    unfollow = store.subscribe((s, prev) => {
      if (s.language !== prev.language) tellMenu(s.language);
    });
  }
  return () => {
    stopCommands?.();
    stopFiles?.();
    stopLanguage?.();
    unfollow?.();
  };
}
