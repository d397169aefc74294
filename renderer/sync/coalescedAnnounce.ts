import type { LibraryMessage } from '../store/libraryChannel';

/**
 * What the bridge announces, posted with `post` as it comes, except that the library is
 * said to have changed wholesale (`{ kind: 'library' }`) at most once every `ms`: each such
 * message has every window read its library again (10,000 documents, the settings, the
 * entities), and the search and claims workers their tables, while a first sync brings new
 * documents in every batch. One that comes sooner is held and posted when the `ms` are up,
 * once however many came meanwhile, so the last word always reaches the windows.
 */
export function coalescedAnnounce(post: (messages: readonly LibraryMessage[]) => void, ms: number): (messages: readonly LibraryMessage[]) => void {
  let last = -Infinity;
  let held: ReturnType<typeof setTimeout> | null = null;
  const library = () => {
    held = null;
    last = Date.now();
    post([{ kind: 'library' }]);
  };
  return (messages) => {
    const wholesale = messages.some((m) => m.kind === 'library');
    const now = Date.now();
    if (!wholesale || (held === null && now - last >= ms)) {
      if (wholesale) last = now;
      post(messages);
      return;
    }
    post(messages.filter((m) => m.kind !== 'library'));
    held ??= setTimeout(library, last + ms - now);
  };
}
