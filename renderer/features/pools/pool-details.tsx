import { useQuery } from '@tanstack/react-query';
import { Button, Disclosure, DisclosurePanel, Heading } from 'react-aria-components';
import type { PasswordPolicy, PoolDetails } from '../../../shared/contract';
import { clientsQuery, poolQuery, useRefreshPool } from '../../api/queries';
import { BusyButton } from '../../components/busy-button';
import { ErrorNotice } from '../../components/error-notice';
import { Loading } from '../../components/loading';
import {
  attributeLabel,
  mechanismLabel,
  MFA_LABELS,
  recoveryOrderSummary,
  secretWording,
  userExistenceWording,
} from './pool-wording';

interface PoolDetailsProps {
  connectionId: string;
  poolId: string;
}

/** The character kinds the policy requires, in the order Cognito lists them. */
function requiredKinds(policy: PasswordPolicy): string[] {
  return [
    policy.requireUppercase && 'upper-case letter',
    policy.requireLowercase && 'lower-case letter',
    policy.requireNumbers && 'number',
    policy.requireSymbols && 'symbol',
  ].filter((kind): kind is string => typeof kind === 'string');
}

function listOrNone(values: string[], none: string): string {
  return values.length > 0 ? values.map(attributeLabel).join(', ') : none;
}

/** The pool's name and the settings that decide whether and how recovery works. */
export function PoolOverview({ connectionId, poolId }: PoolDetailsProps) {
  const pool = useQuery(poolQuery({ connectionId, userPoolId: poolId }));
  const refresh = useRefreshPool();

  if (pool.isPending) return <Loading>Loading the pool’s settings…</Loading>;
  if (pool.isError) {
    return (
      <ErrorNotice error={pool.error} channel="pools:describe" title="Could not read the pool’s settings" onRetry={() => void pool.refetch()} />
    );
  }
  const details = pool.data;
  return (
    <section className="pool-overview" aria-labelledby="pool-heading">
      <div className="pool-title">
        <h2 id="pool-heading">{details.name}</h2>
        <span className="pool-id">{details.id}</span>
        {details.estimatedNumberOfUsers !== undefined && (
          <span className="muted">about {details.estimatedNumberOfUsers.toLocaleString()} users</span>
        )}
        <BusyButton
          className="button button-quiet pool-refresh"
          isPending={refresh.isPending || pool.isFetching}
          // The name starts with the visible words, so speech input ("click Refresh settings") finds it.
          aria-label="Refresh settings and app clients"
          onPress={() => refresh.mutate({ connectionId, userPoolId: poolId })}
        >
          Refresh settings
        </BusyButton>
      </div>
      {refresh.isError && <ErrorNotice error={refresh.error} channel="pools:refresh" title="Could not refresh the pool’s settings" />}
      <p className="pool-summary">
        <span>
          <strong>Passwords:</strong> {[`${details.passwordPolicy.minimumLength}+ characters`, ...requiredKinds(details.passwordPolicy)].join(', ')}
        </span>
        <span>
          <strong>Recovery:</strong> {recoveryOrderSummary(details)}
        </span>
        <span>
          <strong>MFA:</strong> {MFA_LABELS[details.mfaConfiguration]}
        </span>
      </p>
      <Disclosure className="disclosure">
        <Heading level={3} className="disclosure-heading">
          <Button slot="trigger" className="disclosure-trigger">
            Pool settings
          </Button>
        </Heading>
        <DisclosurePanel className="disclosure-panel">
          <p className="muted pool-freshness">Settings and app clients are read once and kept for up to 5 minutes; Refresh settings reads them again.</p>
          <PoolSettings connectionId={connectionId} details={details} />
        </DisclosurePanel>
      </Disclosure>
    </section>
  );
}

function PoolSettings({ connectionId, details }: { connectionId: string; details: PoolDetails }) {
  const policy = details.passwordPolicy;
  return (
    <div className="settings-grid">
      <section aria-labelledby="policy-heading">
        <h4 id="policy-heading">Password policy</h4>
        <dl className="facts">
          <dt>Minimum length</dt>
          <dd>{policy.minimumLength} characters</dd>
          <dt>Requires</dt>
          <dd>{requiredKinds(policy).join(', ') || 'nothing beyond the length'}</dd>
          {policy.temporaryPasswordValidityDays !== undefined && (
            <>
              <dt>Temporary passwords</dt>
              <dd>valid {policy.temporaryPasswordValidityDays} days</dd>
            </>
          )}
          {policy.passwordHistorySize !== undefined && policy.passwordHistorySize > 0 && (
            <>
              <dt>Password history</dt>
              <dd>the last {policy.passwordHistorySize} passwords cannot be reused</dd>
            </>
          )}
        </dl>
      </section>

      <section aria-labelledby="recovery-order-heading">
        <h4 id="recovery-order-heading">Account recovery, in priority order</h4>
        {details.recoveryMechanisms.length === 0 ? (
          <p>
            Not set. Cognito applies its legacy rule: a verified phone number first, otherwise a verified email.
          </p>
        ) : (
          <ol className="plain-ol">
            {details.recoveryMechanisms.map((mechanism) => (
              <li key={mechanism.name}>
                {mechanismLabel(mechanism.name)}
                {mechanism.name === 'admin_only' && ': users cannot reset their own password'}
              </li>
            ))}
          </ol>
        )}
      </section>

      <section aria-labelledby="sign-in-heading">
        <h4 id="sign-in-heading">Sign-in</h4>
        <dl className="facts">
          <dt>Username attributes</dt>
          <dd>{listOrNone(details.usernameAttributes, 'none (users sign in with a username)')}</dd>
          <dt>Aliases</dt>
          <dd>{listOrNone(details.aliasAttributes, 'none')}</dd>
          <dt>Verified automatically</dt>
          <dd>{listOrNone(details.autoVerifiedAttributes, 'nothing')}</dd>
          <dt>MFA</dt>
          <dd>{MFA_LABELS[details.mfaConfiguration]}</dd>
        </dl>
      </section>

      <AppClients connectionId={connectionId} poolId={details.id} />
    </div>
  );
}

function AppClients({ connectionId, poolId }: PoolDetailsProps) {
  const clients = useQuery(clientsQuery({ connectionId, userPoolId: poolId, maxResults: 60 }));
  return (
    <section aria-labelledby="clients-heading" className="settings-wide">
      <h4 id="clients-heading">App clients</h4>
      {clients.isPending && <Loading>Loading app clients…</Loading>}
      {clients.isError && (
        <ErrorNotice error={clients.error} channel="clients:list" title="Could not list app clients" onRetry={() => void clients.refetch()} />
      )}
      {clients.isSuccess &&
        (clients.data.length === 0 ? (
          <p>This pool has no app clients, so self-service recovery cannot be started from here.</p>
        ) : (
          <table className="table">
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Client id</th>
                <th scope="col">Client secret</th>
                <th scope="col">Prevent user existence errors</th>
              </tr>
            </thead>
            <tbody>
              {clients.data.map((client) => (
                <tr key={client.clientId}>
                  <th scope="row">{client.clientName}</th>
                  <td className="mono">{client.clientId}</td>
                  <td>{secretWording(client)}</td>
                  <td>{userExistenceWording(client)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ))}
    </section>
  );
}
