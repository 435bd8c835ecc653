import type { AppClient, PasswordPolicy, PoolDetails, RecoveryMechanism } from '../../../shared/contract';
import type { MessageId } from '../../i18n/messages';
import type { Translate } from '../../i18n/use-t';

// A pool's settings in the operator's language. The values Cognito names (verified_email, OPTIONAL,
// ENABLED) are chosen between in the catalog (ICU select), so each language words each one.

export function mechanismLabel(t: Translate, name: RecoveryMechanism['name']): string {
  return t('pools.recovery.mechanism', { name });
}

/** "Email" for email; an attribute without words of its own keeps its Cognito name. */
export function attributeLabel(t: Translate, name: string): string {
  return t('pools.attribute', { name });
}

export function mfaLabel(t: Translate, mode: PoolDetails['mfaConfiguration']): string {
  return t('pools.mfa', { mode });
}

/** "email, phone number", or `none` when there is nothing to list. */
export function attributeList(t: Translate, names: readonly string[], none: MessageId): string {
  return names.length > 0 ? t.intl.formatList(names.map((name) => attributeLabel(t, name)), { type: 'unit' }) : t(none);
}

const KIND_IDS = {
  requireUppercase: 'pools.policy.uppercase',
  requireLowercase: 'pools.policy.lowercase',
  requireNumbers: 'pools.policy.number',
  requireSymbols: 'pools.policy.symbol',
} as const satisfies Partial<Record<keyof PasswordPolicy, MessageId>>;

/** The character kinds the policy requires, in the order Cognito lists them. */
export function requiredKinds(t: Translate, policy: PasswordPolicy): string[] {
  return (Object.keys(KIND_IDS) as (keyof typeof KIND_IDS)[]).filter((kind) => policy[kind]).map((kind) => t(KIND_IDS[kind]));
}

/** The policy in one line: "8+ characters, upper-case letter, number". */
export function policySummary(t: Translate, policy: PasswordPolicy): string {
  return t.intl.formatList([t('pools.policy.atLeast', { length: policy.minimumLength }), ...requiredKinds(t, policy)], { type: 'unit' });
}

/** One line the operator can read at a glance, e.g. "Verified email, then Verified phone number (SMS)". */
export function recoveryOrderSummary(t: Translate, pool: PoolDetails): string {
  const [first, ...rest] = pool.recoveryMechanisms.map((m) => mechanismLabel(t, m.name));
  if (first === undefined) return t('pools.recovery.legacy');
  return rest.reduce((order, next) => t('pools.recovery.then', { first: order, next }), first);
}

export function secretWording(t: Translate, client: AppClient): string {
  return client.hasSecret ? t('pools.client.hasSecret') : t('pools.client.noSecret');
}

export function userExistenceWording(t: Translate, client: AppClient): string {
  return t('pools.client.userExistence', { setting: client.preventUserExistenceErrors });
}
