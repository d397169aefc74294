/** Plain words for the file-system failures a user can cause or meet; the code follows in brackets. */
const WORDS: Readonly<Record<string, string>> = {
  ENOSPC: 'no space left on the device',
  EDQUOT: 'the disk quota is used up',
  EACCES: 'permission denied',
  EPERM: 'the operation is not permitted',
  ENOTDIR: 'part of the path is a file, not a folder',
  EROFS: 'the file system is read-only',
  EISDIR: 'it is a folder, not a file',
  EEXIST: 'a file of that name is already there',
  ENOENT: 'no such file or folder',
  ENOTEMPTY: 'the folder is not empty',
  ELOOP: 'the links go round in a loop',
  ENAMETOOLONG: 'the name is too long',
  EMFILE: 'too many files are open',
  ENFILE: 'too many files are open',
  EBUSY: 'the file or device is busy',
  EIO: 'the device failed to read or write (input/output error)',
  ENXIO: 'no device or reader is there',
  ERR_FS_FILE_TOO_LARGE: 'the file is larger than 2 GiB, more than can be read at once',
};

/**
 * Says in plain words what went wrong with a file operation, ending with the error's code:
 * `no space left on the device (ENOSPC)`. Returns null for anything that is not a failure of
 * the file system (a programming error), which should surface as the bug it is.
 */
export function describeFsError(error: unknown): string | null {
  if (!(error instanceof Error)) return null;
  const { code, syscall } = error as NodeJS.ErrnoException;
  if (typeof code !== 'string') return null;
  const words = WORDS[code];
  if (words) return `${words} (${code})`;
  if (syscall === undefined) return null;
  // Another system error: its message starts with the system's own words, "EXDEV: cross-device link not permitted, rename …".
  const prefix = `${code}: `;
  const described = error.message.startsWith(prefix) ? error.message.slice(prefix.length).split(',', 1)[0] : '';
  return `${described || 'the system refused'} (${code})`;
}
