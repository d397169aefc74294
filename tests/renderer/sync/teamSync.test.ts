import { describe, expect, it } from 'vitest';
import type { SavedSyncConnection } from '../../../shared/sync/syncConnection';
import { createTeamSync } from '../../../renderer/sync/teamSync';

// The window's connection, without a server: what it keeps while it checks one.

const kept: SavedSyncConnection = { connection: { url: 'https://old.example.org/', project: 'newsroom', user: 'amina' }, password: 'old-pw', remembered: true };

function teamSync(before: SavedSyncConnection | null) {
  let saved = before;
  const seenWhileChecking: (SavedSyncConnection | null)[] = [];
  const store = createTeamSync({
    outbox: { idle: () => undefined },
    // The server refuses the sign-in; what is kept at that moment is noted.
    engine: () => ({
      check: () => {
        seenWhileChecking.push(saved);
        return Promise.resolve({ name: 'unauthorized', reason: 'Name or password is incorrect.' });
      },
      start: () => Promise.reject(new Error('a refused connection does not replicate')),
      stop: () => Promise.resolve(),
      resolve: () => Promise.resolve(),
    }),
    setAnnotator: () => Promise.resolve(),
    notifyDenied: () => undefined,
    keeper: {
      load: () => Promise.resolve(saved),
      save: (s) => Promise.resolve(void (saved = s)),
      forget: () => Promise.resolve(void (saved = null)),
    },
  });
  return { store, saved: () => saved, seenWhileChecking };
}

const newServer = { url: 'https://couch.example.org:6984/', project: 'newsroom', user: 'badr' };

describe('createTeamSync: connect', () => {
  it('keeps the new connection while checking it (main lets the window reach only the kept server), and puts the one before back when refused', async () => {
    const t = teamSync(kept);
    expect(await t.store.getState().connect(newServer, 'wrong')).toBe(false);
    expect(t.seenWhileChecking).toEqual([{ connection: newServer, password: 'wrong' }]);
    expect(t.saved()).toEqual(kept);
    expect(t.store.getState().problem).toMatchObject({ kind: 'auth' });
  });

  it('keeps nothing after a refusal when nothing was kept before', async () => {
    const t = teamSync(null);
    expect(await t.store.getState().connect(newServer, 'wrong')).toBe(false);
    expect(t.saved()).toBeNull();
  });
});
