import { useQuery } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { Button, Label, Radio, RadioGroup } from 'react-aria-components';
import type { DeliveryMedium } from '../../../shared/cognito-model';
import type { AppClient, PoolDetails, ResponseOf } from '../../../shared/contract';
import { toApiCallError } from '../../api/client';
import { settingsQuery, useRecoveryAction, verdictQuery } from '../../api/queries';
import { BusyButton } from '../../components/busy-button';
import { ConfirmDialog, ConfirmDialogActions } from '../../components/confirm-dialog';
import { ErrorNotice } from '../../components/error-notice';
import { formatTime } from '../../components/format';
import { scrollIntoPane } from '../../components/scroll-into-pane';
import { focusUnmovedSinceOpening } from '../users/opening';
import { useT } from '../../i18n/use-t';
import { secretWording, userExistenceWording } from '../pools/pool-wording';
import { callerCheckState } from './action-record';
import { Alternatives, type AlternativeOutcome } from './alternatives';
import { CallerChecks } from './caller-checks';
import { ConfirmForm } from './confirm-form';
import { DeliveryDetails } from './delivery-details';
import { useAppClientChoice } from './remembered-client';
import { useJourneyGuard } from './journey-guard';
import { VerdictPanel } from './verdict-panel';

/** Cognito's hourly limit of code requests per user, the strictest it applies (AWS: 5 to 20 by risk). */
const HOURLY_CODE_REQUESTS = 5;

export interface RecoveryPanelProps {
  connectionId: string;
  pool: PoolDetails;
  username: string;
  /** Where a re-sent invitation can reach the user: the media of the contacts on the account. */
  invitationMediums: readonly DeliveryMedium[];
  clients: AppClient[];
}

/** The later of two ISO times (either may be missing). */
function latest(a: string | undefined, b: string | undefined): string | undefined {
  if (!a || !b) return a ?? b;
  return new Date(a).getTime() >= new Date(b).getTime() ? a : b;
}

/**
 * One caller, on the phone, in one compact block at the top of the user: the app client, the
 * ticket (and the caller checks, when required), the verdict and its next action, then the code
 * step. Everything here lives only while this user is open.
 */
export default function RecoveryPanel({ connectionId, pool, username, invitationMediums, clients }: RecoveryPanelProps) {
  const settings = useQuery(settingsQuery());
  const [ticket, setTicket] = useState('');
  const [ticked, setTicked] = useState<string[]>([]);
  const forgot = useRecoveryAction('recovery:forgotPassword');
  const [enterCodeAnyway, setEnterCodeAnyway] = useState(false);
  const [outcome, setOutcome] = useState<AlternativeOutcome>();
  const [confirmedAt, setConfirmedAt] = useState<string>();
  const [askingNewCode, setAskingNewCode] = useState(false);
  const { clientId, choose } = useAppClientChoice(connectionId, pool.id, clients);
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
  const codesSentToday = verdict.data?.codesSentToday ?? 0;
  const codesMaybeSent = verdict.data?.codesOfUnknownOutcomeToday ?? 0;

  // A reload or Back while the caller waits for a code, or with one typed in, asks first.
  useJourneyGuard(askedBefore || hasCode || ticket.trim() !== '');

  // A user just opened: focus lands on the first thing to do, the app client when none is chosen,
  // else the ticket; one Tab on is the verdict's next action.
  const blockRef = useRef<HTMLElement>(null);
  const clientChosen = clientId !== undefined;
  useEffect(() => {
    const block = blockRef.current;
    scrollIntoPane(block);
    if (!focusUnmovedSinceOpening()) return;
    const first = block?.querySelector<HTMLElement>(clientChosen ? '.ticket-field input' : '.client-choice input');
    first?.focus({ preventScroll: true });
    // Only when the user opens; choosing a client later keeps focus where the operator put it.
    // eslint-disable-next-line react-hooks/exhaustive-deps -- deliberately once, on mount
  }, []);

  const sendCode = () => {
    setAskingNewCode(false);
    if (target && !forgot.isPending) forgot.mutate(target);
  };

  const startOver = () => {
    forgot.reset();
    setEnterCodeAnyway(false);
    setOutcome(undefined);
    setConfirmedAt(undefined);
  };

  if (confirmedAt) return <RecoveryDone username={username} confirmedAt={confirmedAt} onStartOver={startOver} />;

  return (
    <section ref={blockRef} className="panel recovery call-block" aria-labelledby="recovery-heading">
      <h4 id="recovery-heading">Reset password</h4>

      <div className="call-controls">
        <ClientChoice clients={clients} clientId={clientId} onChange={choose} />
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
      </div>

      <VerdictPanel verdict={verdict} pool={pool} hasClient={client !== undefined} afterAction={afterActionWords(outcome, username, pool)}>
        {verdict.data && (
          <Alternatives
            alternatives={verdict.data.alternatives}
            // Once one has worked, none is offered again; an open dialog stays (a temporary password is being read out).
            offer={verdict.data.status !== 'ready' && !outcome}
            primary={!mayRequestCode}
            target={{ connectionId, userPoolId: pool.id, username }}
            invitationMediums={invitationMediums}
            policy={pool.passwordPolicy}
            record={checks.record}
            canAct={canAct}
            onDone={setOutcome}
          />
        )}
      </VerdictPanel>

      {mayRequestCode && target && (
        <div className="actions">
          <BusyButton
            className={`button ${askedBefore ? 'button-secondary' : 'button-primary'}`}
            isDisabled={!canAct}
            isPending={forgot.isPending}
            onPress={() => (askedBefore ? setAskingNewCode(true) : sendCode())}
          >
            {forgot.isPending ? 'Sending…' : askedBefore ? 'Send a new code' : 'Send recovery code'}
          </BusyButton>
          {!hasCode && (
            <Button className="button button-quiet" isDisabled={!canAct} onPress={() => setEnterCodeAnyway(true)}>
              The caller already has a code
            </Button>
          )}
          {!canAct && !settings.isPending && <span className="muted">{checks.ticketProblem ? 'Correct the ticket first.' : 'Tick every caller check first.'}</span>}
        </div>
      )}

      <ConfirmDialog isOpen={askingNewCode} onOpenChange={setAskingNewCode} isPending={false} title={`Send ${username} a new code?`}>
        <p>
          <strong>The code the caller has now stops working</strong> the moment a new one is sent. Ask them to check their spam
          folder and wait a minute first: codes can take that long.
        </p>
        <p>
          Cognito allows only a few code requests per user in an hour ({HOURLY_CODE_REQUESTS} at the strictest), then refuses every
          request for a while. Sent to {username} today: <strong>{codesSentToday}</strong>
          {codesMaybeSent > 0 && <> and {codesMaybeSent} whose answer was lost</>}.
        </p>
        <ConfirmDialogActions>
          <Button className="button button-secondary" onPress={() => setAskingNewCode(false)}>
            Keep the current code
          </Button>
          <Button className="button button-primary" onPress={sendCode}>
            Send a new code
          </Button>
        </ConfirmDialogActions>
      </ConfirmDialog>

      {forgot.isError && (
        <ErrorNotice
          error={forgot.error}
          channel="recovery:forgotPassword"
          title="The recovery code was not sent"
          titleIfUnknown="The recovery code may have been sent"
          takeFocus
        />
      )}
      {sent && <DeliveryDetails key={sent.sentAt} response={sent} client={sentWith} />}
      {outcome?.kind === 'invitation' && <p className="muted">Ask the caller to sign in with the temporary password in the new invitation.</p>}

      {target && hasCode && (
        <ConfirmForm
          // A new code starts the form afresh, with focus in the code field.
          key={codeSentAt ?? 'already-has-a-code'}
          target={target}
          policy={pool.passwordPolicy}
          sentAt={codeSentAt}
          canSubmit={canAct}
          onConfirmed={setConfirmedAt}
        />
      )}
    </section>
  );
}

