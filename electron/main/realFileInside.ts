import { realpath, stat } from 'node:fs/promises';
import { isBelow } from './isBelow';

/**
 * The second step after {@link resolveAppPath}'s string check, the one that needs the file
 * system: the real path of `filePath`, every link resolved, when it is a regular file
 * whose real location lies below the real `rootDir`; null otherwise, also when it does not
 * exist. A link inside the built renderer that points out of it is never served, a link
 * within it is; a folder is not a file to serve.
 */
export async function realFileInside(filePath: string, rootDir: string): Promise<string | null> {
  try {
    const [root, real] = await Promise.all([realpath(rootDir), realpath(filePath)]);
    if (!isBelow(root, real)) return null;
    return (await stat(real)).isFile() ? real : null;
  } catch {
    return null; // missing, or unreadable: either way nothing to serve
  }
}
