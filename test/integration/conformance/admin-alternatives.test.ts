import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  AdminCreateUserCommand,
  AdminGetUserCommand,
  AdminResetUserPasswordCommand,
  AdminSetUserPasswordCommand,
  ConfirmForgotPasswordCommand,
  InitiateAuthCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { cognitoError, Fixtures, GOOD_PASSWORD, isRemote, NEEDS_INBOX, OTHER_GOOD_PASSWORD, openTarget } from './target';

// The admin alternatives to ForgotPassword as AWS documents them. Each rule names its source:
//   [CREATE]   AWS API Reference, AdminCreateUser (MessageAction RESEND, TemporaryPassword, Errors)
//   [RESET]    AWS API Reference, AdminResetUserPassword (RESET_REQUIRED, PasswordResetRequiredException,
//              "your user pool must have self-service account recovery configured", Errors)
//   [SET]      AWS API Reference, AdminSetUserPassword (Permanent, NEW_PASSWORD_REQUIRED, Errors)
//   [OBSERVED] behaviour reported by Cognito users (AWS SDK issue threads, CLI output), not in AWS docs
// Rules that need the delivered code or temporary password run only where it can be read.

/** The temporary password Fixtures.user gives a user created with `temporary`. */
const FIXTURE_TEMPORARY_PASSWORD = 'Temporary-Pass-1';
const NEEDS_WEEK = 'moves the clock forward a week, which only the embedded emulator allows';
const DAY = 24 * 60 * 60 * 1000;

let f: Fixtures;
let pool: string; // verified_email first
let adminOnly: string;
let historyPool: string;
let pub: string;
let historyClient: string;

beforeAll(async () => {
  f = new Fixtures(await openTarget());
  pool = await f.pool('alternatives', { recovery: [{ Name: 'verified_email', Priority: 1 }] });
  adminOnly = await f.pool('alternatives-admin-only', { recovery: [{ Name: 'admin_only', Priority: 1 }] });
  historyPool = await f.pool('alternatives-history', { recovery: [{ Name: 'verified_email', Priority: 1 }], passwordHistorySize: 3 });
  pub = (await f.appClient(pool)).clientId;
  historyClient = (await f.appClient(historyPool)).clientId;
});

afterAll(async () => {
  await f?.close();
});

const resend = (UserPoolId: string, Username: string, TemporaryPassword?: string) =>
  f.client.send(
    new AdminCreateUserCommand({ UserPoolId, Username, MessageAction: 'RESEND', DesiredDeliveryMediums: ['EMAIL'], ...(TemporaryPassword ? { TemporaryPassword } : {}) }),
  );
const adminReset = (UserPoolId: string, Username: string) => f.client.send(new AdminResetUserPasswordCommand({ UserPoolId, Username }));
const setPassword = (UserPoolId: string, Username: string, Password: string, Permanent: boolean) =>
  f.client.send(new AdminSetUserPasswordCommand({ UserPoolId, Username, Password, Permanent }));
const signIn = (ClientId: string, USERNAME: string, PASSWORD: string) =>
  f.client.send(new InitiateAuthCommand({ AuthFlow: 'USER_PASSWORD_AUTH', ClientId, AuthParameters: { USERNAME, PASSWORD } }));
const statusOf = async (UserPoolId: string, Username: string) => (await f.client.send(new AdminGetUserCommand({ UserPoolId, Username }))).UserStatus;

function newestMessage(username: string) {
  const message = f.target.inbox?.().find((m) => m.username === username);
  if (!message) throw new Error(`nothing delivered to ${username}`);
  return message;
}

