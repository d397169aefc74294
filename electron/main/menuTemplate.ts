import path from 'node:path';
import type { MenuItemConstructorOptions } from 'electron';
import type { MenuCommand } from '../../shared/ipc/contract';
import { INTERFACE_LANGUAGES, type InterfaceLanguage } from '../../shared/i18n/interfaceLanguage';
import { LANGUAGE_NAMES, MENU_LABELS } from './menuLabels';

/** What the menu's items do; main supplies these, tests record them. */
export interface MenuHandlers {
  /** A command for the renderer (import, export, backup, undo, redo). */
  command(command: MenuCommand): void;
  openRecent(filePath: string): void;
  clearRecent(): void;
  setLanguage(language: InterfaceLanguage): void;
}

export interface MenuOptions {
  readonly language: InterfaceLanguage;
  readonly platform: NodeJS.Platform;
  readonly recentFiles: readonly string[];
  readonly handlers: MenuHandlers;
}

/**
 * The application menu as an Electron template: File (import, open recent, export,
 * backup), Edit (undo, redo and the clipboard), View (zoom, full screen, interface
 * language), plus the app and Window menus on macOS. Every item has a label in `language`,
 * the accessible name screen readers announce, even where a role would supply one.
 *
 * Undo and redo are commands, not roles: a role would only undo typing in a text field,
 * while the renderer routes them to the annotation history (or to the field being edited).
 * Accelerators shared with the page's own keys (Ctrl+O, Ctrl+Z, Ctrl+Shift+E) do not fire
 * twice: Electron runs a menu accelerator only for a key press the page left unhandled.
 */
export function menuTemplate({ language, platform, recentFiles, handlers }: MenuOptions): MenuItemConstructorOptions[] {
  const t = MENU_LABELS[language];
  const mac = platform === 'darwin';
  const command = (label: string, name: MenuCommand, accelerator?: string): MenuItemConstructorOptions => ({
    label,
    ...(accelerator ? { accelerator } : {}),
    click: () => handlers.command(name),
  });

  const recent: MenuItemConstructorOptions[] = recentFiles.length
    ? [
        ...recentFiles.map((file) => ({
          // The name to pick by; the folder tells two files of the same name apart.
          label: `${path.basename(file)} — ${path.dirname(file)}`,
          click: () => handlers.openRecent(file),
        })),
        { type: 'separator' },
        { label: t.clearRecent, click: () => handlers.clearRecent() },
      ]
    : [{ label: t.noRecent, enabled: false }];

  const file: MenuItemConstructorOptions = {
    label: t.file,
    submenu: [
      command(t.importText, 'import-text', 'CmdOrCtrl+O'),
      command(t.importAny, 'import', 'CmdOrCtrl+Shift+O'),
      { label: t.openRecent, submenu: recent },
      { type: 'separator' },
      command(t.export, 'export', 'CmdOrCtrl+E'),
      // The toolbar's Export JSONL, under the name people look for; the same key.
      command(t.backup, 'backup', 'CmdOrCtrl+Shift+E'),
      // macOS quits from the app menu.
      ...(mac ? [] : [{ type: 'separator' as const }, { label: t.quit, role: 'quit' as const }]),
    ],
  };

  const edit: MenuItemConstructorOptions = {
    label: t.edit,
    submenu: [
      command(t.undo, 'undo', 'CmdOrCtrl+Z'),
      // Each platform's usual redo key.
      command(t.redo, 'redo', platform === 'win32' ? 'Ctrl+Y' : 'CmdOrCtrl+Shift+Z'),
      { type: 'separator' },
      { label: t.cut, role: 'cut' },
      { label: t.copy, role: 'copy' },
      { label: t.paste, role: 'paste' },
      { label: t.selectAll, role: 'selectAll' },
    ],
  };

  const view: MenuItemConstructorOptions = {
    label: t.view,
    submenu: [
      { label: t.resetZoom, role: 'resetZoom' },
      { label: t.zoomIn, role: 'zoomIn' },
      { label: t.zoomOut, role: 'zoomOut' },
      { type: 'separator' },
      { label: t.fullScreen, role: 'togglefullscreen' },
      { type: 'separator' },
      {
        label: t.language,
        submenu: INTERFACE_LANGUAGES.map((lang) => ({
          label: LANGUAGE_NAMES[lang],
          type: 'radio' as const,
          checked: lang === language,
          click: () => handlers.setLanguage(lang),
        })),
      },
    ],
  };

  if (!mac) return [file, edit, view];
  return [
    { label: 'Hashiya', role: 'appMenu' },
    file,
    edit,
    view,
    {
      label: t.window,
      role: 'windowMenu',
      submenu: [
        { label: t.minimize, role: 'minimize' },
        { label: t.close, role: 'close' },
      ],
    },
  ];
}
