import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Button } from 'react-aria-components';
import type { PolicyView } from '../../../shared/contract';
import type { AuthEvent, FeedbackValue, UserSession } from '../../../shared/sessions-model';
import { authEventsQuery, sessionsQuery, useRecoveryAction } from '../../api/queries';
import { BusyButton } from '../../components/busy-button';
import { ConfirmDialog, ConfirmDialogActions } from '../../components/confirm-dialog';
import { ErrorNotice } from '../../components/error-notice';
import { useFormat } from '../../components/format';
import { Loading } from '../../components/loading';
import { useT, type Translate } from '../../i18n/use-t';
import type { ActionRecord } from '../recovery/action-record';
import { policyAllows } from '../recovery/policy-guide';

// The user's sessions and sign-in risk, under the call block: end one session or every one (each
// behind a confirmation, with what signing out cannot reach), and in a pool with threat protection the
// recent auth events, each markable as the user's or not. Every action carries the call's ticket and
// caller checks, and the organization's policy hides what it does not allow.

export interface SecurityTarget {
  connectionId: string;
  userPoolId: string;
  username: string;
}

interface UserSecurityProps {
  target: SecurityTarget;
  record: ActionRecord;
  /** False until the ticket and the required caller checks are in order. */
  canAct: boolean;
  whyNot?: string | undefined;
  policy: PolicyView | undefined;
  /** The operator marked the call as a possible compromise: signing out everywhere is advised. */
  possibleCompromise: boolean;
}

/** How many recent events are shown. */
const EVENTS_SHOWN = 20;

export function UserSecurity({ target, record, canAct, whyNot, policy, possibleCompromise }: UserSecurityProps) {
  const t = useT();
  return (
    <section className="panel user-security" aria-labelledby="security-heading">
      <h4 id="security-heading">{t('security.heading')}</h4>
      <Sessions target={target} record={record} canAct={canAct} whyNot={whyNot} policy={policy} possibleCompromise={possibleCompromise} />
      <RiskEvents target={target} record={record} canAct={canAct} policy={policy} />
    </section>
  );
}

