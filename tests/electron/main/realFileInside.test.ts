import { mkdir, mkdtemp, realpath, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { realFileInside } from '../../../electron/main/realFileInside';
import { resolveAppPath } from '../../../electron/main/resolveAppPath';

let work = '';
let root = '';
beforeEach(async () => {
  // Real paths throughout: tmpdir() may itself be reached through a link (macOS's /var).
  work = await realpath(await mkdtemp(path.join(tmpdir(), 'hashiya-real-')));
  root = path.join(work, 'renderer');
  await mkdir(path.join(root, 'assets'), { recursive: true });
  await writeFile(path.join(root, 'index.html'), '<!doctype html>');
  await writeFile(path.join(root, 'assets', 'x.js'), 'export {};');
  await writeFile(path.join(work, 'secret.txt'), 'outside');
});
afterEach(async () => {
  await rm(work, { recursive: true, force: true });
});

describe.skipIf(process.platform === 'win32')('realFileInside', () => {
  it('gives the real path of a plain file inside the root', async () => {
    expect(await realFileInside(path.join(root, 'assets', 'x.js'), root)).toBe(path.join(root, 'assets', 'x.js'));
  });

  it('refuses a link out of the root, to a file or through a folder', async () => {
    await symlink(path.join(work, 'secret.txt'), path.join(root, 'assets', 'leak.js'));
    await symlink(work, path.join(root, 'up'));
    expect(await realFileInside(path.join(root, 'assets', 'leak.js'), root)).toBeNull();
    expect(await realFileInside(path.join(root, 'up', 'secret.txt'), root)).toBeNull();
  });

  it('follows a link that stays within the root, to its real file', async () => {
    await symlink(path.join(root, 'assets', 'x.js'), path.join(root, 'alias.js'));
    await symlink('assets', path.join(root, 'static'));
    expect(await realFileInside(path.join(root, 'alias.js'), root)).toBe(path.join(root, 'assets', 'x.js'));
    expect(await realFileInside(path.join(root, 'static', 'x.js'), root)).toBe(path.join(root, 'assets', 'x.js'));
  });

  it('works when the root itself is reached through a link', async () => {
    await symlink(root, path.join(work, 'current'));
    expect(await realFileInside(path.join(work, 'current', 'index.html'), path.join(work, 'current'))).toBe(path.join(root, 'index.html'));
  });

  it('refuses a missing file, a dangling link, a folder and the root itself', async () => {
    await symlink(path.join(root, 'gone.js'), path.join(root, 'dangling.js'));
    expect(await realFileInside(path.join(root, 'missing.js'), root)).toBeNull();
    expect(await realFileInside(path.join(root, 'dangling.js'), root)).toBeNull();
    expect(await realFileInside(path.join(root, 'assets'), root)).toBeNull();
    expect(await realFileInside(root, root)).toBeNull();
  });

  it('is the second step after the string check, which stays pure', async () => {
    await symlink(path.join(work, 'secret.txt'), path.join(root, 'assets', 'leak.js'));
    const requested = resolveAppPath('app://hashiya/assets/leak.js', root);
    expect(requested).toBe(path.join(root, 'assets', 'leak.js')); // a name like any other, to the string check
    expect(await realFileInside(requested!, root)).toBeNull();
  });
});
