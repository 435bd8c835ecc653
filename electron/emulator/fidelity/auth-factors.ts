import type { CognitoRequest } from '../interceptor';
import { findAdminTarget } from './admin-target';
import type { FidelityContext } from './context';
import { attributeOf, type StoredPool, type StoredUser } from './store';

// AdminGetUserAuthFactors, which cognito-local lacks: how a user can sign in (choice-based USER_AUTH
// first factors) and their MFA settings, from the same record AdminGetUser reads, so the two always
// agree (AdminSetUserMFAPreference changes both).
//
// AWS API Reference, AdminGetUserAuthFactors: ConfiguredUserAuthFactors are "the authentication types
// that are available to the user with USER_AUTH sign-in"; PASSWORD, EMAIL_OTP, SMS_OTP, WEB_AUTHN.
// The emulator's reading of "available": the pool's sign-in policy allows the factor
// (SignInPolicy.AllowedFirstAuthFactors; without one, passwords only) and the user has what it needs:
// a password, a verified email, a verified phone number, a registered passkey.

export type AuthFactor = 'PASSWORD' | 'EMAIL_OTP' | 'SMS_OTP' | 'WEB_AUTHN';

/** Without a sign-in policy a pool signs users in with passwords only (the API default). */
const PASSWORD_ONLY: readonly string[] = ['PASSWORD'];

/** A user created without a password (passwordless pools allow it) has none to reset or sign in with. */
export function hasPassword(user: Pick<StoredUser, 'Password' | 'UserStatus'>): boolean {
  return user.UserStatus !== 'EXTERNAL_PROVIDER' && user.Password !== '';
}

export function configuredAuthFactors(pool: StoredPool, user: StoredUser): AuthFactor[] {
  const allowed = new Set(pool.Policies?.SignInPolicy?.AllowedFirstAuthFactors ?? PASSWORD_ONLY);
  const verified = (attribute: string, flag: string) => Boolean(attributeOf(user, attribute)) && attributeOf(user, flag) === 'true';
  const factors: AuthFactor[] = [];
  if (hasPassword(user)) factors.push('PASSWORD');
  if (allowed.has('EMAIL_OTP') && verified('email', 'email_verified')) factors.push('EMAIL_OTP');
  if (allowed.has('SMS_OTP') && verified('phone_number', 'phone_number_verified')) factors.push('SMS_OTP');
  if (allowed.has('WEB_AUTHN') && (user.WebAuthnCredentials?.length ?? 0) > 0) factors.push('WEB_AUTHN');
  return factors;
}

export async function adminGetUserAuthFactors(ctx: FidelityContext, request: CognitoRequest) {
  const { pool, user } = await findAdminTarget(ctx, request);
  const mfa = user.UserMFASettingList ?? [];
  return {
    Username: user.Username,
    // As AdminGetUser answers: the preferred factor only when set, the list even when empty.
    ...(user.PreferredMfaSetting ? { PreferredMfaSetting: user.PreferredMfaSetting } : {}),
    UserMFASettingList: mfa,
    ConfiguredUserAuthFactors: configuredAuthFactors(pool, user),
  };
}
