import path from 'node:path';
import { APP_ORIGIN } from './appOrigin';
import { isBelow } from './isBelow';

const PREFIX = `${APP_ORIGIN}/`;

/**
 * Maps an `app://hashiya/<path>` request URL to a file inside `rootDir` (the built
 * renderer); `/` maps to `index.html`. Returns null for anything that is not plainly a
 * file below the root: another scheme or host, a port or user info, `.` or `..` segments
 * (also percent-encoded), encoded `/`, backslashes, NUL, drive letters, empty segments.
 * A check of the string only: links on disk are for {@link realFileInside}, the next step.
 */
export function resolveAppPath(requestUrl: string, rootDir: string): string | null {
  // Work on the raw string: `new URL` would quietly resolve `..` and `%2e%2e` away.
  if (requestUrl !== APP_ORIGIN && !requestUrl.startsWith(PREFIX)) return null;
  const rest = requestUrl.slice(PREFIX.length);
  const rawPath = rest.split(/[?#]/, 1)[0] ?? '';
  if (rawPath === '') return path.join(rootDir, 'index.html');

  const segments: string[] = [];
  for (const raw of rawPath.split('/')) {
    const segment = decodeSegment(raw);
    if (segment === null) return null;
    segments.push(segment);
  }
  const resolved = path.resolve(rootDir, ...segments);
  return isBelow(path.resolve(rootDir), resolved) ? resolved : null;
}

function decodeSegment(raw: string): string | null {
  if (raw === '' || raw.includes('\\')) return null;
  let decoded: string;
  try {
    decoded = decodeURIComponent(raw);
  } catch {
    return null; // malformed percent-encoding
  }
  if (decoded === '.' || decoded === '..') return null;
  // Separators, NUL and `:` (drive letters, NTFS streams) never occur in built asset names.
  if (/[/\\:\0]/.test(decoded)) return null;
  return decoded;
}
