import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { describeFsError } from '../../cli/describeFsError';

const errno = (code: string, message = `${code}: something, open 'x'`) => Object.assign(new Error(message), { code, syscall: 'open' });

describe('describeFsError', () => {
  it.each([
    ['ENOSPC', 'no space left on the device (ENOSPC)'],
    ['EACCES', 'permission denied (EACCES)'],
    ['EPERM', 'the operation is not permitted (EPERM)'],
    ['ENOTDIR', 'part of the path is a file, not a folder (ENOTDIR)'],
    ['EROFS', 'the file system is read-only (EROFS)'],
    ['EISDIR', 'it is a folder, not a file (EISDIR)'],
    ['EEXIST', 'a file of that name is already there (EEXIST)'],
    ['ENOENT', 'no such file or folder (ENOENT)'],
  ])('says %s in plain words', (code, words) => {
    expect(describeFsError(errno(code))).toBe(words);
  });

  it("falls back on the system's own words for another system error", async () => {
    expect(describeFsError(errno('EXDEV', "EXDEV: cross-device link not permitted, rename 'a' -> 'b'"))).toBe('cross-device link not permitted (EXDEV)');
    expect(describeFsError(errno('EWHATEVER', 'no prefix'))).toBe('the system refused (EWHATEVER)');
    const real = await readFile('/nonexistent/hashiya').catch((e: unknown) => e);
    expect(describeFsError(real)).toBe('no such file or folder (ENOENT)');
  });

  it('gives nothing for what is not a failure of the file system', () => {
    expect(describeFsError(new TypeError('x is undefined'))).toBeNull();
    expect(describeFsError(Object.assign(new TypeError('bad argument'), { code: 'ERR_INVALID_ARG_TYPE' }))).toBeNull();
    expect(describeFsError('ENOSPC')).toBeNull();
  });
});
