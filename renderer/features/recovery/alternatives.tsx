import { useEffect, useRef, useState, type ReactNode } from 'react';
import { Button, Input, Label, Text, TextField } from 'react-aria-components';
import type { DeliveryMedium } from '../../../shared/cognito-model';
import type { Alternative, PasswordPolicy, RequestOf, ResponseOf } from '../../../shared/contract';
import { generatePassword, PASSWORD_ALPHABETS, type PasswordStyle } from '../../../shared/password-policy';
import { useRecoveryAction } from '../../api/queries';
import { BusyButton } from '../../components/busy-button';
import { ConfirmDialog, ConfirmDialogActions } from '../../components/confirm-dialog';
import { CopyMessage, useCopyToClipboard } from '../../components/copy';
import { ErrorNotice } from '../../components/error-notice';
import { useT } from '../../i18n/use-t';
import type { ActionRecord } from './action-record';
import { PasswordReadout, PasswordStyleChoice } from './password-readout';
import type { AlternativeOutcome } from './verdict-words';

export interface AlternativeTarget {
  connectionId: string;
  userPoolId: string;
  username: string;
}

interface AlternativesProps {
  /** The verdict's alternatives, best first. */
  alternatives: Alternative[];
  /** Whether to offer them: only when the verdict is blocked or uncertain. */
  offer: boolean;
  /** When no code can be requested, the first alternative is the next action: shown as the primary button. */
  primary?: boolean;
  target: AlternativeTarget;
  /** Where a re-sent invitation goes (the user's email and/or phone); empty leaves Cognito's default. */
  invitationMediums: readonly DeliveryMedium[];
  policy: PasswordPolicy;
  /** The ticket and ticked caller checks, sent with every request. */
  record: ActionRecord;
  /** False until every required caller check is ticked. */
  canAct: boolean;
  /** Why nothing may start yet (the ticket, the caller checks), said under the list. */
  whyNot?: string | undefined;
  onDone: (outcome: AlternativeOutcome) => void;
}

/**
 * The other ways to get the caller back in, best first, each behind its own confirmation. The
 * verdict is asked again after each action; an open dialog stays even if the new verdict no
 * longer lists its action (a temporary password must stay on screen until it is read out).
 */
export function Alternatives({ alternatives, offer, primary = false, target, invitationMediums, policy, record, canAct, whyNot, onDone }: AlternativesProps) {
  const t = useT();
  const [open, setOpen] = useState<Alternative>();
  const shown = offer ? alternatives : [];
  const listed = open && !shown.includes(open) ? [...shown, open] : shown;
  if (listed.length === 0) {
    return offer ? <p className="muted">{t('recovery.alternatives.none')}</p> : null;
  }
  const props = (alternative: Alternative) => ({
    target,
    record,
    canAct,
    onDone,
    isPrimary: primary && alternative === listed[0],
    isOpen: open === alternative,
    onOpenChange: (isOpen: boolean) => setOpen(isOpen ? alternative : undefined),
  });
  return (
    <div className="alternatives" role="group" aria-labelledby="alternatives-heading">
      <h6 id="alternatives-heading">{t('recovery.alternatives.heading')}</h6>
      <ul className="alternative-list">
        {listed.map((alternative) => (
          <li key={alternative} className={`alternative alternative-${alternative}`}>
            {alternative === 'resendInvitation' && <ResendInvitation {...props(alternative)} mediums={invitationMediums} />}
            {alternative === 'adminResetPassword' && <AdminReset {...props(alternative)} />}
            {alternative === 'setTemporaryPassword' && <TemporaryPassword {...props(alternative)} policy={policy} />}
          </li>
        ))}
      </ul>
      {whyNot && <p className="muted">{whyNot}</p>}
    </div>
  );
}

interface AlternativeProps {
  target: AlternativeTarget;
  record: ActionRecord;
  canAct: boolean;
  onDone: (outcome: AlternativeOutcome) => void;
  /** Open state lives with the list, so an open dialog outlives a change of the verdict. */
  isOpen: boolean;
  onOpenChange: (open: boolean) => void;
  /** The next action when no code can be requested. */
  isPrimary: boolean;
}

/** Runs `send` once per press: a double click or a repeated Enter cannot start a second request. */
function useOnce() {
  const running = useRef(false);
  return (send: (settled: () => void) => void) => {
    if (running.current) return;
    running.current = true;
    send(() => {
      running.current = false;
    });
  };
}

type ConfirmedChannel = 'recovery:resendInvitation' | 'recovery:adminResetPassword';

interface ConfirmedActionProps<C extends ConfirmedChannel> extends AlternativeProps {
  channel: C;
  request: RequestOf<C>;
  /** The trigger's text. */
  label: string;
  title: string;
  /** The confirm button's text, naming the action and the user; and while it runs. */
  confirmLabel: string;
  pendingLabel: string;
  failedTitle: string;
  unknownTitle: string;
  outcome: (data: ResponseOf<C>) => AlternativeOutcome;
  /** What will happen, said in the dialog. */
  children: ReactNode;
  /** One line under the trigger: when this alternative is the right one. */
  note: ReactNode;
}

