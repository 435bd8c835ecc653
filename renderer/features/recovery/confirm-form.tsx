import { useId, useRef, useState } from 'react';
import { Button, FieldError, Form, Input, Label, Text, TextField } from 'react-aria-components';
import type { PasswordPolicy, RequestOf } from '../../../shared/contract';
import { checkPassword } from '../../../shared/password-policy';
import { useConfirmForgotPassword } from '../../api/queries';
import { ErrorNotice } from '../../components/error-notice';
import { PasswordChecklist } from './password-checklist';

type Target = Omit<RequestOf<'recovery:confirmForgotPassword'>, 'confirmationCode' | 'password'>;

interface ConfirmFormProps {
  target: Target;
  policy: PasswordPolicy;
  onConfirmed: (confirmedAt: string) => void;
}

/** Codes are read out over the phone; spaces and dashes a caller adds are never part of one. */
function normaliseCode(code: string): string {
  return code.replace(/[\s-]+/g, '');
}

export function ConfirmForm({ target, policy, onConfirmed }: ConfirmFormProps) {
  const confirm = useConfirmForgotPassword();
  const [code, setCode] = useState('');
  const [password, setPassword] = useState('');
  const [revealed, setRevealed] = useState(false);
  const [attempted, setAttempted] = useState(false);
  const codeRef = useRef<HTMLInputElement>(null);
  const passwordRef = useRef<HTMLInputElement>(null);
  const rulesId = useId();

  const checks = checkPassword(password, policy);
  const passwordOk = checks.every((check) => check.met);
  const codeOk = normaliseCode(code).length > 0;

  const submit = () => {
    setAttempted(true);
    if (!codeOk) return codeRef.current?.focus();
    if (!passwordOk) return passwordRef.current?.focus();
    confirm.mutate(
      { ...target, confirmationCode: normaliseCode(code), password },
      {
        onSuccess: (data) => {
          // Nothing secret stays on screen or in memory once the reset is done.
          setCode('');
          setPassword('');
          confirm.reset();
          onConfirmed(data.confirmedAt);
        },
      },
    );
  };

  return (
    <Form
      className="confirm-form"
      aria-labelledby="confirm-heading"
      onSubmit={(event) => {
        event.preventDefault();
        submit();
      }}
    >
      <h5 id="confirm-heading">Finish the reset</h5>
      <TextField className="field" value={code} onChange={setCode} isInvalid={attempted && !codeOk} isReadOnly={confirm.isPending}>
        <Label>Confirmation code</Label>
        <Input ref={codeRef} className="input input-code" autoComplete="one-time-code" spellCheck={false} maxLength={2048} />
        <Text slot="description" className="muted">
          The code the caller received, read out to you.
        </Text>
        <FieldError className="field-error">Type the code the caller received.</FieldError>
      </TextField>

      <div className="password-row">
        <TextField
          className="field password-field"
          value={password}
          onChange={setPassword}
          isInvalid={attempted && !passwordOk}
          isReadOnly={confirm.isPending}
          aria-describedby={`${rulesId}-summary`}
        >
          <Label>New password</Label>
          <Input
            ref={passwordRef}
            className="input"
            type={revealed ? 'text' : 'password'}
            // Keep the browser from offering to save or suggest: this is the caller's password, not the operator's.
            autoComplete="off"
            spellCheck={false}
            maxLength={256}
          />
          <FieldError className="field-error">The password does not meet every rule below yet.</FieldError>
        </TextField>
        <Button className="button button-secondary reveal" onPress={() => setRevealed((r) => !r)}>
          {revealed ? 'Hide password' : 'Show password'}
        </Button>
      </div>
      <PasswordChecklist id={rulesId} checks={checks} />

      {confirm.isError && (
        <ErrorNotice error={confirm.error} channel="recovery:confirmForgotPassword" title="The password was not changed" />
      )}
      <div className="actions">
        {/* isPending keeps focus on the button (aria-disabled) while the request runs. */}
        <Button type="submit" className="button button-primary" isPending={confirm.isPending}>
          {confirm.isPending ? 'Setting password…' : 'Set new password'}
        </Button>
      </div>
    </Form>
  );
}
