import { useQuery } from '@tanstack/react-query';
import { lazy, Suspense } from 'react';
import { Button, Disclosure, DisclosurePanel, Heading } from 'react-aria-components';
import type { UserDetails } from '../../../shared/contract';
import { clientsQuery, poolQuery, userQuery } from '../../api/queries';
import { CopyButton } from '../../components/copy';
import { ErrorNotice } from '../../components/error-notice';
import { formatDateTime } from '../../components/format';
import { Loading } from '../../components/loading';
import { UserBadges, VerifiedMark } from './user-status';

// Only needed once a user is open; keeps the first screen's bundle small.
const RecoveryPanel = lazy(() => import('../recovery/recovery-panel'));

interface UserPanelProps {
  connectionId: string;
  poolId: string;
  username: string;
}

export function UserPanel({ connectionId, poolId, username }: UserPanelProps) {
  const user = useQuery(userQuery({ connectionId, userPoolId: poolId, username }));
  const pool = useQuery(poolQuery({ connectionId, userPoolId: poolId }));
  const clients = useQuery(clientsQuery({ connectionId, userPoolId: poolId, maxResults: 60 }));

  // A failed background refresh (after a recovery action) keeps the user on screen, and with it
  // the reset in progress; only a user that never loaded is replaced by the error.
  if (!user.data) {
    if (user.isError) {
      return <ErrorNotice error={user.error} channel="users:get" title={`Could not load ${username}`} onRetry={() => void user.refetch()} />;
    }
    return <Loading>Loading the user…</Loading>;
  }

  // The call block comes first (what to do next), the facts about the user after it.
  return (
    <article className="user-panel" aria-labelledby="user-heading">
      <header className="user-header">
        <h3 id="user-heading">{user.data.username}</h3>
        <CopyButton text={user.data.username} what="username" />
        <UserBadges user={user.data} />
      </header>

      {user.isError && (
        <ErrorNotice error={user.error} channel="users:get" title={`Could not refresh ${username}`} onRetry={() => void user.refetch()} />
      )}
      {pool.isError && (
        <ErrorNotice error={pool.error} channel="pools:describe" title="Could not read the pool’s recovery settings" onRetry={() => void pool.refetch()} />
      )}
      {clients.isError && (
        <ErrorNotice error={clients.error} channel="clients:list" title="Could not list app clients" onRetry={() => void clients.refetch()} />
      )}
      {!pool.data || !clients.data ? (
        (pool.isPending || clients.isPending) && <Loading>Opening password reset…</Loading>
      ) : (
        <Suspense fallback={<Loading>Opening password reset…</Loading>}>
          <RecoveryPanel
            connectionId={connectionId}
            pool={pool.data}
            username={user.data.username}
            invitationMediums={[...(user.data.email ? (['EMAIL'] as const) : []), ...(user.data.phoneNumber ? (['SMS'] as const) : [])]}
            clients={clients.data}
          />
        </Suspense>
      )}
      <UserFacts user={user.data} />
    </article>
  );
}

function UserFacts({ user }: { user: UserDetails }) {
  return (
    <section className="user-about" aria-labelledby="about-heading">
      <h4 id="about-heading">About {user.username}</h4>
      <dl className="facts user-facts">
        {user.name && (
          <>
            <dt>Name</dt>
            <dd>{user.name}</dd>
          </>
        )}
        <dt>Email</dt>
        <dd>
          {user.email ? (
            <>
              {user.email} <VerifiedMark verified={user.emailVerified} /> <CopyButton text={user.email} what="email" />
            </>
          ) : (
            'None'
          )}
        </dd>
        <dt>Phone</dt>
        <dd>
          {user.phoneNumber ? (
            <>
              {user.phoneNumber} <VerifiedMark verified={user.phoneNumberVerified} />
            </>
          ) : (
            'None'
          )}
        </dd>
        <dt>Account</dt>
        <dd>
          {user.enabled ? 'Enabled' : 'Disabled'} · status {user.status}
        </dd>
        <dt>MFA</dt>
        <dd>{user.mfaMethods.length > 0 ? user.mfaMethods.join(', ') + (user.preferredMfa ? ` (prefers ${user.preferredMfa})` : '') : 'None set up'}</dd>
        <dt>Created</dt>
        <dd>{formatDateTime(user.createdAt)}</dd>
        <dt>Last changed</dt>
        <dd>{formatDateTime(user.lastModifiedAt)}</dd>
        {user.sub && (
          <>
            <dt>Sub</dt>
            <dd>
              <span className="mono break">{user.sub}</span> <CopyButton text={user.sub} what="sub" />
            </dd>
          </>
        )}
      </dl>
      <Disclosure className="disclosure">
        <Heading level={4} className="disclosure-heading">
          <Button slot="trigger" className="disclosure-trigger">
            All attributes ({user.attributes.length})
          </Button>
        </Heading>
        <DisclosurePanel className="disclosure-panel">
          <table className="table table-compact">
            <thead>
              <tr>
                <th scope="col">Attribute</th>
                <th scope="col">Value</th>
              </tr>
            </thead>
            <tbody>
              {user.attributes.map((attribute) => (
                <tr key={attribute.name}>
                  <th scope="row" className="mono">
                    {attribute.name}
                  </th>
                  <td className="break">{attribute.value}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </DisclosurePanel>
      </Disclosure>
    </section>
  );
}
