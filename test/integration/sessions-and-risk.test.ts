import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CognitoIdentityProviderClient, InitiateAuthCommand } from '@aws-sdk/client-cognito-identity-provider';
import { DEMO_CUSTOMER_POOL_ID, DEMO_INITIAL_PASSWORD, DEMO_STAFF_POOL_ID, DEMO_STAFF_PUBLIC_CLIENT_ID } from '../../electron/emulator';
import { DEMO_AUTH_EVENTS, DEMO_SESSIONS } from '../../electron/emulator/seed-activity';
import { cognitoFailure } from './helpers/cognito-failure';
import { startScriptedCognito, type StandIn } from './helpers/cognito-stand-ins';
import { startTestBackend, type TestBackend } from './helpers/test-backend';
import { wordsFor } from '../support/translate';

// The operator's side of sessions and risk, through the real dispatcher against the demo emulator:
// the user's sessions, signing out one or everywhere (audited, sent once), and threat protection's
// events, where a pool without it is a fact rather than an error.

const STAFF = DEMO_STAFF_POOL_ID;
let t: TestBackend;
const standIns: StandIn[] = [];

beforeAll(async () => {
  t = await startTestBackend('sessions-and-risk', { throttling: false }, { callPolicy: { writeDeadlineMs: 4_000, readDeadlineMs: 5_000, readAttemptTimeoutMs: 2_500 } });
  await t.call('pools:list', { connectionId: 'demo' });
});

afterAll(async () => {
  for (const standIn of standIns) await standIn.close();
  await t.close();
});

const onStaff = { connectionId: 'demo', userPoolId: STAFF };
const latestRecord = async (username: string) => (await t.call('audit:list', { username })).records[0];

/** A sign-in through the app client, as the user's own app would: its refresh token. */
async function appSignIn(username: string): Promise<{ refresh: () => Promise<unknown> }> {
  const client = new CognitoIdentityProviderClient({ region: 'us-east-1', endpoint: t.emulator()?.endpoint ?? '', credentials: { accessKeyId: 'app', secretAccessKey: 'app' }, maxAttempts: 1 });
  const { AuthenticationResult } = await client.send(
    new InitiateAuthCommand({ AuthFlow: 'USER_PASSWORD_AUTH', ClientId: DEMO_STAFF_PUBLIC_CLIENT_ID, AuthParameters: { USERNAME: username, PASSWORD: DEMO_INITIAL_PASSWORD } }),
  );
  const token = AuthenticationResult?.RefreshToken ?? '';
  return { refresh: () => client.send(new InitiateAuthCommand({ AuthFlow: 'REFRESH_TOKEN_AUTH', ClientId: DEMO_STAFF_PUBLIC_CLIENT_ID, AuthParameters: { REFRESH_TOKEN: token } })) };
}

