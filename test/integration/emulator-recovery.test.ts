import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  AdminGetUserCommand,
  AdminSetUserPasswordCommand,
  CognitoIdentityProviderClient,
  ConfirmForgotPasswordCommand,
  ForgotPasswordCommand,
  InitiateAuthCommand,
  ListUserPoolClientsCommand,
  ListUsersCommand,
  type CodeDeliveryDetailsType,
} from '@aws-sdk/client-cognito-identity-provider';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DemoMessage } from '../../shared/contract';
import { computeSecretHash } from '../../electron/core/secret-hash';
import {
  ATTEMPT_WINDOW_MS,
  CODE_VALIDITY_MS,
  DEMO_ADMIN_ONLY_CLIENT_ID,
  DEMO_ADMIN_ONLY_POOL_ID,
  DEMO_ADMIN_ONLY_USERS,
  DEMO_CUSTOMER_CLIENT_ID,
  DEMO_CUSTOMER_POOL_ID,
  DEMO_CUSTOMER_USERS,
  DEMO_INITIAL_PASSWORD,
  DEMO_LEGACY_CLIENT_ID,
  DEMO_LEGACY_POOL_ID,
  DEMO_LEGACY_USERS,
  DEMO_STAFF_ALIASES,
  DEMO_STAFF_CLIENT_SECRET,
  DEMO_STAFF_PASSWORD_HISTORY_SIZE,
  DEMO_STAFF_POOL_ID,
  DEMO_STAFF_PUBLIC_CLIENT_ID,
  DEMO_STAFF_SECRET_CLIENT_ID,
  DEMO_STAFF_USERS,
  MAX_CODE_REQUESTS_PER_WINDOW,
  MAX_WRONG_CODES_PER_WINDOW,
  startDemoEmulator,
  type DemoEmulator,
} from '../../electron/emulator';
import { cognitoFailure } from './helpers/cognito-failure';

// The fidelity layer: ForgotPassword and ConfirmForgotPassword answered as real Cognito documents
// them, through a real SDK v3 client against the embedded emulator. Each test uses its own users
// (codes and attempt limits are per user) or moves the clock past the hour it relies on.

const STAFF = DEMO_STAFF_USERS;
const PUBLIC = DEMO_STAFF_PUBLIC_CLIENT_ID;
const SECRET = DEMO_STAFF_SECRET_CLIENT_ID;
const HOUR = 60 * 60 * 1000;
/** Meets the Staff policy (12+, upper, lower, number, symbol). */
const STAFF_PASSWORD = 'Helpdesk-Reset-42';

let dataDir: string;
let emulator: DemoEmulator;
let cognito: CognitoIdentityProviderClient;

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'recovery-desk-fidelity-'));
  // Throttling off: these tests check rules, not request rates.
  emulator = await startDemoEmulator({ dataDir, throttling: false });
  cognito = sdkClient(emulator);
});

afterAll(async () => {
  cognito?.destroy();
  await emulator?.close();
  await rm(dataDir, { recursive: true, force: true });
});

function sdkClient(target: DemoEmulator): CognitoIdentityProviderClient {
  return new CognitoIdentityProviderClient({
    region: target.region,
    endpoint: target.endpoint,
    credentials: { accessKeyId: 'demo', secretAccessKey: 'demo' },
    maxAttempts: 1,
  });
}

function forgot(clientId: string, username: string, secretHash?: string) {
  return cognito.send(new ForgotPasswordCommand({ ClientId: clientId, Username: username, SecretHash: secretHash }));
}

function confirm(clientId: string, username: string, code: string, password: string, secretHash?: string) {
  return cognito.send(new ConfirmForgotPasswordCommand({ ClientId: clientId, Username: username, ConfirmationCode: code, Password: password, SecretHash: secretHash }));
}

const fault = cognitoFailure;

function newestMessageFor(username: string): DemoMessage {
  const message = emulator.inbox().find((m) => m.username === username);
  if (!message) throw new Error(`no demo message for ${username}`);
  return message;
}

function wrongCode(code: string): string {
  return code === '000000' ? '111111' : '000000';
}

async function userStatus(poolId: string, username: string) {
  return cognito.send(new AdminGetUserCommand({ UserPoolId: poolId, Username: username }));
}