function Sessions({ target, record, canAct, whyNot, policy, possibleCompromise }: UserSecurityProps) {
  const t = useT();
  const format = useFormat();
  const sessions = useQuery(sessionsQuery(target));
  const [revoking, setRevoking] = useState<UserSession>();
  const [revoked, setRevoked] = useState<{ device: string; at: string }>();
  const mayRevoke = policyAllows(policy, 'revokeSession');
  const list = sessions.data?.sessions ?? [];
  return (
    <div className="security-sessions" role="group" aria-labelledby="sessions-heading">
      <h5 id="sessions-heading">{t('security.sessions.heading')}</h5>
      <p className="muted">{t('security.sessions.caveat')}</p>
      {sessions.isError && <ErrorNotice error={sessions.error} channel="sessions:list" title={t('security.sessions.loadError')} onRetry={() => void sessions.refetch()} />}
      {sessions.isPending && <Loading>{t('security.sessions.loading')}</Loading>}
      {sessions.data && list.length === 0 && <p>{t('security.sessions.none', { username: target.username })}</p>}
      {list.length > 0 && (
        <table className="table table-compact sessions-table">
          <caption className="visually-hidden">{t('security.sessions.count', { count: list.length })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('security.sessions.column.device')}</th>
              <th scope="col">{t('security.sessions.column.location')}</th>
              <th scope="col">{t('security.sessions.column.started')}</th>
              <th scope="col">{t('security.sessions.column.lastActive')}</th>
              {mayRevoke && <th scope="col">{t('security.sessions.column.action')}</th>}
            </tr>
          </thead>
          <tbody>
            {list.map((session) => (
              <tr key={session.sessionId}>
                <th scope="row" className="break">
                  {deviceOf(t, session.device)}
                </th>
                <td>
                  {placeOf(t, session.city, session.country)}
                  <br />
                  <span className="mono">{session.ipAddress ?? t('security.notRecorded')}</span>
                </td>
                <td>{format.dateTime(session.createdAt)}</td>
                <td>{format.dateTime(session.lastActiveAt)}</td>
                {mayRevoke && (
                  <td>
                    <Button
                      className="button button-secondary button-small"
                      isDisabled={!canAct}
                      aria-label={t('security.sessions.revokeLabel', { device: deviceOf(t, session.device), place: placeOf(t, session.city, session.country) })}
                      onPress={() => setRevoking(session)}
                    >
                      {t('security.sessions.revoke')}
                    </Button>
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {revoked && (
        <p className="notice notice-ok" role="status">
          {t('security.revoke.done', { device: revoked.device, at: new Date(revoked.at) })}
        </p>
      )}
      {revoking && (
        <RevokeSession
          session={revoking}
          target={target}
          record={record}
          onClose={() => setRevoking(undefined)}
          onDone={(at) => {
            setRevoked({ device: deviceOf(t, revoking.device), at });
            setRevoking(undefined);
          }}
        />
      )}
      {policyAllows(policy, 'globalSignOut') && <SignOutEverywhere target={target} record={record} canAct={canAct} advised={possibleCompromise} />}
      {whyNot && (mayRevoke || policyAllows(policy, 'globalSignOut')) && <p className="muted">{whyNot}</p>}
    </div>
  );
}

function deviceOf(t: Translate, device: string | undefined): string {
  return device && device !== 'unknown' ? device : t('security.sessions.unknownDevice');
}

function placeOf(t: Translate, city: string | undefined, country: string | undefined): string {
  if (city && country) return t('security.sessions.place', { city, country });
  return city ?? country ?? t('security.sessions.unknownPlace');
}

function RevokeSession({
  session,
  target,
  record,
  onClose,
  onDone,
}: {
  session: UserSession;
  target: SecurityTarget;
  record: ActionRecord;
  onClose: () => void;
  onDone: (at: string) => void;
}) {
  const t = useT();
  const revoke = useRecoveryAction('sessions:revoke');
  const close = (open: boolean) => {
    if (!open && !revoke.isPending) onClose();
  };
  return (
    <ConfirmDialog isOpen onOpenChange={close} isPending={revoke.isPending} title={t('security.revoke.title', { username: target.username })}>
      <p>{t('security.revoke.body', { device: deviceOf(t, session.device), place: placeOf(t, session.city, session.country) })}</p>
      <p className="muted">{t('security.sessions.caveat')}</p>
      {revoke.isError && <ErrorNotice error={revoke.error} channel="sessions:revoke" title={t('security.revoke.failed')} titleIfUnknown={t('security.revoke.unknown')} />}
      <ConfirmDialogActions>
        <Button className="button button-secondary" isDisabled={revoke.isPending} onPress={() => close(false)}>
          {t('security.cancel')}
        </Button>
        <BusyButton
          className="button button-primary"
          isPending={revoke.isPending}
          onPress={() => {
            if (revoke.isPending) return;
            revoke.mutate({ ...target, ...record, sessionId: session.sessionId }, { onSuccess: (data) => onDone(data.revokedAt) });
          }}
        >
          {revoke.isPending ? t('security.revoke.pending') : t('security.revoke.confirm')}
        </BusyButton>
      </ConfirmDialogActions>
    </ConfirmDialog>
  );
}

function SignOutEverywhere({ target, record, canAct, advised }: { target: SecurityTarget; record: ActionRecord; canAct: boolean; advised: boolean }) {
  const t = useT();
  const [open, setOpen] = useState(false);
  const signOut = useRecoveryAction('sessions:signOutEverywhere');
  const [doneAt, setDoneAt] = useState<string>();
  const { username } = target;
  const close = (next: boolean) => {
    if (signOut.isPending) return;
    setOpen(next);
    if (!next && signOut.isError) signOut.reset();
  };
  return (
    <div className="sign-out-everywhere">
      {advised && <p className="notice notice-warning">{t('security.everywhere.advised')}</p>}
      <ConfirmDialog
        trigger={
          <Button className={`button ${advised ? 'button-primary' : 'button-secondary'}`} isDisabled={!canAct}>
            {t('security.everywhere.button')}
          </Button>
        }
        isOpen={open}
        onOpenChange={close}
        isPending={signOut.isPending}
        title={t('security.everywhere.title', { username })}
      >
        <p>{t('security.everywhere.body', { username })}</p>
        <p className="muted">{t('security.sessions.caveat')}</p>
        {signOut.isError && (
          <ErrorNotice
            error={signOut.error}
            channel="sessions:signOutEverywhere"
            title={t('security.everywhere.failed', { username })}
            titleIfUnknown={t('security.everywhere.unknown', { username })}
          />
        )}
        <ConfirmDialogActions>
          <Button className="button button-secondary" isDisabled={signOut.isPending} onPress={() => close(false)}>
            {t('security.cancel')}
          </Button>
          <BusyButton
            className="button button-primary"
            isPending={signOut.isPending}
            onPress={() => {
              if (signOut.isPending) return;
              signOut.mutate(
                { ...target, ...record },
                {
                  onSuccess: (data) => {
                    setDoneAt(data.signedOutAt);
                    setOpen(false);
                  },
                },
              );
            }}
          >
            {signOut.isPending ? t('security.everywhere.pending') : t('security.everywhere.confirm')}
          </BusyButton>
        </ConfirmDialogActions>
      </ConfirmDialog>
      {doneAt && (
        <p className="notice notice-ok" role="status">
          {t('security.everywhere.done', { username, at: new Date(doneAt) })}
        </p>
      )}
    </div>
  );
}

function RiskEvents({ target, record, canAct, policy }: { target: SecurityTarget; record: ActionRecord; canAct: boolean; policy: PolicyView | undefined }) {
  const t = useT();
  const format = useFormat();
  const events = useQuery(authEventsQuery({ ...target, maxResults: EVENTS_SHOWN }));
  const mayMark = policyAllows(policy, 'authEventFeedback');
  const feedback = useRecoveryAction('risk:feedback');
  const view = events.data;
  return (
    <div className="security-risk" role="group" aria-labelledby="risk-heading">
      <h5 id="risk-heading">{t('security.risk.heading')}</h5>
      {events.isError && <ErrorNotice error={events.error} channel="risk:events" title={t('security.risk.loadError')} onRetry={() => void events.refetch()} />}
      {events.isPending && <Loading>{t('security.risk.loading')}</Loading>}
      {view && !view.threatProtection && <p>{t('security.risk.off')}</p>}
      {view?.threatProtection && view.events.length === 0 && <p>{t('security.risk.none', { username: target.username })}</p>}
      {view?.threatProtection && view.events.length > 0 && (
        <table className="table table-compact risk-table">
          <caption className="muted">
            {t('security.risk.caption', { count: view.events.length })}
          </caption>
          <thead>
            <tr>
              <th scope="col">{t('security.risk.column.time')}</th>
              <th scope="col">{t('security.risk.column.event')}</th>
              <th scope="col">{t('security.risk.column.risk')}</th>
              <th scope="col">{t('security.risk.column.origin')}</th>
              <th scope="col">{t('security.risk.column.feedback')}</th>
            </tr>
          </thead>
          <tbody>
            {view.events.map((event) => (
              <tr key={event.eventId} className={event.riskLevel === 'High' ? 'risk-high' : undefined}>
                <th scope="row">{format.dateTime(event.createdAt)}</th>
                <td>
                  <span translate="no">{event.eventType ?? t('security.notRecorded')}</span> {t('security.risk.response', { response: event.response ?? 'unknown' })}
                  <br />
                  <span className="muted">{challengesOf(t, event)}</span>
                </td>
                <td>
                  {t('security.risk.level', { level: event.riskLevel ?? 'unknown' })}
                  <br />
                  <span className="muted">{t('security.risk.decision', { decision: event.riskDecision ?? 'unknown' })}</span>
                  {event.compromisedCredentials && (
                    <>
                      <br />
                      <strong>{t('security.risk.compromised')}</strong>
                    </>
                  )}
                </td>
                <td className="break">
                  {deviceOf(t, event.device)}
                  <br />
                  <span className="mono">{event.ipAddress ?? t('security.notRecorded')}</span>
                  {(event.city || event.country) && (
                    <>
                      <br />
                      {placeOf(t, event.city, event.country)}
                    </>
                  )}
                </td>
                <td>
                  {event.feedback && <p>{t('security.risk.feedback', { value: event.feedback.value })}</p>}
                  {mayMark && (
                    <div className="risk-marks">
                      {(['Valid', 'Invalid'] as const satisfies readonly FeedbackValue[]).map((value) => (
                        <Button
                          key={value}
                          className="button button-secondary button-small"
                          isDisabled={!canAct || feedback.isPending || event.feedback?.value === value}
                          aria-label={t('security.risk.markLabel', { value, at: format.dateTime(event.createdAt) })}
                          onPress={() => feedback.mutate({ ...target, ...record, eventId: event.eventId, feedback: value })}
                        >
                          {t('security.risk.mark', { value })}
                        </Button>
                      ))}
                    </div>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {feedback.isError && (
        <ErrorNotice error={feedback.error} channel="risk:feedback" title={t('security.risk.feedbackFailed')} titleIfUnknown={t('security.risk.feedbackUnknown')} />
      )}
    </div>
  );
}

function challengesOf(t: Translate, event: AuthEvent): string {
  if (event.challenges.length === 0) return t('security.risk.noChallenges');
  return t.intl.formatList(
    event.challenges.map((challenge) => t('security.risk.challenge', { name: challenge.name, result: challenge.result })),
    { type: 'unit' },
  );
}
