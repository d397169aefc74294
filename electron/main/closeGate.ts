/** What the gate needs from the window: ask the page to get ready, and close it for real. */
export interface CloseGateDeps {
  /** Tells the page the window is closing, so it stores its queued changes and backs up. */
  askPage(): void;
  /** Closes the window for real (the gate lets this close through). */
  close(): void;
}

/**
 * Holds a window's close until its page says every queued change is stored (and its
 * backup made, or its work saved to a file when storage fails), so closing never loses
 * the last moments of work. A page that cannot answer — hung or gone — lets the window go.
 */
export function closeGate(deps: CloseGateDeps) {
  let state: 'open' | 'asking' | 'closing' = 'open';
  const letGo = () => {
    if (state === 'closing') return;
    state = 'closing';
    deps.close();
  };
  return {
    /** For the window's `close` event: true while the close must wait (preventDefault). */
    onClose(): boolean {
      if (state === 'closing') return false;
      if (state === 'open') {
        state = 'asking';
        deps.askPage();
      }
      return true;
    },
    /** The page is ready: its changes are stored. */
    ready: letGo,
    /** The page hung or its process went: nothing more can be stored from it. */
    pageGone: letGo,
  };
}
