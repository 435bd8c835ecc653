// Where the operator is — connection, pool, user — kept in the address's fragment, so a reload (or a
// restart of the desktop window) comes back to the same caller. Ids and a username only: nothing
// secret. The fragment is never sent to the server; the browser shell's launch token, read from it
// at start, is gone from it by then (api/transport.ts).

export interface Place {
  connection?: string | undefined;
  pool?: string | undefined;
  user?: string | undefined;
}

export function readPlace(): Place {
  const params = new URLSearchParams(window.location.hash.slice(1));
  const value = (name: string) => params.get(name) || undefined;
  return { connection: value('connection'), pool: value('pool'), user: value('user') };
}

/** Replaces the fragment (no history entry: Back leaves the page, after asking if a reset is under way). */
export function writePlace(place: Place): void {
  const params = new URLSearchParams();
  if (place.connection) params.set('connection', place.connection);
  if (place.pool) params.set('pool', place.pool);
  if (place.user) params.set('user', place.user);
  const hash = params.toString();
  const next = `${window.location.pathname}${window.location.search}${hash ? `#${hash}` : ''}`;
  if (next !== `${window.location.pathname}${window.location.search}${window.location.hash}`) window.history.replaceState(window.history.state, '', next);
}