/** An alternative behind a confirmation: one request per press, its failure kept inside the dialog. */
function ConfirmedAction<C extends ConfirmedChannel>(props: ConfirmedActionProps<C>) {
  const { channel, request, canAct, onDone, isOpen, onOpenChange, isPrimary, label, title, confirmLabel, pendingLabel } = props;
  const t = useT();
  const action = useRecoveryAction(channel);
  const once = useOnce();
  const close = (next: boolean) => {
    onOpenChange(next);
    if (!next) action.reset();
  };
  return (
    <>
      <ConfirmDialog
        trigger={
          <Button className={`button ${isPrimary ? 'button-primary' : 'button-secondary'}`} isDisabled={!canAct}>
            {label}
          </Button>
        }
        isOpen={isOpen}
        onOpenChange={close}
        isPending={action.isPending}
        title={title}
      >
        {props.children}
        {action.isError && <ErrorNotice error={action.error} channel={channel} title={props.failedTitle} titleIfUnknown={props.unknownTitle} />}
        <ConfirmDialogActions>
          <Button className="button button-secondary" isDisabled={action.isPending} onPress={() => close(false)}>
            {t('recovery.alternatives.cancel')}
          </Button>
          <BusyButton
            className="button button-primary"
            isPending={action.isPending}
            onPress={() =>
              once((settled) =>
                action.mutate(request, {
                  onSuccess: (data) => {
                    close(false);
                    onDone(props.outcome(data as ResponseOf<C>));
                  },
                  onSettled: settled,
                }),
              )
            }
          >
            {action.isPending ? pendingLabel : confirmLabel}
          </BusyButton>
        </ConfirmDialogActions>
      </ConfirmDialog>
      <p className="alternative-note muted">{props.note}</p>
    </>
  );
}

/** Where a re-sent invitation goes, as the message's select names it. */
function invitationRoute(mediums: readonly DeliveryMedium[]): 'email' | 'sms' | 'both' | 'default' {
  const email = mediums.includes('EMAIL');
  const sms = mediums.includes('SMS');
  return email && sms ? 'both' : email ? 'email' : sms ? 'sms' : 'default';
}

function ResendInvitation({ mediums, ...props }: AlternativeProps & { mediums: readonly DeliveryMedium[] }) {
  const t = useT();
  const { target, record } = props;
  const { username } = target;
  const strong = (chunks: ReactNode[]) => <strong>{chunks}</strong>;
  return (
    <ConfirmedAction
      {...props}
      channel="recovery:resendInvitation"
      request={{ ...target, ...record, ...(mediums.length > 0 ? { deliveryMediums: [...mediums] } : {}) }}
      label={t('recovery.invitation.label')}
      title={t('recovery.invitation.title', { username })}
      confirmLabel={t('recovery.invitation.confirm', { username })}
      pendingLabel={t('recovery.invitation.pending')}
      failedTitle={t('recovery.invitation.failed')}
      unknownTitle={t('recovery.invitation.unknown')}
      outcome={(data) => ({ kind: 'invitation', at: data.sentAt })}
      note={t('recovery.invitation.note')}
    >
      <p>{t('recovery.invitation.what', { username, mediums: invitationRoute(mediums), strong })}</p>
      <p>{t('recovery.invitation.tell')}</p>
    </ConfirmedAction>
  );
}

function AdminReset(props: AlternativeProps) {
  const t = useT();
  const { target, record } = props;
  const { username } = target;
  return (
    <ConfirmedAction
      {...props}
      channel="recovery:adminResetPassword"
      request={{ ...target, ...record }}
      label={t('recovery.adminReset.label')}
      title={t('recovery.adminReset.title', { username })}
      confirmLabel={t('recovery.adminReset.confirm', { username })}
      pendingLabel={t('recovery.adminReset.pending')}
      failedTitle={t('recovery.adminReset.failed')}
      unknownTitle={t('recovery.adminReset.unknown')}
      outcome={(data) => ({ kind: 'admin-reset', at: data.resetAt })}
      note={t('recovery.adminReset.note')}
    >
      <p>{t('recovery.adminReset.what', { username, strong: (chunks) => <strong>{chunks}</strong> })}</p>
      <p>{t('recovery.adminReset.then')}</p>
    </ConfirmedAction>
  );
}

