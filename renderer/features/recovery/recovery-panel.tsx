import { useQuery } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { Button, Label, Radio, RadioGroup } from 'react-aria-components';
import type { DeliveryMedium } from '../../../shared/cognito-model';
import type { AppClient, PoolDetails, ResponseOf } from '../../../shared/contract';
import { toApiCallError } from '../../api/client';
import { policyQuery, settingsQuery, useRecoveryAction, verdictQuery } from '../../api/queries';
import { BusyButton } from '../../components/busy-button';
import { ConfirmDialog, ConfirmDialogActions } from '../../components/confirm-dialog';
import { ErrorNotice } from '../../components/error-notice';
import { scrollIntoPane } from '../../components/scroll-into-pane';
import { focusUnmovedSinceOpening } from '../users/opening';
import { useT } from '../../i18n/use-t';
import { secretWording, userExistenceWording } from '../pools/pool-wording';
import { callerCheckState, ticketRule, type CallerCheckState } from './action-record';
import { SignInFactors } from '../factors/sign-in-factors';
import { Alternatives } from './alternatives';
import { CallerChecks } from './caller-checks';
import { ConfirmForm } from './confirm-form';
import { DeliveryDetails } from './delivery-details';
import { guideActions } from './policy-guide';
import { PolicyLine } from './policy-line';
import { useAppClientChoice } from './remembered-client';
import { useJourneyGuard } from './journey-guard';
import { VerdictPanel } from './verdict-panel';
import { CompromiseToggle } from '../security/compromise-toggle';
import { SignOutAfterResetOutcome, type SignOutAfterReset } from '../security/sign-out-after-reset';
import { UserSecurity } from '../security/user-security';
import { policyAllows } from './policy-guide';
import { afterActionWords, type AlternativeOutcome } from './verdict-words';

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
  const t = useT();
  const settings = useQuery(settingsQuery());
  const policy = useQuery(policyQuery());
  const [ticket, setTicket] = useState('');
  const [ticked, setTicked] = useState<string[]>([]);
  const forgot = useRecoveryAction('recovery:forgotPassword');
  const [enterCodeAnyway, setEnterCodeAnyway] = useState(false);
  const [outcome, setOutcome] = useState<AlternativeOutcome>();
  const [confirmed, setConfirmed] = useState<{ at: string; signOut: SignOutAfterReset }>();
  // The caller says someone else may be in the account: kept with the call, like the ticket.
  const [possibleCompromise, setPossibleCompromise] = useState(false);
  const [askingNewCode, setAskingNewCode] = useState(false);
  const { clientId, choose } = useAppClientChoice(connectionId, pool.id, clients);
  const client = clients.find((c) => c.clientId === clientId);

  const verdict = useQuery({
    ...verdictQuery({ connectionId, userPoolId: pool.id, clientId: client?.clientId ?? '', username }),
    enabled: client !== undefined,
  });

  const rule = ticketRule(policy.data);
  const checks = callerCheckState(settings.data, ticket, ticked, rule);
  // Until the settings and the policy are known, it is not known which checks and which ticket are required.
  const known = !settings.isPending && !policy.isPending;
  const canAct = known && checks.missing.length === 0 && !checks.ticketProblem;
  const whyNot = canAct || !known ? undefined : t(whyNotId(checks));

  const target = client ? { connectionId, userPoolId: pool.id, clientId: client.clientId, username, ...checks.record } : undefined;
  const sent: ResponseOf<'recovery:forgotPassword'> | undefined = forgot.data;
  // The answer was lost after the request may have reached Cognito: a code may be on its way.
  const maybeSent = forgot.isError && toApiCallError(forgot.error, 'recovery:forgotPassword').code === 'OutcomeUnknown';
  const askedBefore = Boolean(sent) || maybeSent;
  const sentWith = clients.find((c) => c.clientId === forgot.variables?.clientId);
  const adminResetAt = outcome?.kind === 'admin-reset' ? outcome.at : undefined;
  const codeSentAt = latest(sent?.sentAt, adminResetAt);
  const hasCode = Boolean(sent || adminResetAt || enterCodeAnyway);
  // A ticket the privileged side refused is marked on its field at once.
  const ticketRefused = forgot.isError && (toApiCallError(forgot.error, 'recovery:forgotPassword').issues?.some((issue) => issue.path === 'ticket') ?? false);
  // No code is offered while the verdict is unknown or says it cannot work; if the verdict itself
  // fails, the operator may still try: Cognito's answer then tells.
  const mayRequestCode = client !== undefined && (verdict.data ? verdict.data.status !== 'blocked' : verdict.isError);
  // Once one alternative has worked, none is offered again.
  const offerAlternatives = verdict.data !== undefined && verdict.data.status !== 'ready' && !outcome;
  // What the organization's policy leaves to do: the rest is hidden (and refused by the privileged side).
  const guide = guideActions({ policy: policy.data, verdict: verdict.data, mayRequestCode, offerAlternatives });
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
    setConfirmed(undefined);
  };

  // Cognito's default when the pool does not say.
  const temporaryDays = pool.passwordPolicy.temporaryPasswordValidityDays ?? 7;

  const security = (
    <UserSecurity
      target={{ connectionId, userPoolId: pool.id, username }}
      record={checks.record}
      canAct={canAct}
      whyNot={whyNot}
      policy={policy.data}
      possibleCompromise={possibleCompromise}
    />
  );
  if (confirmed) {
    return (
      <>
        <RecoveryDone username={username} confirmedAt={confirmed.at} signOut={confirmed.signOut} onStartOver={startOver} />
        {security}
      </>
    );
  }

  return (
    <>
    <section ref={blockRef} className="panel recovery call-block" aria-labelledby="recovery-heading">
      <h4 id="recovery-heading">{t('recovery.panel.heading')}</h4>

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
          ticketRule={rule}
          ticketRefused={ticketRefused}
        />
      </div>

      <VerdictPanel verdict={verdict} pool={pool} hasClient={client !== undefined} afterAction={outcome && afterActionWords(t, outcome, username, temporaryDays)}>
        {verdict.data && (
          <Alternatives
            alternatives={guide.alternatives}
            // An open dialog stays whatever is offered (a temporary password is being read out). When the
            // policy leaves nothing, the line below says so instead of "no other way".
            offer={(offerAlternatives && guide.withheld.length === 0) || guide.alternatives.length > 0}
            primary={!guide.sendCode}
            target={{ connectionId, userPoolId: pool.id, username }}
            invitationMediums={invitationMediums}
            policy={pool.passwordPolicy}
            record={checks.record}
            canAct={canAct}
            whyNot={whyNot}
            onDone={setOutcome}
          />
        )}
        {policy.data && <PolicyLine policy={policy.data} guide={guide} />}
      </VerdictPanel>

      {guide.sendCode && target && (
        <div className="actions">
          <BusyButton
            className={`button ${askedBefore ? 'button-secondary' : 'button-primary'}`}
            isDisabled={!canAct}
            isPending={forgot.isPending}
            onPress={() => (askedBefore ? setAskingNewCode(true) : sendCode())}
          >
            {forgot.isPending ? t('recovery.panel.sending') : askedBefore ? t('recovery.panel.sendNew') : t('recovery.panel.send')}
          </BusyButton>
          {!hasCode && guide.confirmCode && (
            <Button className="button button-quiet" isDisabled={!canAct} onPress={() => setEnterCodeAnyway(true)}>
              {t('recovery.panel.alreadyHasCode')}
            </Button>
          )}
          {whyNot && <span className="muted">{whyNot}</span>}
        </div>
      )}

      {/* After the next action, so the ticket is one Tab from it and nothing above it grows. */}
      <CompromiseToggle isSelected={possibleCompromise} onChange={setPossibleCompromise} />

      <ConfirmDialog isOpen={askingNewCode} onOpenChange={setAskingNewCode} isPending={false} title={t('recovery.newCode.title', { username })}>
        <p>{t('recovery.newCode.stopsWorking', { strong: (chunks) => <strong>{chunks}</strong> })}</p>
        <p>
          {t('recovery.newCode.limit', {
            limit: HOURLY_CODE_REQUESTS,
            username,
            sent: codesSentToday,
            unknown: codesMaybeSent,
            strong: (chunks) => <strong>{chunks}</strong>,
          })}
        </p>
        <ConfirmDialogActions>
          <Button className="button button-secondary" onPress={() => setAskingNewCode(false)}>
            {t('recovery.newCode.keep')}
          </Button>
          <Button className="button button-primary" onPress={sendCode}>
            {t('recovery.panel.sendNew')}
          </Button>
        </ConfirmDialogActions>
      </ConfirmDialog>

      {forgot.isError && (
        <ErrorNotice
          error={forgot.error}
          channel="recovery:forgotPassword"
          title={t('recovery.send.failed')}
          titleIfUnknown={t('recovery.send.unknown')}
          takeFocus
        />
      )}
      {sent && <DeliveryDetails key={sent.sentAt} response={sent} client={sentWith} />}
      {outcome?.kind === 'invitation' && <p className="muted">{t('recovery.panel.invitationSignIn')}</p>}

      {target && hasCode && guide.confirmCode && (
        <ConfirmForm
          // A new code starts the form afresh, with focus in the code field.
          key={codeSentAt ?? 'already-has-a-code'}
          target={target}
          policy={pool.passwordPolicy}
          sentAt={codeSentAt}
          canSubmit={canAct}
          possibleCompromise={possibleCompromise}
          offerSignOut={policyAllows(policy.data, 'globalSignOut')}
          onConfirmed={(at, signOut) => setConfirmed({ at, signOut })}
        />
      )}

      {/* How the user signs in, after the password steps: a lost MFA device is its own task. */}
      <SignInFactors connectionId={connectionId} pool={pool} username={username} record={checks.record} canAct={canAct} whyNot={whyNot} />
    </section>
    {security}
    </>
  );
}

