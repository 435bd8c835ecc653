import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  AdminGetUserAuthFactorsCommand,
  AdminGetUserCommand,
  AdminResetUserPasswordCommand,
  AdminSetUserMFAPreferenceCommand,
  ConfirmForgotPasswordCommand,
  ForgotPasswordCommand,
  InitiateAuthCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { DEMO_CUSTOMER_CLIENT_ID, DEMO_CUSTOMER_POOL_ID, DEMO_CUSTOMER_USERS } from '../../../electron/emulator';
import { cognitoError, Fixtures, isRemote, NEEDS_INBOX, openTarget } from './target';

// How a user signs in, their MFA, and a user without a password, as AWS documents them. Sources:
//   [FACTORS]  AWS API Reference, AdminGetUserAuthFactors (Username, PreferredMfaSetting,
//              UserMFASettingList, ConfiguredUserAuthFactors; Errors: UserNotFoundException)
//   [MFA]      AWS API Reference, AdminSetUserMFAPreference (SMSMfaSettings, EmailMfaSettings,
//              SoftwareTokenMfaSettings {Enabled, PreferredMfa}) and AdminGetUser
//              (UserMFASettingList, PreferredMfaSetting)
//   [NOPASS]   AWS API Reference, ForgotPassword ("If neither a verified phone number nor a verified
//              email exists ... InvalidParameterException"; the user "must be eligible for an available
//              account recovery option") and ChangePassword (PreviousPassword "Required if the user has a
//              password. If the user has no password and only signs in with passwordless authentication
//              options, you can omit"), AdminResetUserPassword ("Deactivates a user's password, requiring them
//              to change it", RESET_REQUIRED, a code when a verified channel exists) and AdminSetUserPassword
//              ("You can't remove the password for a user who already has a password"): AWS documents no
//              exception for a user without a password, so ForgotPassword and AdminResetUserPassword follow
//              their usual rules and ConfirmForgotPassword gives the user a password.

const NEEDS_MFA_POOL = 'turns SMS MFA on, which on AWS needs a pool with MFA and an SMS role; the suite creates its pools without them';
const NEEDS_PASSWORDLESS_USER =
  "uses the emulator's seeded passwordless user; on AWS one needs a pool on the Essentials plan with passwordless sign-in and an email sender";

let f: Fixtures;
let pool: string;

beforeAll(async () => {
  f = new Fixtures(await openTarget());
  pool = await f.pool('factors', { recovery: [{ Name: 'verified_email', Priority: 1 }] });
});

afterAll(async () => {
  await f?.close();
});

const factors = (UserPoolId: string, Username: string) => f.client.send(new AdminGetUserAuthFactorsCommand({ UserPoolId, Username }));
const adminGetUser = (UserPoolId: string, Username: string) => f.client.send(new AdminGetUserCommand({ UserPoolId, Username }));
const setMfa = (UserPoolId: string, Username: string, sms: { Enabled: boolean; PreferredMfa: boolean }) =>
  f.client.send(
    new AdminSetUserMFAPreferenceCommand({
      UserPoolId,
      Username,
      SMSMfaSettings: sms,
      EmailMfaSettings: { Enabled: false, PreferredMfa: false },
      SoftwareTokenMfaSettings: { Enabled: false, PreferredMfa: false },
    }),
  );

describe('AdminGetUserAuthFactors [FACTORS]', () => {
  it('a user with a password in a pool without a sign-in policy: PASSWORD, and no MFA', async () => {
    const { username } = await f.user(pool, 'factors-password');
    const answer = await factors(pool, username);
    expect(answer.Username).toBe(username);
    expect(answer.ConfiguredUserAuthFactors).toContain('PASSWORD');
    expect(answer.UserMFASettingList ?? []).toEqual([]);
    expect(answer.PreferredMfaSetting ?? '').toBe('');
  });

  it('an unknown user: UserNotFoundException', async () => {
    expect((await cognitoError(() => factors(pool, 'nobody-at-all'))).name).toBe('UserNotFoundException');
  });
});

