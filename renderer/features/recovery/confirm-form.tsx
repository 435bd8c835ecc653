import { useEffect, useRef, useState } from 'react';
import { Button, FieldError, Form, Input, Label, Text, TextField } from 'react-aria-components';
import type { PasswordPolicy, RequestOf } from '../../../shared/contract';
import { passwordMeetsPolicy } from '../../../shared/password-policy';
import { useRecoveryAction } from '../../api/queries';
import { BusyButton } from '../../components/busy-button';
import { ErrorNotice } from '../../components/error-notice';
import { useFormat } from '../../components/format';
import { scrollIntoPane } from '../../components/scroll-into-pane';
import { useNow } from '../../components/use-now';
import { useT } from '../../i18n/use-t';
import { cleanCodeInput, codeExpiresAt, looksLikeCognitoCode, normaliseCode } from './code-input';
import { NewPasswordField } from './new-password-field';
import { SignOutAfterResetChoice, useSignOutChoice, type SignOutAfterReset } from '../security/sign-out-after-reset';

type Target = Omit<RequestOf<'recovery:confirmForgotPassword'>, 'confirmationCode' | 'password'>;

interface ConfirmFormProps {
  target: Target;
  policy: PasswordPolicy;
  /** When Cognito sent the code (ISO), for the countdown; unknown when the caller already had one. */
  sentAt: string | undefined;
  /** False while a required caller check is not ticked: nothing may be sent. */
  canSubmit: boolean;
  /** The call is marked as a possible compromise: "Sign out everywhere" starts checked. */
  possibleCompromise: boolean;
  /** Whether the organization's policy allows signing out everywhere (else it is not offered). */
  offerSignOut: boolean;
  onConfirmed: (confirmedAt: string, signOut: SignOutAfterReset) => void;
}

/**
 * ConfirmForgotPassword: the code the caller reads out and their new password. A failed attempt
 * keeps both as typed (the code usually still works); they are cleared only once Cognito accepts.
 */
