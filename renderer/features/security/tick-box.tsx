import { Checkbox } from 'react-aria-components';
import { useT } from '../../i18n/use-t';

/** A checkbox that looks like the caller checks (its input visually hidden behind the label). */
export function TickBox({
  isSelected,
  onChange,
  isDisabled = false,
  label,
  describedBy,
}: {
  isSelected: boolean;
  onChange: (selected: boolean) => void;
  isDisabled?: boolean;
  label: string;
  describedBy?: string;
}) {
  const t = useT();
  return (
    <Checkbox className="caller-check" isSelected={isSelected} onChange={onChange} isDisabled={isDisabled} {...(describedBy ? { 'aria-describedby': describedBy } : {})}>
      {({ isSelected: selected }) => (
        <>
          <span className="caller-check-box" aria-hidden="true">
            {selected ? t('recovery.callerChecks.tick') : ''}
          </span>
          <span>{label}</span>
        </>
      )}
    </Checkbox>
  );
}
