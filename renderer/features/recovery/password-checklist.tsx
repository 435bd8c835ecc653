import type { PasswordCheck } from '../../../shared/password-policy';

/** The pool's password rules, ticked off as the operator types. Words carry the state, not just colour. */
export function PasswordChecklist({ id, checks }: { id: string; checks: PasswordCheck[] }) {
  const met = checks.filter((check) => check.met).length;
  return (
    <div className="checklist-wrap">
      <p id={`${id}-summary`} className="checklist-summary">
        {met === checks.length ? 'The password meets every rule.' : `${met} of ${checks.length} rules met`}
      </p>
      <ul id={id} className="checklist" aria-label="Password rules">
        {checks.map((check) => (
          <li key={check.id} className={check.met ? 'is-met' : 'is-unmet'}>
            <span className="check-icon" aria-hidden="true">
              {check.met ? '✓' : '•'}
            </span>
            {check.label}
            <span className="visually-hidden">{check.met ? ': met' : ': not met yet'}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}