/** Moves the emulator past every attempt window and code validity. */
function nextHour() {
  emulator.clock.advance(Math.max(ATTEMPT_WINDOW_MS, CODE_VALIDITY_MS) + 1);
}

describe('ForgotPassword', () => {
  it('answers an unknown app client with ResourceNotFoundException', async () => {
    expect(await fault(forgot('nosuchclient000000000001', STAFF.verified))).toEqual({
      name: 'ResourceNotFoundException',
      message: 'User pool client nosuchclient000000000001 does not exist.',
    });
  });

  it('requires a SECRET_HASH from a client with a secret and checks it over the username exactly as sent', async () => {
    expect(await fault(forgot(SECRET, STAFF.both))).toEqual({
      name: 'NotAuthorizedException',
      message: `Client ${SECRET} is configured with secret but SECRET_HASH was not received`,
    });
    const otherUsersHash = computeSecretHash(STAFF.verified, SECRET, DEMO_STAFF_CLIENT_SECRET);
    expect(await fault(forgot(SECRET, STAFF.both, otherUsersHash))).toEqual({
      name: 'NotAuthorizedException',
      message: `Unable to verify secret hash for client ${SECRET}`,
    });
    // Over an alias, the hash is of the alias, not of the username it stands for.
    const hashOfUsername = computeSecretHash(STAFF.alias, SECRET, DEMO_STAFF_CLIENT_SECRET);
    expect((await fault(forgot(SECRET, DEMO_STAFF_ALIASES.email, hashOfUsername))).name).toBe('NotAuthorizedException');
    const hashOfAlias = computeSecretHash(DEMO_STAFF_ALIASES.email, SECRET, DEMO_STAFF_CLIENT_SECRET);
    await forgot(SECRET, DEMO_STAFF_ALIASES.email, hashOfAlias);
    expect(emulator.inbox()[0]?.username).toBe(STAFF.alias);

    await forgot(SECRET, STAFF.both, computeSecretHash(STAFF.both, SECRET, DEMO_STAFF_CLIENT_SECRET));
    expect(emulator.inbox()[0]).toMatchObject({ username: STAFF.both, clientId: SECRET });
  });

  it('finds the user by username, sub, preferred_username alias or verified email alias; never by an unverified email', async () => {
    const mia = await userStatus(DEMO_STAFF_POOL_ID, STAFF.alias);
    const sub = mia.UserAttributes?.find((a) => a.Name === 'sub')?.Value ?? '';
    for (const name of [STAFF.alias, sub, DEMO_STAFF_ALIASES.preferredUsername, DEMO_STAFF_ALIASES.email]) {
      const before = emulator.inbox().length;
      await forgot(PUBLIC, name);
      expect(emulator.inbox(), name).toHaveLength(before + 1);
      expect(emulator.inbox()[0]?.username, name).toBe(STAFF.alias);
    }
    nextHour(); // four requests for mia; keep her under the hourly limit for later tests

    // carol's email is not verified, so it is no alias of hers.
    expect(await fault(forgot(PUBLIC, 'carol@acme.example'))).toEqual({ name: 'UserNotFoundException', message: 'Username/client id combination not found.' });
  });

  it('with PreventUserExistenceErrors LEGACY, says the user is unknown or disabled, and delivers nothing', async () => {
    const before = emulator.inbox().length;
    expect(await fault(forgot(PUBLIC, 'nobody.here'))).toEqual({ name: 'UserNotFoundException', message: 'Username/client id combination not found.' });
    expect(await fault(forgot(PUBLIC, STAFF.disabled))).toEqual({ name: 'NotAuthorizedException', message: 'User is disabled.' });
    expect(emulator.inbox()).toHaveLength(before);
  });

  it('with PreventUserExistenceErrors ENABLED, answers unknown, disabled and unverified users with a simulated delivery and stores no code', async () => {
    const before = emulator.inbox().length;
    const answers: CodeDeliveryDetailsType[] = [];
    for (const name of ['nobody.here', DEMO_CUSTOMER_USERS.disabled, DEMO_CUSTOMER_USERS.unverified]) {
      const { CodeDeliveryDetails } = await forgot(DEMO_CUSTOMER_CLIENT_ID, name);
      // The Customers pool tries the phone first, so the simulation is an SMS.
      expect(CodeDeliveryDetails, name).toEqual({ DeliveryMedium: 'SMS', AttributeName: 'phone_number', Destination: expect.stringMatching(/^\+\*{7}\d{4}$/) });
      answers.push(CodeDeliveryDetails ?? {});
    }
    // The same name gets the same simulated destination every time.
    expect((await forgot(DEMO_CUSTOMER_CLIENT_ID, 'nobody.here')).CodeDeliveryDetails).toEqual(answers[0]);
    expect(emulator.inbox()).toHaveLength(before);

    // Nothing was stored: an enabled user without a code is told the code expired, the others that it is wrong.
    expect(await fault(confirm(DEMO_CUSTOMER_CLIENT_ID, DEMO_CUSTOMER_USERS.unverified, '123456', 'newpass123'))).toEqual({
      name: 'ExpiredCodeException',
      message: 'Invalid code provided, please request a code again.',
    });
    for (const name of ['nobody.here', DEMO_CUSTOMER_USERS.disabled]) {
      expect(await fault(confirm(DEMO_CUSTOMER_CLIENT_ID, name, '123456', 'newpass123')), name).toEqual({
        name: 'CodeMismatchException',
        message: 'Invalid verification code provided, please try again.',
      });
    }
  });

  it('refuses users in FORCE_CHANGE_PASSWORD and EXTERNAL_PROVIDER', async () => {
    const before = emulator.inbox().length;
    for (const name of [STAFF.newHire, STAFF.external]) {
      expect(await fault(forgot(PUBLIC, name)), name).toEqual({ name: 'NotAuthorizedException', message: 'User password cannot be reset in the current state.' });
    }
    expect(emulator.inbox()).toHaveLength(before);
  });

  it('refuses self-service recovery in an admin_only pool, for known and unknown users alike', async () => {
    for (const name of [DEMO_ADMIN_ONLY_USERS.adminOnly, 'nobody.here']) {
      expect(await fault(forgot(DEMO_ADMIN_ONLY_CLIENT_ID, name)), name).toEqual({
        name: 'NotAuthorizedException',
        message: 'Cannot reset password for the user as admin only recovery is enabled.',
      });
    }
    expect(emulator.inbox().some((m) => m.userPoolId === DEMO_ADMIN_ONLY_POOL_ID)).toBe(false);
  });

  it('refuses a user with no verified email or phone number', async () => {
    for (const name of [STAFF.unverified, STAFF.unconfirmed]) {
      expect(await fault(forgot(PUBLIC, name)), name).toEqual({
        name: 'InvalidParameterException',
        message: 'Cannot reset password for the user as there is no registered/verified email or phone_number',
      });
    }
  });

  it('picks one channel by the pool priorities, skipping a channel that is also the MFA factor', async () => {
    const cases: [clientId: string, username: string, details: CodeDeliveryDetailsType][] = [
      // Staff: email first, then phone.
      [PUBLIC, STAFF.verified, { DeliveryMedium: 'EMAIL', AttributeName: 'email', Destination: 'a***@a***' }],
      [PUBLIC, STAFF.both, { DeliveryMedium: 'EMAIL', AttributeName: 'email', Destination: 'f***@a***' }],
      [PUBLIC, STAFF.phoneOnly, { DeliveryMedium: 'SMS', AttributeName: 'phone_number', Destination: '+*******0142' }],
      [PUBLIC, STAFF.emailMfa, { DeliveryMedium: 'SMS', AttributeName: 'phone_number', Destination: '+*******0144' }],
      // Customers: phone first, then email.
      [DEMO_CUSTOMER_CLIENT_ID, 'customer002', { DeliveryMedium: 'SMS', AttributeName: 'phone_number', Destination: '+*******0002' }],
      [DEMO_CUSTOMER_CLIENT_ID, 'customer001', { DeliveryMedium: 'EMAIL', AttributeName: 'email', Destination: 'c***@e***' }],
      [DEMO_CUSTOMER_CLIENT_ID, DEMO_CUSTOMER_USERS.smsMfa, { DeliveryMedium: 'EMAIL', AttributeName: 'email', Destination: 'b***@e***' }],
      // No recovery setting: a verified phone before a verified email.
      [DEMO_LEGACY_CLIENT_ID, DEMO_LEGACY_USERS.legacy, { DeliveryMedium: 'SMS', AttributeName: 'phone_number', Destination: '+*******0147' }],
    ];
    for (const [clientId, username, details] of cases) {
      const { CodeDeliveryDetails } = await forgot(clientId, username);
      expect(CodeDeliveryDetails, username).toEqual(details);
      const message = newestMessageFor(username);
      expect(message.deliveryMedium, username).toBe(details.DeliveryMedium);
      expect(message.maskedDestination, username).toBe(details.Destination);
    }
    expect(newestMessageFor(DEMO_LEGACY_USERS.legacy)).toMatchObject({ destination: '+15555550147', userPoolId: DEMO_LEGACY_POOL_ID });
    nextHour();
  });

  it('puts the code in the inbox with its masked destination, purpose and expiry, and leaves the status alone', async () => {
    const sentAt = emulator.clock.now();
    const { CodeDeliveryDetails } = await forgot(PUBLIC, STAFF.resetRequired);
    const message = DemoMessage.parse(emulator.inbox()[0]);
    expect(message).toMatchObject({
      username: STAFF.resetRequired,
      userPoolId: DEMO_STAFF_POOL_ID,
      clientId: PUBLIC,
      deliveryMedium: 'EMAIL',
      destination: 'jack@acme.example',
      maskedDestination: 'j***@a***',
      purpose: 'ForgotPassword',
    });
    expect(CodeDeliveryDetails?.Destination).toBe(message.maskedDestination);
    expect(message.code).toMatch(/^\d{6}$/);
    // By the emulator's clock, which tests have moved hours ahead of the wall clock.
    expect(Date.parse(message.sentAt)).toBeGreaterThanOrEqual(sentAt);
    expect(Date.parse(message.sentAt)).toBeLessThan(sentAt + 5_000);
    expect(Date.parse(message.expiresAt ?? '')).toBe(Date.parse(message.sentAt) + HOUR);
    // ForgotPassword never changes the user's status.
    expect((await userStatus(DEMO_STAFF_POOL_ID, STAFF.resetRequired)).UserStatus).toBe('RESET_REQUIRED');
  });
});

