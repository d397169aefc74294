import { APP_ORIGIN } from './appOrigin';

/**
 * Whether a frame at `senderUrl` may talk to main (IPC) or be navigated to: only the
 * app's own origin, plus the exact origin of `devServerUrl` when one is configured.
 * Anything unparsable, `file:`, `about:blank`, `data:` or another host is refused.
 */
export function checkSender(senderUrl: string | null | undefined, devServerUrl?: string): boolean {
  if (!senderUrl) return false;
  const url = parse(senderUrl);
  if (url === null || url.username !== '' || url.password !== '') return false;
  if (url.protocol === 'app:') {
    // `app:` is not a special scheme for WHATWG URL, so `origin` is "null"; compare the
    // parts instead. An empty port is required: `app://hashiya:1` is another origin.
    return `${url.protocol}//${url.host}` === APP_ORIGIN;
  }
  if (!devServerUrl) return false;
  const dev = parse(devServerUrl);
  if (dev === null || (dev.protocol !== 'http:' && dev.protocol !== 'https:')) return false;
  return url.origin === dev.origin;
}

function parse(value: string): URL | null {
  try {
    return new URL(value);
  } catch {
    return null;
  }
}
