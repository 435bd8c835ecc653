import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  AdminCreateUserCommand,
  AdminGetUserCommand,
  AdminInitiateAuthCommand,
  AdminResetUserPasswordCommand,
  AdminSetUserPasswordCommand,
  CognitoIdentityProviderClient,
  ConfirmForgotPasswordCommand,
  ForgotPasswordCommand,
  InitiateAuthCommand,
  RespondToAuthChallengeCommand,
  type AdminCreateUserCommandInput,
  type DeliveryMediumType,
} from '@aws-sdk/client-cognito-identity-provider';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DemoMessage } from '../../shared/contract';
import {
  ATTEMPT_WINDOW_MS,
  CODE_VALIDITY_MS,
  DEFAULT_TEMPORARY_PASSWORD_VALIDITY_DAYS,
  DEMO_ADMIN_ONLY_CLIENT_ID,
  DEMO_ADMIN_ONLY_POOL_ID,
  DEMO_ADMIN_ONLY_USERS,
  DEMO_CUSTOMER_CLIENT_ID,
  DEMO_CUSTOMER_POOL_ID,
  DEMO_CUSTOMER_USERS,
  DEMO_INITIAL_PASSWORD,
  DEMO_LEGACY_POOL_ID,
  DEMO_LEGACY_USERS,
  DEMO_STAFF_POOL_ID,
  DEMO_STAFF_PUBLIC_CLIENT_ID,
  DEMO_STAFF_USERS,
  MAX_CODE_REQUESTS_PER_WINDOW,
  startDemoEmulator,
  type DemoEmulator,
} from '../../electron/emulator';
import { cognitoFailure } from './helpers/cognito-failure';

// The admin alternatives the console offers when ForgotPassword cannot work (a re-sent invitation,
// AdminResetUserPassword, a temporary password from AdminSetUserPassword), through a real SDK v3
// client against the embedded emulator, and the sign-in answers each one leads to.

const STAFF = DEMO_STAFF_USERS;
const PUBLIC = DEMO_STAFF_PUBLIC_CLIENT_ID;
const NINA = DEMO_ADMIN_ONLY_USERS.adminOnly;
const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;
/** Meets the Staff policy (12+, upper, lower, number, symbol). */
const STAFF_PASSWORD = 'Helpdesk-Reset-42';

let dataDir: string;
let emulator: DemoEmulator;
let cognito: CognitoIdentityProviderClient;

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'recovery-desk-alternatives-'));
  // Throttling off: these tests check rules, not request rates.
  emulator = await startDemoEmulator({ dataDir, throttling: false });
  cognito = new CognitoIdentityProviderClient({
    region: emulator.region,
    endpoint: emulator.endpoint,
    credentials: { accessKeyId: 'demo', secretAccessKey: 'demo' },
    maxAttempts: 1,
  });
});

afterAll(async () => {
  cognito?.destroy();
  await emulator?.close();
  await rm(dataDir, { recursive: true, force: true });
});

function resend(poolId: string, username: string, extra: Partial<AdminCreateUserCommandInput> = {}) {
  return cognito.send(new AdminCreateUserCommand({ UserPoolId: poolId, Username: username, MessageAction: 'RESEND', ...extra }));
}

function adminReset(poolId: string, username: string) {
  return cognito.send(new AdminResetUserPasswordCommand({ UserPoolId: poolId, Username: username }));
}

function setPassword(poolId: string, username: string, password: string, permanent: boolean) {
  return cognito.send(new AdminSetUserPasswordCommand({ UserPoolId: poolId, Username: username, Password: password, Permanent: permanent }));
}

function signIn(clientId: string, username: string, password: string) {
  return cognito.send(new InitiateAuthCommand({ AuthFlow: 'USER_PASSWORD_AUTH', ClientId: clientId, AuthParameters: { USERNAME: username, PASSWORD: password } }));
}

