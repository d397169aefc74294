import type { Channel, IpcContract } from '../../shared/ipc/contract';
import { checkSender } from './checkSender';
import { validatePayload } from './validatePayload';

/** The part of Electron's `IpcMainInvokeEvent` the guard reads. */
export interface SenderEvent {
  readonly senderFrame: { readonly url: string } | null;
}

/** Where the guard sends its refusals (main's console by default). */
export interface GuardOptions {
  readonly devServerUrl?: string | undefined;
  readonly log?: (message: string) => void;
}

/**
 * Wraps the handler for `channel` so that it runs only for a request from the app's
 * own frame whose payload matches the contract. A refused request is logged and
 * rejected; the handler never sees it.
 */
export function guardIpc<C extends Channel, E extends SenderEvent>(
  channel: C,
  handler: (request: IpcContract[C]['request'], event: E) => Promise<IpcContract[C]['response']>,
  options: GuardOptions = {},
): (event: E, payload: unknown) => Promise<IpcContract[C]['response']> {
  const log = options.log ?? ((message: string) => console.warn(message));
  return async (event, payload) => {
    const senderUrl = event.senderFrame?.url;
    if (!checkSender(senderUrl, options.devServerUrl)) {
      log(`[ipc] ${channel}: refused a request from ${JSON.stringify(senderUrl ?? null)}`);
      throw new Error(`${channel}: the sender is not allowed`);
    }
    const checked = validatePayload(channel, payload);
    if (!checked.ok) {
      log(`[ipc] ${channel}: refused an invalid request: ${checked.reason}`);
      throw new Error(`${channel}: invalid request: ${checked.reason}`);
    }
    return handler(checked.value, event);
  };
}
