import type { Alternative, AppClient, PoolDetails, RecoveryVerdict, UserDetails, VerdictReasonId } from '../../shared/contract';
import { chooseRecoveryChannel, emailQualifies, maskDestination, phoneQualifies, recoveryOrder } from '../../shared/recovery-rules';

type Reason = RecoveryVerdict['reasons'][number];

export interface VerdictInput {
  pool: PoolDetails;
  client: Pick<AppClient, 'hasSecret' | 'preventUserExistenceErrors'>;
  user: UserDetails;
  codesSentToday: number;
  /** ForgotPassword requests today whose answer was lost: each may have sent a code. */
  codesOfUnknownOutcomeToday: number;
}

/**
 * What ForgotPassword will do for this user through this app client, worked out from
 * DescribeUserPool, DescribeUserPoolClient and AdminGetUser before anything is sent.
 */
export function assessRecovery({ pool, client, user, codesSentToday, codesOfUnknownOutcomeToday }: VerdictInput): RecoveryVerdict {
  const order = recoveryOrder(pool.recoveryMechanisms);
  const adminOnly = order.includes('admin_only');
  const rule = adminOnly ? 'admin-only' : pool.recoveryMechanisms.length > 0 ? 'pool-setting' : 'legacy';
  const channel = chooseRecoveryChannel(order, user);
  const reasons: Reason[] = [];
  const alternatives = new Set<Alternative>();
  const add = (id: VerdictReasonId, severity: Reason['severity'], message: string) => reasons.push({ id, severity, message });

  if (!user.enabled) {
    add('disabled', 'blocker', 'The account is disabled: Cognito sends no code. An administrator must enable it first.');
  }
  switch (user.status) {
    case 'FORCE_CHANGE_PASSWORD':
      add('force-change-password', 'blocker', 'The user has never set their own password (FORCE_CHANGE_PASSWORD): Cognito refuses a reset. Re-send their invitation instead.');
      alternatives.add('resendInvitation').add('setTemporaryPassword');
      break;
    case 'UNCONFIRMED':
      add('unconfirmed', 'blocker', 'The user never confirmed their sign-up (UNCONFIRMED): they must finish signing up before a reset can work.');
      break;
    case 'EXTERNAL_PROVIDER':
      add('external-provider', 'blocker', 'The user signs in through an external identity provider: their password lives there, not in Cognito.');
      break;
    case 'RESET_REQUIRED':
      add('reset-required', 'info', 'An administrator required a password reset (RESET_REQUIRED): a recovery code is the right next step.');
      break;
    case 'COMPROMISED':
    case 'ARCHIVED':
    case 'UNKNOWN':
      add('unusual-status', 'warning', `The account's status is ${user.status}: recovery may not work; check with an administrator.`);
      break;
    case 'CONFIRMED':
      break;
  }

  const emailVerified = Boolean(user.email) && user.emailVerified;
  const phoneVerified = Boolean(user.phoneNumber) && user.phoneNumberVerified;
  const selfService = user.enabled && (user.status === 'CONFIRMED' || user.status === 'RESET_REQUIRED');
  if (adminOnly) {
    add('admin-only', 'blocker', 'The pool allows recovery by administrators only: users cannot reset their own password with a code. Set a temporary password for them instead.');
    // AWS: AdminResetUserPassword needs self-service recovery configured; "use AdminSetUserPassword
    // if you manage passwords as an administrator".
    if (selfService) alternatives.add('setTemporaryPassword');
  } else {
    if (emailVerified && !emailQualifies(user)) {
      add('mfa-disqualifies-email', channel ? 'info' : 'blocker', 'The email is also the user\'s MFA factor, so Cognito will not send a recovery code there.');
    }
    if (phoneVerified && !phoneQualifies(user)) {
      add('mfa-disqualifies-phone', channel ? 'info' : 'blocker', 'The phone is also the user\'s SMS MFA factor, so Cognito will not send a recovery code there.');
    }
    if (!channel) {
      const allowed = new Set(order);
      const unusable = (emailQualifies(user) && !allowed.has('verified_email')) || (phoneQualifies(user) && !allowed.has('verified_phone_number'));
      if (unusable) {
        add('channel-not-allowed', 'blocker', 'The user\'s verified contact is not one this pool allows for recovery.');
      } else if (!emailVerified && !phoneVerified) {
        add('no-verified-channel', 'blocker', 'The user has no verified email or phone number, so Cognito has nowhere to send a code.');
      }
      if (selfService) alternatives.add('setTemporaryPassword');
    }
  }

  if (client.hasSecret) {
    add('secret-hash-automatic', 'info', 'This app client has a secret: Recovery Desk computes and sends SECRET_HASH for you.');
  }
  const hidesErrors = client.preventUserExistenceErrors === 'ENABLED';
  if (hidesErrors) {
    add('existence-errors-hidden', 'warning', 'This app client hides user-existence errors: Cognito answers "sent" even when it sends nothing, so a success proves nothing. Ask the caller to confirm the code arrived.');
  }

  const blocked = reasons.some((r) => r.severity === 'blocker');
  const status = blocked ? 'blocked' : hidesErrors ? 'uncertain' : 'ready';
  // Admin calls are not subject to PreventUserExistenceErrors, so an administrator reset gives a
  // real answer where ForgotPassword's "sent" proves nothing.
  if (status === 'uncertain' && channel) alternatives.add('adminResetPassword');
  const masked = channel ? maskDestination(channel.deliveryMedium, channel.destination) : undefined;
  const medium = channel?.deliveryMedium === 'SMS' ? 'text message' : 'email';
  const summary = blocked
    ? `Blocked: ${reasons.find((r) => r.severity === 'blocker')?.message ?? ''}`
    : status === 'uncertain'
      ? `Uncertain: Cognito should send the code by ${medium} to ${masked ?? 'the user'}, but this app client's answer will not prove it.`
      : `Ready: Cognito will send the code by ${medium} to ${masked ?? 'the user'}.`;

  return {
    status,
    summary,
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
