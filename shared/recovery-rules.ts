// How Cognito picks the one channel a ForgotPassword code goes to, and how it shows the
// destination. Pure and dependency-free: the console's verdict predicts with it, and the demo
// emulator answers with it (the conformance suite checks the emulator against AWS's documents).

export type DeliveryMedium = 'EMAIL' | 'SMS';
export type RecoveryMechanismName = 'verified_email' | 'verified_phone_number' | 'admin_only';

/** A user as far as recovery is concerned. */
export interface RecoveryContact {
  email?: string | undefined;
  emailVerified: boolean;
  phoneNumber?: string | undefined;
  phoneNumberVerified: boolean;
  /** MFA factors as AdminGetUser names them: SMS_MFA, EMAIL_OTP, SOFTWARE_TOKEN_MFA. */
  mfaMethods: readonly string[];
}

export interface RecoveryChannel {
  deliveryMedium: DeliveryMedium;
  attributeName: 'email' | 'phone_number';
  destination: string;
}

/** Without an AccountRecoverySetting Cognito follows its older rule: a verified phone, then a verified email. */
export const LEGACY_RECOVERY_ORDER: readonly RecoveryMechanismName[] = ['verified_phone_number', 'verified_email'];

/** The pool's mechanisms by priority (1 first); the legacy order when the pool names none. */
export function recoveryOrder(mechanisms: readonly { name?: string; priority?: number }[] | undefined): readonly RecoveryMechanismName[] {
  const known = (mechanisms ?? [])
    .filter((m): m is { name: RecoveryMechanismName; priority?: number } => m.name === 'verified_email' || m.name === 'verified_phone_number' || m.name === 'admin_only')
    .sort((a, b) => (a.priority ?? Number.MAX_SAFE_INTEGER) - (b.priority ?? Number.MAX_SAFE_INTEGER))
    .map((m) => m.name);
  return known.length > 0 ? known : LEGACY_RECOVERY_ORDER;
}

/** A verified email qualifies unless it is also the user's email MFA factor. */
export function emailQualifies(user: RecoveryContact): boolean {
  return Boolean(user.email) && user.emailVerified && !user.mfaMethods.includes('EMAIL_OTP');
}

/**
 * A verified phone qualifies unless it is also the user's SMS MFA factor: a code sent there would
 * let one stolen factor both reset the password and pass MFA.
 */
export function phoneQualifies(user: RecoveryContact): boolean {
  return Boolean(user.phoneNumber) && user.phoneNumberVerified && !user.mfaMethods.includes('SMS_MFA');
}

/** The first mechanism in order the user qualifies for; undefined when none (or admin_only). */
export function chooseRecoveryChannel(order: readonly RecoveryMechanismName[], user: RecoveryContact): RecoveryChannel | undefined {
  if (order.includes('admin_only')) return undefined;
  for (const mechanism of order) {
    if (mechanism === 'verified_email' && emailQualifies(user) && user.email) {
      return { deliveryMedium: 'EMAIL', attributeName: 'email', destination: user.email };
    }
    if (mechanism === 'verified_phone_number' && phoneQualifies(user) && user.phoneNumber) {
      return { deliveryMedium: 'SMS', attributeName: 'phone_number', destination: user.phoneNumber };
    }
  }
  return undefined;
}

// Masking: the format is not documented; this is what real responses look like in public reports.

/** a***@e***: the first character of the local part and of the domain. */
export function maskEmail(address: string): string {
  const at = address.lastIndexOf('@');
  const local = at < 0 ? address : address.slice(0, at);
  const domain = at < 0 ? '' : address.slice(at + 1);
  return `${firstChar(local)}***@${firstChar(domain)}***`;
}

/** +*******0142: one star per hidden digit, the last four shown. */
export function maskPhone(phoneNumber: string): string {
  const digits = phoneNumber.replace(/\D/gu, '');
  const shown = digits.slice(-4);
  return `+${'*'.repeat(digits.length - shown.length)}${shown}`;
}

export function maskDestination(medium: DeliveryMedium, destination: string): string {
  return medium === 'SMS' ? maskPhone(destination) : maskEmail(destination);
}

function firstChar(text: string): string {
  // By code point, so an accented or astral first letter is not cut in half.
  return [...text][0] ?? '';
}
