import type { SaveTextRequest } from '../../shared/ipc/contract';

/** What a save request would write, as text: a string, pieces joined, or UTF-8 bytes decoded. */
export function savedText(content: SaveTextRequest['content']): string {
  if (typeof content === 'string') return content;
  if (content instanceof Uint8Array) return new TextDecoder().decode(content);
  return content.join('');
}
