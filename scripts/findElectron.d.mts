/** How long the one download attempt may take. */
export declare const DOWNLOAD_TIMEOUT_MS: number;

/** Electron's binary, or why there is none. */
export type ElectronLookup = { binary: string; reason?: undefined } | { binary?: undefined; reason: string };

/** See findElectron.mjs. */
export declare function findElectron(options: { root: string; timeoutMs?: number; log?: (message: string) => void }): ElectronLookup;
