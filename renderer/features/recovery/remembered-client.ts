import { useState } from 'react';
import type { AppClient } from '../../../shared/contract';

// The app client the operator chose last in a pool, per connection: most callers of a pool sign in
// through the same app, so it is chosen once. Only the id is kept (it is no secret), in this
// browser profile's local storage.

const key = (connectionId: string, userPoolId: string) => `recovery-desk.app-client:${connectionId}:${userPoolId}`;

function readRemembered(connectionId: string, userPoolId: string): string | undefined {
  try {
    return localStorage.getItem(key(connectionId, userPoolId)) ?? undefined;
  } catch {
    // Storage can be unavailable (disabled, full): then nothing is remembered, nothing breaks.
    return undefined;
  }
}

function remember(connectionId: string, userPoolId: string, clientId: string): void {
  try {
    localStorage.setItem(key(connectionId, userPoolId), clientId);
  } catch {
    // See above.
  }
}

/**
 * The chosen app client: the pool's only one, else the one chosen last here (if it still exists),
 * else none until the operator picks one, which is then remembered.
 */
export function useAppClientChoice(connectionId: string, userPoolId: string, clients: readonly AppClient[]) {
  const [chosen, setChosen] = useState(() => readRemembered(connectionId, userPoolId));
  const only = clients.length === 1 ? clients[0]?.clientId : undefined;
  const clientId = only ?? (clients.some((c) => c.clientId === chosen) ? chosen : undefined);
  const choose = (next: string) => {
    setChosen(next);
    remember(connectionId, userPoolId, next);
  };
  return { clientId, choose };
}