describe('MFA preference and its reset [MFA]', () => {
  it.skipIf(isRemote)(`SMS MFA turned on shows in AdminGetUser and AdminGetUserAuthFactors alike (${NEEDS_MFA_POOL})`, async () => {
    const { username } = await f.user(pool, 'factors-mfa-on', { email: true, phone: true });
    await setMfa(pool, username, { Enabled: true, PreferredMfa: true });
    const [user, answer] = await Promise.all([adminGetUser(pool, username), factors(pool, username)]);
    expect(user.UserMFASettingList).toEqual(['SMS_MFA']);
    expect(user.PreferredMfaSetting).toBe('SMS_MFA');
    expect(answer.UserMFASettingList).toEqual(user.UserMFASettingList);
    expect(answer.PreferredMfaSetting).toBe(user.PreferredMfaSetting);
  });

  it.skipIf(isRemote)(`SMS, email and TOTP turned off (Reset MFA): no MFA and none preferred, in both (${NEEDS_MFA_POOL})`, async () => {
    const { username } = await f.user(pool, 'factors-mfa-reset', { email: true, phone: true });
    await setMfa(pool, username, { Enabled: true, PreferredMfa: true });
    await setMfa(pool, username, { Enabled: false, PreferredMfa: false });
    const [user, answer] = await Promise.all([adminGetUser(pool, username), factors(pool, username)]);
    expect(user.UserMFASettingList ?? []).toEqual([]);
    expect(user.PreferredMfaSetting ?? '').toBe('');
    expect(answer.UserMFASettingList ?? []).toEqual([]);
    expect(answer.PreferredMfaSetting ?? '').toBe('');
    // MFAOptions, the older record of SMS MFA, goes with it.
    expect(user.MFAOptions ?? []).toEqual([]);
  });
});

describe('a user without a password [NOPASS]', () => {
  const amy = DEMO_CUSTOMER_USERS.passwordless;

  it.skipIf(isRemote)(`lists no PASSWORD, and a typed password never signs them in (${NEEDS_PASSWORDLESS_USER})`, async () => {
    expect((await factors(DEMO_CUSTOMER_POOL_ID, amy)).ConfiguredUserAuthFactors).toEqual(['EMAIL_OTP']);
    const signIn = (PASSWORD: string) =>
      cognitoError(() => f.client.send(new InitiateAuthCommand({ AuthFlow: 'USER_PASSWORD_AUTH', ClientId: DEMO_CUSTOMER_CLIENT_ID, AuthParameters: { USERNAME: amy, PASSWORD } })));
    expect((await signIn('Any-Password-1')).name).toBe('NotAuthorizedException');
  });

  it.skipIf(isRemote)(
    `AdminResetUserPassword follows its usual rules: RESET_REQUIRED, and a code to the verified email (${NEEDS_PASSWORDLESS_USER}; ${NEEDS_INBOX})`,
    async () => {
      await f.client.send(new AdminResetUserPasswordCommand({ UserPoolId: DEMO_CUSTOMER_POOL_ID, Username: amy }));
      expect((await adminGetUser(DEMO_CUSTOMER_POOL_ID, amy)).UserStatus).toBe('RESET_REQUIRED');
      expect(f.target.inbox?.().find((message) => message.username === amy)).toMatchObject({ purpose: 'AdminResetUserPassword', deliveryMedium: 'EMAIL' });
      // Still no password: the reset deactivates one, it does not make one.
      expect((await factors(DEMO_CUSTOMER_POOL_ID, amy)).ConfiguredUserAuthFactors).toEqual(['EMAIL_OTP']);
    },
  );

  it.skipIf(isRemote)(
    `ForgotPassword follows its usual rules (a code to the verified email) and ConfirmForgotPassword gives them a password (${NEEDS_PASSWORDLESS_USER}; ${NEEDS_INBOX})`,
    async () => {
      const sent = await f.client.send(new ForgotPasswordCommand({ ClientId: DEMO_CUSTOMER_CLIENT_ID, Username: amy }));
      expect(sent.CodeDeliveryDetails).toMatchObject({ DeliveryMedium: 'EMAIL', AttributeName: 'email' });
      const code = f.target.inbox?.().find((message) => message.username === amy)?.code ?? '';
      await f.client.send(new ConfirmForgotPasswordCommand({ ClientId: DEMO_CUSTOMER_CLIENT_ID, Username: amy, ConfirmationCode: code, Password: 'First-passw0rd' }));
      expect((await factors(DEMO_CUSTOMER_POOL_ID, amy)).ConfiguredUserAuthFactors).toEqual(['PASSWORD', 'EMAIL_OTP']);
      expect((await adminGetUser(DEMO_CUSTOMER_POOL_ID, amy)).UserStatus).toBe('CONFIRMED');
      const tokens = await f.client.send(
        new InitiateAuthCommand({ AuthFlow: 'USER_PASSWORD_AUTH', ClientId: DEMO_CUSTOMER_CLIENT_ID, AuthParameters: { USERNAME: amy, PASSWORD: 'First-passw0rd' } }),
      );
      expect(tokens.AuthenticationResult?.AccessToken).toBeTruthy();
    },
  );
});
