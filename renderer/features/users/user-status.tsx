import type { UserSummary } from '../../../shared/contract';
import { useT, type Translate } from '../../i18n/use-t';

/** The Cognito status in words: "Must set a password" for FORCE_CHANGE_PASSWORD. */
export function statusLabel(t: Translate, status: UserSummary['status']): string {
  return t('users.status', { status });
}

/** The account state in two badges: Cognito status, and "Disabled" when it is. */
export function UserBadges({ user }: { user: Pick<UserSummary, 'status' | 'enabled'> }) {
  const t = useT();
  return (
    <span className="badges">
      {/* The status as AWS writes it, for the operator who looks it up in the console. */}
      <span className={`badge ${user.status === 'CONFIRMED' ? 'badge-ok' : 'badge-warn'}`} title={user.status}>
        {statusLabel(t, user.status)}
      </span>
      {!user.enabled && <span className="badge badge-bad">{t('users.status.disabled')}</span>}
    </span>
  );
}

/** "Verified" or "Not verified", in words, so it does not rely on colour or an icon. */
export function VerifiedMark({ verified }: { verified: boolean }) {
  const t = useT();
  return <span className={`badge ${verified ? 'badge-ok' : 'badge-muted'}`}>{t('users.status.verified', { verified: verified ? 'yes' : 'no' })}</span>;
}
