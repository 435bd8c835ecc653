import { Label, Radio, RadioGroup } from 'react-aria-components';
import type { PasswordStyle } from '../../../shared/password-policy';
import { passwordGroups, readOut } from '../../../shared/phonetic-alphabet';

interface PasswordStyleChoiceProps {
  value: PasswordStyle;
  onChange: (style: PasswordStyle) => void;
  isDisabled?: boolean;
}

/** Which kind of password the generator makes: easy to say (the default) or fully random. */
export function PasswordStyleChoice({ value, onChange, isDisabled = false }: PasswordStyleChoiceProps) {
  return (
    <RadioGroup
      className="radio-inline password-style"
      orientation="horizontal"
      value={value}
      isDisabled={isDisabled}
      onChange={(next) => onChange(next === 'random' ? 'random' : 'sayable')}
    >
      <Label>Kind of password</Label>
      <div className="radio-row">
        <Radio value="sayable" className="radio-pill">
          Easy to say
        </Radio>
        <Radio value="random" className="radio-pill">
          Fully random
        </Radio>
      </div>
    </RadioGroup>
  );
}

/**
 * The password as the operator reads it out: groups of four, each a list of phrases. A screen
 * reader hears the phrases, one item each, not the bare characters; the value in the field (and
 * what Copy copies) stays the password alone. Hidden with the password.
 */
export function PasswordReadout({ password, isRevealed }: { password: string; isRevealed: boolean }) {
  if (!isRevealed) return <p className="password-note muted">Show it to read it out in groups of four, spelled.</p>;
  const groups = passwordGroups(password);
  return (
    <ol className="password-readout" aria-label="Password read-out">
      {groups.map((group, index) => (
        // Keyed by place: the same group or phrase can come twice.
        <li key={index} className="readout-group">
          <span className="readout-characters" aria-hidden="true">
            {group}
          </span>
          <ol className="readout-phrases" aria-label={`Group ${index + 1} of ${groups.length}`}>
            {readOut(group).map((phrase, position) => (
              <li key={position}>{phrase}</li>
            ))}
          </ol>
        </li>
      ))}
    </ol>
  );
}
