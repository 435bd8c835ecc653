import { useId, useState, type Ref } from 'react';
import { Button, FieldError, Input, Label, Meter, TextField } from 'react-aria-components';
import type { PasswordPolicy } from '../../../shared/contract';
import { checkPassword, generatePassword, PASSWORD_ALPHABETS, type PasswordStyle } from '../../../shared/password-policy';
import { PasswordChecklist } from './password-checklist';
import { PasswordReadout, PasswordStyleChoice } from './password-readout';
import type { StrengthEstimate } from './password-strength';
import { CopyMessage, useCopyToClipboard } from '../../components/copy';
import { usePasswordStrength, type StrengthState } from './use-password-strength';

interface NewPasswordFieldProps {
  value: string;
  onChange: (password: string) => void;
  policy: PasswordPolicy;
  /** Counted as a guessable word by the strength estimate. */
  username: string;
  /** Shown as invalid once the operator tried to submit with a password that breaks a rule. */
  showErrors: boolean;
  isReadOnly?: boolean;
  inputRef?: Ref<HTMLInputElement>;
}

/**
 * The caller's new password: the pool's rules ticked off live, a generator (easy to say, or fully
 * random) with a phonetic readout, show/hide, copy, and a strength estimate with a warning for
 * common passwords.
 */
export function NewPasswordField({ value, onChange, policy, username, showErrors, isReadOnly = false, inputRef }: NewPasswordFieldProps) {
  const [revealed, setRevealed] = useState(false);
  const [style, setStyle] = useState<PasswordStyle>('sayable');
  /** The last generated password, while the field still holds it: it gets a readout. */
  const [generated, setGenerated] = useState('');
  const { outcome, copy, clear } = useCopyToClipboard('password');
  const rulesId = useId();
  const checks = checkPassword(value, policy);
  const meetsPolicy = checks.every((check) => check.met);
  const strength = usePasswordStrength(value, username);
  const holdsGenerated = generated !== '' && value === generated;

  const generate = (kind: PasswordStyle) => {
    const password = generatePassword(policy, { alphabet: PASSWORD_ALPHABETS[kind] });
    clear();
    setGenerated(password);
    onChange(password);
  };

  const changeStyle = (kind: PasswordStyle) => {
    setStyle(kind);
    // A generated password is swapped for one of the chosen kind; a typed one is left alone.
    if (holdsGenerated) generate(kind);
  };

  const change = (next: string) => {
    setGenerated('');
    clear();
    onChange(next);
  };

  return (
    <div className="new-password">
      <div className="password-row">
        <TextField
          className="field password-field"
          value={value}
          onChange={change}
          isInvalid={showErrors && !meetsPolicy}
          isReadOnly={isReadOnly}
          aria-describedby={`${rulesId}-summary`}
        >
          <Label>New password</Label>
          <Input
            ref={inputRef}
            className="input"
            type={revealed ? 'text' : 'password'}
            // Keep the browser from offering to save or suggest: this is the caller's password, not the operator's.
            autoComplete="off"
            spellCheck={false}
            maxLength={256}
          />
          <FieldError className="field-error">The password does not meet every rule below yet.</FieldError>
        </TextField>
        <div className="password-tools">
          <Button className="button button-secondary" onPress={() => setRevealed((r) => !r)}>
            {revealed ? 'Hide password' : 'Show password'}
          </Button>
          <Button
            className="button button-secondary"
            isDisabled={isReadOnly}
            onPress={() => generate(style)}
          >
            Generate password
          </Button>
          <Button className="button button-secondary" isDisabled={!value} onPress={() => void copy(value)}>
            Copy password
          </Button>
        </div>
      </div>
      <PasswordStyleChoice value={style} onChange={changeStyle} isDisabled={isReadOnly} />
      <p role="status" className="password-note">
        {holdsGenerated && `A new ${style === 'sayable' ? 'easy-to-say' : 'fully random'} password was generated.`}
      </p>
      {holdsGenerated && <PasswordReadout password={value} isRevealed={revealed} />}
      <CopyMessage outcome={outcome} />
      <PasswordChecklist id={rulesId} checks={checks} />
      <StrengthMeter state={strength} />
    </div>
  );
}

function StrengthMeter({ state }: { state: StrengthState }) {
  if (state.status === 'empty') {
    return <p className="strength-empty muted">Strength: type or generate a password to see an estimate.</p>;
  }
  if (state.status === 'unavailable') {
    return <p className="strength-empty muted">The strength estimate could not be loaded. The pool’s rules above still apply.</p>;
  }
  const estimate = state.estimate;
  if (!estimate) return <p className="strength-empty muted">Estimating strength…</p>;
  return (
    <div className="strength" data-checking={state.status === 'checking' || undefined}>
      <Meter className="strength-meter" value={estimate.score} minValue={0} maxValue={4} valueLabel={estimate.label}>
        <div className="strength-head">
          <Label className="strength-label">Password strength</Label>
          <span className="strength-value">{estimate.label}</span>
        </div>
        <div className="strength-bar" aria-hidden="true">
          <div className="strength-fill" data-score={estimate.score} />
        </div>
      </Meter>
      <StrengthAdvice estimate={estimate} />
    </div>
  );
}

function StrengthAdvice({ estimate }: { estimate: StrengthEstimate }) {
  return (
    <div aria-live="polite" className="strength-advice">
      {estimate.common ? (
        <p className="note note-blocker strength-common">
          {/* The matched word is not shown: it would put the hidden password on screen. */}
          <strong>Common password:</strong> it is on lists of leaked passwords that attackers try first. Choose another, or
          generate one.
        </p>
      ) : (
        estimate.warning && (
          <p className="note note-warning">
            <strong>Weak spot:</strong> {estimate.warning}
          </p>
        )
      )}
      {estimate.score < 3 && estimate.suggestions.length > 0 && (
        <p className="muted strength-suggestions">{estimate.suggestions.join(' ')}</p>
      )}
    </div>
  );
}
