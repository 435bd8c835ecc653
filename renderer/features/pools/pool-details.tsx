import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { Button, Disclosure, DisclosurePanel, Heading } from 'react-aria-components';
import type { PoolDetails } from '../../../shared/contract';
import { clientsQuery, poolQuery, useRefreshPool } from '../../api/queries';
import { BusyButton } from '../../components/busy-button';
import { ErrorNotice } from '../../components/error-notice';
import { Loading } from '../../components/loading';
import { useT } from '../../i18n/use-t';
import { signInMethodsWords } from '../factors/factor-words';
import { attributeList, mechanismLabel, mfaLabel, policySummary, recoveryOrderSummary, requiredKinds, secretWording, userExistenceWording } from './pool-wording';

/** Bold label text inside a summary line ("<strong>Passwords:</strong> …"). */
const strong = (chunks: ReactNode[]) => <strong>{chunks}</strong>;

interface PoolDetailsProps {
  connectionId: string;
  poolId: string;
}

/** The pool's name and the settings that decide whether and how recovery works. */
export function PoolOverview({ connectionId, poolId }: PoolDetailsProps) {
  const t = useT();
  const pool = useQuery(poolQuery({ connectionId, userPoolId: poolId }));
  const refresh = useRefreshPool();

  if (pool.isPending) return <Loading>{t('pools.overview.loading')}</Loading>;
  if (pool.isError) {
    return <ErrorNotice error={pool.error} channel="pools:describe" title={t('pools.overview.error')} onRetry={() => void pool.refetch()} />;
  }
  const details = pool.data;
  return (
    <section className="pool-overview" aria-labelledby="pool-heading">
      <div className="pool-title">
        <h2 id="pool-heading" translate="no">
          {details.name}
        </h2>
        <span className="pool-id">{details.id}</span>
        {details.estimatedNumberOfUsers !== undefined && (
          <span className="muted">{t('pools.overview.estimatedUsers', { count: details.estimatedNumberOfUsers })}</span>
        )}
        <BusyButton
          className="button button-quiet pool-refresh"
          isPending={refresh.isPending || pool.isFetching}
          // The name starts with the visible words, so speech input ("click Refresh settings") finds it.
          aria-label={t('pools.overview.refreshLabel')}
          onPress={() => refresh.mutate({ connectionId, userPoolId: poolId })}
        >
          {t('pools.overview.refresh')}
        </BusyButton>
      </div>
      {refresh.isError && <ErrorNotice error={refresh.error} channel="pools:refresh" title={t('pools.overview.refreshError')} />}
      <p className="pool-summary">
        <span>{t('pools.overview.passwords', { strong, policy: policySummary(t, details.passwordPolicy) })}</span>
        <span>{t('pools.overview.recovery', { strong, order: recoveryOrderSummary(t, details) })}</span>
        <span>{t('pools.overview.mfa', { strong, mfa: mfaLabel(t, details.mfaConfiguration) })}</span>
      </p>
      <Disclosure className="disclosure">
        <Heading level={3} className="disclosure-heading">
          <Button slot="trigger" className="disclosure-trigger">
            {t('pools.overview.settings')}
          </Button>
        </Heading>
        <DisclosurePanel className="disclosure-panel">
          <p className="muted pool-freshness">{t('pools.overview.freshness')}</p>
          <PoolSettings connectionId={connectionId} details={details} />
        </DisclosurePanel>
      </Disclosure>
    </section>
  );
}