function adminSignIn(poolId: string, clientId: string, username: string, password: string) {
  return cognito.send(
    new AdminInitiateAuthCommand({ AuthFlow: 'ADMIN_USER_PASSWORD_AUTH', UserPoolId: poolId, ClientId: clientId, AuthParameters: { USERNAME: username, PASSWORD: password } }),
  );
}

function confirm(clientId: string, username: string, code: string, password: string) {
  return cognito.send(new ConfirmForgotPasswordCommand({ ClientId: clientId, Username: username, ConfirmationCode: code, Password: password }));
}

async function status(poolId: string, username: string) {
  return (await cognito.send(new AdminGetUserCommand({ UserPoolId: poolId, Username: username }))).UserStatus;
}

const fault = cognitoFailure;

function newestMessageFor(username: string): DemoMessage {
  const message = emulator.inbox().find((m) => m.username === username);
  if (!message) throw new Error(`no demo message for ${username}`);
  return DemoMessage.parse(message);
}

/** Moves the emulator past every attempt window and code validity. */
function nextHour() {
  emulator.clock.advance(Math.max(ATTEMPT_WINDOW_MS, CODE_VALIDITY_MS) + 1);
}

/** A Staff user created by an administrator, invitation suppressed: FORCE_CHANGE_PASSWORD. */
async function invitedStaffUser(username: string, contact: { email?: boolean; phone?: boolean } = { email: true }) {
  await cognito.send(
    new AdminCreateUserCommand({
      UserPoolId: DEMO_STAFF_POOL_ID,
      Username: username,
      TemporaryPassword: 'Invited-Pass-42!',
      MessageAction: 'SUPPRESS',
      UserAttributes: [
        ...(contact.email ? [{ Name: 'email', Value: `${username}@acme.example` }] : []),
        ...(contact.phone ? [{ Name: 'phone_number', Value: '+15555550199' }] : []),
      ],
    }),
  );
}

const incorrect = { name: 'NotAuthorizedException', message: 'Incorrect username or password.' };
const resetRequired = { name: 'PasswordResetRequiredException', message: 'Password reset required for the user' };
const expiredTemporary = { name: 'NotAuthorizedException', message: 'Temporary password has expired and must be reset by an administrator.' };

