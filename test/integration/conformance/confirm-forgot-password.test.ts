import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  AdminGetUserCommand,
  ConfirmForgotPasswordCommand,
  ForgotPasswordCommand,
  InitiateAuthCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { computeSecretHash } from '../../../electron/core/secret-hash';
import { cognitoError, Fixtures, GOOD_PASSWORD, isRemote, NEEDS_CLOCK, NEEDS_INBOX, OTHER_GOOD_PASSWORD, openTarget } from './target';

// ConfirmForgotPassword as AWS documents it. Sources:
//   [API]       AWS API Reference, ConfirmForgotPassword (Errors) and ForgotPassword
//   [RECOVERY]  Cognito Developer Guide, "Recovering user accounts" (the code is valid for one hour)
//   [POLICY]    Cognito Developer Guide, "Passwords, password recovery, and password policies"
//               (policy rules, password history needs PasswordHistorySize > 0)
//   [EXISTENCE] Cognito Developer Guide, "Managing error responses" (PreventUserExistenceErrors)
//   [SECRET]    Cognito Developer Guide, "Computing secret hash values"
// Rules that need the code itself run only where the code can be read (the embedded emulator).

let f: Fixtures;
let pool: string;
let historyPool: string;
let pub: string;
let hidden: string;
let secret: { clientId: string; secret?: string };
let historyClient: string;

beforeAll(async () => {
  f = new Fixtures(await openTarget());
  const recovery = [{ Name: 'verified_email' as const, Priority: 1 }];
  pool = await f.pool('confirm', { recovery });
  historyPool = await f.pool('history', { recovery, passwordHistorySize: 3 });
  pub = (await f.appClient(pool)).clientId;
  hidden = (await f.appClient(pool, { preventUserExistenceErrors: 'ENABLED' })).clientId;
  secret = await f.appClient(pool, { secret: true });
  historyClient = (await f.appClient(historyPool)).clientId;
});

afterAll(async () => {
  await f?.close();
});

const forgot = (ClientId: string, Username: string) => f.client.send(new ForgotPasswordCommand({ ClientId, Username }));
const confirm = (ClientId: string, Username: string, ConfirmationCode: string, Password: string, SecretHash?: string) =>
  f.client.send(new ConfirmForgotPasswordCommand({ ClientId, Username, ConfirmationCode, Password, ...(SecretHash ? { SecretHash } : {}) }));

function newestCode(username: string): string {
  const message = f.target.inbox?.().find((m) => m.username === username);
  if (!message) throw new Error(`no code delivered to ${username}`);
  return message.code;
}
const wrong = (code: string) => (code === '000000' ? '111111' : '000000');

async function signIn(clientId: string, username: string, password: string) {
  return f.client.send(new InitiateAuthCommand({ AuthFlow: 'USER_PASSWORD_AUTH', ClientId: clientId, AuthParameters: { USERNAME: username, PASSWORD: password } }));
}

