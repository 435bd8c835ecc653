import { describe, expect, it } from 'vitest';
import type { PoolDetails, UserDetails } from '../../shared/contract';
import { assessReadiness } from '../../renderer/features/users/recovery-readiness';

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

const blockers = (u: UserDetails, p: PoolDetails) =>
  assessReadiness(u, p).notes.filter((n) => n.severity === 'blocker').map((n) => n.id);

describe('assessReadiness', () => {
  it("follows the pool's priority: the first channel the user qualifies for, and only one", () => {
    expect(assessReadiness(user(), emailFirst).route).toEqual({ kind: 'email', destination: 'someone@example.com' });
    expect(assessReadiness(user(), phoneFirst).route).toEqual({ kind: 'sms', destination: '+15555550100' });
    expect(assessReadiness(user({ phoneNumberVerified: false }), phoneFirst).route.kind).toBe('email');
  });

  it('uses the legacy rule, verified phone before email, when the pool has no recovery setting', () => {
    const readiness = assessReadiness(user(), pool([]));
    expect(readiness.rule).toBe('legacy');
    expect(readiness.route.kind).toBe('sms');
  });

  it('does not count a channel that the user has as an MFA factor', () => {
    expect(assessReadiness(user({ mfaMethods: ['SMS_MFA'] }), phoneFirst).route.kind).toBe('email');
    expect(assessReadiness(user({ mfaMethods: ['EMAIL_OTP'] }), emailFirst).route.kind).toBe('sms');
    expect(blockers(user({ mfaMethods: ['EMAIL_OTP', 'SMS_MFA'] }), emailFirst)).toEqual(['no-channel']);
  });

  it('blocks a user with nothing verified, and says so', () => {
    const readiness = assessReadiness(user({ emailVerified: false, phoneNumberVerified: false }), emailFirst);
    expect(readiness.route.kind).toBe('none');
    expect(readiness.notes.find((n) => n.id === 'no-channel')?.text).toMatch(/no verified email or phone/);
  });

  it('blocks disabled, FORCE_CHANGE_PASSWORD, UNCONFIRMED and external-provider users', () => {
    expect(blockers(user({ enabled: false }), emailFirst)).toEqual(['disabled']);
    expect(blockers(user({ status: 'FORCE_CHANGE_PASSWORD' }), emailFirst)).toEqual(['force-change']);
    expect(blockers(user({ status: 'UNCONFIRMED' }), emailFirst)).toEqual(['unconfirmed']);
    expect(blockers(user({ status: 'EXTERNAL_PROVIDER' }), emailFirst)).toEqual(['external']);
    expect(blockers(user(), emailFirst)).toEqual([]);
  });

  it('blocks self-service recovery in an admin_only pool', () => {
    const readiness = assessReadiness(user(), pool([{ name: 'admin_only', priority: 1 }]));
    expect(readiness.route.kind).toBe('admin-only');
    expect(blockers(user(), pool([{ name: 'admin_only', priority: 1 }]))).toEqual(['admin-only']);
  });

  it('treats RESET_REQUIRED as a reason to send a code, not a blocker', () => {
    const readiness = assessReadiness(user({ status: 'RESET_REQUIRED' }), emailFirst);
    expect(readiness.route.kind).toBe('email');
    expect(readiness.notes.map((n) => [n.id, n.severity])).toEqual([['reset-required', 'info']]);
  });
});