describe('sessions', () => {
  it("lists the user's sessions with device, place and times, most recently active first", async () => {
    const { sessions } = await t.call('sessions:list', { ...onStaff, username: 'alice.verified' });
    expect(sessions.map((s) => s.sessionId)).toEqual([DEMO_SESSIONS.laptop, DEMO_SESSIONS.phone]);
    expect(sessions[1]).toMatchObject({ device: 'Safari 18 / iOS 18.1', city: 'Lagos', country: 'Nigeria', ipAddress: '198.51.100.7', sessionType: 'TOKEN' });
    expect(sessions[1]?.lastActiveAt).toBe('2026-11-25T03:30:00.000Z');
  });

  it('a sign-in in an app shows up as a new session', async () => {
    await appSignIn('zoë.ångström');
    const { sessions } = await t.call('sessions:list', { ...onStaff, username: 'zoë.ångström' });
    expect(sessions).toHaveLength(1);
    expect(sessions[0]?.clientId).toBe(DEMO_STAFF_PUBLIC_CLIENT_ID);
  });

  it('revokes one session: it is gone, the other stays, and the action is recorded with its ticket', async () => {
    const revoked = await t.call('sessions:revoke', { ...onStaff, username: 'alice.verified', sessionId: DEMO_SESSIONS.phone, ticket: 'HD-13' });
    expect(revoked.requestId).toBeTruthy();
    const { sessions } = await t.call('sessions:list', { ...onStaff, username: 'alice.verified' });
    expect(sessions.map((s) => s.sessionId)).toEqual([DEMO_SESSIONS.laptop]);
    expect(await latestRecord('alice.verified')).toMatchObject({ action: 'RevokeSession', outcome: 'success', ticket: 'HD-13' });
  });

  it("signs out everywhere: the app's refresh token stops working and no session is left", async () => {
    const app = await appSignIn('mia.alias');
    await app.refresh();
    await t.call('sessions:signOutEverywhere', { ...onStaff, username: 'mia.alias' });
    expect((await cognitoFailure(app.refresh())).name).toBe('NotAuthorizedException');
    expect((await t.call('sessions:list', { ...onStaff, username: 'mia.alias' })).sessions).toEqual([]);
    expect(await latestRecord('mia.alias')).toMatchObject({ action: 'GlobalSignOut', outcome: 'success' });
  });

  it('an unknown session is Cognito\'s answer, recorded as a failure', async () => {
    const error = await t.fail('sessions:revoke', { ...onStaff, username: 'frank.both', sessionId: 'tkn0000000000000000000000000' });
    expect(error.code).toBe('ResourceNotFound');
    expect(await latestRecord('frank.both')).toMatchObject({ action: 'RevokeSession', outcome: 'failure', outcomeCode: 'ResourceNotFound' });
  });

  it('a sign-out whose answer is lost is sent once and reported as an unknown outcome, in words that say repeating is harmless', async () => {
    const standIn = await startScriptedCognito(
      (call) => (call.operation === 'AdminUserGlobalSignOut' ? { status: 500, type: 'InternalErrorException', message: 'boom' } : { forward: true }),
      t.emulator()?.endpoint ?? '',
    );
    standIns.push(standIn);
    const saved = await t.call('connections:save', {
      name: 'Through stand-in',
      region: 'us-east-1',
      endpoint: standIn.endpoint,
      source: { kind: 'access-keys', accessKeyId: 'AKIASESSIONTESTKEY01', secretAccessKey: 'sessionTestSecretValue00000000000000001' },
    });
    const error = await t.fail('sessions:signOutEverywhere', { connectionId: saved.id, userPoolId: STAFF, username: 'frank.both' });
    expect(error).toMatchObject({ code: 'OutcomeUnknown', params: { action: 'GlobalSignOut' } });
    expect(wordsFor(error).guidance).toMatch(/does no harm/);
    expect(standIn.count('AdminUserGlobalSignOut')).toBe(1);
    expect(await latestRecord('frank.both')).toMatchObject({ action: 'GlobalSignOut', outcome: 'unknown' });
  });
});

describe('risk', () => {
  it("lists the user's auth events, newest first, with risk, challenges, device and IP", async () => {
    const view = await t.call('risk:events', { ...onStaff, username: 'alice.verified' });
    if (!view.threatProtection) throw new Error('the Staff pool has threat protection');
    const ids = view.events.map((event) => event.eventId);
    expect(ids.indexOf(DEMO_AUTH_EVENTS.risky)).toBeLessThan(ids.indexOf(DEMO_AUTH_EVENTS.signIn));
    expect(view.events.find((event) => event.eventId === DEMO_AUTH_EVENTS.risky)).toMatchObject({
      eventType: 'SignIn',
      response: 'Fail',
      riskLevel: 'High',
      riskDecision: 'Block',
      challenges: [{ name: 'Password', result: 'Failure' }],
      ipAddress: '198.51.100.7',
      device: 'Safari 18 / iOS 18.1',
    });
  });

  it('a ForgotPassword sent from the console is an event too', async () => {
    await t.call('recovery:forgotPassword', { ...onStaff, clientId: DEMO_STAFF_PUBLIC_CLIENT_ID, username: 'frank.both' });
    const view = await t.call('risk:events', { ...onStaff, username: 'frank.both' });
    expect(view.threatProtection && view.events[0]?.eventType).toBe('ForgotPassword');
  });

  it('marks an event invalid: the event shows it, and the action is recorded', async () => {
    await t.call('risk:feedback', { ...onStaff, username: 'alice.verified', eventId: DEMO_AUTH_EVENTS.risky, feedback: 'Invalid' });
    const view = await t.call('risk:events', { ...onStaff, username: 'alice.verified' });
    const event = view.threatProtection ? view.events.find((candidate) => candidate.eventId === DEMO_AUTH_EVENTS.risky) : undefined;
    expect(event?.feedback).toMatchObject({ value: 'Invalid', provider: 'Admin' });
    expect(await latestRecord('alice.verified')).toMatchObject({ action: 'AuthEventFeedback', outcome: 'success' });
  });

  it('a pool without threat protection is a plain fact, not an error; feedback there is refused with its own code', async () => {
    const customers = { connectionId: 'demo', userPoolId: DEMO_CUSTOMER_POOL_ID, username: 'customer001' };
    expect(await t.call('risk:events', customers)).toEqual({ threatProtection: false });
    const error = await t.fail('risk:feedback', { ...customers, eventId: DEMO_AUTH_EVENTS.risky, feedback: 'Valid' });
    expect(error.code).toBe('UserPoolAddOnNotEnabled');
  });
});
