import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import type { PoolDetails, RecoveryVerdict } from '../../../shared/contract';
import { ErrorNotice } from '../../components/error-notice';
import { Loading } from '../../components/loading';
import { useT, type Translate } from '../../i18n/use-t';
import { recoveryOrderSummary } from '../pools/pool-wording';
import { reasonWords, ruleKey, verdictHeadline } from './verdict-words';
import { awsName } from '../../components/aws-name';

interface VerdictPanelProps {
  verdict: UseQueryResult<RecoveryVerdict>;
  pool: PoolDetails;
  /** Whether an app client is chosen: the verdict depends on it. */
  hasClient: boolean;
  /**
   * Set once an alternative has just worked (a temporary password, an invitation): said in place of
   * the verdict, which would otherwise turn red at the very status the action meant to cause.
   */
  afterAction?: string | undefined;
  /** The alternatives, shown under the reasons (they offer themselves only when blocked or uncertain). */
  children?: ReactNode;
}

/** The status in one word, with its symbol for the eye and a colon for the ear. */
function Badge({ t, status }: { t: Translate; status: RecoveryVerdict['status'] | 'done' }) {
  return (
    <span className={`verdict-badge verdict-badge-${status}`}>
      {t('recovery.verdict.badge', {
        status,
        icon: (chunks) => <span aria-hidden="true">{chunks}</span>,
        sr: (chunks) => <span className="visually-hidden">{chunks}</span>,
      })}
    </span>
  );
}

/** One line: the status badge, then what it means. */
function Headline({ t, status, children }: { t: Translate; status: RecoveryVerdict['status'] | 'done'; children: string }) {
  return (
    <div role="status" className="verdict-status">
      <p className="verdict-headline">
        <Badge t={t} status={status} /> {children}
      </p>
    </div>
  );
}

/**
 * What ForgotPassword will do for this user through this app client, before anything is sent: one
 * line with the status and where the code goes, then only the reasons that need the operator.
 */
export function VerdictPanel({ verdict, pool, hasClient, afterAction, children }: VerdictPanelProps) {
  const t = useT();
  const data = verdict.data;
  const status = afterAction ? 'done' : data?.status;
  return (
    <section className={`verdict${status ? ` verdict-${status}` : ''}`} aria-labelledby="verdict-heading">
      <h5 id="verdict-heading" className="visually-hidden">
        {t('recovery.verdict.heading')}
      </h5>
      {!hasClient ? (
        <p className="muted">{t('recovery.verdict.chooseClient')}</p>
      ) : afterAction ? (
        <Headline t={t} status="done">
          {afterAction}
        </Headline>
      ) : data ? (
        <>
          <Headline t={t} status={data.status}>
            {verdictHeadline(t, data)}
          </Headline>
          <p className="verdict-facts muted">
            {t('recovery.verdict.facts', {
              medium: data.channel?.deliveryMedium ?? 'none',
              destination: data.channel?.maskedDestination ?? '',
              attribute: data.channel?.attributeName ?? '',
              rule: ruleKey(data.rule),
              sent: data.codesSentToday,
              unknown: data.codesOfUnknownOutcomeToday,
              mono: (chunks) => <span className="mono">{chunks}</span>,
              awsName,
              ruleTip: (chunks) => <span title={t('recovery.verdict.ruleDetail', { rule: ruleKey(data.rule), order: recoveryOrderSummary(t, pool) })}>{chunks}</span>,
              lost: (chunks) => <span className="codes-unknown">{chunks}</span>,
            })}
          </p>
          {data.reasons.length > 0 && (
            <ul className="notes" aria-label={t('recovery.verdict.why')}>
              {data.reasons.map((reason) => (
                <li key={reason.id} className={`note note-${reason.severity}`}>
                  {t('recovery.verdict.reason', {
                    severity: reason.severity,
                    reason: reasonWords(t, reason),
                    strong: (chunks) => <strong>{chunks}</strong>,
                  })}
                </li>
              ))}
            </ul>
          )}
        </>
      ) : verdict.isError ? (
        <>
          <ErrorNotice error={verdict.error} channel="recovery:verdict" title={t('recovery.verdict.failed')} onRetry={() => void verdict.refetch()} />
          <p className="muted">{t('recovery.verdict.canStillSend')}</p>
        </>
      ) : (
        <Loading>{t('recovery.verdict.checking')}</Loading>
      )}
      {/* In one place whatever the state above, so an open dialog (a password being read out) survives its change. */}
      {hasClient && children}
    </section>
  );
}
