import { useQuery } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { Button, Label, Radio, RadioGroup, Text } from 'react-aria-components';
import type { AppClient, PoolDetails, ResponseOf } from '../../../shared/contract';
import type { DeliveryMedium } from '../../../shared/cognito-model';
import { toApiCallError } from '../../api/client';
import { settingsQuery, useForgotPassword, verdictQuery } from '../../api/queries';
import { BusyButton } from '../../components/busy-button';
import { ErrorNotice } from '../../components/error-notice';
import { formatTime } from '../../components/format';
import { secretWording, userExistenceWording } from '../pools/pool-wording';
import { callerCheckState } from './action-record';
import { Alternatives, type AlternativeOutcome } from './alternatives';
import { CallerChecks } from './caller-checks';
import { ConfirmForm } from './confirm-form';
import { DeliveryDetails } from './delivery-details';
import { VerdictPanel } from './verdict-panel';

export interface RecoveryPanelProps {
  connectionId: string;
  pool: PoolDetails;
  username: string;
  /** Where a re-sent invitation can reach the user: the media of the contacts on the account. */
  invitationMediums: readonly DeliveryMedium[];
  clients: AppClient[];
  clientId: string | undefined;
  onClientChange: (clientId: string) => void;
}

/** The later of two ISO times (either may be missing). */
function latest(a: string | undefined, b: string | undefined): string | undefined {
  if (!a || !b) return a ?? b;
  return new Date(a).getTime() >= new Date(b).getTime() ? a : b;
}

/**
 * One caller, on the phone: who they are (ticket, verification checks), the verdict for the
 * chosen app client, then ForgotPassword and ConfirmForgotPassword, or one of the alternatives.
 * Everything here lives only while this user is open.
 */
export default function RecoveryPanel({ connectionId, pool, username, invitationMediums, clients, clientId, onClientChange }: RecoveryPanelProps) {
  const settings = useQuery(settingsQuery());
  const [ticket, setTicket] = useState('');
  const [ticked, setTicked] = useState<string[]>([]);
  const forgot = useForgotPassword();
  const [enterCodeAnyway, setEnterCodeAnyway] = useState(false);
  const [outcome, setOutcome] = useState<AlternativeOutcome>();
  const [confirmedAt, setConfirmedAt] = useState<string>();
  const client = clients.find((c) => c.clientId === clientId);

  const verdict = useQuery({
    ...verdictQuery({ connectionId, userPoolId: pool.id, clientId: client?.clientId ?? '', username }),
    enabled: client !== undefined,
  });

  const checks = callerCheckState(settings.data, ticket, ticked);
  // Until the settings are known, it is not known which checks are required.
  const canAct = !settings.isPending && checks.missing.length === 0 && !checks.ticketProblem;

  const target = client ? { connectionId, userPoolId: pool.id, clientId: client.clientId, username, ...checks.record } : undefined;
  const sent: ResponseOf<'recovery:forgotPassword'> | undefined = forgot.data;
  // The answer was lost after the request may have reached Cognito: a code may be on its way.
  const maybeSent = forgot.isError && toApiCallError(forgot.error, 'recovery:forgotPassword').code === 'OutcomeUnknown';
  const askedBefore = Boolean(sent) || maybeSent;
  const sentWith = clients.find((c) => c.clientId === forgot.variables?.clientId);
  const adminResetAt = outcome?.kind === 'admin-reset' ? outcome.at : undefined;
  const codeSentAt = latest(sent?.sentAt, adminResetAt);
  const hasCode = Boolean(sent || adminResetAt || enterCodeAnyway);
  // No code is offered while the verdict is unknown or says it cannot work; if the verdict itself
  // fails, the operator may still try: Cognito's answer then tells.
  const mayRequestCode = client !== undefined && (verdict.data ? verdict.data.status !== 'blocked' : verdict.isError);
  const codesSentToday = verdict.data?.codesSentToday;

  const startOver = () => {
    forgot.reset();
    setEnterCodeAnyway(false);
    setOutcome(undefined);
    setConfirmedAt(undefined);
  };

  if (confirmedAt) return <RecoveryDone username={username} confirmedAt={confirmedAt} onStartOver={startOver} />;

  return (
    <section className="panel recovery" aria-labelledby="recovery-heading">
      <h4 id="recovery-heading">Reset password</h4>

      <CallerChecks
        settings={settings}
        ticket={ticket}
        onTicketChange={setTicket}
        required={checks.required}
        ticked={ticked}
        onTickedChange={setTicked}
        missing={checks.missing}
        ticketProblem={checks.ticketProblem}
      />

      {clients.length === 0 ? (
        <p>This pool has no app clients, so a recovery code cannot be requested from here.</p>
      ) : (
        <RadioGroup className="client-choice" value={clientId ?? null} onChange={onClientChange}>
          <Label className="group-label">App client</Label>
          <Text slot="description" className="muted">
            Use the app the caller signs in to; its settings decide how Cognito answers.
          </Text>
          {clients.map((c) => (
            <Radio key={c.clientId} value={c.clientId} className="client-option">
              <span className="client-name">{c.clientName}</span>
              <span className="client-meta">{secretWording(c)}</span>
              <span className="client-meta">Prevent user existence errors: {userExistenceWording(c)}</span>
            </Radio>
          ))}
        </RadioGroup>
      )}

      <VerdictPanel verdict={verdict} pool={pool} hasClient={client !== undefined}>
        {verdict.data && (
          <Alternatives
            alternatives={verdict.data.alternatives}
            offer={verdict.data.status !== 'ready'}
            target={{ connectionId, userPoolId: pool.id, username }}
            invitationMediums={invitationMediums}
            policy={pool.passwordPolicy}
            record={checks.record}
            canAct={canAct}
            onDone={setOutcome}
          />
        )}
      </VerdictPanel>

      <AlternativeOutcomeNotice outcome={outcome} username={username} />

      {mayRequestCode && target && (
        <>
          <div className="actions">
            <BusyButton
              className={`button ${askedBefore ? 'button-secondary' : 'button-primary'}`}
              isDisabled={!canAct}
              isPending={forgot.isPending}
              aria-describedby={askedBefore ? 'new-code-warning' : undefined}
              onPress={() => {
                if (!forgot.isPending) forgot.mutate(target);
              }}
            >
              {forgot.isPending ? 'Sending…' : askedBefore ? 'Send a new code' : 'Send recovery code'}
            </BusyButton>
            {!hasCode && (
              <Button className="button button-quiet" isDisabled={!canAct} onPress={() => setEnterCodeAnyway(true)}>
                The caller already has a code
              </Button>
            )}
            {!canAct && !settings.isPending && <span className="muted">Tick every caller check first.</span>}
          </div>
          {askedBefore && (
            <p id="new-code-warning" className="note note-warning new-code-warning">
              <strong>Before sending a new code:</strong> it replaces the one the caller has, and Cognito allows only a few code
              requests per user in an hour (then every request fails for a while). Ask the caller to check spam and wait a minute
              first.
              {codesSentToday !== undefined && (
                <>
                  {' '}
                  Codes sent to this user today: <strong>{codesSentToday}</strong>.
                </>
              )}
            </p>
          )}
        </>
      )}

      {forgot.isError && (
        <ErrorNotice
          error={forgot.error}
          channel="recovery:forgotPassword"
          title="The recovery code was not sent"
          titleIfUnknown="The recovery code may have been sent"
        />
      )}
      {sent && <DeliveryDetails key={sent.sentAt} response={sent} client={sentWith} />}

      {target && hasCode && (
        <ConfirmForm target={target} policy={pool.passwordPolicy} sentAt={codeSentAt} canSubmit={canAct} onConfirmed={setConfirmedAt} />
      )}
    </section>
  );
}

