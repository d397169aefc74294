/** The scheme the built renderer is served from (registered as standard and secure). */
export const APP_SCHEME = 'app';

/** The renderer's origin, and the only one that may call IPC in a packaged build. */
export const APP_ORIGIN = 'app://hashiya';

/** The page main loads when no dev server is configured. */
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;