describe('AdminCreateUser with MessageAction RESEND', () => {
  it('[CREATE] re-sends the invitation of a FORCE_CHANGE_PASSWORD user, who stays FORCE_CHANGE_PASSWORD', async () => {
    const user = await f.user(pool, 'resend-ok', { email: true, temporary: true });
    const { User } = await resend(pool, user.username);
    expect(User?.UserStatus).toBe('FORCE_CHANGE_PASSWORD');
    expect(await statusOf(pool, user.username)).toBe('FORCE_CHANGE_PASSWORD');
  });

  it.skipIf(isRemote)('[CREATE] sets a new temporary password: it leads to NEW_PASSWORD_REQUIRED, the previous one stops working (' + NEEDS_INBOX + ')', async () => {
    const user = await f.user(pool, 'resend-new-password', { email: true, temporary: true });
    await resend(pool, user.username);
    const temporary = newestMessage(user.username).code;
    expect(temporary).not.toBe(FIXTURE_TEMPORARY_PASSWORD);
    expect((await signIn(pub, user.username, temporary)).ChallengeName).toBe('NEW_PASSWORD_REQUIRED');
    expect((await cognitoError(() => signIn(pub, user.username, FIXTURE_TEMPORARY_PASSWORD))).name).toBe('NotAuthorizedException');
  });

  it('[CREATE] a TemporaryPassword below the pool policy gives InvalidPasswordException', async () => {
    const user = await f.user(pool, 'resend-weak', { email: true, temporary: true });
    expect((await cognitoError(() => resend(pool, user.username, 'weak-temp'))).name).toBe('InvalidPasswordException');
  });

  it('[CREATE] a user who is not FORCE_CHANGE_PASSWORD gets UnsupportedUserStateException', async () => {
    const user = await f.user(pool, 'resend-confirmed', { email: true });
    expect((await cognitoError(() => resend(pool, user.username))).name).toBe('UnsupportedUserStateException');
    expect(await statusOf(pool, user.username)).toBe('CONFIRMED');
  });

  it('[CREATE] an unknown user gets UserNotFoundException', async () => {
    expect((await cognitoError(() => resend(pool, `nobody-${Date.now()}`))).name).toBe('UserNotFoundException');
  });

  it.skipIf(isRemote)('[CREATE] a temporary password stops working after TemporaryPasswordValidityDays (7 by default); RESEND starts a new one (' + NEEDS_WEEK + ')', async () => {
    const user = await f.user(pool, 'resend-expired', { email: true, temporary: true });
    f.target.advanceClock?.(7 * DAY + 1000);
    expect((await cognitoError(() => signIn(pub, user.username, FIXTURE_TEMPORARY_PASSWORD))).name).toBe('NotAuthorizedException');
    await resend(pool, user.username);
    expect((await signIn(pub, user.username, newestMessage(user.username).code)).ChallengeName).toBe('NEW_PASSWORD_REQUIRED');
  });
});

describe('AdminResetUserPassword', () => {
  it('[RESET] makes the user RESET_REQUIRED', async () => {
    const user = await f.user(pool, 'reset-status', { email: true });
    await adminReset(pool, user.username);
    expect(await statusOf(pool, user.username)).toBe('RESET_REQUIRED');
  });

  it('[RESET] sign-in afterwards gives PasswordResetRequiredException', async () => {
    const user = await f.user(pool, 'reset-sign-in', { email: true });
    await adminReset(pool, user.username);
    expect((await cognitoError(() => signIn(pub, user.username, GOOD_PASSWORD))).name).toBe('PasswordResetRequiredException');
  });

  it.skipIf(isRemote)('[RESET] the code it sends completes the reset with ConfirmForgotPassword: CONFIRMED, new password works (' + NEEDS_INBOX + ')', async () => {
    const user = await f.user(pool, 'reset-confirm', { email: true });
    await adminReset(pool, user.username);
    const { code } = newestMessage(user.username);
    await f.client.send(new ConfirmForgotPasswordCommand({ ClientId: pub, Username: user.username, ConfirmationCode: code, Password: OTHER_GOOD_PASSWORD }));
    expect(await statusOf(pool, user.username)).toBe('CONFIRMED');
    expect((await signIn(pub, user.username, OTHER_GOOD_PASSWORD)).AuthenticationResult?.AccessToken).toBeTruthy();
  });

  it('[RESET] a user without a verified email or phone is still reset (the message is only sent when one exists)', async () => {
    const user = await f.user(pool, 'reset-unverified', { email: 'unverified' });
    await adminReset(pool, user.username);
    expect(await statusOf(pool, user.username)).toBe('RESET_REQUIRED');
    expect(f.target.inbox?.().filter((m) => m.username === user.username) ?? []).toEqual([]);
  });

  it('[RESET] is refused in a pool without self-service account recovery (admin_only); the user is unchanged', async () => {
    const user = await f.user(adminOnly, 'reset-admin-only', { email: true });
    const error = await cognitoError(() => adminReset(adminOnly, user.username));
    // AWS documents the requirement, not the exception; the emulator answers as ForgotPassword does.
    if (f.target.kind === 'embedded') expect(error.name).toBe('NotAuthorizedException');
    expect(await statusOf(adminOnly, user.username)).toBe('CONFIRMED');
  });

  it('[OBSERVED] a disabled user gets NotAuthorizedException (amazon-cognito-identity-js#373)', async () => {
    const user = await f.user(pool, 'reset-disabled', { email: true, disabled: true });
    expect((await cognitoError(() => adminReset(pool, user.username))).name).toBe('NotAuthorizedException');
  });

  it('[OBSERVED] a FORCE_CHANGE_PASSWORD user gets NotAuthorizedException "User password cannot be reset in the current state."', async () => {
    const user = await f.user(pool, 'reset-force-change', { email: true, temporary: true });
    const error = await cognitoError(() => adminReset(pool, user.username));
    expect(error.name).toBe('NotAuthorizedException');
    expect(error.message).toMatch(/cannot be reset in the current state/);
  });

  it('[RESET] an unknown user gets UserNotFoundException', async () => {
    expect((await cognitoError(() => adminReset(pool, `nobody-${Date.now()}`))).name).toBe('UserNotFoundException');
  });

  it('[RESET] too many resets for one user within the hour give LimitExceededException', async () => {
    const user = await f.user(pool, 'reset-too-many', { email: true });
    let error: { name: string } | undefined;
    // Like ForgotPassword's, the limit is not published; stop at the first refusal.
    for (let i = 0; i < 25 && !error; i++) {
      error = await adminReset(pool, user.username).then(
        () => undefined,
        (e: { name: string }) => e,
      );
    }
    expect(error?.name).toBe('LimitExceededException');
  });
});

