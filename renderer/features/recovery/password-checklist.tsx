import type { PasswordCheck } from '../../../shared/password-policy';
import { useT } from '../../i18n/use-t';
import { ruleWords } from './password-words';

/** The pool's password rules, ticked off as the operator types. Words carry the state, not just colour. */
export function PasswordChecklist({ id, checks }: { id: string; checks: PasswordCheck[] }) {
  const t = useT();
  const met = checks.filter((check) => check.met).length;
  return (
    <div className="checklist-wrap">
      <p id={`${id}-summary`} className="checklist-summary">
        {met === checks.length ? t('recovery.checklist.allMet') : t('recovery.checklist.progress', { met, total: checks.length })}
      </p>
      <ul id={id} className="checklist" aria-label={t('recovery.checklist.label')}>
        {checks.map((check) => (
          <li key={check.id} className={check.met ? 'is-met' : 'is-unmet'}>
            <span className="check-icon" aria-hidden="true">
              {t('recovery.checklist.icon', { met: check.met ? 'yes' : 'no' })}
            </span>
            {ruleWords(t, check)}
            <span className="visually-hidden">{t('recovery.checklist.state', { met: check.met ? 'yes' : 'no' })}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}
