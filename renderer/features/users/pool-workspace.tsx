import { useEffect, useRef, useState } from 'react';
import { readPlace, writePlace } from '../../components/place';
import { useT } from '../../i18n/use-t';
import { PoolOverview } from '../pools/pool-details';
import { noteUserOpened } from './opening';
import { UserPanel } from './user-panel';
import { UserResults } from './user-results';
import { EMPTY_SEARCH, UserSearchForm, type UserSearch } from './user-search-form';

interface PoolWorkspaceProps {
  connectionId: string;
  poolId: string;
}

/** One pool: its settings at the top, users on the left, the open user and their reset on the right. */
export function PoolWorkspace({ connectionId, poolId }: PoolWorkspaceProps) {
  const t = useT();
  const [search, setSearch] = useState<UserSearch>(EMPTY_SEARCH);
  // The user in the address, when it names this pool: a reload comes back to the same caller.
  const [username, setUsername] = useState<string | undefined>(() => {
    const place = readPlace();
    return place.connection === connectionId && place.pool === poolId ? place.user : undefined;
  });
  useEffect(() => {
    writePlace({ connection: connectionId, pool: poolId, user: username });
  }, [connectionId, poolId, username]);
  // A pool just chosen: the next thing is to type what the caller says. (Not when a reload brought a user back.)
  const usersRef = useRef<HTMLElement>(null);
  const restoredUser = useRef(username !== undefined);
  useEffect(() => {
    if (!restoredUser.current) usersRef.current?.querySelector<HTMLInputElement>('input[type="search"], input')?.focus();
  }, []);

  return (
    <>
      <PoolOverview connectionId={connectionId} poolId={poolId} />
      <div className="workspace">
        <section ref={usersRef} className="users-column" aria-labelledby="users-heading">
          <h3 id="users-heading">{t('users.column.heading')}</h3>
          <UserSearchForm onSearch={setSearch} />
          <UserResults
            // A new search starts a new list, scrolled to the top.
            key={JSON.stringify(search)}
            connectionId={connectionId}
            poolId={poolId}
            search={search}
            selectedUsername={username}
            onOpen={(name) => {
              noteUserOpened();
              setUsername(name);
            }}
          />
        </section>
        <div className="user-column">
          {username ? (
            <UserPanel key={username} connectionId={connectionId} poolId={poolId} username={username} />
          ) : (
            <div className="empty-state">
              <p>{t('users.column.empty')}</p>
            </div>
          )}
        </div>
      </div>
    </>
  );
}
