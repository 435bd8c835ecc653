import type { Alternative, AppClient, PoolDetails, RecoveryVerdict, UserDetails, VerdictReasonId } from '../../shared/contract';
import { PASSWORDLESS_FACTORS, signsInWithoutPassword, type UserAuthFactors } from '../../shared/auth-factors';
import { chooseRecoveryChannel, emailQualifies, maskDestination, phoneQualifies, recoveryOrder } from '../../shared/recovery-rules';

type Reason = RecoveryVerdict['reasons'][number];

export interface VerdictInput {
  pool: PoolDetails;
  client: Pick<AppClient, 'hasSecret' | 'preventUserExistenceErrors'>;
  user: UserDetails;
  codesSentToday: number;
  /** ForgotPassword requests today whose answer was lost: each may have sent a code. */
  codesOfUnknownOutcomeToday: number;
  /** AdminGetUserAuthFactors; absent when it could not be read (the verdict is then about the password alone). */
  authFactors?: UserAuthFactors | undefined;
}

/**
 * What ForgotPassword will do for this user through this app client, worked out from
 * DescribeUserPool, DescribeUserPoolClient and AdminGetUser before anything is sent.
 */
export function assessRecovery({ pool, client, user, codesSentToday, codesOfUnknownOutcomeToday, authFactors }: VerdictInput): RecoveryVerdict {
  const order = recoveryOrder(pool.recoveryMechanisms);
  const adminOnly = order.includes('admin_only');
  const rule = adminOnly ? 'admin-only' : pool.recoveryMechanisms.length > 0 ? 'pool-setting' : 'legacy';
  const channel = chooseRecoveryChannel(order, user);
  const reasons: Reason[] = [];
  const alternatives = new Set<Alternative>();
  // Codes, not sentences: the renderer words each reason from its id and params.
  const add = (id: VerdictReasonId, severity: Reason['severity'], params?: Reason['params']) => reasons.push({ id, severity, ...(params ? { params } : {}) });

  if (!user.enabled) {
    add('disabled', 'blocker');
  }
  switch (user.status) {
    case 'FORCE_CHANGE_PASSWORD':
      add('force-change-password', 'blocker');
      alternatives.add('resendInvitation').add('setTemporaryPassword');
      break;
    case 'UNCONFIRMED':
      add('unconfirmed', 'blocker');
      break;
    case 'EXTERNAL_PROVIDER':
      add('external-provider', 'blocker');
      break;
    case 'RESET_REQUIRED':
      add('reset-required', 'info');
      break;
    case 'COMPROMISED':
    case 'ARCHIVED':
    case 'UNKNOWN':
      add('unusual-status', 'warning', { status: user.status });
      break;
    case 'CONFIRMED':
      break;
  }

  // No password to forget: the user signs in with a code or a passkey. ForgotPassword would give them
  // a password (AWS documents no exception for such users), which is not what the caller needs: they
  // sign in the way they always do. A blocker, so the console does not send a code by default.
  if (authFactors && signsInWithoutPassword(authFactors)) {
    const factors = authFactors.configured.filter((factor) => (PASSWORDLESS_FACTORS as readonly string[]).includes(factor));
    add('no-password', 'blocker', { factors: factors.join(' '), factorCount: factors.length });
  }

  const emailVerified = Boolean(user.email) && user.emailVerified;
  const phoneVerified = Boolean(user.phoneNumber) && user.phoneNumberVerified;
  const selfService = user.enabled && (user.status === 'CONFIRMED' || user.status === 'RESET_REQUIRED');
  if (adminOnly) {
    add('admin-only', 'blocker');
    // AWS: AdminResetUserPassword needs self-service recovery configured; "use AdminSetUserPassword
    // if you manage passwords as an administrator".
    if (selfService) alternatives.add('setTemporaryPassword');
  } else {
    if (emailVerified && !emailQualifies(user)) {
      add('mfa-disqualifies-email', channel ? 'info' : 'blocker');
    }
    if (phoneVerified && !phoneQualifies(user)) {
      add('mfa-disqualifies-phone', channel ? 'info' : 'blocker');
    }
    if (!channel) {
      const allowed = new Set(order);
      const unusable = (emailQualifies(user) && !allowed.has('verified_email')) || (phoneQualifies(user) && !allowed.has('verified_phone_number'));
      if (unusable) {
        add('channel-not-allowed', 'blocker');
      } else if (!emailVerified && !phoneVerified) {
        add('no-verified-channel', 'blocker');
      }
      if (selfService) alternatives.add('setTemporaryPassword');
    }
  }

  if (client.hasSecret) {
    add('secret-hash-automatic', 'info');
  }
  const hidesErrors = client.preventUserExistenceErrors === 'ENABLED';
  if (hidesErrors) {
    add('existence-errors-hidden', 'warning');
  }

  const blocked = reasons.some((r) => r.severity === 'blocker');
  const status = blocked ? 'blocked' : hidesErrors ? 'uncertain' : 'ready';
  // Admin calls are not subject to PreventUserExistenceErrors, so an administrator reset gives a
  // real answer where ForgotPassword's "sent" proves nothing.
  if (status === 'uncertain' && channel) alternatives.add('adminResetPassword');
  const masked = channel ? maskDestination(channel.deliveryMedium, channel.destination) : undefined;

  return {
    status,
    ...(channel && masked && !blocked
      ? { channel: { deliveryMedium: channel.deliveryMedium, attributeName: channel.attributeName, maskedDestination: masked } }
      : {}),
    rule,
    reasons,
    alternatives: status === 'ready' ? [] : [...alternatives],
    codesSentToday,
    codesOfUnknownOutcomeToday,
  };
}
