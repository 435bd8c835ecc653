import { useId, useRef, useState, type FormEvent } from 'react';
import { Button, FieldError, Input, Label, Text, TextField } from 'react-aria-components';
import type { Channel, Connection } from '../../../shared/contract';
import { toApiCallError } from '../../api/client';
import { useTestConnection } from '../../api/queries';
import { BusyButton } from '../../components/busy-button';
import { ErrorNotice } from '../../components/error-notice';
import { CopyMessage, useCopyToClipboard } from '../../components/copy';
import { useT } from '../../i18n/use-t';
import { connectionName, type TestResult } from './connection-wording';

/** The `aws sso login` command to run in a terminal, with a button that copies it. */
export function SsoLoginCommand({ command }: { command: string }) {
  const t = useT();
  const { outcome, copy } = useCopyToClipboard('command');
  const id = useId();
  return (
    <div className="sso-command">
      <p id={id} className="sso-command-intro">
        {t('connections.sso.intro')}
      </p>
      <div className="sso-command-row">
        <code className="sso-command-text" aria-describedby={id}>
          {command}
        </code>
        <Button className="button button-secondary" onPress={() => void copy(command)}>
          {t('connections.sso.copy')}
        </Button>
      </div>
      <CopyMessage outcome={outcome} />
    </div>
  );
}

interface ConnectionErrorNoticeProps {
  error: unknown;
  channel: Channel;
  title: string;
  onRetry?: () => void;
}

/** The usual error notice; for an expired SSO sign-in, also the command that renews it. */
export function ConnectionErrorNotice({ error, channel, title, onRetry }: ConnectionErrorNoticeProps) {
  const failure = toApiCallError(error, channel);
  const command = failure.code === 'SsoLoginRequired' ? failure.failure.params?.command : undefined;
  return (
    <div className="connection-error">
      <ErrorNotice error={error} channel={channel} title={title} {...(onRetry ? { onRetry } : {})} />
      {command && <SsoLoginCommand command={command} />}
    </div>
  );
}

interface MfaCodeFormProps {
  connection: Connection;
  /** Why the code is asked for, when a call was refused without one. */
  reason?: string;
  onConnected: (result: TestResult) => void;
  onCancel?: () => void;
}

/**
 * Asks for the 6-digit code of the connection's MFA device and tests the connection with it. The code
 * is used once: it leaves the field (and the mutation) as soon as the answer arrives.
 */
export function MfaCodeForm({ connection, reason, onConnected, onCancel }: MfaCodeFormProps) {
  const t = useT();
  const test = useTestConnection();
  const [code, setCode] = useState('');
  const [problem, setProblem] = useState<string>();
  const [failure, setFailure] = useState<unknown>();
  const inputRef = useRef<HTMLInputElement>(null);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (test.isPending) return;
    if (!/^\d{6}$/.test(code)) {
      setProblem(t('connections.mfa.sixDigits'));
      inputRef.current?.focus();
      return;
    }
    setProblem(undefined);
    setFailure(undefined);
    test.mutate(
      { connectionId: connection.id, mfaCode: code },
      {
        onSuccess: (result) => {
          setCode('');
          test.reset();
          onConnected(result);
        },
        onError: (error) => {
          // A code works once and for a short while: ask for the next one.
          setCode('');
          setFailure(error);
          test.reset();
          inputRef.current?.focus();
        },
      },
    );
  };

  return (
    <form className="mfa-form" onSubmit={submit} noValidate aria-label={t('connections.mfa.formLabel', { name: connectionName(connection, t) })}>
      {reason && <p className="mfa-reason">{reason}</p>}
      <div className="mfa-row">
        <TextField
          className="field"
          value={code}
          // Codes are read off a device or pasted: keep the digits only.
          onChange={(value) => setCode(value.replace(/\D+/g, '').slice(0, 6))}
          isInvalid={Boolean(problem)}
          validationBehavior="aria"
          autoFocus
        >
          <Label>{t('connections.mfa.code')}</Label>
          <Input ref={inputRef} className="input input-code mfa-input" inputMode="numeric" autoComplete="one-time-code" spellCheck={false} />
          <Text slot="description" className="field-hint">
            {t('connections.mfa.description')}
          </Text>
          <FieldError className="field-error">{problem}</FieldError>
        </TextField>
        <div className="mfa-actions">
          <BusyButton type="submit" className="button button-primary" isPending={test.isPending}>
            {test.isPending ? t('connections.mfa.connecting') : t('connections.mfa.connect')}
          </BusyButton>
          {onCancel && (
            <Button className="button button-secondary" onPress={onCancel} isDisabled={test.isPending}>
              {t('connections.mfa.cancel')}
            </Button>
          )}
        </div>
      </div>
      {failure !== undefined && <ConnectionErrorNotice error={failure} channel="connections:test" title={t('connections.mfa.failed')} />}
    </form>
  );
}