/** One app client: just named. Several: one compact choice, remembered per pool. */
function ClientChoice({ clients, clientId, onChange }: { clients: AppClient[]; clientId: string | undefined; onChange: (clientId: string) => void }) {
  const t = useT();
  if (clients.length === 0) return <p>This pool has no app clients, so a recovery code cannot be requested from here.</p>;
  const only = clients.length === 1 ? clients[0] : undefined;
  if (only) {
    return (
      <p className="client-single">
        <span className="group-label">App client</span> <strong className="client-name">{only.clientName}</strong>{' '}
        <span className="client-meta">
          {secretWording(t, only)} · {userExistenceWording(t, only)}
        </span>
      </p>
    );
  }
  return (
    <RadioGroup className="client-choice" orientation="horizontal" value={clientId ?? null} onChange={onChange}>
      <Label className="group-label">App client</Label>
      {clients.map((c) => (
        <Radio key={c.clientId} value={c.clientId} className="client-option">
          <span className="client-name">{c.clientName}</span>
          <span className="client-meta">
            {c.hasSecret ? 'has a secret' : 'no secret'} · {c.preventUserExistenceErrors === 'ENABLED' ? 'hides unknown users' : 'reports unknown users'}
          </span>
        </Radio>
      ))}
    </RadioGroup>
  );
}

/** What an alternative that just worked did, said in place of the verdict. */
function afterActionWords(outcome: AlternativeOutcome | undefined, username: string, pool: PoolDetails): string | undefined {
  if (!outcome) return undefined;
  const at = formatTime(outcome.at);
  const days = pool.passwordPolicy.temporaryPasswordValidityDays ?? 7;
  switch (outcome.kind) {
    case 'invitation':
      return `Invitation re-sent at ${at}: ${username} signs in with the new temporary password and chooses their own. It works for ${days} ${days === 1 ? 'day' : 'days'}.`;
    case 'admin-reset':
      return `Password reset by an administrator at ${at}: Cognito has sent ${username} a code. Ask the caller to read it out, then set the new password below.`;
    case 'temporary-password':
      return `Temporary password set at ${at}: ${username} signs in with it and must choose their own password then. It works for ${days} ${days === 1 ? 'day' : 'days'}.`;
  }
}

function RecoveryDone({ username, confirmedAt, onStartOver }: { username: string; confirmedAt: string; onStartOver: () => void }) {
  const headingRef = useRef<HTMLHeadingElement>(null);
  // Move focus to the outcome so keyboard and screen-reader users land on it.
  useEffect(() => {
    headingRef.current?.focus();
  }, []);
  return (
    <section className="panel recovery-done call-block" aria-labelledby="done-heading">
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