function PoolSettings({ connectionId, details }: { connectionId: string; details: PoolDetails }) {
  const t = useT();
  const policy = details.passwordPolicy;
  const kinds = requiredKinds(t, policy);
  return (
    <div className="settings-grid">
      <section aria-labelledby="policy-heading">
        <h4 id="policy-heading">{t('pools.policy.heading')}</h4>
        <dl className="facts">
          <dt>{t('pools.policy.minimumLength')}</dt>
          <dd>{t('pools.policy.characters', { count: policy.minimumLength })}</dd>
          <dt>{t('pools.policy.requires')}</dt>
          <dd>{kinds.length > 0 ? t.intl.formatList(kinds, { type: 'unit' }) : t('pools.policy.requiresNothing')}</dd>
          {policy.temporaryPasswordValidityDays !== undefined && (
            <>
              <dt>{t('pools.policy.temporary')}</dt>
              <dd>{t('pools.policy.temporaryValidity', { days: policy.temporaryPasswordValidityDays })}</dd>
            </>
          )}
          {policy.passwordHistorySize !== undefined && policy.passwordHistorySize > 0 && (
            <>
              <dt>{t('pools.policy.history')}</dt>
              <dd>{t('pools.policy.historySize', { count: policy.passwordHistorySize })}</dd>
            </>
          )}
        </dl>
      </section>

      <section aria-labelledby="recovery-order-heading">
        <h4 id="recovery-order-heading">{t('pools.recovery.heading')}</h4>
        {details.recoveryMechanisms.length === 0 ? (
          <p>{t('pools.recovery.notSet')}</p>
        ) : (
          <ol className="plain-ol">
            {details.recoveryMechanisms.map((mechanism) => (
              <li key={mechanism.name}>{mechanism.name === 'admin_only' ? t('pools.recovery.adminOnly') : mechanismLabel(t, mechanism.name)}</li>
            ))}
          </ol>
        )}
      </section>

      <section aria-labelledby="sign-in-heading">
        <h4 id="sign-in-heading">{t('pools.signIn.heading')}</h4>
        <dl className="facts">
          <dt>{t('pools.signIn.usernameAttributes')}</dt>
          <dd>{attributeList(t, details.usernameAttributes, 'pools.signIn.usernameAttributesNone')}</dd>
          <dt>{t('pools.signIn.aliases')}</dt>
          <dd>{attributeList(t, details.aliasAttributes, 'pools.signIn.aliasesNone')}</dd>
          <dt>{t('pools.signIn.autoVerified')}</dt>
          <dd>{attributeList(t, details.autoVerifiedAttributes, 'pools.signIn.autoVerifiedNone')}</dd>
          <dt>{t('pools.signIn.mfa')}</dt>
          <dd>{mfaLabel(t, details.mfaConfiguration)}</dd>
          <dt>{t('factors.pool.label')}</dt>
          <dd>{signInMethodsWords(t, details.signInFactors ?? ['PASSWORD'])}</dd>
        </dl>
      </section>

      <AppClients connectionId={connectionId} poolId={details.id} />
    </div>
  );
}

function AppClients({ connectionId, poolId }: PoolDetailsProps) {
  const t = useT();
  const clients = useQuery(clientsQuery({ connectionId, userPoolId: poolId, maxResults: 60 }));
  return (
    <section aria-labelledby="clients-heading" className="settings-wide">
      <h4 id="clients-heading">{t('pools.clients.heading')}</h4>
      {clients.isPending && <Loading>{t('pools.clients.loading')}</Loading>}
      {clients.isError && (
        <ErrorNotice error={clients.error} channel="clients:list" title={t('pools.clients.error')} onRetry={() => void clients.refetch()} />
      )}
      {clients.isSuccess &&
        (clients.data.length === 0 ? (
          <p>{t('pools.clients.none')}</p>
        ) : (
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{t('pools.clients.name')}</th>
                <th scope="col">{t('pools.clients.clientId')}</th>
                <th scope="col">{t('pools.clients.clientSecret')}</th>
                <th scope="col">{t('pools.clients.preventUserExistenceErrors')}</th>
              </tr>
            </thead>
            <tbody>
              {clients.data.map((client) => (
                <tr key={client.clientId}>
                  <th scope="row" translate="no">
                    {client.clientName}
                  </th>
                  <td className="mono">{client.clientId}</td>
                  <td>{secretWording(t, client)}</td>
                  <td>{userExistenceWording(t, client)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ))}
    </section>
  );
}