export function ConfirmForm({ target, policy, sentAt, canSubmit, possibleCompromise, offerSignOut, onConfirmed }: ConfirmFormProps) {
  const t = useT();
  const confirm = useRecoveryAction('recovery:confirmForgotPassword');
  const signOut = useRecoveryAction('sessions:signOutEverywhere');
  const [signOutAfter, setSignOutAfter] = useSignOutChoice(possibleCompromise);
  const [code, setCode] = useState('');
  const [password, setPassword] = useState('');
  const [attempted, setAttempted] = useState(false);
  // The unusual code the operator chose to send anyway (custom senders may use another format).
  const [oddCodeAccepted, setOddCodeAccepted] = useState<string>();
  const [askingOddCode, setAskingOddCode] = useState(false);
  // Set synchronously on submit, so a double click or a second Enter cannot send twice even
  // before React has re-rendered the button as pending.
  const inFlight = useRef(false);
  const codeRef = useRef<HTMLInputElement>(null);
  const passwordRef = useRef<HTMLInputElement>(null);

  // The code is what the operator needs next: the caller is reading it out. The form comes to the
  // top of the pane, so the code, the password and the button that sends them are all in view.
  const formRef = useRef<HTMLFormElement>(null);
  useEffect(() => {
    codeRef.current?.focus({ preventScroll: true });
    scrollIntoPane(formRef.current, 'start');
  }, []);

  const passwordOk = passwordMeetsPolicy(password, policy);
  const sendable = normaliseCode(code);
  const codeOk = sendable.length > 0;
  const busy = confirm.isPending || signOut.isPending;

  const submit = (sendOddCode = false) => {
    if (inFlight.current || busy || !canSubmit) return;
    setAttempted(true);
    if (!codeOk) return codeRef.current?.focus();
    if (!passwordOk) return passwordRef.current?.focus();
    // A typo must not spend one of the few wrong-code attempts Cognito allows: ask first.
    if (!looksLikeCognitoCode(sendable) && !sendOddCode && oddCodeAccepted !== sendable) return setAskingOddCode(true);
    setAskingOddCode(false);
    inFlight.current = true;
    confirm.mutate(
      { ...target, confirmationCode: normaliseCode(code), password },
      {
        onSuccess: (data) => {
          // Nothing secret stays on screen or in memory once the reset is done.
          setCode('');
          setPassword('');
          confirm.reset();
          if (!offerSignOut || !signOutAfter) return onConfirmed(data.confirmedAt, { kind: 'not-asked' });
          // Its own audited action, once the password is set: the done view says how each went.
          const { clientId: _client, ...user } = target;
          signOut.mutate(user, {
            onSuccess: (result) => onConfirmed(data.confirmedAt, { kind: 'done', at: result.signedOutAt }),
            onError: (error) => onConfirmed(data.confirmedAt, { kind: 'failed', error }),
          });
        },
        onSettled: () => {
          inFlight.current = false;
        },
      },
    );
  };

  return (
    <Form
      ref={formRef}
      className="confirm-form"
      aria-labelledby="confirm-heading"
      onSubmit={(event) => {
        event.preventDefault();
        submit();
      }}
    >
      <div className="confirm-head">
        <h5 id="confirm-heading">{t('recovery.confirm.heading')}</h5>
        <CodeCountdown sentAt={sentAt} />
      </div>
      <div className="confirm-fields">
        <TextField
          className="field"
          value={code}
          // Pasted or typed, whitespace is never part of a code: " 123 456 " becomes "123456".
          onChange={(value) => {
            setCode(cleanCodeInput(value));
            setAskingOddCode(false);
          }}
          isInvalid={attempted && !codeOk}
          isReadOnly={busy}
        >
          <Label>{t('recovery.confirm.code')}</Label>
          <Input ref={codeRef} className="input input-code" autoComplete="one-time-code" spellCheck={false} maxLength={2048} />
          <Text slot="description" className="muted">
            {t('recovery.confirm.codeHelp')}
          </Text>
          <FieldError className="field-error">{t('recovery.confirm.codeMissing')}</FieldError>
        </TextField>

        <NewPasswordField
          value={password}
          onChange={setPassword}
          policy={policy}
          username={target.username}
          showErrors={attempted}
          isReadOnly={busy}
          inputRef={passwordRef}
        />
      </div>

      {askingOddCode && (
        <div className="notice notice-warning odd-code" role="alert">
          <p className="notice-title">{t('recovery.confirm.oddCode.title')}</p>
          <p>
            {t('recovery.confirm.oddCode.body', {
              code: sendable,
              length: [...sendable].length,
              mono: (chunks) => <span className="mono">{chunks}</span>,
            })}
          </p>
          <div className="actions">
            <Button
              className="button button-secondary"
              onPress={() => {
                setAskingOddCode(false);
                codeRef.current?.focus();
              }}
            >
              {t('recovery.confirm.oddCode.correct')}
            </Button>
            <Button
              className="button button-primary"
              onPress={() => {
                setOddCodeAccepted(sendable);
                submit(true);
              }}
            >
              {t('recovery.confirm.oddCode.sendAsItIs')}
            </Button>
          </div>
        </div>
      )}
      {confirm.isError && (
        <ErrorNotice
          error={confirm.error}
          channel="recovery:confirmForgotPassword"
          title={t('recovery.confirm.failed')}
          titleIfUnknown={t('recovery.confirm.unknown')}
          takeFocus
        />
      )}
      <div className="actions">
        {/* isPending keeps focus on the button (aria-disabled) while the request runs. */}
        <BusyButton type="submit" className="button button-primary" isPending={busy} isDisabled={!canSubmit}>
          {signOut.isPending ? t('security.afterReset.pending') : busy ? t('recovery.confirm.submitting') : t('recovery.confirm.submit')}
        </BusyButton>
        {!canSubmit && <span className="muted">{t('recovery.callerChecks.tickFirst')}</span>}
      </div>
      {/* Under the button, so the code step keeps its height: the caller's code, the password and the button stay in view. */}
      {offerSignOut && <SignOutAfterResetChoice isSelected={signOutAfter} onChange={setSignOutAfter} username={target.username} isDisabled={busy} />}
    </Form>
  );
}

/** How long the code has left, from the moment Cognito sent it; one hour in all. */
function CodeCountdown({ sentAt }: { sentAt: string | undefined }) {
  const t = useT();
  const format = useFormat();
  const now = useNow(1_000);
  const expiresAt = codeExpiresAt(sentAt);
  if (!expiresAt) {
    return <p className="code-timer muted">{t('recovery.countdown.unknown')}</p>;
  }
  const left = expiresAt.getTime() - now;
  if (left <= 0) {
    return (
      <p className="code-timer code-expired" role="status">
        {t('recovery.countdown.expired', { at: expiresAt })}
      </p>
    );
  }
  return (
    // role=timer is not announced on every tick; the text is there whenever the operator looks.
    <p className={`code-timer${left < 5 * 60_000 ? ' code-expiring' : ''}`} role="timer">
      {t('recovery.countdown.left', { left: format.remaining(left), until: expiresAt, strong: (chunks) => <strong>{chunks}</strong> })}
    </p>
  );
}
