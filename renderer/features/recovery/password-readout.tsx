import { Label, Radio, RadioGroup } from 'react-aria-components';
import type { PasswordStyle } from '../../../shared/password-policy';
import { passwordGroups, readOut, spellingLanguage } from '../../../shared/phonetic-alphabet';
import { useT } from '../../i18n/use-t';

interface PasswordStyleChoiceProps {
  value: PasswordStyle;
  onChange: (style: PasswordStyle) => void;
  isDisabled?: boolean;
}

/** Which kind of password the generator makes: easy to say (the default) or fully random. */
export function PasswordStyleChoice({ value, onChange, isDisabled = false }: PasswordStyleChoiceProps) {
  const t = useT();
  return (
    <RadioGroup
      className="radio-inline password-style"
      orientation="horizontal"
      value={value}
      isDisabled={isDisabled}
      onChange={(next) => onChange(next === 'random' ? 'random' : 'sayable')}
    >
      <Label>{t('recovery.password.kind')}</Label>
      <div className="radio-row">
        <Radio value="sayable" className="radio-pill">
          {t('recovery.password.kindSayable')}
        </Radio>
        <Radio value="random" className="radio-pill">
          {t('recovery.password.kindRandom')}
        </Radio>
      </div>
    </RadioGroup>
  );
}

/**
 * The password as the operator reads it out: groups of four, each a list of phrases, spelled the way
 * callers in the page's language spell (NATO in English, DIN 5009 in German). A screen reader hears
 * the phrases, one item each, not the bare characters; the value in the field (and what Copy
 * copies) stays the password alone. Hidden with the password.
 */
export function PasswordReadout({ password, isRevealed }: { password: string; isRevealed: boolean }) {
  const t = useT();
  if (!isRevealed) return <p className="password-note muted">{t('recovery.readout.hidden')}</p>;
  const groups = passwordGroups(password);
  const language = spellingLanguage(t.intl.locale);
  return (
    <ol className="password-readout" aria-label={t('recovery.readout.label')}>
      {groups.map((group, index) => (
        // Keyed by place: the same group or phrase can come twice.
        <li key={index} className="readout-group">
          <span className="readout-characters" aria-hidden="true">
            {group}
          </span>
          <ol className="readout-phrases" aria-label={t('recovery.readout.group', { number: index + 1, total: groups.length })}>
            {readOut(group, language).map((phrase, position) => (
              <li key={position}>{phrase}</li>
            ))}
          </ol>
        </li>
      ))}
    </ol>
  );
}