describe('AdminSetUserPassword', () => {
  it('[SET] Permanent false: the user is FORCE_CHANGE_PASSWORD and sign-in answers NEW_PASSWORD_REQUIRED', async () => {
    const user = await f.user(pool, 'set-temporary', { email: true });
    await setPassword(pool, user.username, OTHER_GOOD_PASSWORD, false);
    expect(await statusOf(pool, user.username)).toBe('FORCE_CHANGE_PASSWORD');
    const answer = await signIn(pub, user.username, OTHER_GOOD_PASSWORD);
    expect(answer.ChallengeName).toBe('NEW_PASSWORD_REQUIRED');
    expect(answer.AuthenticationResult).toBeUndefined();
  });

  it('[SET] with a temporary password, only that password leads to the challenge: a wrong one gives NotAuthorizedException', async () => {
    const user = await f.user(pool, 'set-temporary-wrong', { email: true });
    await setPassword(pool, user.username, OTHER_GOOD_PASSWORD, false);
    expect((await cognitoError(() => signIn(pub, user.username, GOOD_PASSWORD))).name).toBe('NotAuthorizedException');
  });

  it('[SET] Permanent true: the user is CONFIRMED and signs in with it', async () => {
    const user = await f.user(pool, 'set-permanent', { email: true, temporary: true });
    await setPassword(pool, user.username, OTHER_GOOD_PASSWORD, true);
    expect(await statusOf(pool, user.username)).toBe('CONFIRMED');
    expect((await signIn(pub, user.username, OTHER_GOOD_PASSWORD)).AuthenticationResult?.AccessToken).toBeTruthy();
  });

  it('[SET] a password below the pool policy gives InvalidPasswordException, temporary or permanent', async () => {
    const user = await f.user(pool, 'set-weak', { email: true });
    for (const permanent of [false, true]) {
      const error = await cognitoError(() => setPassword(pool, user.username, 'weakpass', permanent));
      expect(error.name, String(permanent)).toBe('InvalidPasswordException');
    }
    expect(await statusOf(pool, user.username)).toBe('CONFIRMED');
  });

  it('[SET] with PasswordHistorySize > 0 the current password gives PasswordHistoryPolicyViolationException', async () => {
    const user = await f.user(historyPool, 'set-history', { email: true });
    expect((await cognitoError(() => setPassword(historyPool, user.username, GOOD_PASSWORD, true))).name).toBe('PasswordHistoryPolicyViolationException');
    await setPassword(historyPool, user.username, OTHER_GOOD_PASSWORD, true);
    expect((await signIn(historyClient, user.username, OTHER_GOOD_PASSWORD)).AuthenticationResult?.AccessToken).toBeTruthy();
  });

  it('[SET] an unknown user gets UserNotFoundException', async () => {
    expect((await cognitoError(() => setPassword(pool, `nobody-${Date.now()}`, GOOD_PASSWORD, false))).name).toBe('UserNotFoundException');
  });
});
