import type { PoolDetails, UserDetails } from '../../../shared/contract';

export type Severity = 'blocker' | 'warning' | 'info';

export interface ReadinessNote {
  id: string;
  severity: Severity;
  text: string;
}

export type RecoveryRoute =
  | { kind: 'email'; destination: string }
  | { kind: 'sms'; destination: string }
  | { kind: 'admin-only' }
  | { kind: 'none' };

export interface Readiness {
  verifiedEmail: boolean;
  verifiedPhone: boolean;
  /** Where Cognito will send the code, as far as the pool's settings and the user's attributes say. */
  route: RecoveryRoute;
  /** Whether the route follows the pool's AccountRecoverySetting or Cognito's legacy rule. */
  rule: 'pool-setting' | 'legacy';
  notes: ReadinessNote[];
}

// MFA method names as AdminGetUser's UserMFASettingList reports them.
const SMS_MFA = 'SMS_MFA';
const EMAIL_MFA = 'EMAIL_OTP';

type Mechanism = PoolDetails['recoveryMechanisms'][number]['name'];

/**
 * Works out what ForgotPassword will do for this user, before anything is sent: Cognito takes the
 * first mechanism in priority order that the user qualifies for, and only one.
 */
export function assessReadiness(user: UserDetails, pool: PoolDetails): Readiness {
  const verifiedEmail = Boolean(user.email) && user.emailVerified;
  const verifiedPhone = Boolean(user.phoneNumber) && user.phoneNumberVerified;
  // A channel used for MFA does not qualify for recovery, so one factor cannot reset the other.
  const emailQualifies = verifiedEmail && !user.mfaMethods.includes(EMAIL_MFA);
  const smsQualifies = verifiedPhone && !user.mfaMethods.includes(SMS_MFA);

  const rule = pool.recoveryMechanisms.length > 0 ? 'pool-setting' : 'legacy';
  // Without an AccountRecoverySetting, Cognito prefers a verified phone, then a verified email.
  const order: Mechanism[] =
    rule === 'legacy'
      ? ['verified_phone_number', 'verified_email']
      : [...pool.recoveryMechanisms].sort((a, b) => a.priority - b.priority).map((m) => m.name);

  let route: RecoveryRoute = { kind: 'none' };
  for (const mechanism of order) {
    if (mechanism === 'admin_only') {
      route = { kind: 'admin-only' };
      break;
    }
    if (mechanism === 'verified_email' && emailQualifies) {
      route = { kind: 'email', destination: user.email ?? '' };
      break;
    }
    if (mechanism === 'verified_phone_number' && smsQualifies) {
      route = { kind: 'sms', destination: user.phoneNumber ?? '' };
      break;
    }
  }

  const notes: ReadinessNote[] = [];
  if (!user.enabled) {
    notes.push({
      id: 'disabled',
      severity: 'blocker',
      text: 'The account is disabled. Cognito will not send a code until an administrator enables it.',
    });
  }
  switch (user.status) {
    case 'FORCE_CHANGE_PASSWORD':
      notes.push({
        id: 'force-change',
        severity: 'blocker',
        text: 'The user has never signed in (FORCE_CHANGE_PASSWORD). A password reset does not work for them; re-send their invitation instead.',
      });
      break;
    case 'UNCONFIRMED':
      notes.push({
        id: 'unconfirmed',
        severity: 'blocker',
        text: 'The user has not confirmed their sign-up (UNCONFIRMED). They need to confirm their account before a reset can work.',
      });
      break;
    case 'EXTERNAL_PROVIDER':
      notes.push({
        id: 'external',
        severity: 'blocker',
        text: 'The user signs in through an external identity provider (EXTERNAL_PROVIDER). Their password is managed there, not in Cognito.',
      });
      break;
    case 'RESET_REQUIRED':
      notes.push({
        id: 'reset-required',
        severity: 'info',
        text: 'An administrator has required a password reset (RESET_REQUIRED). Sending a recovery code is the right next step.',
      });
      break;
    case 'COMPROMISED':
    case 'ARCHIVED':
    case 'UNKNOWN':
      notes.push({
        id: 'odd-status',
        severity: 'warning',
        text: `The account’s status is ${user.status}. Recovery may not work; check with an administrator.`,
      });
      break;
    case 'CONFIRMED':
      break;
  }
  if (route.kind === 'admin-only') {
    notes.push({
      id: 'admin-only',
      severity: 'blocker',
      text: 'The pool allows recovery by administrators only. Users cannot reset their own password with a code.',
    });
  } else if (route.kind === 'none') {
    notes.push({
      id: 'no-channel',
      severity: 'blocker',
      text:
        verifiedEmail || verifiedPhone
          ? 'The user’s verified contact details are not allowed for recovery by this pool (or are used for MFA), so Cognito has nowhere to send a code.'
          : 'The user has no verified email or phone number, so Cognito has nowhere to send a code.',
    });
  }
  return { verifiedEmail, verifiedPhone, route, rule, notes };
}