describe('ConfirmForgotPassword', () => {
  it('applies the same app-client and secret-hash checks', async () => {
    expect((await fault(confirm('nosuchclient000000000001', STAFF.verified, '123456', STAFF_PASSWORD))).name).toBe('ResourceNotFoundException');
    expect(await fault(confirm(SECRET, STAFF.verified, '123456', STAFF_PASSWORD))).toEqual({
      name: 'NotAuthorizedException',
      message: `Client ${SECRET} is configured with secret but SECRET_HASH was not received`,
    });
    expect(await fault(confirm(SECRET, STAFF.verified, '123456', STAFF_PASSWORD, 'bm90LXRoZS1oYXNo'))).toEqual({
      name: 'NotAuthorizedException',
      message: `Unable to verify secret hash for client ${SECRET}`,
    });
  });

  it('with PreventUserExistenceErrors LEGACY, says the user is unknown or disabled', async () => {
    expect(await fault(confirm(PUBLIC, 'nobody.here', '123456', STAFF_PASSWORD))).toEqual({ name: 'UserNotFoundException', message: 'Username/client id combination not found.' });
    expect(await fault(confirm(PUBLIC, STAFF.disabled, '123456', STAFF_PASSWORD))).toEqual({ name: 'NotAuthorizedException', message: 'User is disabled.' });
  });

  it('answers ExpiredCode when no code was ever requested', async () => {
    expect(await fault(confirm(PUBLIC, STAFF.unicode, '123456', STAFF_PASSWORD))).toEqual({
      name: 'ExpiredCodeException',
      message: 'Invalid code provided, please request a code again.',
    });
  });

  it('accepts a code for one hour by the emulator clock, then answers ExpiredCode', async () => {
    await forgot(PUBLIC, STAFF.verified);
    const { code } = newestMessageFor(STAFF.verified);
    emulator.clock.advance(CODE_VALIDITY_MS + 1);
    expect(await fault(confirm(PUBLIC, STAFF.verified, code, STAFF_PASSWORD))).toEqual({
      name: 'ExpiredCodeException',
      message: 'Invalid code provided, please request a code again.',
    });
  });

  it('uses a code once: the second confirm with it answers ExpiredCode', async () => {
    await forgot(PUBLIC, STAFF.both);
    const { code } = newestMessageFor(STAFF.both);
    await confirm(PUBLIC, STAFF.both, code, STAFF_PASSWORD);
    expect(await fault(confirm(PUBLIC, STAFF.both, code, 'Another-Reset-43'))).toEqual({
      name: 'ExpiredCodeException',
      message: 'Invalid code provided, please request a code again.',
    });
  });

  it('replaces the previous code when a new one is requested (the old one is a mismatch)', async () => {
    await forgot(PUBLIC, STAFF.phoneOnly);
    const first = newestMessageFor(STAFF.phoneOnly).code;
    await forgot(PUBLIC, STAFF.phoneOnly);
    const second = newestMessageFor(STAFF.phoneOnly).code;
    if (first !== second) {
      expect(await fault(confirm(PUBLIC, STAFF.phoneOnly, first, STAFF_PASSWORD))).toEqual({
        name: 'CodeMismatchException',
        message: 'Invalid verification code provided, please try again.',
      });
    }
    await confirm(PUBLIC, STAFF.phoneOnly, second, STAFF_PASSWORD);
  });

  it(`refuses the ${MAX_CODE_REQUESTS_PER_WINDOW + 1}th ForgotPassword within an hour with LimitExceeded, per user`, async () => {
    nextHour();
    for (let i = 0; i < MAX_CODE_REQUESTS_PER_WINDOW; i++) await forgot(PUBLIC, STAFF.unicode);
    const before = emulator.inbox().length;
    expect(await fault(forgot(PUBLIC, STAFF.unicode))).toEqual({ name: 'LimitExceededException', message: 'Attempt limit exceeded, please try after some time.' });
    expect(emulator.inbox()).toHaveLength(before);
    // Another user is not affected; the same user is again once the hour has passed.
    await forgot(PUBLIC, STAFF.verified);
    emulator.clock.advance(ATTEMPT_WINDOW_MS + 1);
    await forgot(PUBLIC, STAFF.unicode);
  });

  it(`after ${MAX_WRONG_CODES_PER_WINDOW} wrong codes, refuses every confirm for the hour, even with the right code`, async () => {
    nextHour();
    await forgot(PUBLIC, STAFF.emailMfa);
    const { code } = newestMessageFor(STAFF.emailMfa);
    for (let i = 0; i < MAX_WRONG_CODES_PER_WINDOW; i++) {
      expect((await fault(confirm(PUBLIC, STAFF.emailMfa, wrongCode(code), STAFF_PASSWORD))).name).toBe('CodeMismatchException');
    }
    expect(await fault(confirm(PUBLIC, STAFF.emailMfa, code, STAFF_PASSWORD))).toEqual({
      name: 'LimitExceededException',
      message: 'Attempt limit exceeded, please try after some time.',
    });
    nextHour();
    await forgot(PUBLIC, STAFF.emailMfa);
    await confirm(PUBLIC, STAFF.emailMfa, newestMessageFor(STAFF.emailMfa).code, STAFF_PASSWORD);
  });

  it("checks the pool's password policy in Cognito's words, and the code survives a refused password", async () => {
    nextHour();
    await forgot(PUBLIC, STAFF.verified);
    const { code } = newestMessageFor(STAFF.verified);
    const refused: [password: string, reason: string][] = [
      ['Short-1a', 'Password not long enough'],
      ['all-lower-case-42', 'Password must have uppercase characters'],
      ['ALL-UPPER-CASE-42', 'Password must have lowercase characters'],
      ['No-Numbers-Here!', 'Password must have numeric characters'],
      ['NoSymbolsHere42', 'Password must have symbol characters'],
    ];
    for (const [password, reason] of refused) {
      expect(await fault(confirm(PUBLIC, STAFF.verified, code, password)), password).toEqual({
        name: 'InvalidPasswordException',
        message: `Password does not conform to policy: ${reason}`,
      });
    }
    await confirm(PUBLIC, STAFF.verified, code, 'Finally-Good-Pass-7');
  });

  it(`refuses the current password and the last ${DEMO_STAFF_PASSWORD_HISTORY_SIZE} with PasswordHistoryPolicyViolation`, async () => {
    nextHour();
    const user = STAFF.resetRequired;
    const reset = async (password: string) => {
      await forgot(PUBLIC, user);
      await confirm(PUBLIC, user, newestMessageFor(user).code, password);
    };
    const reused = { name: 'PasswordHistoryPolicyViolationException', message: 'The password cannot be reused.' };

    await forgot(PUBLIC, user);
    expect(await fault(confirm(PUBLIC, user, newestMessageFor(user).code, DEMO_INITIAL_PASSWORD))).toEqual(reused);
    // The same code still works with another password.
    await confirm(PUBLIC, user, newestMessageFor(user).code, 'History-Pass-01');
    await reset('History-Pass-02');
    await reset('History-Pass-03');
    await forgot(PUBLIC, user);
    const code = newestMessageFor(user).code;
    for (const password of ['History-Pass-03', 'History-Pass-02', 'History-Pass-01', DEMO_INITIAL_PASSWORD]) {
      expect(await fault(confirm(PUBLIC, user, code, password)), password).toEqual(reused);
    }
    nextHour();
    // Three passwords later, the first one is old enough again.
    await reset('History-Pass-04');
    await forgot(PUBLIC, user);
    await confirm(PUBLIC, user, newestMessageFor(user).code, DEMO_INITIAL_PASSWORD);
    // A pool without a history accepts even the current password.
    await forgot(DEMO_CUSTOMER_CLIENT_ID, 'customer003');
    await confirm(DEMO_CUSTOMER_CLIENT_ID, 'customer003', newestMessageFor('customer003').code, DEMO_INITIAL_PASSWORD);
  });

  it('counts passwords an admin set towards the history', async () => {
    nextHour();
    await cognito.send(new AdminSetUserPasswordCommand({ UserPoolId: DEMO_STAFF_POOL_ID, Username: STAFF.alias, Password: 'Admin-Chosen-Pass-1', Permanent: true }));
    await forgot(PUBLIC, STAFF.alias);
    expect((await fault(confirm(PUBLIC, STAFF.alias, newestMessageFor(STAFF.alias).code, DEMO_INITIAL_PASSWORD))).name).toBe('PasswordHistoryPolicyViolationException');
  });

  it('sets the password, makes the user CONFIRMED and updates UserLastModifiedDate', async () => {
    nextHour();
    const user = DEMO_LEGACY_USERS.legacy;
    await forgot(DEMO_LEGACY_CLIENT_ID, user);
    const before = emulator.clock.now();
    await confirm(DEMO_LEGACY_CLIENT_ID, user, newestMessageFor(user).code, 'Legacy-Pass-42');
    const after = await userStatus(DEMO_LEGACY_POOL_ID, user);
    expect(after.UserStatus).toBe('CONFIRMED');
    expect(after.UserLastModifiedDate?.getTime()).toBeGreaterThanOrEqual(Math.floor(before / 1000) * 1000);
    const session = await cognito.send(
      new InitiateAuthCommand({ AuthFlow: 'USER_PASSWORD_AUTH', ClientId: DEMO_LEGACY_CLIENT_ID, AuthParameters: { USERNAME: user, PASSWORD: 'Legacy-Pass-42' } }),
    );
    expect(session.AuthenticationResult?.AccessToken).toEqual(expect.any(String));

    // RESET_REQUIRED → CONFIRMED too (jack was reset in the history test).
    expect((await userStatus(DEMO_STAFF_POOL_ID, STAFF.resetRequired)).UserStatus).toBe('CONFIRMED');
  });

  it('validates requests like the API model, and never echoes a password', async () => {
    const spaced = await fault(confirm(PUBLIC, STAFF.verified, '123456', 'has a space 1A!'));
    expect(spaced).toEqual({
      name: 'InvalidParameterException',
      message: "1 validation error detected: Value at 'password' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\S]+",
    });
    const missing = await fault(cognito.send(new ForgotPasswordCommand({ ClientId: PUBLIC, Username: undefined as unknown as string })));
    expect(missing).toEqual({
      name: 'InvalidParameterException',
      message: "1 validation error detected: Value null at 'username' failed to satisfy constraint: Member must not be null",
    });
    const two = await fault(confirm(PUBLIC, 'has space', '12 34', 'Good-Pass-123'));
    expect(two.message).toBe(
      "2 validation errors detected: Value at 'username' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\p{L}\\p{M}\\p{S}\\p{N}\\p{P}]+; " +
        "Value '12 34' at 'confirmationCode' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\S]+",
    );
  });

  it('invalidates outstanding codes when the emulator restarts, as if they had expired', async () => {
    nextHour();
    await forgot(PUBLIC, STAFF.unicode);
    const { code } = newestMessageFor(STAFF.unicode);
    cognito.destroy();
    await emulator.close();
    emulator = await startDemoEmulator({ dataDir, throttling: false });
    cognito = sdkClient(emulator);
    // The inbox keeps the message; the code no longer works.
    expect(newestMessageFor(STAFF.unicode).code).toBe(code);
    expect((await fault(confirm(PUBLIC, STAFF.unicode, code, STAFF_PASSWORD))).name).toBe('ExpiredCodeException');
  });
});

