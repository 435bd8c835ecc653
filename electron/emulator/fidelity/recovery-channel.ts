import { createHash } from 'node:crypto';
import {
  chooseRecoveryChannel,
  maskEmail,
  maskPhone,
  recoveryOrder as orderOf,
  type DeliveryMedium,
  type RecoveryChannel,
  type RecoveryMechanismName,
} from '../../../shared/recovery-rules';
import { attributeOf, type StoredPool, type StoredUser } from './store';

// Where ForgotPassword sends the code, by the rules in shared/recovery-rules.ts (the console's
// verdict predicts with the same rules), applied to cognito-local's records.

export type { RecoveryChannel, RecoveryMechanismName };

export function recoveryOrder(pool: StoredPool): readonly RecoveryMechanismName[] {
  return orderOf((pool.AccountRecoverySetting?.RecoveryMechanisms ?? []).map((m) => ({ name: m.Name, priority: m.Priority })));
}

/** admin_only stands alone: self-service recovery is off for the whole pool. */
export function isAdminOnly(pool: StoredPool): boolean {
  return recoveryOrder(pool).includes('admin_only');
}

export function chooseChannel(pool: StoredPool, user: StoredUser): RecoveryChannel | undefined {
  const smsMfa = (user.MFAOptions ?? []).some((option) => option.DeliveryMedium === 'SMS');
  return chooseRecoveryChannel(recoveryOrder(pool), {
    email: attributeOf(user, 'email'),
    emailVerified: attributeOf(user, 'email_verified') === 'true',
    phoneNumber: attributeOf(user, 'phone_number'),
    phoneNumberVerified: attributeOf(user, 'phone_number_verified') === 'true',
    // Older users record SMS MFA in MFAOptions rather than UserMFASettingList.
    mfaMethods: [...(user.UserMFASettingList ?? []), ...(smsMfa ? ['SMS_MFA'] : [])],
  });
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