/** Why no recovery action may start yet: the ticket first, then the caller checks. */
function whyNotId(checks: CallerCheckState) {
  if (checks.ticketProblem === 'required') return 'recovery.panel.ticketFirst' as const;
  return checks.ticketProblem ? ('recovery.panel.correctTicketFirst' as const) : ('recovery.callerChecks.tickFirst' as const);
}

/** One app client: just named. Several: one compact choice, remembered per pool. */
function ClientChoice({ clients, clientId, onChange }: { clients: AppClient[]; clientId: string | undefined; onChange: (clientId: string) => void }) {
  const t = useT();
  if (clients.length === 0) return <p>{t('recovery.client.none')}</p>;
  const only = clients.length === 1 ? clients[0] : undefined;
  if (only) {
    const meta = t('recovery.client.meta', { secret: secretWording(t, only), existence: userExistenceWording(t, only) });
    return (
      <p className="client-single">
        {/* Spaces between the parts, on one line: JSX keeps them. */}
        <span className="group-label">{t('recovery.client.label')}</span> <strong className="client-name" translate="no">{only.clientName}</strong> <span className="client-meta">{meta}</span>
      </p>
    );
  }
  return (
    <RadioGroup className="client-choice" orientation="horizontal" value={clientId ?? null} onChange={onChange}>
      <Label className="group-label">{t('recovery.client.label')}</Label>
      {clients.map((c) => (
        <Radio key={c.clientId} value={c.clientId} className="client-option">
          <span className="client-name" translate="no">
            {c.clientName}
          </span>
          <span className="client-meta">
            {t('recovery.client.optionMeta', {
              secret: c.hasSecret ? 'yes' : 'no',
              existence: c.preventUserExistenceErrors === 'ENABLED' ? 'hidden' : 'reported',
            })}
          </span>
        </Radio>
      ))}
    </RadioGroup>
  );
}

function RecoveryDone({ username, confirmedAt, signOut, onStartOver }: { username: string; confirmedAt: string; signOut: SignOutAfterReset; onStartOver: () => void }) {
  const t = useT();
  const headingRef = useRef<HTMLHeadingElement>(null);
  // Move focus to the outcome so keyboard and screen-reader users land on it.
  useEffect(() => {
    headingRef.current?.focus();
  }, []);
  return (
    <section className="panel recovery-done call-block" aria-labelledby="done-heading">
      <h4 id="done-heading" ref={headingRef} tabIndex={-1}>
        {t('recovery.done.heading')}
      </h4>
      <p>{t('recovery.done.canSignIn', { username, strong: (chunks) => <strong>{chunks}</strong> })}</p>
      <p className="muted">{t('recovery.done.confirmedAt', { at: new Date(confirmedAt) })}</p>
      <SignOutAfterResetOutcome outcome={signOut} username={username} />
      <Button className="button button-secondary" onPress={onStartOver}>
        {t('recovery.done.startOver')}
      </Button>
    </section>
  );
}
