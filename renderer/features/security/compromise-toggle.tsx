import { Text } from 'react-aria-components';
import { useId } from 'react';
import { useT } from '../../i18n/use-t';
import { TickBox } from './tick-box';

// A marker the operator sets on the call when the caller says someone else may be in the account. It
// lives with the call (the recovery panel's state): the code step then offers to sign the user out
// everywhere, checked, and the sessions below advise it.

export function CompromiseToggle({ isSelected, onChange }: { isSelected: boolean; onChange: (selected: boolean) => void }) {
  const t = useT();
  const helpId = useId();
  return (
    <div className="compromise-toggle">
      <TickBox isSelected={isSelected} onChange={onChange} label={t('security.compromise.label')} describedBy={helpId} />
      <Text id={helpId} className="muted">
        {t('security.compromise.help')}
      </Text>
    </div>
  );
}
