import type { AppClient, PoolDetails, RecoveryMechanism } from '../../../shared/contract';

const MECHANISM_LABELS: Record<RecoveryMechanism['name'], string> = {
  verified_email: 'Verified email',
  verified_phone_number: 'Verified phone number (SMS)',
  admin_only: 'Administrators only',
};

export function mechanismLabel(name: RecoveryMechanism['name']): string {
  return MECHANISM_LABELS[name];
}

const ATTRIBUTE_LABELS: Record<string, string> = {
  email: 'Email',
  phone_number: 'Phone number',
  preferred_username: 'Preferred username',
};

export function attributeLabel(name: string): string {
  return ATTRIBUTE_LABELS[name] ?? name;
}

export const MFA_LABELS: Record<PoolDetails['mfaConfiguration'], string> = {
  OFF: 'Off',
  OPTIONAL: 'Optional',
  ON: 'Required',
};

/** One line the operator can read at a glance, e.g. "Verified email, then Verified phone number (SMS)". */
export function recoveryOrderSummary(pool: PoolDetails): string {
  if (pool.recoveryMechanisms.length === 0) return 'Not set (legacy rule: verified phone, then verified email)';
  return pool.recoveryMechanisms.map((m) => mechanismLabel(m.name)).join(', then ');
}

export function secretWording(client: AppClient): string {
  return client.hasSecret ? 'Has a secret: SECRET_HASH is sent automatically' : 'No secret';
}

export function userExistenceWording(client: AppClient): string {
  return client.preventUserExistenceErrors === 'ENABLED'
    ? 'Enabled: Cognito hides whether a user exists'
    : 'Legacy: Cognito reports unknown users';
}
