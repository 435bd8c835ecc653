import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import type { PolicyView } from '../../../shared/contract';
import type { PolicyAction } from '../../../shared/policy';
import { policyQuery } from '../../api/queries';
import { policyProblemWords } from '../../components/error-words';
import { useT, type Translate } from '../../i18n/use-t';

// What the organization's policy fixes on this computer, in the page: a notice in the header while
// its file cannot be used, and in Settings everything it sets. The privileged side enforces it all.

type InvalidPolicy = Extract<PolicyView, { status: 'invalid' }>;

const mono = (chunks: ReactNode[]) => <span className="mono break">{chunks}</span>;
const strong = (chunks: ReactNode[]) => <strong>{chunks}</strong>;

function invalidWords(t: Translate, policy: InvalidPolicy): ReactNode {
  return t('settings.policy.invalid', { path: policy.path, problem: policyProblemWords(t, policy.problems), mono, strong });
}

/**
 * In the header while the policy file cannot be used: which file, its first problem, and that no
 * recovery action can be taken until it is fixed. Not dismissible: it explains every refusal.
 */
export function PolicyNotice() {
  const t = useT();
  const policy = useQuery(policyQuery());
  if (policy.data?.status !== 'invalid') return null;
  return (
    <div className="notice notice-error policy-notice" role="status">
      <p>{invalidWords(t, policy.data)}</p>
    </div>
  );
}

/** The recovery actions as a list in the page's language ("sending a recovery code and a temporary password"). */
function actionList(t: Translate, actions: readonly PolicyAction[]): string {
  return t.intl.formatList(actions.map((action) => t('recovery.policy.action', { action })), { type: 'conjunction' });
}

/** Settings' section for what the organization sets: shown only when a policy applies. */
export function OrganizationPolicy({ policy }: { policy: PolicyView }) {
  const t = useT();
  if (policy.status === 'none') return null;
  return (
    <section className="settings-section organization-policy" aria-labelledby="settings-policy-heading">
      <h3 id="settings-policy-heading">{t('settings.policy.heading')}</h3>
      {policy.status === 'invalid' ? (
        <p className="notice notice-error">{invalidWords(t, policy)}</p>
      ) : (
        <>
          <p className="field-hint">{t('settings.policy.intro')}</p>
          <dl className="facts facts-tight">
            <dt>{t('settings.policy.file')}</dt>
            <dd className="mono break">{policy.path}</dd>
            {(policy.requireTicket || policy.ticketPattern) && (
              <>
                <dt>{t('settings.policy.ticket')}</dt>
                <dd>
                  {t('settings.policy.ticketValue', {
                    required: policy.requireTicket ? 'yes' : 'no',
                    form: policy.ticketPattern ? 'set' : 'any',
                    pattern: policy.ticketPattern ?? '',
                    mono,
                  })}
                </dd>
              </>
            )}
            {policy.allowedActions && (
              <>
                <dt>{t('settings.policy.actions')}</dt>
                <dd>{t('settings.policy.actionsValue', { count: policy.allowedActions.length, actions: actionList(t, policy.allowedActions) })}</dd>
              </>
            )}
            {!policy.demo && (
              <>
                <dt>{t('settings.policy.demo')}</dt>
                <dd>{t('settings.policy.demoOff')}</dd>
              </>
            )}
            {policy.presetConnections > 0 && (
              <>
                <dt>{t('settings.policy.connections')}</dt>
                <dd>{t('settings.policy.connectionsValue', { count: policy.presetConnections })}</dd>
              </>
            )}
            {policy.auditCloudWatchLogs && (
              <>
                <dt>{t('settings.policy.audit')}</dt>
                <dd>{t('settings.policy.auditValue', { logGroup: policy.auditCloudWatchLogs.logGroupName, region: policy.auditCloudWatchLogs.region, mono })}</dd>
              </>
            )}
          </dl>
        </>
      )}
    </section>
  );
}
