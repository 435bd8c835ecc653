import { describe, expect, it } from 'vitest';
import type { AppClient, PasswordPolicy, PoolDetails } from '../../shared/contract';
import { attributeList, attributeLabel, mechanismLabel, mfaLabel, policySummary, recoveryOrderSummary, requiredKinds, secretWording, userExistenceWording } from '../../renderer/features/pools/pool-wording';
import { translate } from '../support/translate';

const en = translate('en');
const de = translate('de');

const policy: PasswordPolicy = {
  minimumLength: 8,
  requireUppercase: true,
  requireLowercase: false,
  requireNumbers: true,
  requireSymbols: false,
};

function pool(recoveryMechanisms: PoolDetails['recoveryMechanisms']): PoolDetails {
  return {
    id: 'eu-west-1_abc',
    name: 'Staff',
    passwordPolicy: policy,
    recoveryMechanisms,
    usernameAttributes: [],
    aliasAttributes: [],
    autoVerifiedAttributes: [],
    mfaConfiguration: 'OFF',
  };
}

const client = (overrides: Partial<AppClient>): AppClient => ({
  clientId: '1example23456789',
  clientName: 'portal',
  hasSecret: false,
  preventUserExistenceErrors: 'ENABLED',
  ...overrides,
});

describe('pool wording', () => {
  it('lists the required character kinds in Cognito’s order, after the length', () => {
    expect(requiredKinds(en, policy)).toEqual([en('pools.policy.uppercase'), en('pools.policy.number')]);
    expect(requiredKinds(en, { ...policy, requireUppercase: false, requireNumbers: false })).toEqual([]);
    expect(policySummary(en, policy)).toBe('8+ characters, upper-case letter, number');
    expect(policySummary(de, policy)).toBe('mind. 8 Zeichen, Großbuchstabe und Ziffer');
  });

  it('says the recovery order in priority order, and the legacy rule when the pool sets none', () => {
    const both = pool([
      { name: 'verified_email', priority: 1 },
      { name: 'verified_phone_number', priority: 2 },
    ]);
    expect(recoveryOrderSummary(en, both)).toBe('Verified email, then Verified phone number (SMS)');
    expect(recoveryOrderSummary(de, both)).toBe('Bestätigte E-Mail-Adresse, dann Bestätigte Telefonnummer (SMS)');
    expect(recoveryOrderSummary(en, pool([{ name: 'admin_only', priority: 1 }]))).toBe(mechanismLabel(en, 'admin_only'));
    expect(recoveryOrderSummary(en, pool([]))).toBe(en('pools.recovery.legacy'));
  });

  it('words each value Cognito names, and keeps an attribute it has no words for as Cognito writes it', () => {
    expect(attributeLabel(en, 'phone_number')).toBe('Phone number');
    expect(attributeLabel(de, 'email')).toBe('E-Mail-Adresse');
    expect(attributeLabel(de, 'custom:employee_id')).toBe('custom:employee_id');
    expect(attributeList(en, ['email', 'phone_number'], 'pools.signIn.aliasesNone')).toBe('Email, Phone number');
    expect(attributeList(en, [], 'pools.signIn.aliasesNone')).toBe(en('pools.signIn.aliasesNone'));
    expect(mfaLabel(en, 'ON')).toBe(en('pools.mfa', { mode: 'ON' }));
    expect(mfaLabel(de, 'OPTIONAL')).not.toBe(mfaLabel(de, 'ON'));
  });

  it('says what an app client does with a secret and with unknown users', () => {
    expect(secretWording(en, client({ hasSecret: true }))).toBe(en('pools.client.hasSecret'));
    expect(secretWording(en, client({ hasSecret: false }))).toBe(en('pools.client.noSecret'));
    // SECRET_HASH is the parameter's name in every language.
    expect(secretWording(de, client({ hasSecret: true }))).toContain('SECRET_HASH');
    expect(userExistenceWording(en, client({ preventUserExistenceErrors: 'ENABLED' }))).toBe('Enabled: Cognito hides whether a user exists');
    expect(userExistenceWording(de, client({ preventUserExistenceErrors: 'LEGACY' }))).toBe('Legacy: Cognito meldet unbekannte Benutzer');
  });
});