describe('listing', () => {
  it('ListUsers returns only the attributes in AttributesToGet, and refuses names that do not exist', async () => {
    const { Users } = await cognito.send(new ListUsersCommand({ UserPoolId: DEMO_STAFF_POOL_ID, Filter: 'email = "ALICE@acme.example"', AttributesToGet: ['email', 'email_verified'] }));
    expect(Users?.map((u) => [u.Username, u.Attributes])).toEqual([
      [
        STAFF.verified,
        [
          { Name: 'email', Value: 'alice@acme.example' },
          { Name: 'email_verified', Value: 'true' },
        ],
      ],
    ]);
    const none = await cognito.send(new ListUsersCommand({ UserPoolId: DEMO_STAFF_POOL_ID, Filter: `username = "${STAFF.verified}"`, AttributesToGet: [] }));
    expect(none.Users?.[0]?.Attributes).toEqual([]);

    const doNotExist = { name: 'InvalidParameterException', message: 'One or more requested attributes do not exist.' };
    expect(await fault(cognito.send(new ListUsersCommand({ UserPoolId: DEMO_STAFF_POOL_ID, AttributesToGet: ['favourite_colour'] })))).toEqual(doNotExist);
    // alice has no phone number: as in real Cognito, a listed user without a requested attribute fails the call.
    expect(await fault(cognito.send(new ListUsersCommand({ UserPoolId: DEMO_STAFF_POOL_ID, Filter: 'username ^= "alice"', AttributesToGet: ['phone_number'] })))).toEqual(doNotExist);
  });

  it('ListUsers filters by status Enabled/Disabled', async () => {
    const disabled = await cognito.send(new ListUsersCommand({ UserPoolId: DEMO_STAFF_POOL_ID, Filter: 'status = "Disabled"' }));
    expect(disabled.Users?.map((u) => u.Username)).toEqual([STAFF.disabled]);
    const enabled = await cognito.send(new ListUsersCommand({ UserPoolId: DEMO_STAFF_POOL_ID, Filter: 'status = "Enabled"' }));
    expect(enabled.Users?.map((u) => u.Username)).not.toContain(STAFF.disabled);
  });

  it('ListUserPoolClients never returns a client secret', async () => {
    for (const poolId of [DEMO_STAFF_POOL_ID, DEMO_CUSTOMER_POOL_ID, DEMO_ADMIN_ONLY_POOL_ID, DEMO_LEGACY_POOL_ID]) {
      const page = await cognito.send(new ListUserPoolClientsCommand({ UserPoolId: poolId, MaxResults: 60 }));
      for (const client of page.UserPoolClients ?? []) expect(Object.keys(client).sort()).toEqual(['ClientId', 'ClientName', 'UserPoolId']);
      expect(JSON.stringify(page)).not.toContain(DEMO_STAFF_CLIENT_SECRET);
    }
  });

  it('clearInbox resolves to the number of messages removed', async () => {
    const count = emulator.inbox().length;
    expect(count).toBeGreaterThan(0);
    expect(await emulator.clearInbox()).toBe(count);
    expect(emulator.inbox()).toEqual([]);
  });
});
