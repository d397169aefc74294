import path from 'node:path';

/**
 * Whether the absolute path `candidate` lies below the folder `folder` (the folder itself
 * does not count). Names starting with `..` are refused too: built asset names never do.
 */
export function isBelow(folder: string, candidate: string): boolean {
  const relative = path.relative(folder, candidate);
  return relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative);
}