describe('AdminCreateUser with MessageAction RESEND', () => {
  it("gives erin a new random temporary password that meets the policy, keeps her FORCE_CHANGE_PASSWORD, and delivers the invitation", async () => {
    const sentAt = emulator.clock.now();
    const { User } = await resend(DEMO_STAFF_POOL_ID, STAFF.newHire);
    expect(User).toMatchObject({ Username: STAFF.newHire, UserStatus: 'FORCE_CHANGE_PASSWORD', Enabled: true });
    expect(User?.Attributes).toContainEqual({ Name: 'email', Value: 'erin@acme.example' });
    expect(await status(DEMO_STAFF_POOL_ID, STAFF.newHire)).toBe('FORCE_CHANGE_PASSWORD');

    const message = newestMessageFor(STAFF.newHire);
    // erin has only an email: without DesiredDeliveryMediums (AWS default SMS) it goes by email.
    expect(message).toMatchObject({
      purpose: 'Invitation',
      userPoolId: DEMO_STAFF_POOL_ID,
      deliveryMedium: 'EMAIL',
      destination: 'erin@acme.example',
      maskedDestination: 'e***@a***',
    });
    expect(message.clientId).toBeUndefined();
    expect(Date.parse(message.expiresAt ?? '')).toBe(Date.parse(message.sentAt) + DEFAULT_TEMPORARY_PASSWORD_VALIDITY_DAYS * DAY);
    expect(Date.parse(message.sentAt)).toBeGreaterThanOrEqual(sentAt);

    // The temporary password is the invitation's "code": it meets the Staff policy and is never echoed.
    const temporary = message.code;
    expect(temporary.length).toBeGreaterThanOrEqual(12);
    for (const pattern of [/[A-Z]/, /[a-z]/, /\d/, /[^A-Za-z0-9]/]) expect(temporary).toMatch(pattern);
    expect(temporary).not.toMatch(/\s/);
    expect(temporary).not.toBe(DEMO_INITIAL_PASSWORD);
    expect(JSON.stringify(User)).not.toContain(temporary);

    // The old temporary password no longer works; the new one leads to the new-password challenge.
    expect(await fault(signIn(PUBLIC, STAFF.newHire, DEMO_INITIAL_PASSWORD))).toEqual(incorrect);
    expect((await signIn(PUBLIC, STAFF.newHire, temporary)).ChallengeName).toBe('NEW_PASSWORD_REQUIRED');
    expect((await adminSignIn(DEMO_STAFF_POOL_ID, PUBLIC, STAFF.newHire, temporary)).ChallengeName).toBe('NEW_PASSWORD_REQUIRED');

    // Another RESEND replaces it.
    await resend(DEMO_STAFF_POOL_ID, STAFF.newHire);
    const second = newestMessageFor(STAFF.newHire).code;
    expect(second).not.toBe(temporary);
    expect(await fault(signIn(PUBLIC, STAFF.newHire, temporary))).toEqual(incorrect);
    expect((await signIn(PUBLIC, STAFF.newHire, second)).ChallengeName).toBe('NEW_PASSWORD_REQUIRED');
  });

  it('delivers by the requested media, and refuses when the user has none of them', async () => {
    await invitedStaffUser('rita.invited', { email: true, phone: true });
    const before = emulator.inbox().length;
    // SUPPRESS sent nothing.
    expect(emulator.inbox().some((m) => m.username === 'rita.invited')).toBe(false);

    const cases: [DeliveryMediumType[] | undefined, string[]][] = [
      [undefined, ['SMS']], // the API's default
      [['EMAIL'], ['EMAIL']],
      [['SMS', 'EMAIL'], ['SMS', 'EMAIL']],
    ];
    for (const [mediums, expected] of cases) {
      const count = emulator.inbox().length;
      await resend(DEMO_STAFF_POOL_ID, 'rita.invited', mediums ? { DesiredDeliveryMediums: mediums } : {});
      const sent = emulator.inbox().slice(0, emulator.inbox().length - count);
      expect(sent.map((m) => m.deliveryMedium).sort(), String(mediums)).toEqual([...expected].sort());
      // One temporary password per RESEND, whatever the number of messages.
      expect(new Set(sent.map((m) => m.code)).size).toBe(1);
    }
    expect(newestMessageFor('rita.invited')).toMatchObject({ purpose: 'Invitation' });
    expect(emulator.inbox().length).toBe(before + 4);

    await invitedStaffUser('sam.email-only');
    expect(await fault(resend(DEMO_STAFF_POOL_ID, 'sam.email-only', { DesiredDeliveryMediums: ['SMS'] }))).toEqual({
      name: 'InvalidParameterException',
      message: 'User has no attribute matching desired delivery mediums',
    });
    // Nothing changed: the first temporary password still works.
    expect((await signIn(PUBLIC, 'sam.email-only', 'Invited-Pass-42!')).ChallengeName).toBe('NEW_PASSWORD_REQUIRED');
  });

  it('uses a TemporaryPassword when one is given, checked against the policy', async () => {
    await invitedStaffUser('tom.invited');
    expect(await fault(resend(DEMO_STAFF_POOL_ID, 'tom.invited', { TemporaryPassword: 'Short-1a' }))).toEqual({
      name: 'InvalidPasswordException',
      message: 'Password does not conform to policy: Password not long enough',
    });
    await resend(DEMO_STAFF_POOL_ID, 'tom.invited', { TemporaryPassword: 'Chosen-Temp-Pass-7' });
    expect(newestMessageFor('tom.invited').code).toBe('Chosen-Temp-Pass-7');
    expect((await signIn(PUBLIC, 'tom.invited', 'Chosen-Temp-Pass-7')).ChallengeName).toBe('NEW_PASSWORD_REQUIRED');
  });

  it('refuses a user who is not FORCE_CHANGE_PASSWORD with UnsupportedUserStateException, and an unknown one with UserNotFound', async () => {
    const before = emulator.inbox().length;
    for (const name of [STAFF.verified, STAFF.external, STAFF.resetRequired]) {
      expect(await fault(resend(DEMO_STAFF_POOL_ID, name)), name).toEqual({
        name: 'UnsupportedUserStateException',
        message: `Resend not possible. ${name} status is not FORCE_CHANGE_PASSWORD.`,
      });
    }
    expect(await fault(resend(DEMO_STAFF_POOL_ID, 'nobody.here'))).toEqual({ name: 'UserNotFoundException', message: 'User does not exist.' });
    expect(await fault(resend('us-east-1_NoSuchPool', STAFF.newHire))).toEqual({ name: 'ResourceNotFoundException', message: 'User pool us-east-1_NoSuchPool does not exist.' });
    expect(emulator.inbox()).toHaveLength(before);
    // alice's own password is untouched.
    expect((await signIn(PUBLIC, STAFF.verified, DEMO_INITIAL_PASSWORD)).AuthenticationResult?.AccessToken).toEqual(expect.any(String));
  });

  it('leaves every other AdminCreateUser to cognito-local', async () => {
    expect((await fault(cognito.send(new AdminCreateUserCommand({ UserPoolId: DEMO_STAFF_POOL_ID, Username: STAFF.verified })))).name).toBe('UsernameExistsException');
  });

  it('lets a temporary password expire after TemporaryPasswordValidityDays; RESEND starts a new one', async () => {
    await invitedStaffUser('uma.late');
    emulator.clock.advance(DEFAULT_TEMPORARY_PASSWORD_VALIDITY_DAYS * DAY - HOUR);
    expect((await signIn(PUBLIC, 'uma.late', 'Invited-Pass-42!')).ChallengeName).toBe('NEW_PASSWORD_REQUIRED');
    emulator.clock.advance(HOUR);
    expect(await fault(signIn(PUBLIC, 'uma.late', 'Invited-Pass-42!'))).toEqual(expiredTemporary);
    // A wrong password is still just wrong.
    expect(await fault(signIn(PUBLIC, 'uma.late', 'Not-Her-Pass-42!'))).toEqual(incorrect);

    await resend(DEMO_STAFF_POOL_ID, 'uma.late');
    const temporary = newestMessageFor('uma.late').code;
    const challenge = await signIn(PUBLIC, 'uma.late', temporary);
    expect(challenge.ChallengeName).toBe('NEW_PASSWORD_REQUIRED');

    // Answering the challenge confirms her.
    await cognito.send(
      new RespondToAuthChallengeCommand({
        ClientId: PUBLIC,
        ChallengeName: 'NEW_PASSWORD_REQUIRED',
        Session: challenge.Session,
        ChallengeResponses: { USERNAME: 'uma.late', NEW_PASSWORD: STAFF_PASSWORD },
      }),
    );
    expect(await status(DEMO_STAFF_POOL_ID, 'uma.late')).toBe('CONFIRMED');
    expect((await signIn(PUBLIC, 'uma.late', STAFF_PASSWORD)).AuthenticationResult?.AccessToken).toEqual(expect.any(String));
  });
});

