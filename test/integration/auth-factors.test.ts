import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AdminCreateUserCommand, CognitoIdentityProviderClient, CreateUserPoolCommand } from '@aws-sdk/client-cognito-identity-provider';
import { startTestBackend, type TestBackend } from './helpers/test-backend';

// How the user signs in and "Reset MFA", through the dispatcher as both shells use it, against the
// embedded emulator's demo users.
const STAFF = 'us-east-1_AcmeStaff1';
const CUSTOMERS = 'us-east-1_AcmeCust01';
const CUSTOMER_APP = 'customerapppublic0000001';
const onCustomers = { connectionId: 'demo', userPoolId: CUSTOMERS } as const;

let t: TestBackend;

beforeAll(async () => {
  t = await startTestBackend('auth-factors', { throttling: false });
});

afterAll(async () => {
  await t?.close();
});

describe('how the user signs in', () => {
  it('a passwordless user has no password and signs in with a code sent to their email', async () => {
    expect(await t.call('users:authFactors', { ...onCustomers, username: 'amy.passwordless' })).toEqual({
      configured: ['EMAIL_OTP'],
      hasPassword: false,
      mfaMethods: [],
    });
  });

  it('a user with a passkey has it next to their password; a pool without a sign-in policy lists the password alone', async () => {
    expect((await t.call('users:authFactors', { ...onCustomers, username: 'cara.passkey' })).configured).toEqual(['PASSWORD', 'EMAIL_OTP', 'WEB_AUTHN']);
    expect((await t.call('users:authFactors', { connectionId: 'demo', userPoolId: STAFF, username: 'alice.verified' })).configured).toEqual(['PASSWORD']);
  });

  it('the pool says which first factors it allows; a pool without a sign-in policy says nothing (passwords only)', async () => {
    expect((await t.call('pools:describe', onCustomers)).signInFactors).toEqual(['PASSWORD', 'EMAIL_OTP', 'WEB_AUTHN']);
    expect((await t.call('pools:describe', { connectionId: 'demo', userPoolId: STAFF })).signInFactors).toBeUndefined();
  });

  it('MFA as AdminGetUser reports it', async () => {
    const factors = await t.call('users:authFactors', { ...onCustomers, username: 'ben.sms-mfa' });
    const user = await t.call('users:get', { ...onCustomers, username: 'ben.sms-mfa' });
    expect(factors).toMatchObject({ mfaMethods: ['SMS_MFA'], preferredMfa: 'SMS_MFA' });
    expect(user).toMatchObject({ mfaMethods: factors.mfaMethods, preferredMfa: factors.preferredMfa });
  });

  it('an unknown user is UserNotFound', async () => {
    expect((await t.fail('users:authFactors', { ...onCustomers, username: 'nobody.here' })).code).toBe('UserNotFound');
  });

  it('the verdict tells a passwordless user apart: blocked, because they have no password, with how they sign in', async () => {
    const verdict = await t.call('recovery:verdict', { ...onCustomers, clientId: CUSTOMER_APP, username: 'amy.passwordless' });
    expect(verdict.status).toBe('blocked');
    expect(verdict.reasons[0]).toEqual({ id: 'no-password', severity: 'blocker', params: { factors: 'EMAIL_OTP', factorCount: 1 } });
    // A user with a passkey and a password is a password user: ForgotPassword fits.
    const passkey = await t.call('recovery:verdict', { ...onCustomers, clientId: CUSTOMER_APP, username: 'cara.passkey' });
    expect(passkey.reasons.map((reason) => reason.id)).not.toContain('no-password');
  });
});

describe('Reset MFA for a lost device', () => {
  it('turns off the user\'s MFA, says what it turned off and whether the pool requires MFA, and records it', async () => {
    const reset = await t.call('users:resetMfa', { ...onCustomers, username: 'ben.sms-mfa', ticket: 'INC-13' });
    expect(reset).toMatchObject({ turnedOff: ['SMS_MFA'], poolRequiresMfa: false });
    expect(await t.call('users:authFactors', { ...onCustomers, username: 'ben.sms-mfa' })).toMatchObject({ mfaMethods: [] });
    const user = await t.call('users:get', { ...onCustomers, username: 'ben.sms-mfa' });
    expect(user.mfaMethods).toEqual([]);
    expect(user.preferredMfa).toBeUndefined();

    const { records } = await t.call('audit:list', { username: 'ben.sms-mfa' });
    expect(records[0]).toMatchObject({ action: 'ResetMfa', outcome: 'success', ticket: 'INC-13', userPoolId: CUSTOMERS });
  });

  it('an MFA factor that kept the email from recovery no longer does: the verdict sends the code by email again', async () => {
    const onStaff = { connectionId: 'demo', userPoolId: STAFF, clientId: 'staffconsolepublic000001', username: 'iris.email-mfa' } as const;
    expect((await t.call('recovery:verdict', onStaff)).channel?.deliveryMedium).toBe('SMS');
    await t.call('users:resetMfa', { connectionId: 'demo', userPoolId: STAFF, username: 'iris.email-mfa' });
    expect((await t.call('recovery:verdict', onStaff)).channel?.deliveryMedium).toBe('EMAIL');
  });

  it('in a pool that requires MFA the answer says so: the user sets MFA up again at the next sign-in', async () => {
    const emulator = t.emulator();
    if (!emulator) throw new Error('the demo emulator has not started');
    const client = new CognitoIdentityProviderClient({ region: emulator.region, endpoint: emulator.endpoint, credentials: { accessKeyId: 'test', secretAccessKey: 'test' } });
    const { UserPool } = await client.send(new CreateUserPoolCommand({ PoolName: 'mfa-required', MfaConfiguration: 'ON' }));
    const userPoolId = UserPool?.Id ?? '';
    await client.send(new AdminCreateUserCommand({ UserPoolId: userPoolId, Username: 'nora.new-phone', TemporaryPassword: 'Temporary-Pass-1', MessageAction: 'SUPPRESS' }));
    client.destroy();
    expect(await t.call('users:resetMfa', { connectionId: 'demo', userPoolId, username: 'nora.new-phone' })).toMatchObject({ turnedOff: [], poolRequiresMfa: true });
  });

  it('a lost answer is an unknown outcome, worded for Reset MFA and recorded as unknown', async () => {
    await t.call('demo:injectFault', { connectionId: 'demo', operation: 'AdminSetUserMFAPreference', error: 'InternalError', count: 1 });
    const error = await t.fail('users:resetMfa', { connectionId: 'demo', userPoolId: STAFF, username: 'zoë.ångström' });
    expect(error).toMatchObject({ code: 'OutcomeUnknown', params: { action: 'ResetMfa', operation: 'AdminSetUserMFAPreference' } });
    const { records } = await t.call('audit:list', { username: 'zoë.ångström' });
    expect(records[0]).toMatchObject({ action: 'ResetMfa', outcome: 'unknown', outcomeCode: 'OutcomeUnknown' });
  });

  it('a user Cognito does not know is refused and the refusal recorded', async () => {
    expect((await t.fail('users:resetMfa', { ...onCustomers, username: 'nobody.here' })).code).toBe('UserNotFound');
    const { records } = await t.call('audit:list', { username: 'nobody.here' });
    expect(records[0]).toMatchObject({ action: 'ResetMfa', outcome: 'failure', outcomeCode: 'UserNotFound' });
  });
});