function TemporaryPassword({ target, record, canAct, onDone, policy, isOpen: open, onOpenChange }: AlternativeProps & { policy: PasswordPolicy }) {
  const t = useT();
  const { username } = target;
  const strong = (chunks: ReactNode[]) => <strong>{chunks}</strong>;
  const setTemporary = useRecoveryAction('recovery:setTemporaryPassword');
  const [password, setPassword] = useState('');
  const [style, setStyle] = useState<PasswordStyle>('sayable');
  const [revealed, setRevealed] = useState(false);
  const [setAt, setSetAt] = useState<string>();
  const { outcome, copy, clear } = useCopyToClipboard('temporaryPassword');
  const once = useOnce();
  const doneRef = useRef<HTMLParagraphElement>(null);
  const days = policy.temporaryPasswordValidityDays ?? 7;

  useEffect(() => {
    if (setAt) doneRef.current?.focus();
  }, [setAt]);

  const generate = (kind: PasswordStyle) => {
    clear();
    setPassword(generatePassword(policy, { alphabet: PASSWORD_ALPHABETS[kind] }));
  };

  const change = (next: boolean) => {
    onOpenChange(next);
    clear();
    setRevealed(false);
    // A fresh, easy-to-say password each time the dialog opens; none is kept once it closes.
    setStyle('sayable');
    if (next) generate('sayable');
    else setPassword('');
    if (!next) {
      setSetAt(undefined);
      setTemporary.reset();
    }
  };

  return (
    <>
      <ConfirmDialog
        trigger={
          <Button className="button button-danger" isDisabled={!canAct}>
            {t('recovery.temporary.label')}
          </Button>
        }
        isOpen={open}
        onOpenChange={change}
        isPending={setTemporary.isPending}
        title={setAt ? t('recovery.temporary.titleDone', { username }) : t('recovery.temporary.title', { username })}
        tone="last-resort"
      >
        {setAt ? (
          <p ref={doneRef} tabIndex={-1} className="action-dialog-success" role="status">
            {t('recovery.temporary.doneAt', { at: new Date(setAt) })}
          </p>
        ) : (
          <p className="last-resort-banner">{t('recovery.temporary.lastResort', { strong })}</p>
        )}
        <p>{t('recovery.temporary.what', { username, days, strong })}</p>
        <div className="password-row">
          <TextField className="field password-field" value={password} isReadOnly>
            <Label>{t('recovery.temporary.field')}</Label>
            <Input className="input input-code" type={revealed ? 'text' : 'password'} autoComplete="off" spellCheck={false} />
            <Text slot="description" className="muted">
              {t('recovery.temporary.generated', { style })}
            </Text>
          </TextField>
          <div className="password-tools">
            <Button className="button button-secondary" onPress={() => setRevealed((r) => !r)}>
              {revealed ? t('recovery.password.hide') : t('recovery.password.show')}
            </Button>
            <Button className="button button-secondary" onPress={() => void copy(password)}>
              {t('recovery.password.copy')}
            </Button>
            {!setAt && (
              <Button
                className="button button-secondary"
                isDisabled={setTemporary.isPending}
                onPress={() => generate(style)}
              >
                {t('recovery.temporary.another')}
              </Button>
            )}
          </div>
        </div>
        {!setAt && (
          <PasswordStyleChoice
            value={style}
            isDisabled={setTemporary.isPending}
            onChange={(kind) => {
              setStyle(kind);
              generate(kind);
            }}
          />
        )}
        <PasswordReadout password={password} isRevealed={revealed} />
        <CopyMessage outcome={outcome} />
        {setTemporary.isError && (
          <ErrorNotice
            error={setTemporary.error}
            channel="recovery:setTemporaryPassword"
            title={t('recovery.temporary.failed')}
            titleIfUnknown={t('recovery.temporary.unknown')}
          />
        )}
        <ConfirmDialogActions>
          {setAt ? (
            <Button className="button button-primary" onPress={() => change(false)}>
              {t('recovery.temporary.close')}
            </Button>
          ) : (
            <>
              <Button className="button button-secondary" isDisabled={setTemporary.isPending} onPress={() => change(false)}>
                {t('recovery.alternatives.cancel')}
              </Button>
              <BusyButton
                className="button button-danger"
                isPending={setTemporary.isPending}
                onPress={() =>
                  once((settled) =>
                    setTemporary.mutate(
                      { ...target, ...record, temporaryPassword: password },
                      {
                        onSuccess: (data) => {
                          setSetAt(data.setAt);
                          onDone({ kind: 'temporary-password', at: data.setAt });
                        },
                        onSettled: settled,
                      },
                    ),
                  )
                }
              >
                {setTemporary.isPending ? t('recovery.temporary.setting') : t('recovery.temporary.confirm', { username })}
              </BusyButton>
            </>
          )}
        </ConfirmDialogActions>
      </ConfirmDialog>
      <p className="alternative-note">
        {t('recovery.temporary.note', {
          badge: (chunks) => <span className="badge badge-bad">{chunks}</span>,
          muted: (chunks) => <span className="muted">{chunks}</span>,
        })}
      </p>
    </>
  );
}
