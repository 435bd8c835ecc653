import { useId, useState, type ReactNode, type Ref } from 'react';
import { Button, FieldError, Input, Label, Meter, TextField } from 'react-aria-components';
import type { PasswordPolicy } from '../../../shared/contract';
import { checkPassword, generatePassword, PASSWORD_ALPHABETS, type PasswordStyle } from '../../../shared/password-policy';
import { PasswordChecklist } from './password-checklist';
import { PasswordReadout, PasswordStyleChoice } from './password-readout';
import type { StrengthEstimate } from './password-strength';
import { CopyMessage, useCopyToClipboard } from '../../components/copy';
import { useT } from '../../i18n/use-t';
import { strengthAdvice, strengthLabel } from './password-words';
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
  const t = useT();
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
          <Label>{t('recovery.password.new')}</Label>
          <Input
            ref={inputRef}
            className="input"
            type={revealed ? 'text' : 'password'}
            // Keep the browser from offering to save or suggest: this is the caller's password, not the operator's.
            autoComplete="off"
            spellCheck={false}
            maxLength={256}
          />
          <FieldError className="field-error">{t('recovery.password.breaksRules')}</FieldError>
        </TextField>
        <div className="password-tools">
          <Button className="button button-secondary" onPress={() => setRevealed((r) => !r)}>
            {revealed ? t('recovery.password.hide') : t('recovery.password.show')}
          </Button>
          <Button
            className="button button-secondary"
            isDisabled={isReadOnly}
            onPress={() => generate(style)}
          >
            {t('recovery.password.generate')}
          </Button>
          <Button className="button button-secondary" isDisabled={!value} onPress={() => void copy(value)}>
            {t('recovery.password.copy')}
          </Button>
        </div>
      </div>
      <PasswordStyleChoice value={style} onChange={changeStyle} isDisabled={isReadOnly} />
      <p role="status" className="password-note">
        {holdsGenerated && t('recovery.password.generated', { style })}
      </p>
      {holdsGenerated && <PasswordReadout password={value} isRevealed={revealed} />}
      <CopyMessage outcome={outcome} />
      <PasswordChecklist id={rulesId} checks={checks} />
      <StrengthMeter state={strength} />
    </div>
  );
}

function StrengthMeter({ state }: { state: StrengthState }) {
  const t = useT();
  if (state.status === 'empty') {
    return <p className="strength-empty muted">{t('recovery.strength.empty')}</p>;
  }
  if (state.status === 'unavailable') {
    return <p className="strength-empty muted">{t('recovery.strength.unavailable')}</p>;
  }
  const estimate = state.estimate;
  if (!estimate) return <p className="strength-empty muted">{t('recovery.strength.estimating')}</p>;
  const label = strengthLabel(t, estimate.score);
  return (
    <div className="strength" data-checking={state.status === 'checking' || undefined}>
      <Meter className="strength-meter" value={estimate.score} minValue={0} maxValue={4} valueLabel={label}>
        <div className="strength-head">
          <Label className="strength-label">{t('recovery.strength.label')}</Label>
          <span className="strength-value">{label}</span>
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
  const t = useT();
  const strong = (chunks: ReactNode[]) => <strong>{chunks}</strong>;
  const advice = strengthAdvice(t, estimate);
  return (
    <div aria-live="polite" className="strength-advice">
      {estimate.common ? (
        <p className="note note-blocker strength-common">
          {/* The matched word is not shown: it would put the hidden password on screen. */}
          {t('recovery.strength.common', { strong })}
        </p>
      ) : (
        advice.warning && <p className="note note-warning">{t('recovery.strength.weakSpot', { warning: advice.warning, strong })}</p>
      )}
      {estimate.score < 3 && advice.suggestions.length > 0 && (
        // Whole sentences, one after the other.
        <p className="muted strength-suggestions">{advice.suggestions.join(' ')}</p>
      )}
    </div>
  );
}
