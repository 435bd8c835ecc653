import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import type { PoolDetails, RecoveryVerdict } from '../../../shared/contract';
import { ErrorNotice } from '../../components/error-notice';
import { Loading } from '../../components/loading';
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

function ruleWords(rule: RecoveryVerdict['rule'], pool: PoolDetails): string {
  switch (rule) {
    case 'pool-setting':
      return `The pool’s recovery setting: ${recoveryOrderSummary(pool)}`;
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
  if (count === 0) return 'None yet';
  return count === 1 ? '1 code' : `${count} codes`;
}

interface VerdictPanelProps {
  verdict: UseQueryResult<RecoveryVerdict>;
  pool: PoolDetails;
  /** Whether an app client is chosen: the verdict depends on it. */
  hasClient: boolean;
  /** The alternatives, shown under the reasons (they offer themselves only when blocked or uncertain). */
  children?: ReactNode;
}

/** What ForgotPassword will do for this user through this app client, before anything is sent. */
export function VerdictPanel({ verdict, pool, hasClient, children }: VerdictPanelProps) {
  const data = verdict.data;
  const status = data?.status;
  return (
    <section className={`panel verdict${status ? ` verdict-${status}` : ''}`} aria-labelledby="verdict-heading">
      <h5 id="verdict-heading">Recovery verdict</h5>
      {!hasClient ? (
        <p className="muted">Choose the app client the caller signs in to: the verdict depends on its settings.</p>
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
          <dl className="facts verdict-facts">
            {data.channel && (
              <>
                <dt>Code goes to</dt>
                <dd>
                  {MEDIUM_WORDS[data.channel.deliveryMedium]} · <span className="mono">{data.channel.maskedDestination}</span>{' '}
                  <span className="muted">({data.channel.attributeName})</span>
                </dd>
              </>
            )}
            <dt>Chosen by</dt>
            <dd>{ruleWords(data.rule, pool)}</dd>
            <dt>Codes sent today</dt>
            <dd>
              {codesWords(data.codesSentToday)} <span className="muted">(by this console, since midnight)</span>
              {data.codesOfUnknownOutcomeToday > 0 && (
                <span className="codes-unknown">
                  {' '}
                  and {data.codesOfUnknownOutcomeToday} more request{data.codesOfUnknownOutcomeToday === 1 ? '' : 's'} whose answer was lost: a code may
                  have gone out
                </span>
              )}
            </dd>
          </dl>
          {data.reasons.length > 0 && (
            <ul className="notes" aria-label="Why">
              {data.reasons.map((reason) => (
                <li key={reason.id} className={`note note-${reason.severity}`}>
                  <strong>{SEVERITY_WORDS[reason.severity]}:</strong> {reason.message}
                </li>
              ))}
            </ul>
          )}
          {children}
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
    </section>
  );
}