describe.skipIf(isRemote)('ConfirmForgotPassword with the delivered code (' + NEEDS_INBOX + ')', () => {
  it('[API] sets the new password: the user is CONFIRMED and signs in with it', async () => {
    const user = await f.user(pool, 'confirm-ok', { email: true });
    await forgot(pub, user.username);
    await confirm(pub, user.username, newestCode(user.username), OTHER_GOOD_PASSWORD);
    const after = await f.client.send(new AdminGetUserCommand({ UserPoolId: pool, Username: user.username }));
    expect(after.UserStatus).toBe('CONFIRMED');
    expect((await signIn(pub, user.username, OTHER_GOOD_PASSWORD)).AuthenticationResult?.AccessToken).toBeTruthy();
    expect((await cognitoError(() => signIn(pub, user.username, GOOD_PASSWORD))).name).toBe('NotAuthorizedException');
  });

  it('[API] a code works once: using it again gives ExpiredCodeException', async () => {
    const user = await f.user(pool, 'single-use', { email: true });
    await forgot(pub, user.username);
    const code = newestCode(user.username);
    await confirm(pub, user.username, code, OTHER_GOOD_PASSWORD);
    expect((await cognitoError(() => confirm(pub, user.username, code, 'Third-Pass-44'))).name).toBe('ExpiredCodeException');
  });

  it('[API] a new request replaces the previous code', async () => {
    const user = await f.user(pool, 'replaced', { email: true });
    await forgot(pub, user.username);
    const first = newestCode(user.username);
    await forgot(pub, user.username);
    const second = newestCode(user.username);
    if (first !== second) {
      expect((await cognitoError(() => confirm(pub, user.username, first, OTHER_GOOD_PASSWORD))).name).toMatch(/^(CodeMismatch|ExpiredCode)Exception$/);
    }
    await confirm(pub, user.username, second, OTHER_GOOD_PASSWORD);
  });

  it('[API] a wrong code gives CodeMismatchException and the right one still works', async () => {
    const user = await f.user(pool, 'mismatch', { email: true });
    await forgot(pub, user.username);
    const code = newestCode(user.username);
    expect((await cognitoError(() => confirm(pub, user.username, wrong(code), OTHER_GOOD_PASSWORD))).name).toBe('CodeMismatchException');
    await confirm(pub, user.username, code, OTHER_GOOD_PASSWORD);
  });

  it('[POLICY] a password below the policy gives InvalidPasswordException in Cognito\'s words, and the code stays usable', async () => {
    const user = await f.user(pool, 'weak', { email: true });
    await forgot(pub, user.username);
    const code = newestCode(user.username);
    const cases: Array<[string, RegExp]> = [
      ['Sh0rt-x', /Password not long enough/],
      ['no-upper-case-42', /uppercase characters/],
      ['NO-LOWER-CASE-42', /lowercase characters/],
      ['No-Numbers-Here', /numeric characters/],
      ['NoSymbols42abc', /symbol characters/],
    ];
    for (const [password, wording] of cases) {
      const error = await cognitoError(() => confirm(pub, user.username, code, password));
      expect(error.name, password).toBe('InvalidPasswordException');
      expect(error.message, password).toMatch(/^Password does not conform to policy: /);
      expect(error.message, password).toMatch(wording);
    }
    await confirm(pub, user.username, code, OTHER_GOOD_PASSWORD);
  });

  it('[POLICY] with PasswordHistorySize > 0, the current password cannot be set again', async () => {
    const user = await f.user(historyPool, 'history', { email: true });
    await forgot(historyClient, user.username);
    const code = newestCode(user.username);
    expect((await cognitoError(() => confirm(historyClient, user.username, code, GOOD_PASSWORD))).name).toBe('PasswordHistoryPolicyViolationException');
    await confirm(historyClient, user.username, code, OTHER_GOOD_PASSWORD);
  });

  it('[POLICY] without password history, the current password may be set again', async () => {
    const user = await f.user(pool, 'no-history', { email: true });
    await forgot(pub, user.username);
    await confirm(pub, user.username, newestCode(user.username), GOOD_PASSWORD);
  });

  it('[SECRET] an app client with a secret needs SECRET_HASH on confirm too', async () => {
    const user = await f.user(pool, 'confirm-secret', { email: true });
    const hash = computeSecretHash(user.username, secret.clientId, secret.secret ?? '');
    await f.client.send(new ForgotPasswordCommand({ ClientId: secret.clientId, Username: user.username, SecretHash: hash }));
    const code = newestCode(user.username);
    expect((await cognitoError(() => confirm(secret.clientId, user.username, code, OTHER_GOOD_PASSWORD))).name).toBe('NotAuthorizedException');
    await confirm(secret.clientId, user.username, code, OTHER_GOOD_PASSWORD, hash);
  });

  it('[API] too many wrong codes are refused with TooManyFailedAttempts or LimitExceeded', async () => {
    const user = await f.user(pool, 'brute-force', { email: true });
    await forgot(pub, user.username);
    const code = newestCode(user.username);
    let refused: string | undefined;
    for (let i = 0; i < 25 && !refused; i++) {
      const { name } = await cognitoError(() => confirm(pub, user.username, wrong(code), OTHER_GOOD_PASSWORD));
      if (name !== 'CodeMismatchException') refused = name;
    }
    expect(refused).toMatch(/^(TooManyFailedAttempts|LimitExceeded)Exception$/);
  });
});

describe.skipIf(isRemote)('ConfirmForgotPassword and time (' + NEEDS_CLOCK + ')', () => {
  it('[RECOVERY] a code expires after one hour: ExpiredCodeException', async () => {
    const user = await f.user(pool, 'expired', { email: true });
    await forgot(pub, user.username);
    const code = newestCode(user.username);
    f.target.advanceClock?.(60 * 60 * 1000 + 1000);
    expect((await cognitoError(() => confirm(pub, user.username, code, OTHER_GOOD_PASSWORD))).name).toBe('ExpiredCodeException');
  });
});

describe('ConfirmForgotPassword without a valid code', () => {
  it('[API] a code that was never requested gives ExpiredCodeException', async () => {
    const user = await f.user(pool, 'never-requested', { email: true });
    expect((await cognitoError(() => confirm(pub, user.username, '123456', OTHER_GOOD_PASSWORD))).name).toBe('ExpiredCodeException');
  });

  it('[EXISTENCE] LEGACY: an unknown user gets UserNotFoundException', async () => {
    expect((await cognitoError(() => confirm(pub, `nobody-${Date.now()}`, '123456', OTHER_GOOD_PASSWORD))).name).toBe('UserNotFoundException');
  });

  it('[EXISTENCE] ENABLED: an unknown or disabled user gets CodeMismatchException', async () => {
    const disabled = await f.user(pool, 'confirm-disabled', { email: true, disabled: true });
    for (const username of [`nobody-${Date.now()}`, disabled.username]) {
      expect((await cognitoError(() => confirm(hidden, username, '123456', OTHER_GOOD_PASSWORD))).name, username).toBe('CodeMismatchException');
    }
  });

  it('[EXISTENCE] LEGACY: a disabled user gets NotAuthorizedException', async () => {
    const user = await f.user(pool, 'confirm-disabled-legacy', { email: true, disabled: true });
    expect((await cognitoError(() => confirm(pub, user.username, '123456', OTHER_GOOD_PASSWORD))).name).toBe('NotAuthorizedException');
  });

  it('[SECRET] without SECRET_HASH a secret client refuses before looking at the code', async () => {
    const user = await f.user(pool, 'confirm-no-hash', { email: true });
    const error = await cognitoError(() => confirm(secret.clientId, user.username, '123456', OTHER_GOOD_PASSWORD));
    expect(error.name).toBe('NotAuthorizedException');
    expect(error.message).toMatch(/SECRET_HASH/);
  });
});
