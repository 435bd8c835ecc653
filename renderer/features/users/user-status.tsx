import type { UserSummary } from '../../../shared/contract';

const STATUS_LABELS: Record<UserSummary['status'], string> = {
  CONFIRMED: 'Confirmed',
  UNCONFIRMED: 'Unconfirmed',
  FORCE_CHANGE_PASSWORD: 'Must set a password',
  RESET_REQUIRED: 'Reset required',
  EXTERNAL_PROVIDER: 'External sign-in',
  COMPROMISED: 'Compromised',
  ARCHIVED: 'Archived',
  UNKNOWN: 'Unknown status',
};

export function statusLabel(status: UserSummary['status']): string {
  return STATUS_LABELS[status];
}

/** The account state in two badges: Cognito status, and "Disabled" when it is. */
export function UserBadges({ user }: { user: Pick<UserSummary, 'status' | 'enabled'> }) {
  return (
    <span className="badges">
      <span className={`badge ${user.status === 'CONFIRMED' ? 'badge-ok' : 'badge-warn'}`} title={user.status}>
        {statusLabel(user.status)}
      </span>
      {!user.enabled && <span className="badge badge-bad">Disabled</span>}
    </span>
  );
}

/** "Verified" or "Not verified", in words, so it does not rely on colour or an icon. */
export function VerifiedMark({ verified }: { verified: boolean }) {
  return <span className={`badge ${verified ? 'badge-ok' : 'badge-muted'}`}>{verified ? 'Verified' : 'Not verified'}</span>;
}