describe('AdminResetUserPassword', () => {
  it('makes the user RESET_REQUIRED and sends a recovery code that ConfirmForgotPassword takes', async () => {
    nextHour();
    const sentAt = emulator.clock.now();
    expect(await adminReset(DEMO_STAFF_POOL_ID, STAFF.both)).toBeDefined();
    expect(await status(DEMO_STAFF_POOL_ID, STAFF.both)).toBe('RESET_REQUIRED');

    const message = newestMessageFor(STAFF.both);
    // The Staff pool's first choice, as ForgotPassword would.
    expect(message).toMatchObject({
      purpose: 'AdminResetUserPassword',
      userPoolId: DEMO_STAFF_POOL_ID,
      deliveryMedium: 'EMAIL',
      destination: 'frank@acme.example',
      maskedDestination: 'f***@a***',
    });
    expect(message.clientId).toBeUndefined();
    expect(message.code).toMatch(/^\d{6}$/);
    expect(Date.parse(message.sentAt)).toBeGreaterThanOrEqual(sentAt);
    expect(Date.parse(message.expiresAt ?? '')).toBe(Date.parse(message.sentAt) + HOUR);

    // The password is deactivated: whatever is typed, both sign-ins say a reset is required.
    for (const password of [DEMO_INITIAL_PASSWORD, 'Not-His-Pass-42!']) {
      expect(await fault(signIn(PUBLIC, STAFF.both, password)), password).toEqual(resetRequired);
      expect(await fault(adminSignIn(DEMO_STAFF_POOL_ID, PUBLIC, STAFF.both, password)), password).toEqual(resetRequired);
    }

    await confirm(PUBLIC, STAFF.both, message.code, STAFF_PASSWORD);
    expect(await status(DEMO_STAFF_POOL_ID, STAFF.both)).toBe('CONFIRMED');
    expect((await signIn(PUBLIC, STAFF.both, STAFF_PASSWORD)).AuthenticationResult?.AccessToken).toEqual(expect.any(String));
    expect((await adminSignIn(DEMO_STAFF_POOL_ID, PUBLIC, STAFF.both, STAFF_PASSWORD)).AuthenticationResult?.AccessToken).toEqual(expect.any(String));
  });

  it("picks the channel by ForgotPassword's rules: pool priority, then the MFA exclusion", async () => {
    nextHour();
    const cases: [poolId: string, username: string, medium: 'EMAIL' | 'SMS', masked: string][] = [
      [DEMO_STAFF_POOL_ID, STAFF.phoneOnly, 'SMS', '+*******0142'],
      [DEMO_STAFF_POOL_ID, STAFF.emailMfa, 'SMS', '+*******0144'],
      [DEMO_CUSTOMER_POOL_ID, 'customer010', 'SMS', '+*******0010'],
      [DEMO_CUSTOMER_POOL_ID, 'customer011', 'EMAIL', 'c***@e***'],
      [DEMO_CUSTOMER_POOL_ID, DEMO_CUSTOMER_USERS.smsMfa, 'EMAIL', 'b***@e***'],
      [DEMO_LEGACY_POOL_ID, DEMO_LEGACY_USERS.legacy, 'SMS', '+*******0147'],
    ];
    for (const [poolId, username, medium, masked] of cases) {
      await adminReset(poolId, username);
      expect(newestMessageFor(username), username).toMatchObject({ purpose: 'AdminResetUserPassword', deliveryMedium: medium, maskedDestination: masked });
      expect(await status(poolId, username), username).toBe('RESET_REQUIRED');
    }
  });

  it('is refused in an admin_only pool (AWS: it needs self-service account recovery); a temporary password is the way there', async () => {
    const before = emulator.inbox().length;
    expect(await fault(adminReset(DEMO_ADMIN_ONLY_POOL_ID, NINA))).toEqual({
      name: 'NotAuthorizedException',
      message: 'Cannot reset password for the user as admin only recovery is enabled.',
    });
    expect(emulator.inbox()).toHaveLength(before);
    expect(await status(DEMO_ADMIN_ONLY_POOL_ID, NINA)).toBe('CONFIRMED');
    expect((await signIn(DEMO_ADMIN_ONLY_CLIENT_ID, NINA, DEMO_INITIAL_PASSWORD)).AuthenticationResult?.AccessToken).toEqual(expect.any(String));
    // No code was issued, so ConfirmForgotPassword has nothing to take.
    expect((await fault(confirm(DEMO_ADMIN_ONLY_CLIENT_ID, NINA, '123456', 'Nina-Reset-2024'))).name).toBe('ExpiredCodeException');
  });

  it('still makes a user without a verified email or phone RESET_REQUIRED, without a code', async () => {
    const before = emulator.inbox().length;
    await adminReset(DEMO_STAFF_POOL_ID, STAFF.unverified);
    expect(await status(DEMO_STAFF_POOL_ID, STAFF.unverified)).toBe('RESET_REQUIRED');
    expect(emulator.inbox()).toHaveLength(before);
    expect(await fault(signIn(PUBLIC, STAFF.unverified, DEMO_INITIAL_PASSWORD))).toEqual(resetRequired);
    // Self-service cannot help her either; an administrator's password can.
    expect((await fault(cognito.send(new ForgotPasswordCommand({ ClientId: PUBLIC, Username: STAFF.unverified })))).name).toBe('InvalidParameterException');
    await setPassword(DEMO_STAFF_POOL_ID, STAFF.unverified, STAFF_PASSWORD, true);
    expect(await status(DEMO_STAFF_POOL_ID, STAFF.unverified)).toBe('CONFIRMED');
    expect((await signIn(PUBLIC, STAFF.unverified, STAFF_PASSWORD)).AuthenticationResult?.AccessToken).toEqual(expect.any(String));
  });

  it('refuses disabled, unknown, FORCE_CHANGE_PASSWORD and federated users, and changes nothing', async () => {
    const before = emulator.inbox().length;
    expect(await fault(adminReset(DEMO_STAFF_POOL_ID, STAFF.disabled))).toEqual({ name: 'NotAuthorizedException', message: 'User is disabled.' });
    expect(await fault(adminReset(DEMO_STAFF_POOL_ID, 'nobody.here'))).toEqual({ name: 'UserNotFoundException', message: 'User does not exist.' });
    for (const name of [STAFF.newHire, STAFF.external]) {
      expect(await fault(adminReset(DEMO_STAFF_POOL_ID, name)), name).toEqual({
        name: 'NotAuthorizedException',
        message: 'User password cannot be reset in the current state.',
      });
    }
    expect(await fault(adminReset('us-east-1_NoSuchPool', STAFF.verified))).toEqual({ name: 'ResourceNotFoundException', message: 'User pool us-east-1_NoSuchPool does not exist.' });
    expect(await fault(cognito.send(new AdminResetUserPasswordCommand({ UserPoolId: undefined as unknown as string, Username: STAFF.verified })))).toEqual({
      name: 'InvalidParameterException',
      message: "1 validation error detected: Value null at 'userPoolId' failed to satisfy constraint: Member must not be null",
    });
    expect(emulator.inbox()).toHaveLength(before);
    expect(await status(DEMO_STAFF_POOL_ID, STAFF.disabled)).toBe('CONFIRMED');
    expect(await status(DEMO_STAFF_POOL_ID, STAFF.newHire)).toBe('FORCE_CHANGE_PASSWORD');
  });

  it('finds the user by an alias, and a new reset replaces the previous code', async () => {
    nextHour();
    await adminReset(DEMO_STAFF_POOL_ID, 'mia@acme.example');
    const first = newestMessageFor(STAFF.alias).code;
    await adminReset(DEMO_STAFF_POOL_ID, STAFF.alias);
    const second = newestMessageFor(STAFF.alias).code;
    if (first !== second) expect((await fault(confirm(PUBLIC, STAFF.alias, first, STAFF_PASSWORD))).name).toBe('CodeMismatchException');
    await confirm(PUBLIC, STAFF.alias, second, STAFF_PASSWORD);
    expect(await status(DEMO_STAFF_POOL_ID, STAFF.alias)).toBe('CONFIRMED');
  });

  it(`counts towards the same hourly limit as ForgotPassword (${MAX_CODE_REQUESTS_PER_WINDOW} requests)`, async () => {
    nextHour();
    const forgot = () => cognito.send(new ForgotPasswordCommand({ ClientId: PUBLIC, Username: STAFF.unicode }));
    const limited = { name: 'LimitExceededException', message: 'Attempt limit exceeded, please try after some time.' };
    for (let i = 0; i < MAX_CODE_REQUESTS_PER_WINDOW - 2; i++) await forgot();
    await adminReset(DEMO_STAFF_POOL_ID, STAFF.unicode);
    await adminReset(DEMO_STAFF_POOL_ID, STAFF.unicode);
    const before = emulator.inbox().length;
    expect(await fault(adminReset(DEMO_STAFF_POOL_ID, STAFF.unicode))).toEqual(limited);
    expect(await fault(forgot())).toEqual(limited);
    expect(emulator.inbox()).toHaveLength(before);
    emulator.clock.advance(ATTEMPT_WINDOW_MS + 1);
    await adminReset(DEMO_STAFF_POOL_ID, STAFF.unicode);
    await confirm(PUBLIC, STAFF.unicode, newestMessageFor(STAFF.unicode).code, STAFF_PASSWORD);
  });
});

