import { describe, expect, it } from 'vitest';
import type { PoolDetails, UserDetails } from '../../shared/contract';
import { assessRecovery } from '../../electron/core/recovery-verdict';

const pool = (recoveryMechanisms: PoolDetails['recoveryMechanisms']): PoolDetails => ({
  id: 'us-east-1_Test1',
  name: 'Test',
  passwordPolicy: { minimumLength: 8, requireUppercase: false, requireLowercase: false, requireNumbers: false, requireSymbols: false },
  recoveryMechanisms,
  usernameAttributes: [],
  aliasAttributes: [],
  autoVerifiedAttributes: [],
  mfaConfiguration: 'OPTIONAL',
});
const emailFirst = pool([
  { name: 'verified_email', priority: 1 },
  { name: 'verified_phone_number', priority: 2 },
]);
const phoneFirst = pool([
  { name: 'verified_phone_number', priority: 1 },
  { name: 'verified_email', priority: 2 },
]);
const emailOnly = pool([{ name: 'verified_email', priority: 1 }]);
const adminOnly = pool([{ name: 'admin_only', priority: 1 }]);

const user = (overrides: Partial<UserDetails> = {}): UserDetails => ({
  username: 'someone',
  status: 'CONFIRMED',
  enabled: true,
  email: 'someone@example.com',
  emailVerified: true,
  phoneNumber: '+15555550100',
  phoneNumberVerified: true,
  attributes: [],
  mfaMethods: [],
  ...overrides,
});

const plain: { hasSecret: boolean; preventUserExistenceErrors: 'ENABLED' | 'LEGACY' } = { hasSecret: false, preventUserExistenceErrors: 'LEGACY' };
const verdict = (u: UserDetails, p: PoolDetails, client = plain) => assessRecovery({ pool: p, client, user: u, codesSentToday: 0, codesOfUnknownOutcomeToday: 0 });
const blockers = (u: UserDetails, p: PoolDetails) => verdict(u, p).reasons.filter((r) => r.severity === 'blocker').map((r) => r.id);

describe('assessRecovery', () => {
  it("follows the pool's priority: the first channel the user qualifies for, masked", () => {
    expect(verdict(user(), emailFirst).channel).toEqual({ deliveryMedium: 'EMAIL', attributeName: 'email', maskedDestination: 's***@e***' });
    expect(verdict(user(), phoneFirst).channel).toEqual({ deliveryMedium: 'SMS', attributeName: 'phone_number', maskedDestination: '+*******0100' });
    expect(verdict(user({ phoneNumberVerified: false }), phoneFirst).channel?.deliveryMedium).toBe('EMAIL');
  });

  it('uses the legacy rule, verified phone before email, when the pool has no recovery setting', () => {
    const v = verdict(user(), pool([]));
    expect(v.rule).toBe('legacy');
    expect(v.channel?.deliveryMedium).toBe('SMS');
  });

  it('does not count a channel that is also an MFA factor, and says so', () => {
    const sms = verdict(user({ mfaMethods: ['SMS_MFA'] }), phoneFirst);
    expect(sms.channel?.deliveryMedium).toBe('EMAIL');
    expect(sms.reasons.find((r) => r.id === 'mfa-disqualifies-phone')?.severity).toBe('info');
    expect(blockers(user({ mfaMethods: ['EMAIL_OTP', 'SMS_MFA'] }), emailFirst)).toEqual(['mfa-disqualifies-email', 'mfa-disqualifies-phone']);
  });

  it('blocks a verified contact the pool does not allow for recovery', () => {
    expect(blockers(user({ emailVerified: false }), emailOnly)).toEqual(['channel-not-allowed']);
  });

  it('blocks a user with nothing verified and offers a temporary password', () => {
    const v = verdict(user({ emailVerified: false, phoneNumberVerified: false }), emailFirst);
    expect(v).toMatchObject({ status: 'blocked', alternatives: ['setTemporaryPassword'] });
    expect(v.channel).toBeUndefined();
  });

  it('blocks disabled, FORCE_CHANGE_PASSWORD, UNCONFIRMED and external-provider users', () => {
    expect(blockers(user({ enabled: false }), emailFirst)).toEqual(['disabled']);
    expect(blockers(user({ status: 'FORCE_CHANGE_PASSWORD' }), emailFirst)).toEqual(['force-change-password']);
    expect(verdict(user({ status: 'FORCE_CHANGE_PASSWORD' }), emailFirst).alternatives).toEqual(['resendInvitation', 'setTemporaryPassword']);
    expect(blockers(user({ status: 'UNCONFIRMED' }), emailFirst)).toEqual(['unconfirmed']);
    expect(blockers(user({ status: 'EXTERNAL_PROVIDER' }), emailFirst)).toEqual(['external-provider']);
    expect(verdict(user({ enabled: false }), emailFirst).alternatives).toEqual([]);
  });

  it('offers a temporary password in an admin_only pool (AdminResetUserPassword needs self-service recovery)', () => {
    expect(verdict(user(), adminOnly)).toMatchObject({ status: 'blocked', rule: 'admin-only', alternatives: ['setTemporaryPassword'] });
    expect(verdict(user({ enabled: false }), adminOnly).alternatives).toEqual([]);
  });

  it('is uncertain, not ready, when the client hides user-existence errors', () => {
    const v = verdict(user(), emailFirst, { hasSecret: false, preventUserExistenceErrors: 'ENABLED' });
    expect(v.status).toBe('uncertain');
    // An administrator reset answers truthfully where this client would not.
    expect(v.alternatives).toEqual(['adminResetPassword']);
    expect(v.channel).toEqual({ deliveryMedium: 'EMAIL', attributeName: 'email', maskedDestination: 's***@e***' });
  });

  it('stays blocked (not uncertain) when a blocker exists, whatever the client does', () => {
    expect(verdict(user({ enabled: false }), emailFirst, { hasSecret: true, preventUserExistenceErrors: 'ENABLED' }).status).toBe('blocked');
  });

  it('treats RESET_REQUIRED as a reason to send a code and an odd status as a warning', () => {
    expect(verdict(user({ status: 'RESET_REQUIRED' }), emailFirst)).toMatchObject({ status: 'ready' });
    expect(verdict(user({ status: 'COMPROMISED' }), emailFirst).reasons).toEqual([{ id: 'unusual-status', severity: 'warning', params: { status: 'COMPROMISED' } }]);
    expect(verdict(user({ status: 'ARCHIVED' }), emailFirst).reasons[0]?.params).toEqual({ status: 'ARCHIVED' });
  });

  it('sends codes, not sentences: ids, severities and the facts the words need', () => {
    const v = verdict(user({ enabled: false, status: 'FORCE_CHANGE_PASSWORD' }), adminOnly, { hasSecret: true, preventUserExistenceErrors: 'ENABLED' });
    expect(v.reasons).toEqual([
      { id: 'disabled', severity: 'blocker' },
      { id: 'force-change-password', severity: 'blocker' },
      { id: 'admin-only', severity: 'blocker' },
      { id: 'secret-hash-automatic', severity: 'info' },
      { id: 'existence-errors-hidden', severity: 'warning' },
    ]);
    expect(v).not.toHaveProperty('summary');
  });
});
