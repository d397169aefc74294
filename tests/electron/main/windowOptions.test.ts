import { describe, expect, it } from 'vitest';
import { windowOptions } from '../../../electron/main/windowOptions';

describe('windowOptions', () => {
  const options = windowOptions('/app/build/electron/preload.cjs');
  const web = options.webPreferences ?? {};

  it('uses the given preload and nothing else from outside', () => {
    expect(web.preload).toBe('/app/build/electron/preload.cjs');
    expect(windowOptions('/elsewhere/p.cjs').webPreferences?.preload).toBe('/elsewhere/p.cjs');
  });

  it('isolates and sandboxes the renderer', () => {
    expect(web.contextIsolation).toBe(true);
    expect(web.sandbox).toBe(true);
    expect(web.nodeIntegration).toBe(false);
    expect(web.nodeIntegrationInSubFrames).toBe(false);
    expect(web.nodeIntegrationInWorker).toBe(false);
  });

  it('keeps web security on and embedding off', () => {
    expect(web.webSecurity).toBe(true);
    expect(web.allowRunningInsecureContent).toBe(false);
    expect(web.webviewTag).toBe(false);
    expect(web.disableBlinkFeatures).toBe('Auxclick');
  });

  it('has the bilingual title and a usable size', () => {
    expect(options.title).toBe('Hashiya — حاشية');
    expect(options.width).toBeGreaterThanOrEqual(1024);
    expect(options.height).toBeGreaterThanOrEqual(700);
    expect(options.minWidth).toBeLessThanOrEqual(options.width!);
  });

  it('returns a fresh object each time', () => {
    const a = windowOptions('/p.cjs');
    const b = windowOptions('/p.cjs');
    expect(a).toEqual(b);
    expect(a).not.toBe(b);
    expect(a.webPreferences).not.toBe(b.webPreferences);
  });
});
