import type { BrowserWindowConstructorOptions } from 'electron';

/** The main window's options: a sandboxed, context-isolated renderer with one preload. */
export function windowOptions(preloadPath: string): BrowserWindowConstructorOptions {
  return {
    title: 'Hashiya — حاشية',
    width: 1280,
    height: 860,
    minWidth: 800,
    minHeight: 560,
    show: false, // shown on 'ready-to-show' to avoid a white flash
    backgroundColor: '#ffffff',
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      disableBlinkFeatures: 'Auxclick',
    },
  };
}