function AlternativeOutcomeNotice({ outcome, username }: { outcome: AlternativeOutcome | undefined; username: string }) {
  if (!outcome) return null;
  return (
    <div role="status" className="outcome outcome-ok">
      {outcome.kind === 'invitation' && (
        <>
          <p className="outcome-title">Invitation sent</p>
          <p>
            Cognito sent {username} a new invitation at {formatTime(outcome.at)}. Ask them to sign in with the temporary password in
            it and choose their own password.
          </p>
        </>
      )}
      {outcome.kind === 'admin-reset' && (
        <>
          <p className="outcome-title">Password reset by an administrator</p>
          <p>
            Done at {formatTime(outcome.at)}. Cognito has sent {username} a code: ask the caller to read it out, then set the new
            password below.
          </p>
        </>
      )}
      {outcome.kind === 'temporary-password' && (
        <>
          <p className="outcome-title">Temporary password set</p>
          <p>
            Done at {formatTime(outcome.at)}. {username} must choose a new password at their next sign-in.
          </p>
        </>
      )}
    </div>
  );
}

function RecoveryDone({ username, confirmedAt, onStartOver }: { username: string; confirmedAt: string; onStartOver: () => void }) {
  const headingRef = useRef<HTMLHeadingElement>(null);
  // Move focus to the outcome so keyboard and screen-reader users land on it.
  useEffect(() => {
    headingRef.current?.focus();
  }, []);
  return (
    <section className="panel recovery-done" aria-labelledby="done-heading">
      <h4 id="done-heading" ref={headingRef} tabIndex={-1}>
        Password changed
      </h4>
      <p>
        <strong>{username}</strong> can now sign in with the new password.
      </p>
      <p className="muted">Cognito confirmed the change at {formatTime(confirmedAt)}. The code cannot be used again.</p>
      <Button className="button button-secondary" onPress={onStartOver}>
        Start another reset for this user
      </Button>
    </section>
  );
}
