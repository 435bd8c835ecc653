import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import type { PoolDetails, RecoveryVerdict } from '../../../shared/contract';
import { ErrorNotice } from '../../components/error-notice';
import { Loading } from '../../components/loading';
import { useT, type Translate } from '../../i18n/use-t';
import { recoveryOrderSummary } from '../pools/pool-wording';

const STATUS_WORDS: Record<RecoveryVerdict['status'], { badge: string; icon: string }> = {
  ready: { badge: 'Ready', icon: '✓' },
  blocked: { badge: 'Blocked', icon: '✕' },
  uncertain: { badge: 'Uncertain', icon: '?' },
};

const SEVERITY_WORDS: Record<RecoveryVerdict['reasons'][number]['severity'], string> = {
  blocker: 'Blocks recovery',
  warning: 'Check',
  info: 'Note',
};

const MEDIUM_WORDS = { EMAIL: 'Email', SMS: 'Text message (SMS)' } as const;

/** Which rule picked the channel, in two words; the full sentence is the tooltip. */
const RULE_SHORT: Record<RecoveryVerdict['rule'], string> = {
  'pool-setting': 'by the pool’s setting',
  legacy: 'by Cognito’s older rule',
  'admin-only': 'administrators only',
};

function ruleWords(t: Translate, rule: RecoveryVerdict['rule'], pool: PoolDetails): string {
  switch (rule) {
    case 'pool-setting':
      return `The pool’s recovery setting: ${recoveryOrderSummary(t, pool)}`;
    case 'legacy':
      return 'Cognito’s older rule (the pool has no recovery setting): verified phone, then verified email';
    case 'admin-only':
      return 'The pool allows recovery by administrators only';
  }
}

/** The summary without a leading "Blocked:" (or Ready:, Uncertain:) that the badge already says. */
function summaryWords(verdict: RecoveryVerdict): string {
  const prefix = `${STATUS_WORDS[verdict.status].badge}:`;
  return verdict.summary.toLowerCase().startsWith(prefix.toLowerCase()) ? verdict.summary.slice(prefix.length).trimStart() : verdict.summary;
}

function codesWords(count: number): string {
  if (count === 0) return 'none yet';
  return count === 1 ? '1 code' : `${count} codes`;
}

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
        Recovery verdict
      </h5>
      {!hasClient ? (
        <p className="muted">Choose the app client the caller signs in to: the verdict depends on its settings.</p>
      ) : afterAction ? (
        <>
          <div role="status" className="verdict-status">
            <p className="verdict-headline">
              <span className="verdict-badge verdict-badge-done">
                <span aria-hidden="true">✓</span> Done
                <span className="visually-hidden">:</span>
              </span>{' '}
              {afterAction}
            </p>
          </div>
        </>
      ) : data ? (
        <>
          <div role="status" className="verdict-status">
            <p className="verdict-headline">
              <span className={`verdict-badge verdict-badge-${data.status}`}>
                <span aria-hidden="true">{STATUS_WORDS[data.status].icon}</span> {STATUS_WORDS[data.status].badge}
                <span className="visually-hidden">:</span>
              </span>{' '}
              {summaryWords(data)}
            </p>
          </div>
          <p className="verdict-facts muted">
            {data.channel && (
              <>
                {MEDIUM_WORDS[data.channel.deliveryMedium]} to <span className="mono">{data.channel.maskedDestination}</span> ({data.channel.attributeName})
                {' · '}
              </>
            )}
            <span title={ruleWords(t, data.rule, pool)}>{RULE_SHORT[data.rule]}</span>
            {' · '}
            Codes sent today: {codesWords(data.codesSentToday)}
            {data.codesOfUnknownOutcomeToday > 0 && (
              <span className="codes-unknown">
                {' '}
                and {data.codesOfUnknownOutcomeToday} more request{data.codesOfUnknownOutcomeToday === 1 ? '' : 's'} whose answer was lost: a code may
                have gone out
              </span>
            )}
          </p>
          {data.reasons.length > 0 && (
            <ul className="notes" aria-label="Why">
              {data.reasons.map((reason) => (
                <li key={reason.id} className={`note note-${reason.severity}`}>
                  <strong>{SEVERITY_WORDS[reason.severity]}:</strong> {reason.message}
                </li>
              ))}
            </ul>
          )}
        </>
      ) : verdict.isError ? (
        <>
          <ErrorNotice
            error={verdict.error}
            channel="recovery:verdict"
            title="Could not work out whether recovery can work"
            onRetry={() => void verdict.refetch()}
          />
          <p className="muted">You can still send a code: Cognito’s answer will say whether it worked.</p>
        </>
      ) : (
        <Loading>Checking whether recovery can work…</Loading>
      )}
      {/* In one place whatever the state above, so an open dialog (a password being read out) survives its change. */}
      {hasClient && children}
    </section>
  );
}
