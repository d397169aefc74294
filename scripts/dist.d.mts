import type { ElectronLookup } from './findElectron.mjs';

/** See dist.mjs. */
export declare function noElectronMessage(reason: string, version?: string): string;

/** See dist.mjs. */
export declare function electronDistDir(root: string): string;

/** See dist.mjs. */
export declare function dist(options: {
  root: string;
  find?: (options: { root: string; log?: (message: string) => void }) => ElectronLookup;
  runScript?: (root: string, script: string) => number;
  builder?: (root: string, args: string[]) => number;
  log?: (message: string) => void;
  error?: (message: string) => void;
}): number;
