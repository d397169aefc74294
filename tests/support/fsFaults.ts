import type * as FsPromises from 'node:fs/promises';

/** The calls a test can make fail: `write` is a FileHandle's writeFile, which fails after writing half its data, as a disk filling up would. */
export type FsCall = 'open' | 'mkdir' | 'rename' | 'write';

/** What the faulty module should do: return an error to throw it from that call, undefined to let the call run. */
export const faults: { fail: ((call: FsCall, path: string) => Error | undefined) | null } = { fail: null };

/** An error shaped as Node's own, e.g. `systemError('ENOSPC', 'write')`. */
export function systemError(code: string, syscall: string, path?: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`${code}: simulated, ${syscall}${path ? ` '${path}'` : ''}`), { code, syscall, ...(path ? { path } : {}) });
}

/**
 * node:fs/promises with faults injected where `faults.fail` asks, for
 * `vi.mock('node:fs/promises', async (original) => (await import('../support/fsFaults')).withFaults(await original()))`.
 */
export function withFaults(actual: typeof FsPromises): typeof FsPromises {
  const check = (call: FsCall, path: unknown) => {
    const error = faults.fail?.(call, String(path));
    if (error) throw error;
  };
  const open: typeof actual.open = async (path, ...rest) => {
    check('open', path);
    const handle = await actual.open(path, ...rest);
    const writeFile = handle.writeFile.bind(handle);
    handle.writeFile = async (data, options) => {
      const error = faults.fail?.('write', String(path));
      if (!error) return writeFile(data, options);
      if (typeof data === 'string' || data instanceof Uint8Array) await writeFile(data.slice(0, Math.floor(data.length / 2)));
      throw error;
    };
    return handle;
  };
  const mkdir = (async (path, options) => {
    check('mkdir', path);
    return actual.mkdir(path, options);
  }) as typeof actual.mkdir;
  const rename: typeof actual.rename = async (from, to) => {
    check('rename', to);
    return actual.rename(from, to);
  };
  return { ...actual, open, mkdir, rename };
}
