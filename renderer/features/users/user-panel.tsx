import { useQuery } from '@tanstack/react-query';
import { lazy, Suspense } from 'react';
import { Button, Disclosure, DisclosurePanel, Heading } from 'react-aria-components';
import type { UserDetails } from '../../../shared/contract';
import { clientsQuery, poolQuery, userQuery } from '../../api/queries';
import { CopyButton } from '../../components/copy';
import { ErrorNotice } from '../../components/error-notice';
import { useFormat } from '../../components/format';
import { Loading } from '../../components/loading';
import { useT } from '../../i18n/use-t';
import { UserBadges, VerifiedMark } from './user-status';

// Only needed once a user is open; keeps the first screen's bundle small.
const RecoveryPanel = lazy(() => import('../recovery/recovery-panel'));

interface UserPanelProps {
  connectionId: string;
  poolId: string;
  username: string;
}

export function UserPanel({ connectionId, poolId, username }: UserPanelProps) {
  const t = useT();
  const user = useQuery(userQuery({ connectionId, userPoolId: poolId, username }));
  const pool = useQuery(poolQuery({ connectionId, userPoolId: poolId }));
  const clients = useQuery(clientsQuery({ connectionId, userPoolId: poolId, maxResults: 60 }));

  // A failed background refresh (after a recovery action) keeps the user on screen, and with it
  // the reset in progress; only a user that never loaded is replaced by the error.
  if (!user.data) {
    if (user.isError) {
      return <ErrorNotice error={user.error} channel="users:get" title={t('users.panel.loadError', { username })} onRetry={() => void user.refetch()} />;
    }
    return <Loading>{t('users.panel.loading')}</Loading>;
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
        <ErrorNotice error={user.error} channel="users:get" title={t('users.panel.refreshError', { username })} onRetry={() => void user.refetch()} />
      )}
      {pool.isError && (
        <ErrorNotice error={pool.error} channel="pools:describe" title={t('users.panel.poolError')} onRetry={() => void pool.refetch()} />
      )}
      {clients.isError && (
        <ErrorNotice error={clients.error} channel="clients:list" title={t('pools.clients.error')} onRetry={() => void clients.refetch()} />
      )}
      {!pool.data || !clients.data ? (
        (pool.isPending || clients.isPending) && <Loading>{t('users.panel.openingReset')}</Loading>
      ) : (
        <Suspense fallback={<Loading>{t('users.panel.openingReset')}</Loading>}>
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
  const t = useT();
  const format = useFormat();
  const mfaMethods = t.intl.formatList(user.mfaMethods, { type: 'unit' });
  return (
    <section className="user-about" aria-labelledby="about-heading">
      <h4 id="about-heading">{t('users.about.heading', { username: user.username })}</h4>
      <dl className="facts user-facts">
        {user.name && (
          <>
            <dt>{t('users.about.name')}</dt>
            <dd>{user.name}</dd>
          </>
        )}
        <dt>{t('users.about.email')}</dt>
        <dd>
          {user.email ? (
            <>
              {user.email} <VerifiedMark verified={user.emailVerified} /> <CopyButton text={user.email} what="email" />
            </>
          ) : (
            t('users.about.none')
          )}
        </dd>
        <dt>{t('users.about.phone')}</dt>
        <dd>
          {user.phoneNumber ? (
            <>
              {user.phoneNumber} <VerifiedMark verified={user.phoneNumberVerified} />
            </>
          ) : (
            t('users.about.none')
          )}
        </dd>
        <dt>{t('users.about.account')}</dt>
        <dd>{t('users.about.accountState', { enabled: user.enabled ? 'yes' : 'no', status: user.status })}</dd>
        <dt>{t('users.about.mfa')}</dt>
        <dd>
          {user.mfaMethods.length === 0
            ? t('users.about.mfaNone')
            : user.preferredMfa
              ? t('users.about.mfaPreferred', { methods: mfaMethods, preferred: user.preferredMfa })
              : mfaMethods}
        </dd>
        <dt>{t('users.about.created')}</dt>
        <dd>{format.dateTime(user.createdAt)}</dd>
        <dt>{t('users.about.lastChanged')}</dt>
        <dd>{format.dateTime(user.lastModifiedAt)}</dd>
        {user.sub && (
          <>
            <dt>{t('users.about.sub')}</dt>
            <dd>
              <span className="mono break">{user.sub}</span> <CopyButton text={user.sub} what="sub" />
            </dd>
          </>
        )}
      </dl>
      <Disclosure className="disclosure">
        <Heading level={4} className="disclosure-heading">
          <Button slot="trigger" className="disclosure-trigger">
            {t('users.attributes.toggle', { count: user.attributes.length })}
          </Button>
        </Heading>
        <DisclosurePanel className="disclosure-panel">
          <table className="table table-compact">
            <thead>
              <tr>
                <th scope="col">{t('users.attributes.attribute')}</th>
                <th scope="col">{t('users.attributes.value')}</th>
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