describe('AdminSetUserPassword', () => {
  it('with Permanent false checks the policy, makes the user FORCE_CHANGE_PASSWORD, and sign-in answers NEW_PASSWORD_REQUIRED', async () => {
    // The admin-only pool: 8+ characters, upper, lower, number.
    const refused: [password: string, reason: string][] = [
      ['Nina-1', 'Password not long enough'],
      ['nina-temp-2024', 'Password must have uppercase characters'],
      ['NINA-TEMP-2024', 'Password must have lowercase characters'],
      ['Nina-Temporary', 'Password must have numeric characters'],
    ];
    for (const [password, reason] of refused) {
      expect(await fault(setPassword(DEMO_ADMIN_ONLY_POOL_ID, NINA, password, false)), password).toEqual({
        name: 'InvalidPasswordException',
        message: `Password does not conform to policy: ${reason}`,
      });
    }
    expect(await status(DEMO_ADMIN_ONLY_POOL_ID, NINA)).toBe('CONFIRMED');

    await setPassword(DEMO_ADMIN_ONLY_POOL_ID, NINA, 'NinaTemp2024', false);
    expect(await status(DEMO_ADMIN_ONLY_POOL_ID, NINA)).toBe('FORCE_CHANGE_PASSWORD');
    expect(await fault(signIn(DEMO_ADMIN_ONLY_CLIENT_ID, NINA, DEMO_INITIAL_PASSWORD))).toEqual(incorrect);
    expect(await fault(adminSignIn(DEMO_ADMIN_ONLY_POOL_ID, DEMO_ADMIN_ONLY_CLIENT_ID, NINA, DEMO_INITIAL_PASSWORD))).toEqual(incorrect);
    const challenge = await signIn(DEMO_ADMIN_ONLY_CLIENT_ID, NINA, 'NinaTemp2024');
    expect(challenge).toMatchObject({ ChallengeName: 'NEW_PASSWORD_REQUIRED', Session: expect.any(String) });
    expect(challenge.AuthenticationResult).toBeUndefined();
    const adminChallenge = await adminSignIn(DEMO_ADMIN_ONLY_POOL_ID, DEMO_ADMIN_ONLY_CLIENT_ID, NINA, 'NinaTemp2024');
    expect(adminChallenge).toMatchObject({ ChallengeName: 'NEW_PASSWORD_REQUIRED', Session: expect.any(String), ChallengeParameters: { USER_ID_FOR_SRP: NINA } });
    expect(adminChallenge.AuthenticationResult).toBeUndefined();

    await cognito.send(
      new RespondToAuthChallengeCommand({
        ClientId: DEMO_ADMIN_ONLY_CLIENT_ID,
        ChallengeName: 'NEW_PASSWORD_REQUIRED',
        Session: challenge.Session,
        ChallengeResponses: { USERNAME: NINA, NEW_PASSWORD: 'NinaOwn2024' },
      }),
    );
    expect(await status(DEMO_ADMIN_ONLY_POOL_ID, NINA)).toBe('CONFIRMED');
  });

  it('with Permanent true checks the policy too and makes the user CONFIRMED', async () => {
    expect((await fault(setPassword(DEMO_STAFF_POOL_ID, STAFF.resetRequired, 'NoSymbolsHere42', true))).name).toBe('InvalidPasswordException');
    expect(await status(DEMO_STAFF_POOL_ID, STAFF.resetRequired)).toBe('RESET_REQUIRED');
    await setPassword(DEMO_STAFF_POOL_ID, STAFF.resetRequired, STAFF_PASSWORD, true);
    expect(await status(DEMO_STAFF_POOL_ID, STAFF.resetRequired)).toBe('CONFIRMED');
    expect((await adminSignIn(DEMO_STAFF_POOL_ID, PUBLIC, STAFF.resetRequired, STAFF_PASSWORD)).AuthenticationResult?.AccessToken).toEqual(expect.any(String));
  });

  it('applies the password history (PasswordHistorySize > 0) to temporary and permanent passwords alike', async () => {
    const reused = { name: 'PasswordHistoryPolicyViolationException', message: 'The password cannot be reused.' };
    // The current password.
    expect(await fault(setPassword(DEMO_STAFF_POOL_ID, STAFF.verified, DEMO_INITIAL_PASSWORD, false))).toEqual(reused);
    expect(await fault(setPassword(DEMO_STAFF_POOL_ID, STAFF.verified, DEMO_INITIAL_PASSWORD, true))).toEqual(reused);
    await setPassword(DEMO_STAFF_POOL_ID, STAFF.verified, 'Admin-Chosen-Pass-1', true);
    // The one it replaced is remembered, and the new one is now current.
    expect(await fault(setPassword(DEMO_STAFF_POOL_ID, STAFF.verified, DEMO_INITIAL_PASSWORD, false))).toEqual(reused);
    expect(await fault(setPassword(DEMO_STAFF_POOL_ID, STAFF.verified, 'Admin-Chosen-Pass-1', true))).toEqual(reused);
    // A pool without a history accepts even the current password.
    await setPassword(DEMO_CUSTOMER_POOL_ID, 'customer005', DEMO_INITIAL_PASSWORD, true);
  });

  it('lets the temporary password expire after the pool\'s TemporaryPasswordValidityDays; setting another starts again', async () => {
    await setPassword(DEMO_CUSTOMER_POOL_ID, 'customer007', 'temporary42', false);
    emulator.clock.advance(DEFAULT_TEMPORARY_PASSWORD_VALIDITY_DAYS * DAY + 1);
    expect(await fault(signIn(DEMO_CUSTOMER_CLIENT_ID, 'customer007', 'temporary42'))).toEqual(expiredTemporary);
    await setPassword(DEMO_CUSTOMER_POOL_ID, 'customer007', 'temporary43', false);
    expect((await signIn(DEMO_CUSTOMER_CLIENT_ID, 'customer007', 'temporary43')).ChallengeName).toBe('NEW_PASSWORD_REQUIRED');
  });

  it('answers an unknown user with UserNotFound and never echoes a password', async () => {
    expect(await fault(setPassword(DEMO_STAFF_POOL_ID, 'nobody.here', STAFF_PASSWORD, false))).toEqual({ name: 'UserNotFoundException', message: 'User does not exist.' });
    expect(await fault(setPassword(DEMO_STAFF_POOL_ID, STAFF.verified, 'has a space 1A!', false))).toEqual({
      name: 'InvalidParameterException',
      message: "1 validation error detected: Value at 'password' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\S]+",
    });
  });
});
