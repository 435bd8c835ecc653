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
import { formatTime } from '../../components/format';
import type { ActionRecord } from './action-record';
import { PasswordReadout, PasswordStyleChoice } from './password-readout';


export interface AlternativeTarget {
  connectionId: string;
  userPoolId: string;
  username: string;
}

export type AlternativeOutcome =
  | { kind: 'invitation'; at: string }
  | { kind: 'admin-reset'; at: string }
  | { kind: 'temporary-password'; at: string };

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
  onDone: (outcome: AlternativeOutcome) => void;
}

/**
 * The other ways to get the caller back in, best first, each behind its own confirmation. The
 * verdict is asked again after each action; an open dialog stays even if the new verdict no
 * longer lists its action (a temporary password must stay on screen until it is read out).
 */
export function Alternatives({ alternatives, offer, primary = false, target, invitationMediums, policy, record, canAct, onDone }: AlternativesProps) {
  const [open, setOpen] = useState<Alternative>();
  const shown = offer ? alternatives : [];
  const listed = open && !shown.includes(open) ? [...shown, open] : shown;
  if (listed.length === 0) {
    return offer ? <p className="muted">Recovery Desk has no other way to get this caller back in: follow the reasons above.</p> : null;
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
      <h6 id="alternatives-heading">Other ways to get the caller back in</h6>
      <ul className="alternative-list">
        {listed.map((alternative) => (
          <li key={alternative} className={`alternative alternative-${alternative}`}>
            {alternative === 'resendInvitation' && <ResendInvitation {...props(alternative)} mediums={invitationMediums} />}
            {alternative === 'adminResetPassword' && <AdminReset {...props(alternative)} />}
            {alternative === 'setTemporaryPassword' && <TemporaryPassword {...props(alternative)} policy={policy} />}
          </li>
        ))}
      </ul>
      {!canAct && <p className="muted">Tick every caller check first.</p>}
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
            Cancel
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

function ResendInvitation({ mediums, ...props }: AlternativeProps & { mediums: readonly DeliveryMedium[] }) {
  const { target, record } = props;
  return (
    <ConfirmedAction
      {...props}
      channel="recovery:resendInvitation"
      request={{ ...target, ...record, ...(mediums.length > 0 ? { deliveryMediums: [...mediums] } : {}) }}
      label="Resend invitation"
      title={`Resend the invitation to ${target.username}?`}
      confirmLabel={`Resend invitation to ${target.username}`}
      pendingLabel="Sending the invitation…"
      failedTitle="The invitation was not sent"
      unknownTitle="The invitation may have been sent"
      outcome={(data) => ({ kind: 'invitation', at: data.sentAt })}
      note="For a user who never signed in (must set a password): a fresh invitation."
    >
      <p>
        Cognito sends <strong>{target.username}</strong> a new invitation with a new temporary password,{' '}
        {mediums.length === 0 ? 'by text message (Cognito’s default: the account has no email or phone)' : `by ${mediums.map((m) => (m === 'EMAIL' ? 'email' : 'text message')).join(' and ')}`}{' '}
        (AdminCreateUser, RESEND). Any earlier temporary password stops working.
      </p>
      <p>Tell the caller to sign in with the temporary password from the new message; they then choose their own password.</p>
    </ConfirmedAction>
  );
}

function AdminReset(props: AlternativeProps) {
  const { target, record } = props;
  return (
    <ConfirmedAction
      {...props}
      channel="recovery:adminResetPassword"
      request={{ ...target, ...record }}
      label="Reset by administrator"
      title={`Reset ${target.username}’s password as an administrator?`}
      confirmLabel={`Reset password of ${target.username}`}
      pendingLabel="Resetting…"
      failedTitle="The password was not reset"
      unknownTitle="The password may have been reset"
      outcome={(data) => ({ kind: 'admin-reset', at: data.resetAt })}
      note="The administrator’s reset: its answer is real even where the app client hides errors. Cognito sends the user a code; you finish the reset here."
    >
      <p>
        Cognito resets the password of <strong>{target.username}</strong> (AdminResetUserPassword): the current password stops working
        at once and Cognito sends them a code by their verified email or phone.
      </p>
      <p>Then ask the caller for that code and set their new password with it in the step that follows.</p>
    </ConfirmedAction>
  );
}

function TemporaryPassword({ target, record, canAct, onDone, policy, isOpen: open, onOpenChange }: AlternativeProps & { policy: PasswordPolicy }) {
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
            Set a temporary password
          </Button>
        }
        isOpen={open}
        onOpenChange={change}
        isPending={setTemporary.isPending}
        title={setAt ? `Temporary password set for ${target.username}` : `Set a temporary password for ${target.username}?`}
        tone="last-resort"
      >
        {setAt ? (
          <p ref={doneRef} tabIndex={-1} className="action-dialog-success" role="status">
            Done at {formatTime(setAt)}. Read the password to the caller now.
          </p>
        ) : (
          <p className="last-resort-banner">
            <strong>Last resort.</strong> Use it only when a code or an invitation cannot work: you will know the password, and so
            will anyone who hears you read it out.
          </p>
        )}
        <p>
          Cognito sets this as a <strong>temporary</strong> password (AdminSetUserPassword, not permanent).{' '}
          <strong>{target.username}</strong> must choose a new password the next time they sign in. It stops working after {days}{' '}
          {days === 1 ? 'day' : 'days'}.
        </p>
        <div className="password-row">
          <TextField className="field password-field" value={password} isReadOnly>
            <Label>Temporary password</Label>
            <Input className="input input-code" type={revealed ? 'text' : 'password'} autoComplete="off" spellCheck={false} />
            <Text slot="description" className="muted">
              {style === 'sayable' ? 'Generated at random from characters that are easy to say' : 'Generated at random from every character Cognito accepts'}; it
              meets every rule of the pool.
            </Text>
          </TextField>
          <div className="password-tools">
            <Button className="button button-secondary" onPress={() => setRevealed((r) => !r)}>
              {revealed ? 'Hide password' : 'Show password'}
            </Button>
            <Button className="button button-secondary" onPress={() => void copy(password)}>
              Copy password
            </Button>
            {!setAt && (
              <Button
                className="button button-secondary"
                isDisabled={setTemporary.isPending}
                onPress={() => generate(style)}
              >
                Generate another
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
          <ErrorNotice error={setTemporary.error} channel="recovery:setTemporaryPassword" title="The temporary password was not set" titleIfUnknown="The temporary password may have been set" />
        )}
        <ConfirmDialogActions>
          {setAt ? (
            <Button className="button button-primary" onPress={() => change(false)}>
              Done: close and forget the password
            </Button>
          ) : (
            <>
              <Button className="button button-secondary" isDisabled={setTemporary.isPending} onPress={() => change(false)}>
                Cancel
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
                {setTemporary.isPending ? 'Setting…' : `Set temporary password for ${target.username}`}
              </BusyButton>
            </>
          )}
        </ConfirmDialogActions>
      </ConfirmDialog>
      <p className="alternative-note">
        <span className="badge badge-bad">Last resort</span> <span className="muted">You read a password to the caller; they change it at their next sign-in.</span>
      </p>
    </>
  );
}
