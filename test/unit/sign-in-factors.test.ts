import { describe, expect, it } from 'vitest';
import type { PoolDetails, UserDetails } from '../../shared/contract';
import { signsInWithoutPassword, type UserAuthFactors } from '../../shared/auth-factors';
import { assessRecovery } from '../../electron/core/recovery-verdict';
import { mfaWords, signInMethodsWords } from '../../renderer/features/factors/factor-words';
import { reasonWords, verdictHeadline } from '../../renderer/features/recovery/verdict-words';
import { translate } from '../support/translate';

// How the user signs in, in the verdict and in words: a user with no password is told apart from one
// who forgot theirs; a passkey next to a password changes nothing about recovery.

const en = translate('en');
const de = translate('de');

const pool: PoolDetails = {
  id: 'us-east-1_Test1',
  name: 'Test',
  passwordPolicy: { minimumLength: 8, requireUppercase: false, requireLowercase: false, requireNumbers: false, requireSymbols: false },
  recoveryMechanisms: [{ name: 'verified_email', priority: 1 }],
  usernameAttributes: [],
  aliasAttributes: [],
  autoVerifiedAttributes: [],
  mfaConfiguration: 'OPTIONAL',
};
const user: UserDetails = {
  username: 'amy',
  status: 'CONFIRMED',
  enabled: true,
  email: 'amy@example.com',
  emailVerified: true,
  phoneNumberVerified: false,
  attributes: [],
  mfaMethods: [],
};
const factors = (configured: UserAuthFactors['configured']): UserAuthFactors => ({ configured, hasPassword: configured.includes('PASSWORD'), mfaMethods: [] });
const verdict = (authFactors?: UserAuthFactors) =>
  assessRecovery({ pool, client: { hasSecret: false, preventUserExistenceErrors: 'LEGACY' }, user, codesSentToday: 0, codesOfUnknownOutcomeToday: 0, authFactors });

describe('a user without a password', () => {
  it('is blocked by no-password, naming the ways they sign in, and no code is offered', () => {
    const v = verdict(factors(['EMAIL_OTP', 'WEB_AUTHN']));
    expect(v.status).toBe('blocked');
    expect(v.channel).toBeUndefined();
    expect(v.reasons).toContainEqual({ id: 'no-password', severity: 'blocker', params: { factors: 'EMAIL_OTP WEB_AUTHN', factorCount: 2 } });
  });

  it('a password next to a passkey, or factors that could not be read, leave the password verdict as it was', () => {
    expect(verdict(factors(['PASSWORD', 'WEB_AUTHN'])).status).toBe('ready');
    expect(verdict(undefined).status).toBe('ready');
    // No password and nothing else listed is not "signs in without a password": Cognito says nothing about how.
    expect(signsInWithoutPassword(factors([]))).toBe(false);
  });

  it('is worded with the ways they sign in, in English and German', () => {
    const v = verdict(factors(['EMAIL_OTP', 'WEB_AUTHN']));
    expect(verdictHeadline(en, v)).toContain('they sign in with a code sent to their email and a passkey');
    const reason = v.reasons.find((r) => r.id === 'no-password');
    expect(reason && reasonWords(de, reason)).toContain('mit einem Code an seine E-Mail-Adresse und einem Passkey an');
  });
});

describe('sign-in and MFA words', () => {
  it('lists the ways to sign in as one phrase, and names MFA factors, unknown ones as AWS writes them', () => {
    expect(signInMethodsWords(en, ['PASSWORD', 'SMS_OTP'])).toBe('a password and a code sent by text message');
    expect(mfaWords(en, 'SOFTWARE_TOKEN_MFA')).toBe('Authenticator app (TOTP)');
    expect(mfaWords(de, 'SMS_MFA')).toBe('SMS');
    expect(mfaWords(en, 'SOMETHING_NEW')).toBe('SOMETHING_NEW');
  });
});
