import type { PolicyView } from '../../../shared/contract';
import { useT } from '../../i18n/use-t';
import type { ActionGuide } from './policy-guide';

/**
 * Under the verdict: what the organization's policy leaves out of its next steps, and what to do
 * instead, so a hidden action is never a silent dead end. Nothing when the policy leaves everything.
 */
export function PolicyLine({ policy, guide }: { policy: PolicyView; guide: ActionGuide }) {
  const t = useT();
  if (policy.status === 'invalid') return <p className="note note-blocker policy-line">{t('recovery.policy.unusable')}</p>;
  if (guide.withheld.length === 0) return null;
  const actions = t.intl.formatList(
    guide.withheld.map((action) => t('recovery.policy.action', { action })),
    { type: 'conjunction' },
  );
  return (
    <div className="note note-warning policy-line">
      <p>{t('recovery.policy.notAllowed', { actions })}</p>
      {guide.withheld.includes('confirmForgotPassword') && !guide.noWayLeft && <p>{t('recovery.policy.confirmInApp')}</p>}
      {guide.noWayLeft && <p>{t('recovery.policy.passOn')}</p>}
    </div>
  );
}
