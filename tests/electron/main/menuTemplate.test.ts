import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import type { InterfaceLanguage } from '../../../shared/i18n/interfaceLanguage';
import { MENU_LABELS } from '../../../electron/main/menuLabels';
import { menuTemplate, type MenuHandlers } from '../../../electron/main/menuTemplate';

function handlers() {
  return {
    command: vi.fn<MenuHandlers['command']>(),
    openRecent: vi.fn<MenuHandlers['openRecent']>(),
    clearRecent: vi.fn<MenuHandlers['clearRecent']>(),
    setLanguage: vi.fn<MenuHandlers['setLanguage']>(),
  };
}

function build(language: InterfaceLanguage, platform: NodeJS.Platform = 'linux', recentFiles: string[] = []) {
  const h = handlers();
  return { h, menu: menuTemplate({ language, platform, recentFiles, handlers: h }) };
}

/** Every item, depth first, with the labels of the menus above it. */
function items(menu: MenuItemConstructorOptions[], trail: string[] = []): { item: MenuItemConstructorOptions; trail: string[] }[] {
  return menu.flatMap((item) => {
    const here = [...trail, item.label ?? ''];
    const sub = Array.isArray(item.submenu) ? items(item.submenu, here) : [];
    return [{ item, trail: here }, ...sub];
  });
}

function find(menu: MenuItemConstructorOptions[], ...path: string[]): MenuItemConstructorOptions {
  const found = items(menu).find(({ trail }) => trail.join(' > ') === path.join(' > '));
  if (!found) throw new Error(`no menu item ${path.join(' > ')}`);
  return found.item;
}

const click = (item: MenuItemConstructorOptions) => (item.click as () => void)();

describe.each(['en', 'ar'] as const)('menuTemplate in %s', (language) => {
  const t = MENU_LABELS[language];

  it('has File, Edit and View menus in that language', () => {
    expect(build(language).menu.map((m) => m.label)).toEqual([t.file, t.edit, t.view]);
  });

  it('gives every item but separators a label in that language (its accessible name)', () => {
    for (const platform of ['linux', 'win32', 'darwin'] as const) {
      for (const { item, trail } of items(build(language, platform, ['/home/r/a.txt']).menu)) {
        if (item.type === 'separator') continue;
        expect(item.label?.trim(), trail.join(' > ')).toBeTruthy();
      }
    }
    const other = MENU_LABELS[language === 'en' ? 'ar' : 'en'];
    const labels = items(build(language).menu).map(({ item }) => item.label);
    // Nothing left untranslated (the language names are the same in both on purpose).
    expect(labels.filter((l) => l && Object.values(other).includes(l) && !Object.values(t).includes(l))).toEqual([]);
  });

  it('sends import, export and backup to the renderer, with the usual keys', () => {
    const { h, menu } = build(language);
    const cases = [
      [t.importText, 'import-text', 'CmdOrCtrl+O'],
      [t.importAny, 'import', 'CmdOrCtrl+Shift+O'],
      [t.export, 'export', 'CmdOrCtrl+E'],
      [t.backup, 'backup', 'CmdOrCtrl+Shift+E'],
    ] as const;
    for (const [label, command, accelerator] of cases) {
      const item = find(menu, t.file, label);
      expect(item.accelerator).toBe(accelerator);
      click(item);
      expect(h.command).toHaveBeenLastCalledWith(command);
    }
  });

  it("sends undo and redo to the renderer, with each platform's redo key", () => {
    const linux = build(language, 'linux');
    click(find(linux.menu, t.edit, t.undo));
    click(find(linux.menu, t.edit, t.redo));
    expect(linux.h.command.mock.calls).toEqual([['undo'], ['redo']]);
    expect(find(linux.menu, t.edit, t.undo).accelerator).toBe('CmdOrCtrl+Z');
    expect(find(linux.menu, t.edit, t.redo).accelerator).toBe('CmdOrCtrl+Shift+Z');
    expect(find(build(language, 'darwin').menu, t.edit, t.redo).accelerator).toBe('CmdOrCtrl+Shift+Z');
    expect(find(build(language, 'win32').menu, t.edit, t.redo).accelerator).toBe('Ctrl+Y');
  });

  it('leaves the clipboard and zoom to Electron roles (their platform shortcuts)', () => {
    const { menu } = build(language);
    expect(find(menu, t.edit, t.copy).role).toBe('copy');
    expect(find(menu, t.edit, t.paste).role).toBe('paste');
    expect(find(menu, t.view, t.zoomIn).role).toBe('zoomIn');
    expect(find(menu, t.view, t.zoomOut).role).toBe('zoomOut');
    expect(find(menu, t.view, t.resetZoom).role).toBe('resetZoom');
    // Roles bring their own accelerators; none is overridden.
    for (const { item } of items(menu)) if (item.role) expect(item.accelerator).toBeUndefined();
  });

  it('offers both interface languages, the current one checked', () => {
    const { h, menu } = build(language);
    const ar = find(menu, t.view, t.language, 'العربية');
    const en = find(menu, t.view, t.language, 'English');
    expect([ar.type, en.type]).toEqual(['radio', 'radio']);
    expect([ar.checked, en.checked]).toEqual([language === 'ar', language === 'en']);
    click(language === 'ar' ? en : ar);
    expect(h.setLanguage).toHaveBeenCalledWith(language === 'ar' ? 'en' : 'ar');
  });

  it('lists recent files newest first, opens one, and clears them', () => {
    const { h, menu } = build(language, 'linux', ['/home/rania/ب.txt', '/srv/news/a.txt']);
    const recent = find(menu, t.file, t.openRecent).submenu as MenuItemConstructorOptions[];
    expect(recent.map((i) => i.label ?? i.type)).toEqual(['ب.txt — /home/rania', 'a.txt — /srv/news', 'separator', t.clearRecent]);
    click(recent[1]!);
    expect(h.openRecent).toHaveBeenCalledWith('/srv/news/a.txt');
    click(recent[3]!);
    expect(h.clearRecent).toHaveBeenCalled();
  });

  it('says when there is no recent file', () => {
    const recent = find(build(language).menu, t.file, t.openRecent).submenu as MenuItemConstructorOptions[];
    expect(recent).toEqual([{ label: t.noRecent, enabled: false }]);
  });
});

describe('menuTemplate per platform', () => {
  it('adds the app and Window menus on macOS, and quits from File elsewhere', () => {
    const mac = build('en', 'darwin').menu;
    expect(mac.map((m) => m.role ?? m.label)).toEqual(['appMenu', 'File', 'Edit', 'View', 'windowMenu']);
    expect(items(mac).some(({ item }) => item.role === 'quit')).toBe(false);
    const win = build('ar', 'win32').menu;
    expect(find(win, 'ملف', 'إنهاء').role).toBe('quit');
  });
});
