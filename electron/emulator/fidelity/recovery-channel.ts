import { createHash } from 'node:crypto';
import { maskEmail, maskPhone, type DeliveryMedium } from './masking';
import { attributeOf, type StoredPool, type StoredUser } from './store';

// Where ForgotPassword sends the code: the pool's AccountRecoverySetting, in priority order, picks
// exactly one channel. A channel qualifies only when verified and not also the user's MFA factor
// (a code sent there would let one stolen factor reset the password and pass MFA).

export type RecoveryMechanismName = 'verified_email' | 'verified_phone_number' | 'admin_only';

export interface RecoveryChannel {
  deliveryMedium: DeliveryMedium;
  attributeName: 'email' | 'phone_number';
  destination: string;
}

/** Without an AccountRecoverySetting Cognito follows its older rule: a verified phone, then a verified email. */
const LEGACY_ORDER: readonly RecoveryMechanismName[] = ['verified_phone_number', 'verified_email'];

export function recoveryOrder(pool: StoredPool): readonly RecoveryMechanismName[] {
  const mechanisms = pool.AccountRecoverySetting?.RecoveryMechanisms ?? [];
  const known = mechanisms
    .filter((m): m is { Name: RecoveryMechanismName; Priority?: number } => m.Name === 'verified_email' || m.Name === 'verified_phone_number' || m.Name === 'admin_only')
    .sort((a, b) => (a.Priority ?? Number.MAX_SAFE_INTEGER) - (b.Priority ?? Number.MAX_SAFE_INTEGER))
    .map((m) => m.Name);
  return known.length > 0 ? known : LEGACY_ORDER;
}

/** admin_only stands alone: self-service recovery is off for the whole pool. */
export function isAdminOnly(pool: StoredPool): boolean {
  return recoveryOrder(pool).includes('admin_only');
}

export function chooseChannel(pool: StoredPool, user: StoredUser): RecoveryChannel | undefined {
  for (const mechanism of recoveryOrder(pool)) {
    const channel = mechanism === 'verified_email' ? emailChannel(user) : mechanism === 'verified_phone_number' ? phoneChannel(user) : undefined;
    if (channel) return channel;
  }
  return undefined;
}

function emailChannel(user: StoredUser): RecoveryChannel | undefined {
  const email = attributeOf(user, 'email');
  if (!email || attributeOf(user, 'email_verified') !== 'true') return undefined;
  if ((user.UserMFASettingList ?? []).includes('EMAIL_OTP')) return undefined;
  return { deliveryMedium: 'EMAIL', attributeName: 'email', destination: email };
}

function phoneChannel(user: StoredUser): RecoveryChannel | undefined {
  const phone = attributeOf(user, 'phone_number');
  if (!phone || attributeOf(user, 'phone_number_verified') !== 'true') return undefined;
  const smsMfa = (user.UserMFASettingList ?? []).includes('SMS_MFA') || (user.MFAOptions ?? []).some((option) => option.DeliveryMedium === 'SMS');
  if (smsMfa) return undefined;
  return { deliveryMedium: 'SMS', attributeName: 'phone_number', destination: phone };
}

export interface MaskedDelivery {
  Destination: string;
  DeliveryMedium: DeliveryMedium;
  AttributeName: 'email' | 'phone_number';
}

/**
 * The plausible answer PreventUserExistenceErrors ENABLED gives instead of "no such user", "disabled"
 * or "nothing verified": shaped by the pool's first recovery channel, and the same every time for the
 * same name (a destination that changed per request would give the simulation away). A known user's
 * own attribute is masked when there is one; otherwise the name itself when it looks like the
 * channel's kind, else a stand-in derived from it.
 */
export function simulatedDelivery(pool: StoredPool, name: string, user?: StoredUser): MaskedDelivery {
  const first = recoveryOrder(pool).find((m) => m !== 'admin_only') ?? 'verified_email';
  const seed = createHash('sha256').update(`${pool.Id}\u0000${name}`).digest();
  if (first === 'verified_phone_number') {
    const phone = (user && attributeOf(user, 'phone_number')) ?? (/^\+\d{5,}$/u.test(name) ? name : undefined);
    const standIn = `+1${String(seed.readUInt32BE(0)).padStart(10, '0')}`;
    return { Destination: maskPhone(phone ?? standIn), DeliveryMedium: 'SMS', AttributeName: 'phone_number' };
  }
  const email = (user && attributeOf(user, 'email')) ?? (name.includes('@') ? name : undefined);
  const letters = 'abcdefghijklmnopqrstuvwxyz';
  const standIn = `${name}@${letters[(seed[4] ?? 0) % letters.length] ?? 'e'}`;
  return { Destination: maskEmail(email ?? standIn), DeliveryMedium: 'EMAIL', AttributeName: 'email' };
}
